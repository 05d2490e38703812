// What must be true against its closed-form crossing, in a driver's tails (fifteenth session, num15).
// Usage: node bench/decisions/crossing-bias.mjs [DIST] [SEEDS] [TRIALS]  (DIST: a build, default dist)
// One tier, 400 leads a month, conversion p ~ Beta(mean 0.05, sd 0.01), ACV 10,000, no sales cycle:
// revenue given p is a sum of Binomial(400, p) months weighted (13 - m) / 12, with mean k p and a
// Cornish-Fisher median k p - κ3 / (6 σ²). A target = that median at the beta's u-quantile p_u must be
// named as conversion p_u, a year at its u-th percentile. Prints the mean over seeds of the reported
// percentile and value beside u and p_u.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const seeds = Number(process.argv[3] ?? 10);
const trials = Number(process.argv[4] ?? 20_000);
const load = (p) => import(pathToFileURL(`${dist}/${p}`).href);
const { parseScenario } = await load('scenario/parse.js');
const { simulate } = await load('engine/simulate.js');
const { summarize } = await load('analysis/summarize.js');

const [L, A, MU, SD] = [400, 10_000, 0.05, 0.01];
const nu = (MU * (1 - MU)) / (SD * SD) - 1;
const [a, b] = [MU * nu, (1 - MU) * nu];
// Beta quantiles from a fine midpoint integration of its density (no project code).
const lgamma = (x) => {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let s = c[0];
  for (let i = 1; i < 9; i++) s += c[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
};
const lb = lgamma(a) + lgamma(b) - lgamma(a + b);
const G = 400_000;
const cdf = new Float64Array(G);
for (let i = 0, acc = 0; i < G; i++) {
  const x = ((i + 0.5) / G) * 0.2;
  acc += (Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb) * 0.2) / G;
  cdf[i] = acc;
}
const quantile = (u) => {
  let i = 0;
  while (cdf[i] < u) i++;
  return ((i + 0.5) / G) * 0.2;
};
const w = Array.from({ length: 12 }, (_, m) => (12 - m) / 12);
const [S1, S2, S3] = [1, 2, 3].map((k) => w.reduce((s, x) => s + x ** k, 0));
const k = A * L * S1;
const medianAt = (p) => k * p - (A ** 3 * L * p * (1 - p) * (1 - 2 * p) * S3) / (6 * A * A * L * p * (1 - p) * S2);
const levels = [0.05, 0.1, 0.5, 0.9, 0.95];
const yaml = `name: crossing\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: ${L}\n      conversion: { dist: beta, mean: ${MU}, sd: ${SD} }\n      acv: ${A}\n`;
const sums = levels.map(() => ({ p: [], v: [] }));
for (let seed = 1; seed <= seeds; seed++) {
  const sim = await simulate(parseScenario(yaml, 'crossing.yaml'), { trials, seed, workers: 0 });
  const s = summarize(sim, { targets: { metrics: levels.map((u) => ({ metric: 'revenue', value: medianAt(quantile(u)) })) } });
  s.whatMustBeTrue.forEach((t, i) => {
    const c = t.drivers[0];
    if (c?.reach === 'crosses') {
      sums[i].p.push(c.percentile);
      sums[i].v.push(c.value);
    }
  });
}
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
console.log(`${trials} trials, ${seeds} seeds: u  mean percentile (se)  p_u  mean value`);
levels.forEach((u, i) => {
  const { p, v } = sums[i];
  console.log(`${u.toFixed(2)}  ${mean(p).toFixed(4)} (${(sd(p) / Math.sqrt(p.length)).toFixed(4)})  ${quantile(u).toFixed(5)}  ${mean(v).toFixed(5)}`);
});
