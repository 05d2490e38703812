// One KWD amount formatted from its symbol alone (markMinorDigits finds the minor digits back from
// 'KWD', building its table of every currency's symbol the first time). Paired with
// bench/mark-by-code.mjs (currencyMark: the digits from the code) by /work/shared/tools/paired-time;
// run after `npm run build`.
import { formatCurrency } from '../dist/report/money.js';
console.log(formatCurrency(0.0754, 'KWD'));
