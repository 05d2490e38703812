import { betaPowerMoments, betaPowerMomentsKeepingMean } from '../math/beta-power-moments.js';
import type { YearLevel } from './estimate.js';
import { betweenTiers } from './pooled-tiers.js';

/** A renewal's rate or share as the year's, for a book renewing k = 12 / term times a year. */
export interface YearEquivalent {
  /** Renewals a year: 12 / the term in months. */
  readonly k: number;
  /** The dollar renewal rate of the year, R = r^k, and its parts (undefined when the rate is a year's already: from --customers outcomes). */
  readonly renewal?: YearRenewal;
  /** The year's contraction share of ARR renewed, 1 − E[(1 − c)^k] (undefined without a contraction share). */
  readonly contraction?: YearShare;
  /** The year's expansion share, (1 − c + e)^k − (1 − c)^k (undefined without an expansion share). */
  readonly expansion?: YearShare;
}

export interface YearRenewal {
  /** E[r^k] and the sd written: √(drawSd² + prior² + between²). */
  readonly mean: number;
  readonly sd: number;
  /** The renewal's own sd (its error and the year-on-year changes measured: a renewal rate's), fed to Beta. */
  readonly renewalSd: number;
  /** sd of r^k for r ~ Beta(rate, renewalSd), exact moments (beta-power-moments.ts). */
  readonly drawSd: number;
  /** The drift judgement's part, a year's rate's already (3 points over √(changes + 1)). */
  readonly prior: number;
  /** With a pooled rate: how far a tier's year rate may lie from the pool's, the tiers' rates each to the power k. */
  readonly between?: number;
  /** The renewal's sd was a zero-variance fallback: the mean is r^k, the beta centred so (betaPowerMomentsKeepingMean). */
  readonly fallback?: true;
}

export interface YearShare {
  /** The renewal's share, and the year's. */
  readonly renewalShare: number;
  readonly share: number;
  readonly sd: number;
  /** The share's sd was a zero-variance fallback: a contraction's year share is 1 − (1 − c)^k, its beta centred so. */
  readonly fallback?: true;
}

/** What a pooled rate's between-tier part reads: each tier's rate and the judgement pooled with their spread. */
export interface BetweenTiers {
  readonly tierRates: readonly number[];
  readonly betweenPrior: number;
}

/**
 * A sub-annual book's renewal, contraction and expansion as a book of aggregates needs them: it
 * renews each dollar once a year, where the history's renew k = 12 / term times, so the year's
 * figures are what k renewals compound to. The model keeps R (1 − c) of each dollar due (its GRR)
 * and adds R e (existing-book-simulator.ts: contraction and expansion are shares of the ARR renewed),
 * while k renewals keep (r (1 − c_r))^k and add to that (r (1 − c_r + e_r))^k − (r (1 − c_r))^k; so
 * R = r^k, 1 − c = (1 − c_r)^k and e = (1 − c_r + e_r)^k − (1 − c_r)^k.
 *
 * - R: its mean and sd are r^k's exact moments for r ~ Beta(rate, renewal sd), the renewal sd being
 *   the estimate's error and the measured year-on-year changes (a renewal rate's). When that error is
 *   a zero-variance fit's fallback (`fallback`: every month renewed the same share, the Jeffreys
 *   interval on the months as units, zero-variance.ts), it is a bound on what the history could not
 *   measure, not a spread it showed: the mean stays the history's compounded rate r^k, and the sd is
 *   r^k's for the beta of that sd centred so (betaPowerMomentsKeepingMean). Before, the fallback's 9%
 *   on a flat 90% a month lifted the year's mean from 0.9^12 = 28.2% to 42.8%. The drift
 *   judgement (3 points) is a year rate's and is added as it is, as is a pooled rate's between-tier
 *   spread, read from the tiers' rates each to the power k with its judgement (10 points).
 * - c: 1 − E[(1 − c_r)^k], the sd that of (1 − c_r)^k (exact moments; the share's judgement is relative,
 *   so it scales with it); with a fallback spread, 1 − (1 − c_r)^k, as R's.
 * - e: at the means, its sd by the delta method, k (1 − c_r + e_r)^(k − 1) × e_r's sd (an expansion
 *   is not bounded by 1, so no beta; x^k is near linear over its spread).
 *
 * @example yearEquivalent(12, { rate: 0.98, year: { sd: 0.0212, standardError: 0, drift: 0.0212, changes: 1, prior: 0.03 } }).renewal?.mean // => 0.98^12 = 0.7847
 * Complexity: O(k).
 */
export function yearEquivalent(
  k: number,
  rate: { readonly rate: number; readonly year: YearLevel; readonly between?: BetweenTiers; readonly fallback?: boolean } | undefined,
  contraction?: { readonly share: number; readonly sd: number; readonly fallback?: boolean },
  expansion?: { readonly share: number; readonly sd: number },
): YearEquivalent {
  const renewal = rate && yearRenewal(k, rate.rate, rate.year, rate.between, rate.fallback === true);
  const c = contraction?.share ?? 0;
  let yearContraction: YearShare | undefined;
  if (contraction) {
    const m = (contraction.fallback ? betaPowerMomentsKeepingMean : betaPowerMoments)(1 - c, contraction.sd, k);
    yearContraction = { renewalShare: c, share: 1 - m.mean, sd: m.sd, ...(contraction.fallback ? { fallback: true as const } : {}) };
  }
  let yearExpansion: YearShare | undefined;
  if (expansion) {
    const e = expansion.share;
    const share = (1 - c + e) ** k - (contraction ? (1 - c) ** k : 1);
    yearExpansion = { renewalShare: e, share, sd: k * (1 - c + e) ** (k - 1) * expansion.sd };
  }
  return { k, ...(renewal ? { renewal } : {}), ...(yearContraction ? { contraction: yearContraction } : {}), ...(yearExpansion ? { expansion: yearExpansion } : {}) };
}

/** The year's dollar renewal, r^k: exact moments of the renewal's own spread, the judgements a year's (see yearEquivalent). */
function yearRenewal(k: number, rate: number, year: YearLevel, between: BetweenTiers | undefined, fallback: boolean): YearRenewal {
  // year.drift² (changes + 1) = Σ d² + prior²: the measured changes' part is a renewal rate's.
  const changesSq = Math.max(0, year.drift ** 2 * (year.changes + 1) - year.prior ** 2);
  const renewalSd = Math.sqrt(year.standardError ** 2 + changesSq / (year.changes + 1));
  // A fallback spread (zero variance: a bound, not a measurement) keeps the mean at r^k.
  const draw = (fallback ? betaPowerMomentsKeepingMean : betaPowerMoments)(rate, renewalSd, k);
  const prior = year.prior / Math.sqrt(year.changes + 1);
  let betweenSd: number | undefined;
  if (between) betweenSd = betweenTiers(between.tierRates.map((r) => r ** k), between.betweenPrior);
  return {
    mean: draw.mean,
    sd: Math.sqrt(draw.sd ** 2 + prior ** 2 + (betweenSd ?? 0) ** 2),
    renewalSd,
    drawSd: draw.sd,
    prior,
    ...(betweenSd !== undefined ? { between: betweenSd } : {}),
    ...(fallback ? { fallback: true as const } : {}),
  };
}
