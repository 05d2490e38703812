import type { Sensitivity } from '../analysis/sensitivity.js';
import { toFixedDecimal } from '../math/decimal-round.js';
import { decimalsBelowWhole } from './money.js';

/**
 * The one way the terminal, report.html (its table and its paragraph) and report.xlsx write a
 * metric's shares of variance and their 95% intervals: one number of decimals for all of them, the
 * fewest (one at least) at which every interval's ends read differently, and at which no share
 * below 1 reads 100%. A share is an estimate whose interval is typically a few tenths of a point
 * wide, so a tiny one reads 0.0%: report.html wrote "0.023%" beside "[-0.1%, 0.2%]" and "0.0074%"
 * as an interval's end, digits far below the Monte Carlo error, where the terminal wrote 0.0%.
 * A share rounding to zero reads 0.0%, never -0.0%.
 *
 * @example varianceShareDecimals(s) // => 1 for intervals [62.7%, 64.5%] and [-0.1%, 0.2%]
 * Complexity: O(drivers).
 */
export function varianceShareDecimals(s: Sensitivity): number {
  // An interval with an end that is no number (NaN) reads alike at any decimals: it would push every share to 4.
  const intervals = [...s.drivers.flatMap((x) => (x.ownUncertainty && x.varianceShareInterval ? [x.varianceShareInterval] : [])), ...(s.unexplained.interval ? [s.unexplained.interval] : [])].filter(
    ([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi),
  );
  let decimals = Math.max(1, ...intervals.flat().map(decimalsBelowWhole));
  // At most 4: an interval narrower than 0.00005 points needs more trials than a run takes.
  while (decimals < 4 && intervals.some(([lo, hi]) => lo !== hi && fixed(lo, decimals) === fixed(hi, decimals))) decimals++;
  return decimals;
}

/** A share of variance (or an end of its interval) as varianceShareDecimals says: '63.6%', '0.0%'. */
export function varianceShareFormat(s: Sensitivity): (value: number) => string {
  const decimals = varianceShareDecimals(s);
  return (value) => (Number.isFinite(value) ? `${fixed(value, decimals)}%` : '-');
}

/**
 * A share of variance (or an end of its interval) as report.xlsx stores it, so that its cell reads
 * as varianceShareFormat writes it: a negative that rounds to zero at the metric's decimals is
 * stored as 0, the others as estimated. A spreadsheet applies a format's negative section to any
 * negative value, so -0.000106 read "-0.0%" in the workbook where the terminal and report.html
 * write "0.0%"; a conditional format would depend on each reader's rules for the sign.
 *
 * @example varianceShareCell(s)(-0.000106) // => 0 at one decimal; -0.012 stays -0.012
 */
export function varianceShareCell(s: Sensitivity): (value: number) => number {
  const decimals = varianceShareDecimals(s);
  return (value) => (value < 0 && Number(toFixedDecimal(value * 100, decimals)) === 0 ? 0 : value);
}

/** `value` as a percentage with `decimals` decimals, a negative that rounds to zero as zero. */
function fixed(value: number, decimals: number): string {
  const digits = toFixedDecimal(value * 100, decimals);
  return Number(digits) === 0 ? (0).toFixed(decimals) : digits;
}
