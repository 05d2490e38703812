import { readFileSync } from 'node:fs';
import { readTrials, pct, mean, agree, done } from './lib.mjs';
import { parse } from 'csv-parse/sync';
const [dir] = process.argv.slice(2);
const T = readTrials(`${dir}/trials.csv`);
const rows = parse(readFileSync(`${dir}/percentiles.csv`, 'utf8'), { columns: true });
const P = { p1: 0.01, p5: 0.05, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 };
const missing = new Set();
for (const r of rows) {
  let col;
  if (r.component === 'total') col = r.tier === 'all' ? r.metric : `tier.${r.tier}.${r.metric}`;
  else if (r.tier === 'all') col = `component.${r.metric}.${r.component}`;
  else continue; // tier x component: mean only, no per-trial column
  const xs = T[col]; if (!xs) { missing.add(col); continue; }
  let t; if (r.statistic === 'mean') t = mean(xs); else if (P[r.statistic] !== undefined) t = pct(xs, P[r.statistic]); else if (r.statistic === 'sd') { const m = mean(xs); const a = xs.filter((x) => !Number.isNaN(x)); t = Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1)); } else continue;
  if (r.value === '') continue;
  agree({ value: Number(r.value), half: 0.0051 + Math.abs(t) * 2e-6 }, t, `percentiles.csv ${r.metric}/${r.tier}/${r.component}/${r.statistic}`);
}
console.log('missing columns', [...missing].slice(0, 10));
done();
