// act24: a re-forecast's prior quantile table in its tails, against the family's exact quantile. A
// beta prior of 90% +- 5%, tables of five seeds, at normal scores -2 to -4.5: the tail between 2.5 and
// 3.8 (the sample's last draw) was a handful of the table's 16,384 draws (found in act24; act24b uses the exact
// quantile wherever fewer than 100 draws lie beyond, so the tables read the exact values there).
// Usage: npm run build && node bench/prior-table-tail.mjs
import { QuantileTable } from '../dist/actuals/prior-table.js';
import { compileDistribution } from '../dist/model/distribution-sampler.js';

const d = compileDistribution({ dist: 'beta', mean: 0.9, sd: 0.05 });
const seeds = ['a', 'b', 'c', 'd', 'e'];
for (const e of [-2, -3, -3.5, -3.8, -4, -4.5]) {
  const vals = seeds.map((s) => new QuantileTable(d, s).atScore(e).toFixed(4));
  console.log(`score ${e}: exact ${d.scoreQuantile(e).toFixed(4)}, tables ${vals.join(' ')}`);
}
