#!/usr/bin/env node
// Whether a build's lognormal compound sums of 5 to 13 deals have the exact sum's mean and variance, and
// their stated bound (meanAbsError over the mean): written to check kernel-lever-probes.mjs's `remainder`
// variant (tables of S_5, S_6, S_7 for a sum's last 4 + r deals) before timing it. 200,000 sums each.
// Usage: node bench/kernel-lever-probes.mjs --only remainder --keep   (prints the variant's DIR), then
//   node bench/remainder-table-check.mjs DIR
// On an unpatched build it stops at the first sum that draws a remainder deal by deal ("single n").
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { CompoundSumTables } = await import(`${dist}/random/compound-sum.js`);
const { lognormalSeverity } = await import(`${dist}/math/lognormal-severity.js`);
const { createStream } = await import(`${dist}/random/source.js`);
const N = 200000;
for (const sigma of [0.6, 0.77]) {
  const tables = new CompoundSumTables(lognormalSeverity(sigma));
  const draw = tables.bind(createStream(`remainder-check/${sigma}`), (n) => {
    throw new Error(`single ${n}: this build draws a remainder deal by deal`);
  });
  // One deal exp(sigma Z) (the median factored out, as the model's sums are).
  const mean1 = Math.exp((sigma * sigma) / 2);
  const var1 = (Math.exp(sigma * sigma) - 1) * Math.exp(sigma * sigma);
  for (const k of [5, 6, 7, 9, 11, 13]) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = draw(k);
      s += x;
      s2 += x * x;
    }
    const m = s / N;
    const v = s2 / N - m * m;
    const z = (m - k * mean1) / Math.sqrt((k * var1) / N);
    console.log(`sigma ${sigma}, ${k} deals: mean ${z.toFixed(2)} standard errors from k x mean; variance ${(v / (k * var1)).toFixed(4)} of k x var; stated bound ${(100 * tables.meanAbsError(k) / (k * mean1)).toFixed(3)}% of the mean`);
  }
}
