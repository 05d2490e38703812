import { formatCurrency, formatShare } from './money.js';
import { toFixedDecimal } from '../math/decimal-round.js';
import { decimalsOffEnds } from '../math/share-decimals.js';
import { displayWidth } from './display-width.js';
import { terminalCell } from './terminal-text.js';

/**
 * Money as the terminal writes it: formatCurrency, the one rule every output writes an amount by
 * (three significant digits, k/M/B/T, trailing zeros kept), without the currency's symbol (the
 * terminal's tables name the currency in their headings): 1234 -> "1.23k", 132162418 -> "132M",
 * 94e6 -> "94.0M". It wrote one decimal a unit ("132.2M", "1.2k") where report.html wrote "$132M"
 * and "$1.23k" for the same figure.
 *
 * @example formatMoney(132162418) // => '132M'
 */
export function formatMoney(value: number): string {
  return formatCurrency(value, '');
}

/**
 * formatMoney with `extraDecimals` more significant digits: a figure written beside a target it
 * must read on the right side of (moneyBesideTarget).
 *
 * @example formatMoneyWith(19675215, 1) // => '19.68M'
 */
export function formatMoneyWith(value: number, extraDecimals: number): string {
  return formatCurrency(value, '', 3 + extraDecimals);
}

/** A 95% interval as "[low, high]" in the given format. */
export function formatInterval(interval: readonly [number, number], format: (v: number) => string): string {
  return `[${format(interval[0])}, ${format(interval[1])}]`;
}

/**
 * A share as a percentage: formatShare, the one rule every output writes a share by (it was a
 * second rule here, which wrote a tiny negative share "0.0%" where report.html wrote "-0.010%").
 *
 * @example formatPercent(0.9123) // => '91.2%'
 */
export const formatPercent = (value: number): string => formatShare(value);

/** A share this close to 0 or 1 is float noise (a Wilson bound of 2e-19), and reads as that end. */
const FLOAT_NOISE = 1e-10;

/**
 * A share in a column of shares: every value with one decimal, so a column never shows "0.1%"
 * above "0.099%" as formatPercent's two significant digits below 0.1% would. A value that one decimal
 * would write as an end it is not is written as the bound it lies within, "<0.1%", ">-0.1%", ">99.9%"
 * or "<100.1%": told from its end without lending the whole column digits beyond its Monte Carlo error
 * (decimalsOffEnds, per column, wrote "60.00000%, 40.00000%, 0.00001%" for 0.6, 0.4, 1e-7, and a
 * run's bad-years share "79.073%"). Float noise (within 1e-10 of an end) reads as that end: 0.0%, not
 * -0.0%. The bad-years table, chart and paragraph write a component's share by the column of all of
 * them (badYearsShare).
 *
 * @example ['0.1%', '0.1%', '-0.2%', '<0.1%', '>99.9%'] // columnPercent(v) for 0.001, 0.00099, -0.002, 1e-7, 0.9997
 */
export function columnPercent(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (Math.abs(value) < FLOAT_NOISE) return '0.0%';
  if (Math.abs(value - 1) < FLOAT_NOISE) return '100.0%';
  const digits = toFixedDecimal(value * 100, 1);
  if (Number(digits) === 0) return value > 0 ? '<0.1%' : '>-0.1%';
  if (Number(digits) === 100) return value < 1 ? '>99.9%' : '<100.1%';
  return `${digits}%`;
}

/** A count with thousands separators: 1572.2 -> "1,572"; a half away from zero (-2.5 -> "-3", as Math.round's "-2" was not). */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? (Number(toFixedDecimal(value, 0)) + 0).toLocaleString('en-US') : '-';
}

/** A figure with one decimal, as ramped reps are written: 1.15 -> "1.2" (toFixed's "1.1" rounded the double below the half). */
export function formatTenths(value: number): string {
  if (!Number.isFinite(value)) return '-';
  const text = toFixedDecimal(value, 1);
  // A negative that rounds to zero is 0.0, not -0.0.
  return Number(text) === 0 ? '0.0' : text;
}

/**
 * A share's whole percent, without the sign: 0.285 -> "29", as 28.5% rounds (Math.round(0.285 * 100)
 * read 28: the product is 28.499999999999996). The bad-years tables' "P29" and "Worst 10%".
 *
 * @example wholePercentDigits(0.285) // => '29'
 */
export function wholePercentDigits(share: number): string {
  return toFixedDecimal(share * 100, 0);
}

/**
 * Lay out rows as a text table, two spaces between columns: the first `textColumns` left-aligned,
 * the rest (numbers) right-aligned. Every table the CLI prints is laid out here. Cells hold names,
 * so each is made printable first (terminalCell: control characters written visibly), and the
 * columns are aligned on what is printed, by display width (displayWidth: a CJK character or an
 * emoji sequence such as 👩‍💻 takes two columns, a combining mark none; padding by string length
 * misaligned them).
 *
 * @example textTable([['Tier', 'mean'], ['SMB', '1.5M']]) // => 'Tier  mean\nSMB   1.5M'
 */
export function textTable(rows: ReadonlyArray<readonly string[]>, textColumns = 1): string {
  const printed = rows.map((row) => row.map(terminalCell));
  // Each cell measured once (a cell of emoji or CJK is measured by grapheme cluster).
  const cellWidths = printed.map((row) => row.map(displayWidth));
  const widths: number[] = [];
  for (const row of cellWidths) row.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
  const pad = (cell: string, w: number, i: number) => {
    const spaces = ' '.repeat(widths[i]! - w);
    return i < textColumns ? cell + spaces : spaces + cell;
  };
  return printed
    .map((row, r) => row.map((cell, i) => pad(cell, cellWidths[r]![i]!, i)).join('  ').trimEnd())
    .join('\n');
}
