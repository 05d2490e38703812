// CPU of the two input checks the nineteenth session (left19) widened, per call, on the built dist/:
// looksUtf16 on a 64 KB sample (UTF-16 CJK without a line end: every unit looked at), and
// splitAmounts on its worst rows (8 extra fields of `100` shared out among 9 amount columns: C(16,8) = 12,870
// ways, the search stopped after MOST_STEPS; and the same row with an unreadable month, stopped at once).
// Usage: npm run build && node bench/text-checks-cost.mjs
import { looksUtf16 } from '../dist/scenario/read-text.js';
import { splitAmounts } from '../dist/scenario/split-amount.js';

const cpu = (f, reps) => {
  for (let i = 0; i < Math.min(reps, 50); i++) f();
  const t = process.cpuUsage();
  for (let i = 0; i < reps; i++) f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / reps;
};

const cjk = Buffer.from('\u5ba2\u6237\u540d\u79f0\u548c\u5730\u5740\u4fe1\u606f,'.repeat(4000), 'utf16le');
const ascii = Buffer.from('month,tier,new_arr\n'.repeat(4000), 'utf8');
console.log(`looksUtf16, 64 KB UTF-16 CJK, no line end: ${cpu(() => looksUtf16(cjk), 2000).toFixed(1)} us a call (recognised: ${looksUtf16(cjk)})`);
console.log(`looksUtf16, 76 KB UTF-8 CSV (no zero byte): ${cpu(() => looksUtf16(ascii), 2000).toFixed(1)} us a call (recognised: ${looksUtf16(ascii)})`);
const amounts = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]);
const isNumber = (c) => /^\d+$/.test(c);
const reads = new Map([[0, (c) => /^\d{1,2}$/.test(c) && +c >= 1 && +c <= 12], ...[...amounts].map((f) => [f, isNumber])]);
for (const month of ['1', 'x']) {
  const record = [month, 'SMB', ...Array(17).fill('100')];
  const got = splitAmounts(record, 11, 8, amounts, reads);
  console.log(`splitAmounts, 8 extra fields of 100 over 9 amount columns, month ${month}: ${cpu(() => splitAmounts(record, 11, 8, amounts, reads), 200).toFixed(1)} us a row (readings: ${got ? `${got.count}, complete ${got.complete}` : 'none'})`);
}
