import { normalCdf } from '../math/normal-cdf.js';

/**
 * The continuous ranked probability score (CRPS) of a forecast given as a sample, against the
 * outcome y, in the outcome's units (lower is better):
 *
 *   CRPS(F_n, y) = (1/n) Σ |x_i − y|  −  (1 / (2 n²)) Σ_i Σ_j |x_i − x_j|
 *
 * the energy form of Gneiting & Raftery (2007, "Strictly proper scoring rules, prediction and
 * estimation", JASA 102, eq. 21) applied to the sample's empirical distribution F_n: it equals
 * ∫ (F_n(x) − 1{y ≤ x})² dx exactly. The double sum is computed from the sorted sample as
 * Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n − 1) x_(i) (i = 1..n), so the score costs O(n) after an
 * O(n log n) sort (Jordan, Krüger & Lerch 2019, scoringRules, "crps_sample").
 *
 * @example sampleCrps(Float64Array.of(1, 2, 3), 2.5) // => 7/18 (0.8333 − 8/18)
 * Complexity: O(n); `sorted` must be in ascending order and finite.
 */
export function sampleCrps(sorted: ArrayLike<number>, y: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('the CRPS needs at least one sampled value');
  let absError = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i]!;
    absError += Math.abs(x - y);
    spread += (2 * (i + 1) - n - 1) * x;
  }
  // (1/(2n²)) · 2 Σ (2i − n − 1) x_(i) = Σ (2i − n − 1) x_(i) / n².
  return absError / n - spread / (n * n);
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
