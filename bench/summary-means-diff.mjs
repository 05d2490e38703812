// Mean of every company, tier and component metric in two summary.json files (a run before and after a
// change, same scenario, trials and seed), with the relative change and the first run's standard error.
//
//   node bench/summary-means-diff.mjs OLD/summary.json NEW/summary.json
import { readFileSync } from 'node:fs';

const [a, b] = process.argv.slice(2).map((p) => JSON.parse(readFileSync(p, 'utf8')));
const m = (x) => `${(x / 1e6).toFixed(3)}M`;
const row = (label, x, y) => {
  if (x?.mean === undefined || y?.mean === undefined) return;
  const change = x.mean === 0 ? '' : `${((y.mean / x.mean - 1) * 100).toFixed(2)}%`;
  console.log(`${label.padEnd(40)} ${m(x.mean).padStart(10)} -> ${m(y.mean).padStart(10)} ${change.padStart(8)}  se ${m(x.standardError ?? NaN)}`);
};
for (const k of Object.keys(a.metrics)) row(`company ${k}`, a.metrics[k], b.metrics[k]);
for (const t of Object.keys(a.byTier)) for (const k of Object.keys(a.byTier[t])) row(`${t} ${k}`, a.byTier[t][k], b.byTier[t]?.[k]);
for (const k of Object.keys(a.byComponent)) for (const c of Object.keys(a.byComponent[k])) row(`${k} ${c}`, a.byComponent[k][c], b.byComponent[k]?.[c]);
