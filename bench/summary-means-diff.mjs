// Mean of every company, tier and component metric in two summary.json files (a run before and after a
// change, same scenario, trials and seed), with the relative change and the first run's standard error,
// each in the metric's own unit: money in millions, rates (grr, nrr) in percent, counts as counts.
//
//   node bench/summary-means-diff.mjs OLD/summary.json NEW/summary.json
import { readFileSync } from 'node:fs';

const [a, b] = process.argv.slice(2).map((p) => JSON.parse(readFileSync(p, 'utf8')));
const RATES = new Set(['grr', 'nrr']);
const COUNTS = new Set(['customersWon', 'customersLost', 'leads']);
/** The formatter of a metric's values (and of its standard error), by its key. */
const unitOf = (key) =>
  RATES.has(key) ? (x) => `${(x * 100).toFixed(3)}%` : COUNTS.has(key) ? (x) => x.toFixed(2) : (x) => `${(x / 1e6).toFixed(3)}M`;
const row = (label, key, x, y) => {
  if (x?.mean === undefined || y?.mean === undefined) return;
  const f = unitOf(key);
  const change = x.mean === 0 ? '' : `${((y.mean / x.mean - 1) * 100).toFixed(2)}%`;
  console.log(`${label.padEnd(40)} ${f(x.mean).padStart(10)} -> ${f(y.mean).padStart(10)} ${change.padStart(8)}  se ${f(x.standardError ?? NaN)}`);
};
for (const k of Object.keys(a.metrics)) row(`company ${k}`, k, a.metrics[k], b.metrics[k]);
for (const t of Object.keys(a.byTier)) for (const k of Object.keys(a.byTier[t])) row(`${t} ${k}`, k, a.byTier[t][k], b.byTier[t]?.[k]);
for (const k of Object.keys(a.byComponent)) for (const c of Object.keys(a.byComponent[k])) row(`${k} ${c}`, k, a.byComponent[k][c], b.byComponent[k]?.[c]);
