// CPU of the two input checks the nineteenth session (left19) widened, per call, on the built dist/:
// looksUtf16 on a 64 KB sample (UTF-16 CJK without a line end: every unit looked at), and
// splitAmounts on its worst row (8 extra fields shared out among 6 amount columns, no way reading).
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
const record = ['1', 'SMB', ...Array.from({ length: 14 }, (_, i) => String(100 + i))];
const amounts = new Set([2, 3, 4, 5, 6, 7]);
console.log(`splitAmounts, 8 extra fields over 6 amount columns: ${cpu(() => splitAmounts(record, 8, 8, amounts), 200).toFixed(1)} us a row (found: ${JSON.stringify(splitAmounts(record, 8, 8, amounts))})`);
