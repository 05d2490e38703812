import { blockCount, blockOf, fullBlocks } from './timeline.js';
import { chiSquareUpperTail, tQuantile } from './reference-distributions.js';
import { DRIFT_PRIOR, yearLevel, type Estimate, type YearLevel } from './estimate.js';
import { jeffreysRate, type ZeroVarianceRate } from './zero-variance.js';

/** Conversion fitted from monthly leads and deals. */
export interface ConversionFit {
  /** Deals / leads of the last 12 months: next year's planned rate. */
  readonly rate: Estimate;
  /**
   * Month-to-month beta-binomial: the intra-class correlation ρ (0 = binomial; the monthly rates
   * vary as Beta(α, β) with α + β = 1/ρ − 1), by Kleinman's (1973) method of moments.
   */
  readonly rho: number;
  /** Binomial dispersion test: X² = Σ n (p_i − p̂_b)² / (p̂ (1 − p̂)) on df months − blocks. */
  readonly test: { readonly chiSquare: number; readonly df: number; readonly pValue: number };
  /** Next year's rate: sd on the rate scale, from the rate's error and the drift between years. */
  readonly year: YearLevel;
  /** When every lead of the last 12 months was won (or none was): the Jeffreys interval on the leads (the binomial error is 0 there), its posterior sd the rate's error. */
  readonly allWon?: ZeroVarianceRate;
  /** Leads and deals of the last 12 months. */
  readonly leads: number;
  readonly deals: number;
}

/**
 * Fit conversion from monthly leads n_i and deals k_i (index 0 = month 1). Months without leads
 * carry no month-to-month information and are skipped by the dispersion fit; their deals (leads of
 * earlier months closing) still count in the rate's Σk.
 *
 * Beta-binomial by the method of moments (Kleinman 1973, "Proportions with extraneous variance",
 * Biometrics 29): with p_i = k_i / n_i and p̂_b each block's pooled rate, S = Σ n_i (p_i − p̂_b)² has
 * expectation p(1 − p) [Σ(N_b − 1) + ρ Σ(Σn − Σn²/Σn − (N_b − 1))], solved for ρ (at least 0).
 * Under binomial months S / (p̂(1 − p̂)) is chi-square on Σ(N_b − 1) df: the test.
 *
 * The rate carried forward is the last 12 months' Σk / Σn, with the beta-binomial variance
 * p(1 − p)/Σn · (1 + ρ (Σn²/Σn − 1)) and a t interval. Monthly deals count the leads of earlier
 * months (the sales cycle): over 12 months the sums absorb that, the monthly ratios do not, so ρ
 * also takes in lag noise. Next year's sd adds the drift between years (judgement: 15% of the rate).
 *
 * @example fitConversion(Float64Array.of(...Array(12).fill(1000)), Float64Array.of(...Array(12).fill(30))).rate.value // => 0.03
 * Complexity: O(N).
 */
export function fitConversion(leads: ArrayLike<number>, deals: ArrayLike<number>): ConversionFit {
  const n = leads.length;
  const blocks = blockCount(n);
  const sumN = new Float64Array(blocks);
  const sumK = new Float64Array(blocks);
  const sumN2 = new Float64Array(blocks);
  const months = new Int32Array(blocks);
  // Every deal of a block, those of months without leads too (leads of earlier months closing):
  // the rate is Σk / Σn of the whole 12 months; only the month-to-month scatter skips such months.
  const allK = new Float64Array(blocks);
  for (let i = 0; i < n; i++) {
    allK[blockOf(i + 1, n)]! += deals[i]!;
    if (!(leads[i]! > 0)) continue;
    const b = blockOf(i + 1, n);
    sumN[b]! += leads[i]!;
    sumK[b]! += deals[i]!;
    sumN2[b]! += leads[i]! ** 2;
    months[b]!++;
  }
  let totalN = 0;
  let totalK = 0;
  for (let b = 0; b < blocks; b++) {
    totalN += sumN[b]!;
    totalK += sumK[b]!;
  }
  const pooled = totalN > 0 ? totalK / totalN : 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (!(leads[i]! > 0)) continue;
    const b = blockOf(i + 1, n);
    s += leads[i]! * (deals[i]! / leads[i]! - sumK[b]! / sumN[b]!) ** 2;
  }
  let df = 0;
  let c = 0;
  for (let b = 0; b < blocks; b++) {
    if (months[b]! === 0) continue;
    df += months[b]! - 1;
    c += sumN[b]! - sumN2[b]! / sumN[b]! - (months[b]! - 1);
  }
  const pq = pooled * (1 - pooled);
  const chiSquare = pq > 0 ? s / pq : 0;
  const rho = pq > 0 && c > 0 ? Math.min(1, Math.max(0, (chiSquare - df) / c)) : 0;

  const p = sumN[0]! > 0 ? allK[0]! / sumN[0]! : pooled;
  const variance = sumN[0]! > 0 ? ((p * (1 - p)) / sumN[0]!) * (1 + rho * (sumN2[0]! / sumN[0]! - 1)) : 0;
  // Every lead won (p = 1): the binomial variance is 0 and would state the rate exactly; the
  // Jeffreys interval on the leads instead (zero-variance.ts), its posterior sd the error.
  const allWon = sumN[0]! > 0 && !(variance > 0) ? jeffreysRate(p, sumN[0]!, 'leads') : undefined;
  const se = allWon ? allWon.sd : Math.sqrt(variance);
  const t = tQuantile(0.975, Math.max(1, df));
  const changes: number[] = [];
  for (let b = 0; b + 1 < fullBlocks(n); b++) if (sumN[b]! > 0 && sumN[b + 1]! > 0) changes.push(allK[b]! / sumN[b]! - allK[b + 1]! / sumN[b + 1]!);
  return {
    rate: allWon ? { value: p, lo: allWon.lo, hi: allWon.hi, n: months[0]! } : { value: p, lo: Math.max(0, p - t * se), hi: Math.min(1, p + t * se), n: months[0]! },
    ...(allWon ? { allWon } : {}),
    rho,
    test: { chiSquare, df, pValue: df > 0 ? chiSquareUpperTail(chiSquare, df) : 1 },
    year: yearLevel(se, changes, DRIFT_PRIOR.conversionRelative * p),
    leads: sumN[0]!,
    deals: allK[0]!,
  };
}
