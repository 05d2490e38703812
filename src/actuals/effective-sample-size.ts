/**
 * Effective sample size of a chain of draws (autocorrelated samples): n / (1 + 2 sum of
 * autocorrelations), the sum cut by Geyer's initial positive sequence (pairs of lags summed while
 * the pair is positive). Independent draws give about n; a sticky chain much less.
 *
 * @example effectiveSampleSize(Float64Array.of(1, 2, 3, 4)) // a trend: far below 4
 * Complexity: O(n x lags).
 */
export function effectiveSampleSize(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 4) return n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += (xs[i]! - mean) ** 2;
  if (!(c0 > 0)) return n;
  const rho = (lag: number) => {
    let c = 0;
    for (let i = 0; i + lag < n; i++) c += (xs[i]! - mean) * (xs[i + lag]! - mean);
    return c / c0;
  };
  let sum = 0;
  for (let lag = 1; lag + 1 < n; lag += 2) {
    const pair = rho(lag) + rho(lag + 1);
    if (!(pair > 0)) break;
    sum += pair;
  }
  // tau = 1 + 2 sum of rho over lags >= 1 = -1 + 2 (sum of pairs from lag 0): written with rho(0) = 1.
  const tau = Math.max(1 / n, 1 + 2 * sum);
  return Math.min(n, n / tau);
}
