import { lognormalParams } from '../math/distribution-params.js';
import { Z90 } from './reference-distributions.js';

/**
 * A fitted lognormal ACV as the scenario writes it, by median and P90 rounded to 5 significant
 * digits, so that the schema accepts what is written:
 *
 * - sigma is at most MAX_ACV_SIGMA, the schema's largest. Rounding the median and P90 can put the
 *   sigma they imply a hair above it (5.00004); then P90 is rounded down instead.
 * - the mean it implies, exp(mu + sigma²/2), is returned, for the caller to refuse a tier whose
 *   written ACV the schema would refuse (above MAX_MAGNITUDE): deals spread over orders of magnitude
 *   with a large median can get there.
 */

/** Largest lognormal sigma a scenario accepts (distribution-schema.ts) and a fitted ACV is written with. */
export const MAX_ACV_SIGMA = 5;

/** A sigma this small has no P90 of its own: every deal of a year the same amount (scenario-text.ts then says no spread can be estimated). */
export const NO_SPREAD = 1e-6;

export interface WrittenAcv {
  readonly median: number;
  readonly p90: number;
  /** exp(mu + sigma²/2) of the numbers written: the ACV's mean as `run` will draw it. */
  readonly mean: number;
  /**
   * Every deal the same amount (sigma at most NO_SPREAD): P90 is the least spread 5 digits state, one
   * unit of the 5th digit above the median. A single amount (`acv: 10000`) would drop this year's
   * median, and with it the year-level layer; a lognormal needs its P90 above its median.
   */
  readonly leastSpread?: true;
}

/**
 * @example writtenAcv(10000, 0.5) // => { median: 10000, p90: 18980, mean: 11331.59... }
 * @example writtenAcv(10000, 0).p90 // => 10001 (every deal 10,000: the least spread 5 digits state)
 * Complexity: O(1).
 */
export function writtenAcv(median: number, sigma: number): WrittenAcv {
  const m = round5(median);
  if (!(sigma > NO_SPREAD)) {
    const p90 = round5(m + 10 ** (Math.floor(Math.log10(m)) - 4));
    const { mu, sigma: s } = lognormalParams({ median: m, p90 });
    return { median: m, p90, mean: Math.exp(mu + (s * s) / 2), leastSpread: true };
  }
  const target = median * Math.exp(Z90 * Math.min(sigma, MAX_ACV_SIGMA));
  let p90 = round5(target);
  if (lognormalParams({ median: m, p90 }).sigma > MAX_ACV_SIGMA) p90 = round5(target * (1 - 2e-4));
  const { mu, sigma: s } = lognormalParams({ median: m, p90 });
  return { median: m, p90, mean: Math.exp(mu + (s * s) / 2) };
}

/** 5 significant digits, as the scenario text writes amounts. */
const round5 = (x: number) => Number(x.toPrecision(5));
