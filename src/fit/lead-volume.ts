import { blockCount, blockOf, fiscalMonthOf, fullBlocks } from './timeline.js';
import { chiSquareQuantile, chiSquareQuantileWilsonHilferty, chiSquareUpperTail, tQuantile } from './reference-distributions.js';
import { DRIFT_PRIOR, yearLevel, type Estimate, type YearLevel } from './estimate.js';
import { poissonLevel } from './zero-variance.js';

/** Seasonality is fitted from this many months on: two of each fiscal month. */
export const SEASONALITY_MONTHS = 24;
/** Level of the over-dispersion test. */
export const DISPERSION_TEST_LEVEL = 0.05;

/** Lead volume fitted from monthly counts. */
export interface LeadVolumeFit {
  /** Months of history. */
  readonly months: number;
  /** Mean leads a month of the last 12 months (seasonality removed): next year's planned level. */
  readonly level: Estimate;
  /** Relative volume by fiscal month (mean 1), with 24 months or more; each with its interval. */
  readonly seasonality?: readonly Estimate[];
  /** Pearson dispersion statistic φ = X² / df (1 for Poisson counts) and its test against Poisson. */
  readonly dispersion: { readonly phi: number; readonly chiSquare: number; readonly df: number; readonly pValue: number };
  /** The negative binomial's k (variance = mean + mean²/k) when the test rejects Poisson; undefined for Poisson. */
  readonly k?: Estimate;
  /** Next year's level: log-scale sd, from the level's error and the drift between years. */
  readonly year: YearLevel;
  /** True when X² was 0 within rounding (every month its fitted mean, but for rounding to whole leads) and the level's interval is the Poisson (Garwood) one, not φ ≈ 0's zero width. */
  readonly poissonInterval?: true;
  /** Level of each block (0 = the last 12 months). */
  readonly blockLevels: readonly number[];
}

/**
 * Fit lead volume from N = 12..36 monthly counts (index 0 = month 1, the oldest).
 *
 * Model: month i's count has mean L_b · s_f (the level of its 12-month block b times the seasonal
 * weight of its fiscal month f, the weights averaging 1) and variance φ × mean. Levels and weights
 * are fitted by alternating averages (3 rounds): L_b = Σ x / Σ s over the block, s_f = the mean of
 * x / L_b over the months f of the full blocks (only with 24 months or more; else s = 1; a partial
 * block's level is fitted with those weights, and its months count in the dispersion test).
 *
 * Over-dispersion: Pearson's X² = Σ (x − μ)² / μ on df = N − blocks (with seasonality: over the
 * full blocks' months only, df = their months − full blocks − 11) is
 * chi-square under Poisson counts; its upper tail (Wilson-Hilferty) is the p-value. Below 0.05 the
 * counts are negative binomial with k = mean(μ) / (φ − 1) by moments (E[(x − μ)²/μ] = 1 + μ/k),
 * with the interval of φ from X² ~ φ χ²_df mapped onto k.
 *
 * The level carried forward is the last block's (a random-walk forecast: levels drift), with a t
 * interval from Var(L̂) = φ Σμ / 144 (quasi-Poisson: φ as estimated; when X² = 0 (within what rounding
 * each count to a whole lead explains, Σ ¼ / μ, where that allowance is below χ²_df's 0.1% point
 * and no over-dispersion was found), φ = 0 would give a
 * zero-width interval, so the counts are taken as Poisson: the Garwood Poisson interval of the last
 * 12 months' total, and φ = 1 for the seasonal weights). Next year's log-scale sd adds the drift between years
 * (estimate.ts: yearLevel, judgement 0.15).
 *
 * @example fitLeadVolume(Float64Array.from({ length: 12 }, () => 100)).level.value // => 100
 * Complexity: O(N).
 */
export function fitLeadVolume(counts: ArrayLike<number>): LeadVolumeFit {
  const n = counts.length;
  const blocks = blockCount(n);
  const seasonal = n >= SEASONALITY_MONTHS;
  const season = new Float64Array(12).fill(1);
  const level = new Float64Array(blocks);
  const fiscal = Int32Array.from({ length: n }, (_, i) => fiscalMonthOf(i + 1, n) - 1);
  const block = Int32Array.from({ length: n }, (_, i) => blockOf(i + 1, n));
  // The weights are averaged over the full 12-month blocks only. A month of a partial block (the
  // history's oldest n mod 12 months) is divided by a level fitted from that block's few months,
  // itself divided by their weights: its ratio partly returns the weight it was given (a one-month
  // block returns it exactly) and is not an independent observation of it.
  const inFull = Uint8Array.from({ length: n }, (_, i) => +(block[i]! < fullBlocks(n)));
  const perMonth = new Int32Array(12);
  for (let i = 0; i < n; i++) if (inFull[i]) perMonth[fiscal[i]!]!++;
  const fitLevels = () => {
    const sx = new Float64Array(blocks);
    const ss = new Float64Array(blocks);
    for (let i = 0; i < n; i++) {
      sx[block[i]!]! += counts[i]!;
      ss[block[i]!]! += season[fiscal[i]!]!;
    }
    for (let b = 0; b < blocks; b++) level[b] = ss[b]! > 0 ? sx[b]! / ss[b]! : 0;
  };
  fitLevels();
  for (let round = 0; seasonal && round < 3; round++) {
    const sum = new Float64Array(12);
    for (let i = 0; i < n; i++) if (inFull[i]) sum[fiscal[i]!]! += level[block[i]!]! > 0 ? counts[i]! / level[block[i]!]! : 1;
    let mean = 0;
    for (let f = 0; f < 12; f++) mean += (season[f] = sum[f]! / perMonth[f]!) / 12;
    for (let f = 0; f < 12; f++) season[f] = mean > 0 ? season[f]! / mean : 1;
    fitLevels();
  }

  // With seasonality, the dispersion is measured where the weights were fitted (the full blocks): a
  // partial block's months are out of sample for them, and their residuals would carry the weights'
  // own error as if it were over-dispersion.
  const tested = seasonal ? fullBlocks(n) * 12 : n;
  let chiSquare = 0;
  let meanMu = 0;
  // What rounding each month's count to a whole lead explains of X² (a residual of ½ a month): at
  // most this, the months show no scatter of their own (as a renewal's "no residual within rounding").
  let roundingChiSquare = 0;
  for (let i = n - tested; i < n; i++) {
    const mu = level[block[i]!]! * season[fiscal[i]!]!;
    meanMu += mu / tested;
    if (mu > 0) {
      chiSquare += (counts[i]! - mu) ** 2 / mu;
      roundingChiSquare += 0.25 / mu;
    }
  }
  const df = Math.max(1, tested - (seasonal ? fullBlocks(n) + 11 : blocks));
  const phi = chiSquare / df;
  const pValue = chiSquareUpperTail(chiSquare, df);
  const phiLo = chiSquare / chiSquareQuantile(0.975, df);
  const phiHi = chiSquare / chiSquareQuantile(0.025, df);
  const toK = (p: number) => (p > 1 ? meanMu / (p - 1) : Infinity);
  const k = pValue < DISPERSION_TEST_LEVEL && phi > 1 ? { value: toK(phi), lo: toK(phiHi), hi: toK(phiLo), n } : undefined;

  const last = level[0]!;
  // A t interval with the variance proportional to the mean (quasi-Poisson): φ as estimated, below 1 too.
  // With X² = 0 within rounding (every month its fitted mean: the same count each month, or the same seasonal pattern each year)
  // φ = 0 would state the level exactly from 12 counts: the counts are then taken as Poisson (φ = 1),
  // the level's interval the Garwood Poisson one of the last 12 months' total (zero-variance.ts).
  // The last block's months: 12, or fewer for a tier selling for less than a year (fit-history.ts
  // fits it from its months since it began): Var(L) = phi x L / months. Taken as 12, a tier of 6
  // months stated an interval sqrt(2) too narrow.
  const lastMonths = Math.min(12, n);
  // Within rounding, not only at 0: the same seasonal pattern each year left X² = 9e-29 of floating
  // point (36 months), and the level was stated as "1,000 (95% interval 1,000 to 1,000)". But only
  // where rounding's allowance is itself negligible against Poisson scatter (below χ²_df's 0.1%
  // point) and over-dispersion was not found: Σ ¼ / μ grows as the counts shrink, and a sparse tier
  // (0.5 leads a month, X² = 37 on 22 df, k = 0.88) was read as within rounding, and as Poisson.
  // Wilson-Hilferty's 0.1% point still (56% below the exact one at 4 df): the exact one moves histories
  // into the rounding case whose seasonal weights' lower ends then fall to 0 (seasonal-weight-few-leads).
  const withinRounding = chiSquare === 0 || (!k && chiSquare <= roundingChiSquare && roundingChiSquare <= chiSquareQuantileWilsonHilferty(0.001, df));
  const zeroVariance = withinRounding ? poissonLevel(last * lastMonths, lastMonths) : undefined;
  const phiUsed = zeroVariance ? 1 : phi;
  const se = zeroVariance ? zeroVariance.se : Math.sqrt((phi * last) / lastMonths);
  const t = tQuantile(0.975, df);
  const changes: number[] = [];
  for (let b = 0; b + 1 < fullBlocks(n); b++) if (level[b]! > 0 && level[b + 1]! > 0) changes.push(Math.log(level[b]! / level[b + 1]!));
  const seasonality = seasonal
    ? Array.from(season, (s, f) => {
        // Exposure: the months' fitted levels over which the weight was averaged (Σ over the full
        // years, meanMu × their count), so a weight is about its fiscal month's leads over it.
        const exposure = Math.max(meanMu, 1e-9) * perMonth[f]!;
        const seF = Math.sqrt((phiUsed * s) / exposure);
        // The t interval's error is proportional to the weight: a month without a lead in any full
        // year had "95% interval 0-0" from two or three months, and a month of few leads an upper
        // end below a month of none's. Small totals take the exact Poisson (Garwood) interval of
        // the month's leads, φ times that of (leads / φ) for over-dispersed counts (never below
        // Poisson's): the wider of the two, so each end rises with the leads and large totals keep
        // the t interval. The end for 0 is −ln(0.025) = 3.69 leads.
        const phiG = Math.max(1, phiUsed);
        const garwood = poissonLevel((s * exposure) / phiG, 1);
        const hi = (phiG * (s === 0 ? -Math.log(0.025) : garwood.hi)) / exposure;
        if (s === 0) return { value: 0, lo: 0, hi, n: perMonth[f]! };
        return { value: s, lo: Math.min(Math.max(0, s - t * seF), (phiG * garwood.lo) / exposure), hi: Math.max(s + t * seF, hi), n: perMonth[f]! };
      })
    : undefined;
  return {
    months: n,
    level: zeroVariance ? { value: last, lo: zeroVariance.lo, hi: zeroVariance.hi, n: Math.min(12, n) } : { value: last, lo: Math.max(0, last - t * se), hi: last + t * se, n: Math.min(12, n) },
    ...(zeroVariance ? { poissonInterval: true as const } : {}),
    ...(seasonality ? { seasonality } : {}),
    dispersion: { phi, chiSquare, df, pValue },
    ...(k ? { k } : {}),
    year: yearLevel(last > 0 ? se / last : 0, changes, DRIFT_PRIOR.leads),
    blockLevels: Array.from(level),
  };
}
