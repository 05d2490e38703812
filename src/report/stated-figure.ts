import { toPrecisionDecimal } from '../math/decimal-round.js';

/**
 * The most significant digits a figure the planner typed (an input, a target's amount, a monthly plan)
 * is echoed with. Up to this many it is echoed exactly as typed ("$119.996M", "12.25%"); beyond, the
 * figure is rounded to this many and marked with APPROXIMATELY ("≈$18.2346M" for 18,234,567.89): nine
 * significant digits in a board table are noise no reader checks, and six still tell the planner the
 * figure is the one they typed (a target of 119,996,000 is not 120M), with the mark saying the
 * figure shown is not all of it. A rounded figure keeps its trailing zeros, so its digits show where
 * it was cut: 1,999,996.4 is "≈$2.00000M", not "≈$2M".
 */
export const STATED_DIGITS = 6;

/** The mark before a stated figure shown rounded: "≈$18.2346M". */
export const APPROXIMATELY = '≈';

/**
 * A typed figure as it is echoed: itself when it has at most STATED_DIGITS significant digits (as the
 * decimal typed: 15 digits, so 0.07 * 100 is 7), else rounded to STATED_DIGITS, `rounded` saying so.
 * `wholeKept`: a count or a plain number, written in full, keeps every whole digit (1,234,567
 * customers is no noise; 2,700.123456 leads is "≈2,700.12").
 *
 * `end`: a figure it must not round onto unless it is that figure (100 for a rate in percent: 99.9999999%
 * is "≈99.9999999%", not "≈100.000%", a certainty the planner did not write): more digits until it does not.
 * `digits`: the significant digits a rounded figure is written with.
 *
 * @example statedRounding(18_234_567.89) // => { value: 18234600, rounded: true, digits: 6 }
 * @example statedRounding(119_996_000) // => { value: 119996000, rounded: false, digits: 6 }
 * Complexity: O(1).
 */
export function statedRounding(value: number, wholeKept = false, end?: number): { value: number; rounded: boolean; digits: number } {
  if (!Number.isFinite(value) || value === 0) return { value, rounded: false, digits: STATED_DIGITS };
  const typed = toPrecisionDecimal(value, 15);
  const whole = Math.floor(Math.log10(Math.abs(typed))) + 1;
  let digits = Math.min(15, wholeKept ? Math.max(STATED_DIGITS, whole) : STATED_DIGITS);
  let shown = toPrecisionDecimal(typed, digits);
  while (end !== undefined && shown === end && typed !== end && digits < 15) shown = toPrecisionDecimal(typed, ++digits);
  return { value: shown, rounded: shown !== typed, digits };
}
