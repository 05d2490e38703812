import { logGamma } from './incomplete-beta.js';

/**
 * P(X > k) for X ~ Poisson(mean). Each sum starts at its largest term, from log Gamma, and goes on
 * by the ratio of neighbouring terms, stopping once a term is below 1e-17 of the sum (what is left is
 * at most that over 1 - the ratio): a tail of 1e-30 keeps its relative accuracy, where 1 minus the
 * CDF would lose it below 1e-16.
 * - k + 1 above the mean: the upper sum, pmf(k + 1) + pmf(k + 2) + ..., terms falling by mean / (j + 1);
 * - else 1 - the lower sum pmf(k) + pmf(k - 1) + ..., terms falling by j / mean (the tail is then at
 *   least about a half, so the subtraction loses nothing that matters). Starting the upper sum there
 *   would underflow: pmf(200) of Poisson(2000) is e^-1343.
 *
 * @example poissonUpperTail(1, 2) // => 0.0803 (1 - e^-1 (1 + 1 + 1/2))
 * Complexity: O(log(1 / tail) + terms within a few sd of the start).
 */
export function poissonUpperTail(mean: number, k: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poissonUpperTail: mean must be a finite number >= 0 (got ${mean})`);
  if (k < 0) return 1;
  const top = Math.floor(k);
  if (mean === 0) return 0;
  const pmf = (j: number) => Math.exp(-mean + j * Math.log(mean) - logGamma(j + 1));
  let sum = 0;
  if (top + 1 > mean) {
    let term = pmf(top + 1);
    for (let j = top + 1; term > 0; j++) {
      sum += term;
      term *= mean / (j + 1);
      if (term <= sum * 1e-17) break;
    }
    return Math.min(1, sum);
  }
  let term = pmf(top);
  for (let j = top; j >= 0 && term > 0; j--) {
    sum += term;
    term *= j / mean;
    if (term <= sum * 1e-17) break;
  }
  return Math.max(0, 1 - sum);
}
