import { toPrecisionDecimal } from '../math/decimal-round.js';
import { unitSize, type MoneyUnit } from './money.js';

/** A written amount ('-$1.43M', '+€25.8M', 'KWD 493', '$1,000T') as its value and the size of its last written digit. */
export function writtenAmount(text: string): { value: number; step: number } | undefined {
  const m = /(\d[\d,]*)(?:\.(\d+))?([kMBT]?)$/.exec(text);
  if (!m) return undefined;
  const size = unitSize(m[3] as MoneyUnit);
  const value = Number(`${m[1]!.replace(/,/g, '')}.${m[2] ?? '0'}`) * size;
  return { value: text.trimStart().startsWith('-') ? -value : value, step: size / 10 ** (m[2]?.length ?? 0) };
}

/**
 * Whether two written forms of one amount agree at the precision shown: the finer, rounded (halves
 * away from zero, as every formatter rounds) to the coarser's last digit, reads as the coarser.
 * Two roundings of one amount can disagree so: 120,486,500 is "$120.5M" at one decimal and "$120M"
 * at three significant digits, and a reader rounds 120.5 to 121.
 *
 * @example agreeAtPrecision('$120.5M', '$120M') // => false
 * @example agreeAtPrecision('$120.49M', '$120M') // => true
 */
export function agreeAtPrecision(a: string, b: string): boolean {
  const x = writtenAmount(a);
  const y = writtenAmount(b);
  if (x === undefined || y === undefined) return a === b;
  const [coarse, fine] = x.step >= y.step ? [x, y] : [y, x];
  // The finer in units of the coarser's last digit, read at 12 significant digits (120.5 / 1 a half, not a hair under).
  const units = toPrecisionDecimal(Math.abs(fine.value) / coarse.step, 12);
  const rounded = Math.sign(fine.value) * Math.floor(units + 0.5) * coarse.step;
  return Math.abs(rounded - coarse.value) <= 1e-9 * Math.max(coarse.step, Math.abs(coarse.value));
}
