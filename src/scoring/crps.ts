import { normalCdf } from '../math/normal-cdf.js';

/**
 * The continuous ranked probability score (CRPS) of a forecast given as a sample, against the
 * outcome y, in the outcome's units (lower is better):
 *
 *   CRPS(F_n, y) = (1/n) Σ |x_i − y|  −  (1 / (2 n²)) Σ_i Σ_j |x_i − x_j|
 *
 * the energy form of Gneiting & Raftery (2007, "Strictly proper scoring rules, prediction and
 * estimation", JASA 102, eq. 21) applied to the sample's empirical distribution F_n (the "edf"
 * convention of scoringRules' crps_sample, 1/(2n²): the score of the sample as the forecast; not the
 * "fair" 1/(2n(n − 1)), the unbiased estimate of the sampled distribution's score). It equals
 * ∫ (F_n(x) − 1{y ≤ x})² dx exactly, and is computed that way from the sorted sample: between
 * consecutive values F_n is k/n, so the integral is a sum of gaps x_(k+1) − x_(k) times (k/n)² or
 * (1 − k/n)² (the gap holding y split there), plus |y − x| beyond the sample when y is outside it.
 * Every term is at least 0 and a sample all at y gives 0 exactly; the energy form's two sums, of
 * revenue-sized values, left rounding of up to 1e-6 (negative at an outcome equal to every trial:
 * −9.7e-7 for 100,001 trials at 70,000,000.3), and 3e-8 relative where the spread is small
 * against the level. O(n) after an O(n log n) sort (Jordan, Krüger & Lerch 2019, scoringRules).
 *
 * @example sampleCrps(Float64Array.of(1, 2, 3), 2.5) // => 7/18 (0.8333 − 8/18)
 * Complexity: O(n); `sorted` must be in ascending order and finite.
 */
export function sampleCrps(sorted: ArrayLike<number>, y: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('the CRPS needs at least one sampled value');
  const first = sorted[0]!;
  const last = sorted[n - 1]!;
  // Beyond the sample: F_n is 0 below it and 1 above it, the step 1{y <= x} the other.
  let sum = y < first ? first - y : y > last ? y - last : 0;
  for (let k = 1; k < n; k++) {
    const lo = sorted[k - 1]!;
    const hi = sorted[k]!;
    if (hi === lo) continue;
    const below = (k / n) ** 2; // (F_n − 0)² left of y
    const above = (1 - k / n) ** 2; // (F_n − 1)² right of y
    if (y <= lo) sum += (hi - lo) * above;
    else if (y >= hi) sum += (hi - lo) * below;
    else sum += (y - lo) * below + (hi - y) * above;
  }
  return sum;
}

/**
 * The CRPS of a normal forecast N(mu, sigma²) at y, in closed form (Gneiting & Raftery 2007,
 * section 4.2; Gneiting et al. 2005, Monthly Weather Review 133, eq. 5):
 *
 *   CRPS = sigma · [ z (2Φ(z) − 1) + 2φ(z) − 1/√π ],   z = (y − mu) / sigma.
 *
 * @example normalCrps(0, 1, 0) // => 0.23369... (2φ(0) − 1/√π)
 * Complexity: O(1).
 */
export function normalCrps(mu: number, sigma: number, y: number): number {
  if (!(sigma > 0)) throw new RangeError(`normalCrps needs sigma > 0, got ${sigma}`);
  const z = (y - mu) / sigma;
  const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return sigma * (z * (2 * normalCdf(z) - 1) + 2 * pdf - 1 / Math.sqrt(Math.PI));
}
