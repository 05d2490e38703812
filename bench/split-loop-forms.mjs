#!/usr/bin/env node
// LagSplitter's per-unit loop (model/lag-splitter.ts: a unit's lag from the alias table, one uniform each) in
// bit-identical forms, CPU ns a unit (best of 4 runs of 2,000,000 splits of 6 units over a 10-lag table): `base` is
// the loop as it is (counts in a Float64Array), `intc` counts in an Int32Array, `branchy` picks by a branch, `packed`
// keeps 10 lags' counts in one double (5 bits each: n < 32), with no store-to-load chain through memory; `nocount`
// and `uniOnly` are not splits (the pick without the count, the uniform alone): where the time is. `base2` and
// `packed2` run the same code again: the spread to read the others against.
// Usage, after `npm run build`: node bench/split-loop-forms.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { lagPmfOf } = await import(`${dist}/model/lag-pmf.js`);
const { createStream } = await import(`${dist}/random/source.js`);
const pmf = Float64Array.of(0.05, 0.1, 0.2, 0.2, 0.15, 0.1, 0.08, 0.06, 0.04, 0.02);
const table = lagPmfOf(pmf).alias;
const counts = new Float64Array(10);
const src = createStream('x');
function base(n, source) {
  for (let j = 0; j < counts.length; j++) counts[j] = 0;
  const size = table.n, prob = table.prob, alias = table.alias;
  for (let k = 0; k < n; k++) {
    const x = source() * size;
    const i = Math.min(Math.floor(x), size - 1);
    const a = alias[i];
    counts[a + (i - a) * +(x - i < prob[i])] += 1;
  }
  return counts;
}
const icounts = new Int32Array(10);
function intc(n, source) {
  for (let j = 0; j < icounts.length; j++) icounts[j] = 0;
  const size = table.n, prob = table.prob, alias = table.alias;
  for (let k = 0; k < n; k++) {
    const x = source() * size;
    const i = Math.min(Math.floor(x), size - 1);
    const a = alias[i];
    icounts[a + (i - a) * +(x - i < prob[i])]++;
  }
  for (let j = 0; j < 10; j++) counts[j] = icounts[j];
  return counts;
}
function branchy(n, source) {
  for (let j = 0; j < counts.length; j++) counts[j] = 0;
  const size = table.n, prob = table.prob, alias = table.alias;
  for (let k = 0; k < n; k++) {
    const x = source() * size;
    const i = Math.min(Math.floor(x), size - 1);
    counts[x - i < prob[i] ? i : alias[i]] += 1;
  }
  return counts;
}
function nocount(n, source) {
  const size = table.n, prob = table.prob, alias = table.alias; let s = 0;
  for (let k = 0; k < n; k++) {
    const x = source() * size;
    const i = Math.min(Math.floor(x), size - 1);
    const a = alias[i];
    s += a + (i - a) * +(x - i < prob[i]);
  }
  counts[0] = s; return counts;
}
const POW = Float64Array.from({length: 10}, (_, j) => 32 ** j);
function packed(n, source) {
  const size = table.n, prob = table.prob, alias = table.alias;
  let p = 0;
  for (let k = 0; k < n; k++) {
    const x = source() * size;
    const i = Math.min(Math.floor(x), size - 1);
    const a = alias[i];
    p += POW[a + (i - a) * +(x - i < prob[i])];
  }
  for (let j = 0; j < 10; j++) { const q = Math.floor(p / 32); counts[j] = p - q * 32; p = q; }
  return counts;
}
function uniOnly(n, source) { let s = 0; for (let k = 0; k < n; k++) s += source(); counts[0] = s; return counts; }
// First, that the split forms give the same counts from the same uniforms (10,000 splits of 0 to 24 units each).
for (const [name, f] of Object.entries({ intc, branchy, packed })) {
  const s1 = createStream('check');
  const s2 = createStream('check');
  for (let r = 0; r < 10000; r++) {
    const units = r % 25;
    const want = Array.from(base(units, s1));
    const got = Array.from(f(units, s2));
    if (want.join() !== got.join()) throw new Error(`${name}: other counts than base at split ${r}: ${got} against ${want}`);
  }
}
console.log('intc, branchy, packed: the same counts as base on 10,000 splits');
const n = 6;
for (const [name, f] of Object.entries({ base, packed, intc, branchy, nocount, uniOnly, base2: base, packed2: packed })) {
  let acc = 0; let best = Infinity;
  for (let r = 0; r < 4; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < 2e6; i++) acc += f(n, src)[3];
    const u = process.cpuUsage(t0); best = Math.min(best, (u.user + u.system) * 1000 / 2e6 / n);
  }
  globalThis.sink = acc; // keeps the splits' results alive
  console.log(name.padEnd(8), best.toFixed(1), 'ns/unit');
}
