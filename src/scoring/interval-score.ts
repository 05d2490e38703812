import { checkShare } from '../scenario/share-argument.js';

/**
 * Interval score of a central (1 − alpha) prediction interval [lower, upper] against the outcome y,
 * in the outcome's units (Gneiting & Raftery 2007, "Strictly proper scoring rules, prediction and
 * estimation", JASA 102, eq. 43; scoringutils' interval score, unweighted):
 *
 *   IS_alpha = (upper − lower) + (2 / alpha) (lower − y) when y < lower, + (2 / alpha) (y − upper) when y > upper.
 *
 * The band's width, plus 2 / alpha per unit the outcome falls outside it (10 per unit for P10-P90): a
 * narrow band is rewarded only while outcomes stay inside it. Lower is better. It is proper for the
 * interval between the alpha/2 and 1 − alpha/2 quantiles, and equals (2 / alpha) times the sum of the
 * two ends' pinball losses.
 *
 * @example intervalScore(90, 110, 120, 0.2) // => 120 (width 20, plus 10 x 10 above)
 * Complexity: O(1).
 */
export function intervalScore(lower: number, upper: number, y: number, alpha: number): number {
  checkShare(alpha, 'intervalScore: alpha', true);
  if (!(upper >= lower)) throw new RangeError(`intervalScore: upper (${upper}) must be at least lower (${lower})`);
  const width = upper - lower;
  if (y < lower) return width + (2 / alpha) * (lower - y);
  if (y > upper) return width + (2 / alpha) * (y - upper);
  return width;
}
