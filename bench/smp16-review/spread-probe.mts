// Tables forced (whatever the rule says) for narrow severities: the variance and mean of N sums of n deals
// against the exact n v and n m, with z from their standard errors (the variance's from the sum's fourth moment).
// Usage: npx tsx bench/smp16-review/spread-probe.mts N [sigmas] [beta a=b values] ("" for none)
import { CompoundSumTables } from '../../src/random/compound-sum.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import { betaSeverity } from '../../src/math/beta-severity.js';
import { createStream } from '../../src/random/source.js';
import type { Severity } from '../../src/math/aggregate-pmf.js';

const N = Number(process.argv[2] ?? 200000);
const lnExcess = (s: number) => { const a = s * s; return Math.expm1(4 * a) + 2 * Math.expm1(3 * a) + 3 * Math.expm1(2 * a); };
const betaExcess = (a: number, b: number) => { const t = a + b; return (6 * ((a - b) ** 2 * (t + 1) - a * b * (t + 2))) / (a * b * (t + 2) * (t + 3)); };
const cases: [string, () => Severity, number][] = [];
for (const s of (process.argv[3] ?? "0.005,0.01,0.0125,0.015,0.0175,0.02,0.025,0.03,0.04,0.0435,0.05,0.1").split(",").filter(Boolean).map(Number)) cases.push([`lognormal sigma ${s}`, () => lognormalSeverity(s), lnExcess(s)]);
for (const a of (process.argv[4] ?? "100,300,1000,3000,10000").split(",").filter(Boolean).map(Number)) cases.push([`Beta(${a}, ${a})`, () => betaSeverity(a, a), betaExcess(a, a)]);
for (const [name, sev, excess] of cases) {
  const tables = new CompoundSumTables(sev());
  const { mean: m, variance: v } = tables.severity;
  const row = [name, `spreadError ${tables.spreadError().toFixed(4)}`];
  for (const n of [64, 1024]) {
    const draw = tables.bind(createStream(`fixsmp16/spread-probe/${name}/${n}`), () => { throw new Error('no single deals'); });
    let s1 = 0, s2 = 0;
    for (let i = 0; i < N; i++) { const x = draw(n) - n * m; s1 += x; s2 += x * x; }
    const mean = s1 / N;
    const variance = (s2 - N * mean * mean) / (N - 1);
    const V = n * v;
    const varSe = V * Math.sqrt((2 + excess / n) / N);
    row.push(`n ${n}: var ratio ${(variance / V).toFixed(4)} z ${((variance - V) / varSe).toFixed(2)}, mean z ${(mean / Math.sqrt(V / N)).toFixed(2)}`);
  }
  console.log(row.join(' | '));
}
