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

/**
 * Effective sample size of draws made by independent chains of `chainLength` draws each (the last
 * may be shorter), laid end to end: the smaller of the chains' own (effectiveSampleSize summed) and
 * the one their means' spread implies, s² / Var(grand mean) with Var(grand mean) estimated from the
 * chains' means as independent clusters, Σ w_c² (m_c − m)² C / (C − 1), w_c = n_c / n. A chain that
 * creeps in a corner of the posterior looks well mixed to its own autocorrelations; only the other
 * chains show it (a monthly-terms book misread, 20 chains of 1,000: 192 to 346 effective by the
 * chains' own, about 20 by their means). With one chain, its own.
 *
 * @example chainsEffectiveSampleSize(twentyStuckChains, 1000) // => about 19, not 20,000
 * Complexity: O(n x lags).
 */
export function chainsEffectiveSampleSize(xs: ArrayLike<number>, chainLength: number): number {
  const n = xs.length;
  let own = 0;
  const means: number[] = [];
  const sizes: number[] = [];
  for (let start = 0; start < n; start += chainLength) {
    const part = Array.prototype.slice.call(xs, start, Math.min(n, start + chainLength)) as number[];
    own += effectiveSampleSize(part);
    means.push(part.reduce((a, x) => a + x, 0) / part.length);
    sizes.push(part.length);
  }
  const c = means.length;
  if (c < 2) return own;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  const s2 = ss / (n - 1);
  let between = 0;
  for (let k = 0; k < c; k++) between += (sizes[k]! / n) ** 2 * (means[k]! - mean) ** 2;
  between *= c / (c - 1);
  if (!(s2 > 0) || !(between > 0)) return Math.min(n, own);
  return Math.min(n, own, s2 / between);
}
