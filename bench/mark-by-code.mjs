// One KWD amount formatted from its mark by code (currencyMark: symbol and minor digits, no table of
// symbols). Paired with bench/mark-by-symbol.mjs by /work/shared/tools/paired-time; run after `npm run build`.
import { currencyMark, formatCurrency } from '../dist/report/money.js';
console.log(formatCurrency(0.0754, currencyMark('KWD')));
