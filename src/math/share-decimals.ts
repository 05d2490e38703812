import { toFixedDecimal, toPrecisionText } from './decimal-round.js';
/**
 * Decimals of a percentage: one, or more for a share just below 1, which one decimal would round
 * to 100.0%: a target reached in 2,999 of 3,000 trials is 99.97%, not the certainty "100.0%".
 * (Here, below the layers that write shares: report/money.ts's formatShare and the fit's comments.)
 *
 * @example decimalsBelowWhole(0.99967) // => 2
 */
export function decimalsBelowWhole(value: number): number {
  let d = 1;
  // Up to 15: every double below 1 (1 - 2^-53 is 99.99999999999999%) then reads below 100 (6 wrote 1 - 1e-9 as '100.000000%').
  while (d < 15 && value < 1 && value > 0.999 && toFixedDecimal(value * 100, d) === (100).toFixed(d)) d++;
  return d;
}

/**
 * A percentage with two significant digits, in positional notation: toPrecision writes one below
 * 0.000001 in exponent notation (a share of 6.9e-9 as "6.9e-7%"), which no table or chart reads as
 * a percentage. Any finite x (1e-105 included: toFixed threw a RangeError past 100 decimals).
 *
 * @example twoSignificantDigits(0.000000689) // => '0.00000069'
 */
export function twoSignificantDigits(x: number): string {
  return toPrecisionText(x, 2);
}

/** The most decimals decimalsOffEnds gives a share near 0: 1e-9 (one year in a billion) reads 0.0000001%; one nearer 0 (float noise: a Wilson bound of 2e-19 for none of 1,000) sets none and reads zero. */
const MOST_NEAR_ZERO_DECIMALS = 8;

/**
 * The fewest decimals (one at least) at which a share reads as neither 0% nor 100% unless it is
 * that: 0.000036 (a component's -0.0036% of a shortfall) is "-0.004%", not "0.0%"; 1.0000357 is
 * "100.004%", not "100.0%"; 0.99967 is "99.97%". Told from its end, and no more: not two
 * significant digits of the distance, which a column or an interval beside it does not support.
 *
 * @example decimalsOffEnds(-0.000036) // => 3
 * @example decimalsOffEnds(1.0000357) // => 3
 */
export function decimalsOffEnds(value: number): number {
  if (!Number.isFinite(value)) return 1;
  const pct = value * 100;
  const reads = (d: number, end: number) => Number(toFixedDecimal(pct, d)) === end;
  let d = 1;
  if (pct !== 0) while (d < MOST_NEAR_ZERO_DECIMALS && reads(d, 0)) d++;
  if (d === MOST_NEAR_ZERO_DECIMALS && reads(d, 0)) d = 1;
  while (d < 15 && pct !== 100 && reads(d, 100)) d++;
  return d;
}
