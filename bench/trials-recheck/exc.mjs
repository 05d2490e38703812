import { readFileSync } from 'node:fs';
import { readTrials, pct } from './lib.mjs';
const [dir] = process.argv.slice(2);
const T = readTrials(`${dir}/trials.csv`);
const s = JSON.parse(readFileSync(`${dir}/charts/exceedance.vl.json`, 'utf8'));
const col = { 'Recognized revenue': 'revenue', 'Ending ARR': 'endingArr' };
let worst = 0, bad = 0;
for (const p of s.datasets.curve) {
  const xs = T[col[p.metric]]; const n = xs.length;
  // the curve's point: P(X >= value) = probability, so value is the (1 - probability) quantile
  const q = pct(xs, 1 - p.probability);
  const d = Math.abs(q - p.value) / Math.max(1, Math.abs(q));
  if (d > 1e-6) { bad++; if (bad < 5) console.log('curve', p.metric, p.probability, p.value, 'vs quantile', q); }
}
for (const t of s.datasets.targets ?? []) {
  const xs = T[col[t.metric]]; const pr = xs.filter((x) => x >= t.value).length / xs.length;
  if (Math.abs(pr - t.probability) > 1e-12) console.log('target', t, pr);
}
console.log('curve points off', bad, 'of', s.datasets.curve.length);
const f = JSON.parse(readFileSync(`${dir}/charts/monthly-fan.vl.json`, 'utf8'));
const P = { P5: 0.05, P95: 0.95, P10: 0.1, P90: 0.9, P25: 0.25, P75: 0.75 };
let fb = 0; const n = T.trial.length; const cum = new Float64Array(n); const cums = {};
for (let m = 1; m <= 12; m++) { const c = T[`mrr.${m}`]; for (let i = 0; i < n; i++) cum[i] += c[i]; cums[m] = Array.from(cum); }
for (const [k, arr] of Object.entries(f.datasets)) {
  for (const b of arr) {
    const xs = k.startsWith('mrr') ? T[`mrr.${b.month}`] : k.startsWith('cumulative') ? cums[b.month] : null; if (!xs) continue;
    const chk = (v, p) => { const q = pct(xs, p); if (Math.abs(q - v) > 1e-6 * Math.abs(q) + 0.01) { fb++; if (fb < 5) console.log(k, b, p, q); } };
    if ('lo' in b) { const [a, c] = b.band.split('–'); chk(b.lo, P[a]); chk(b.hi, P[c]); } else chk(b.value, 0.5);
  }
}
console.log('fan off', fb);
