import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
export function readTrials(file) {
  const rows = parse(readFileSync(file, 'utf8'), { columns: false });
  const head = rows.shift();
  const cols = {};
  head.forEach((h, j) => { cols[h] = rows.map((r) => (r[j] === '' ? NaN : Number(r[j]))); });
  return cols;
}
// type 7 percentile, independent
export function pct(xs, p) {
  const a = xs.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
  const h = (a.length - 1) * p; const lo = Math.floor(h); const hi = Math.ceil(h);
  return a[lo] + (h - lo) * (a[hi] - a[lo]);
}
export const mean = (xs) => { const a = xs.filter((x) => !Number.isNaN(x)); return a.reduce((s, x) => s + x, 0) / a.length; };
// parse a shown money like "1.2M", "-$3.4k", "974.61B", "0" -> {value, half} (half a unit of the last digit)
export function parseMoney(s) {
  const m = /^(-?)[$£€]?(-?)([0-9,]*\.?[0-9]*)([kMBT]?)$/.exec(s.trim());
  if (!m) return null;
  const unit = { '': 1, k: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m[4]];
  const digits = m[3].replace(/,/g, '');
  const dec = digits.includes('.') ? digits.split('.')[1].length : 0;
  const v = Number(digits) * unit * (m[1] || m[2] ? -1 : 1);
  // cent: trials.csv writes money to the cent at most, so a figure recomputed from it may be off by half a cent.
  return { value: v, half: 0.5 * unit * 10 ** -dec, cent: 0.005 };
}
export function parsePct(s) {
  const m = /^(-?[0-9.]+)%$/.exec(s.trim()); if (!m) return null;
  const dec = m[1].includes('.') ? m[1].split('.')[1].length : 0;
  return { value: Number(m[1]) / 100, half: 0.5 * 10 ** -dec / 100 };
}
export function parseCount(s) { const m = /^-?[0-9,]+$/.exec(s.trim()); if (!m) return null; return { value: Number(s.replace(/,/g, '')), half: 0.5 }; }
export let failures = 0, checks = 0;
export function agree(shown, truth, what, slackRel = 2e-7) {
  checks++;
  if (!shown) { failures++; console.log('FAIL unparsable', what); return; }
  const tol = shown.half * (1 + 1e-9) + (shown.cent ?? 0) + Math.abs(truth) * slackRel + 1e-9;
  if (!(Math.abs(shown.value - truth) <= tol)) { failures++; console.log(`FAIL ${what}: shown ${shown.value} (±${shown.half}) vs trials ${truth}`); }
  // A tie (the value exactly half way between two shown figures, to 1e-9) rounds away from zero, as a spreadsheet does.
  else if (process.env.TIES && Math.abs(Math.abs(shown.value - truth) - shown.half) <= 1e-9 * Math.max(1, Math.abs(truth)) && Math.abs(shown.value) < Math.abs(truth)) { failures++; console.log(`TIE ${what}: shown ${shown.value} for ${truth}, half way`); }
}
export const done = () => console.log(`${checks} checks, ${failures} failures`);
