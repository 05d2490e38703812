import { readFileSync } from 'node:fs';
import { readTrials, pct, mean, agree, done } from './lib.mjs';
const [dir] = process.argv.slice(2);
const T = readTrials(`${dir}/trials.csv`);
const n = T.trial.length; const cum = new Float64Array(n);
const lines = readFileSync(`${dir}/monthly.csv`, 'utf8').trim().split('\n'); const head = lines.shift().split(',');
const PS = { p5: 0.05, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95 };
const s = JSON.parse(readFileSync(`${dir}/summary.json`, 'utf8'));
const months = s.monthly.map((m) => m.month ?? m.fiscalMonth);
console.log('monthly keys', Object.keys(s.monthly[0]), 'first month', months[0]);
const cums = {};
for (const m of months) { const c = T[`mrr.${m}`]; if (!c) { console.log('no mrr col', m); continue; } for (let i = 0; i < n; i++) cum[i] += c[i]; cums[m] = Array.from(cum); }
for (const l of lines) {
  const f = l.split(','); const month = Number(f[0]); const metric = f[2];
  const xs = metric === 'mrr' ? T[`mrr.${month}`] : cums[month];
  head.forEach((h, j) => { if (j < 3 || f[j] === '') return; const t = h === 'mean' ? mean(xs) : pct(xs, PS[h]); agree({ value: Number(f[j]), half: Math.abs(t) * 1e-6 + 0.006 }, t, `monthly.csv ${month} ${metric} ${h}`); });
}
done();
