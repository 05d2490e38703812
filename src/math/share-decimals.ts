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
