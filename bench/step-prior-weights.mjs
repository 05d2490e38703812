// act25: what a discrete or empirical prior's quantile table (a sorted sample of 16,384 draws) does
// to a re-forecast's posterior. Prior: renewal 0.6 with weight 1%, else 0.9 (discrete; and empirical,
// 0.6 once in 100 values). Month 1 renews 5 of 10 due: likelihood ratio (0.6/0.9)^5 (0.4/0.1)^5 = 134.85,
// so P(0.6 | data) = 0.5766 exactly (0.576648) and the 110 due later churn 30.03 on average. For 12 table seeds,
// the weight the table gives 0.6 (Phi at the score where its quantile crosses 0.75) and the posterior
// and mean churn that weight implies. Usage: npm run build && node bench/step-prior-weights.mjs [dist dir]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
const dist = resolve(process.argv[2] ?? 'dist');
const { QuantileTable } = await import(pathToFileURL(`${dist}/actuals/prior-table.js`).href);
const { compileDistribution } = await import(pathToFileURL(`${dist}/model/distribution-sampler.js`).href);
const { normalCdf } = await import(pathToFileURL(`${dist}/math/normal-cdf.js`).href);
const LR = (0.6 / 0.9) ** 5 * (0.4 / 0.1) ** 5;
const post = (w) => (w * LR) / (w * LR + (1 - w));
const churn = (w) => 110 * (post(w) * 0.4 + (1 - post(w)) * 0.1);
const weightBelow = (table, mid) => {
  let lo = -8, hi = 8;
  for (let k = 0; k < 60; k++) { const m = (lo + hi) / 2; if (table.atScore(m) < mid) lo = m; else hi = m; }
  return normalCdf(lo);
};
console.log(`exact: weight 0.01000, P(0.6 | data) ${post(0.01).toFixed(4)}, churn ${churn(0.01).toFixed(2)}`);
for (const [name, spec] of [['discrete', { dist: 'discrete', values: [0.9, 0.6], weights: [0.99, 0.01] }], ['empirical', { dist: 'empirical', values: [0.6, ...Array(99).fill(0.9)] }]]) {
  const d = compileDistribution(spec);
  const ws = Array.from({ length: 12 }, (_, i) => weightBelow(new QuantileTable(d, `step-${i + 1}`), 0.75));
  const ps = ws.map(post), cs = ws.map(churn);
  console.log(`${name}: weights ${Math.min(...ws).toFixed(5)}-${Math.max(...ws).toFixed(5)}; P(0.6 | data) ${Math.min(...ps).toFixed(4)}-${Math.max(...ps).toFixed(4)}; churn ${Math.min(...cs).toFixed(2)}-${Math.max(...cs).toFixed(2)}`);
}
