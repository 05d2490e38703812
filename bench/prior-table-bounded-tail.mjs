// act24b: a re-forecast's prior table of a bounded family (uniform, triangular, PERT at normal scores
// -3 and 3; the truncated normal Normal(0.9, 0.05) on [0, 1] at -6, -3.3 and 3.3), tables of five seeds,
// against the inverse CDF (the truncated normal's from scipy's truncnorm). Before act24b these families
// had no exact quantile: the table's tails were its sample's few draws, then its last.
// Usage: npm run build && node bench/prior-table-bounded-tail.mjs [DIST]   (DIST: a build's dist/, default ./dist)
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { QuantileTable } = await import(`${dist}/actuals/prior-table.js`);
const { compileDistribution } = await import(`${dist}/model/distribution-sampler.js`);
const phi3 = 1.349898031630094e-3; // Phi(-3)
const cases = [
  ['uniform 2-5', { dist: 'uniform', min: 2, max: 5 }, { '-3': 2 + 3 * phi3, 3: 5 - 3 * phi3 }],
  ['triangular 0,1,4', { dist: 'triangular', min: 0, mode: 1, max: 4 }, { '-3': Math.sqrt(4 * phi3), 3: 4 - Math.sqrt(12 * phi3) }],
  ['PERT 0,0,10', { dist: 'pert', min: 0, mode: 0, max: 10 }, { '-3': 10 * (1 - (1 - phi3) ** 0.2), 3: 10 * (1 - phi3 ** 0.2) }],
  ['truncated normal 0.9+-0.05 on [0,1]', { dist: 'normal', mean: 0.9, sd: 0.05, min: 0, max: 1 }, { '-6': 0.5998132161728519, '-3.3': 0.7346773553318897, 3.3: 0.9995662738725961 }],
];
for (const [name, spec, exact] of cases) {
  const d = compileDistribution(spec);
  for (const e of Object.keys(exact).map(Number).sort((x, y) => x - y)) {
    const vals = ['a', 'b', 'c', 'd', 'e'].map((s) => new QuantileTable(d, s).atScore(e).toFixed(4));
    console.log(`${name} at ${e}: exact ${exact[e].toFixed(4)}, tables ${vals.join(' ')}`);
  }
}
