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

/** A sigma this small has no P90 of its own: every deal the same (scenario-text.ts writes the least spread 5 digits state). */
const NO_SPREAD = 1e-6;

export interface WrittenAcv {
  readonly median: number;
  /** undefined when there is no spread to write (every deal the same amount). */
  readonly p90?: number;
  /** exp(mu + sigma²/2) of the numbers written: the ACV's mean as `run` will draw it. */
  readonly mean: number;
}

/**
 * @example writtenAcv(10000, 0.5) // => { median: 10000, p90: 18980, mean: 11331.59... }
 * Complexity: O(1).
 */
export function writtenAcv(median: number, sigma: number): WrittenAcv {
  const m = round5(median);
  if (!(sigma > NO_SPREAD)) return { median: m, mean: m };
  const target = median * Math.exp(Z90 * Math.min(sigma, MAX_ACV_SIGMA));
  let p90 = round5(target);
  if (lognormalParams({ median: m, p90 }).sigma > MAX_ACV_SIGMA) p90 = round5(target * (1 - 2e-4));
  const { mu, sigma: s } = lognormalParams({ median: m, p90 });
  return { median: m, p90, mean: Math.exp(mu + (s * s) / 2) };
}

/** 5 significant digits, as the scenario text writes amounts. */
const round5 = (x: number) => Number(x.toPrecision(5));
