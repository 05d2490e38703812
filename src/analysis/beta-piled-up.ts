import { betaParams } from '../math/distribution-params.js';
import { incompleteBeta } from '../math/incomplete-beta.js';
import { betaQuantile } from '../math/beta-quantile.js';
import { toPrecisionDecimal } from '../math/decimal-round.js';
import { isWrittenSdCap } from '../math/written-beta-cap.js';

/** One beta, stated by mean and sd, whose sd leaves it no hump: where it is, and what to say. */
export interface PiledUpBeta {
  /** The sd's path in the scenario (the number to change). */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** A share as a percent, three significant digits: 0.0291 -> '2.91%'. */
const pct = (x: number) => `${toPrecisionDecimal(x * 100, 3)}%`;
/** The user's own share as a percent, every digit they wrote: 0.1705 -> '17.05%' (not 17.1%). */
const asWritten = (x: number) => `${toPrecisionDecimal(x * 100, 12)}%`;

/**
 * The share of draws a beta puts near its ends that makes its pile-up material: 15% within a tenth of
 * the way from the mean to an end (below mean / 10, above 1 − (1 − mean) / 10), both ends summed. A
 * beta whose shape parameter is exactly 1 (density flat at that end, the edge of having a hump) puts
 * 1 − (1 − mean / 10)^beta there, about 9.5% for a small mean; the uniform 10%; so 15% is half as
 * much again as a beta with no pile-up. Mean 3% sd 4% (alpha 0.52) has 23.5% below 0.3%: warned.
 * Mean 97% sd 3% (beta 0.94) has 10.3%, mean 50% sd 29% (about uniform) 10.2%: not.
 */
export const MATERIAL_NEAR_END_SHARE = 0.15;

/**
 * A beta given by mean and sd whose sd is valid (below sqrt(mean(1 - mean))) but so wide that alpha or
 * beta falls below 1, and materially so (MATERIAL_NEAR_END_SHARE of its draws near an end): its density
 * then rises without bound toward 0 (toward 1), and its draws pile up there, far from the mean.
 * `conversion: { dist: beta, mean: 3%, sd: 4% }` (alpha 0.52) draws a median of 1.46% and a P10 of
 * 0.056%, where the planner likely meant a range around 3%. It ran without a word.
 * Not refused (files that ran must still run): a warning, with the widest sd that keeps a hump
 * (alpha >= 1 when sd^2 <= mean^2 (1 - mean) / (1 + mean); beta >= 1 when sd^2 <= (1 - mean)^2 mean / (2 - mean)).
 * A beta stated by alpha and beta says its shape itself, so is not looked at; nor is one whose sd is
 * `arrcast fit`'s cap (written-beta-cap.ts), which fit chose and says why in the file.
 *
 * @example piledUpBeta({ dist: 'beta', mean: 0.03, sd: 0.04 }, ['x'])?.message // => 'a beta with mean 3% and sd 4% piles up at 0% ...'
 */
export function piledUpBeta(spec: { readonly mean?: number; readonly sd?: number }, path: ReadonlyArray<string | number>): PiledUpBeta | undefined {
  const { mean, sd } = spec;
  if (mean === undefined || sd === undefined || !(mean > 0 && mean < 1) || !(sd > 0 && sd * sd < mean * (1 - mean))) return undefined;
  if (isWrittenSdCap(mean, sd)) return undefined;
  const { alpha, beta } = betaParams({ mean, sd });
  if (alpha >= 1 && beta >= 1) return undefined;
  const low = incompleteBeta(mean / 10, alpha, beta).lower;
  const high = 1 - incompleteBeta(1 - (1 - mean) / 10, alpha, beta).lower;
  if (low + high < MATERIAL_NEAR_END_SHARE) return undefined;
  const atZero = alpha < 1;
  const atOne = beta < 1;
  const where = atZero && atOne ? 'at both 0% and 100%' : atZero ? 'at 0%' : 'at 100%';
  const shape = [atZero ? `alpha ${toPrecisionDecimal(alpha, 2)}` : '', atOne ? `beta ${toPrecisionDecimal(beta, 2)}` : ''].filter(Boolean).join(' and ');
  // The widest sd with alpha >= 1 (beta >= 1), rounded down at three digits so the sd offered keeps the hump.
  const widest = Math.min(atZero ? mean * Math.sqrt((1 - mean) / (1 + mean)) : Infinity, atOne ? (1 - mean) * Math.sqrt(mean / (2 - mean)) : Infinity);
  // By toPrecisionDecimal (as every displayed figure), whatever the size (a mean of 1e-320 has a widest sd near it: 10 ** 322 is Infinity).
  let offered = toPrecisionDecimal(widest, 3);
  if (offered > widest) offered = toPrecisionDecimal(offered - 10 ** (Math.floor(Math.log10(widest)) - 2), 3);
  const near = atZero && atOne
    ? `${pct(low + high)} of its draws lie below ${pct(mean / 10)} or above ${pct(1 - (1 - mean) / 10)}`
    : `half its draws fall ${atZero ? 'below' : 'above'} ${pct(betaQuantile(0.5, alpha, beta))} (its median) and ${pct(atZero ? low : high)} ${atZero ? `below ${pct(mean / 10)}` : `above ${pct(1 - (1 - mean) / 10)}`}`;
  return {
    path: [...path, 'sd'],
    message: `a beta with mean ${asWritten(mean)} and sd ${asWritten(sd)} piles up ${where}: an sd this wide for its mean gives ${shape}, below 1, so its density rises without bound ${where.replace('at ', 'toward ')}: ${near}; for a range around ${asWritten(mean)}, give an sd of at most ${pct(offered)}, or state its P10, P50 and P90 ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })`,
  };
}

/**
 * Every beta of a scenario stated by mean and sd that piles up at an end (piledUpBeta), wherever it
 * stands (a rate, a year-level mean, a lead source's conversion), in document order.
 * Complexity: O(size of the scenario); iterative, so no nesting overflows a stack.
 */
export function piledUpBetas(scenario: unknown): PiledUpBeta[] {
  const out: PiledUpBeta[] = [];
  const stack: Array<[unknown, ReadonlyArray<string | number>]> = [[scenario, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    if (!Array.isArray(node) && (node as { dist?: unknown }).dist === 'beta') {
      const found = piledUpBeta(node as { mean?: number; sd?: number }, path);
      if (found) out.push(found);
    }
    // Pushed last first, so the walk reads them in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      if (v !== null && typeof v === 'object') stack.push([v, [...path, k]]);
    }
  }
  return out;
}
