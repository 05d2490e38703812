import { parseMoney, parsePct } from './lib.mjs';
// Usage: npm run build --silent && node bench/trials-recheck/fuzz.mjs (every money and share formatter: each written figure rounds its value correctly)
const D = new URL('../../dist/report/', import.meta.url).href;
const { formatCurrency, formatShare } = await import(D + 'money.js');
const { formatMoney, formatMoneyWith, formatPercent, percentColumn } = await import(D + 'format.js');
const { formatMoneyInterval, formatMoneyBeside, formatMoneyIntervalPlain, formatMoneyBesidePlain, formatShareInterval, formatShareBeside, moneyCellsFormat } = await import(D + 'interval-format.js');
const { fixedMoney } = await import(D + 'fixed-money.js');
let bad = 0; const seen = new Set();
const check = (name, v, s, parser = parseMoney) => {
  const p = parser(s.replace(/^\[|\]$/g, ''));
  if (!p) { if (!seen.has(name + 'u')) { seen.add(name + 'u'); console.log('unparsable', name, v, s); } return; }
  if (Math.abs(p.value - v) > p.half * (1 + 1e-9) + 1e-12) { bad++; if (!seen.has(name)) { seen.add(name); console.log('MISROUND', name, v, JSON.stringify(s)); } }
};
let seed = 1; const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const bases = [0.001, 0.01, 1, 999, 1000, 9999, 99999, 999999, 1e6, 1e9, 1e12];
for (let k = 0; k < 200000; k++) {
  const b = bases[k % bases.length]; const sgn = rnd() < 0.2 ? -1 : 1;
  const v = sgn * b * (0.9 + 0.2 * rnd()) * (rnd() < 0.3 ? 1 : 10 ** Math.floor(rnd() * 3));
  check('formatMoney', v, formatMoney(v));
  for (const e of [1, 2, 3]) check('formatMoneyWith' + e, v, formatMoneyWith(v, e));
  check('formatCurrency', v, formatCurrency(v, '$'));
  const w = Math.abs(v) * (rnd() * 0.01);
  const iv = [v - w, v + w];
  const [a, c] = formatMoneyInterval(iv, '$').slice(1, -1).split(', ');
  check('formatMoneyInterval lo', iv[0], a); check('formatMoneyInterval hi', iv[1], c);
  check('formatMoneyBeside', v, formatMoneyBeside(v, iv, '$'));
  check('formatMoneyBesidePlain', v, formatMoneyBesidePlain(v, iv));
  const [a2, c2] = formatMoneyIntervalPlain(iv).slice(1, -1).split(', ');
  check('formatMoneyIntervalPlain lo', iv[0], a2); check('formatMoneyIntervalPlain hi', iv[1], c2);
  const vals = [v, v * (1 + (rnd() - 0.5) * 0.002), v * (1 + (rnd() - 0.5) * 0.05)];
  const f = fixedMoney(vals, '$'); vals.forEach((x) => check('fixedMoney', x, f(x)));
  const g = moneyCellsFormat(vals.map((x) => ({ value: x, interval: [x * 0.999, x * 1.001] })), '$'); vals.forEach((x) => check('moneyCellsFormat', x, g(x)));
  const sh = rnd() < 0.5 ? rnd() : (rnd() < 0.5 ? 1 - rnd() * 1e-3 : rnd() * 1e-3);
  check('formatShare', sh, formatShare(sh), parsePct); check('formatPercent', sh, formatPercent(sh), parsePct);
  const siv = [Math.max(0, sh - rnd() * 1e-3), Math.min(1, sh + rnd() * 1e-3)];
  check('formatShareBeside', sh, formatShareBeside(sh, siv), parsePct);
  const [s1, s2] = formatShareInterval(siv).slice(1, -1).split(', ');
  check('formatShareInterval lo', siv[0], s1, parsePct); check('formatShareInterval hi', siv[1], s2, parsePct);
  const col = [sh, rnd(), rnd() * 1e-3]; const pc = percentColumn(col); col.forEach((x) => check('percentColumn', x, pc(x), parsePct));
}
console.log('misrounded', bad);
