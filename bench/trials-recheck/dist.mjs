import { readFileSync } from 'node:fs';
import { readTrials, pct, mean } from './lib.mjs';
const [dir] = process.argv.slice(2);
const T = readTrials(`${dir}/trials.csv`);
const s = JSON.parse(readFileSync(`${dir}/charts/revenue-distribution.vl.json`, 'utf8'));
const xs = T.revenue; const n = xs.length;
let off = 0; const bins = s.datasets.bins;
bins.forEach((b, i) => { const last = i === bins.length - 1; const c = xs.filter((x) => x >= b.start && (x < b.end || (last && x <= b.end))).length; if (c !== b.count || Math.abs(b.share - c / n) > 1e-12) { off++; if (off < 4) console.log('bin', b, c); } });
console.log('bins off', off, 'of', bins.length, 'in bins', bins.reduce((a, b) => a + b.count, 0), 'of', n);
console.log('markers', JSON.stringify(s.datasets.markers.map((m) => [m.key, m.text])));
const want = { p10: pct(xs, 0.1), p50: pct(xs, 0.5), p90: pct(xs, 0.9), mean: mean(xs) };
for (const m of s.datasets.markers) if (want[m.key] !== undefined && Math.abs(want[m.key] - m.value) > 1e-6 * Math.abs(m.value)) console.log('marker off', m.key, m.value, want[m.key]);
const b = JSON.parse(readFileSync(`${dir}/charts/breakdown.vl.json`, 'utf8'));
const COMP = { 'New business': 'newBusiness', 'New-customer expansion': 'newCustomerExpansion', 'Existing expansion': 'existingExpansion', 'Price uplift': 'priceUplift', Contraction: 'contraction', Churn: 'churn' };
let bo = 0;
for (const [k, rows] of Object.entries(b.datasets)) for (const r of rows) {
  const col = k === 'tiers' ? T[`tier.${r.label}.revenue`] : T[`component.revenue.${COMP[r.label]}`];
  if (!col) { console.log('no col', k, r.label); continue; }
  for (const [f, v] of [['mean', mean(col)], ['p10', pct(col, 0.1)], ['p50', pct(col, 0.5)], ['p90', pct(col, 0.9)]]) if (Math.abs(r[f] - v) > 1e-6 * Math.abs(v) + 0.006) { bo++; if (bo < 4) console.log('breakdown', k, r.label, f, r[f], v); }
}
console.log('breakdown off', bo);
