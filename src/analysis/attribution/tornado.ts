import { toFixedDecimal } from '../../math/decimal-round.js';
import { quantile } from '../tail.js';
import { intervalMinTrials } from '../order-statistics.js';
import { checkShare } from '../../scenario/share-argument.js';

/** One end of a tornado bar: the metric's median with the input's own draw near a percentile. */
export interface TornadoEnd {
  /** The input's own percentile the band is centred on (0.1 or 0.9). */
  readonly percentile: number;
  /** Median of the metric over the trials whose own percentile lies within the band. */
  readonly metricMedian: number;
  /** Its distribution-free 95% interval (order statistics of the band's trials); null when the band holds fewer than 6 trials, too few for one (`notEstimable`). */
  readonly interval: readonly [number, number] | null;
  readonly notEstimable?: string;
  /** How many trials the band holds (about 2 x halfWidth x n). */
  readonly trials: number;
}

/** Half the width of a tornado band in percentile: P10 is the trials from P5 to P15. */
export const TORNADO_HALF_WIDTH = 0.05;

/**
 * The metric's median with an input at a percentile, the other inputs as drawn: the trials whose
 * own percentile u is within `halfWidth` of p, and the median of the metric over them. For an input
 * with a smooth effect, the band's median is the conditional median at p to first order (the band
 * is symmetric about p). A band that holds no trial (a run of very few trials) takes the trials
 * nearest p instead. NaN only for no trials at all.
 *
 * `atom`: the percentile the trials of a discrete value share (their average rank / n), when the
 * input is discrete at p (drawnAtomAt): the end is then those trials alone, the input at
 * exactly its P(p). A discrete conversion of 2% in 5% of years and 5% in the others is 5% at its
 * P10, and every trial at 5% reads percentile 0.525: the band [0.05, 0.15] held none, and the
 * nearest trials were the 2% years, so the P10 end showed revenue at 2% beside a driver value of 5%.
 * Taken with the band (band or atom), the trials of the other values whose percentile lies within 5
 * points came too: values [1%, 2%, 3.5%, 5%] with weights [2%, 7.5%, 15.5%, 75%] put the 2% years
 * (percentile 0.0575) in the P10 band beside the 3.5% years, and the end read 854k for 906k at
 * 3.5%, 13 standard errors off. Continuous draws (NaN: float32 rounding's ties are no atom) keep
 * the band. A band of fewer than 6 trials has no interval
 * (null, with `notEstimable`): [lowest, highest] of 5 holds their median only 94% of the time.
 *
 * @example tornadoEnd(revenue, conversion.percentile, 0.1).metricMedian // revenue's median in a P10 conversion year
 * Complexity: O(n) (one pass, one selection over the band's trials).
 */
export function tornadoEnd(y: ArrayLike<number>, percentile: ArrayLike<number>, p: number, halfWidth = TORNADO_HALF_WIDTH, scratch?: Float64Array, atom = NaN): TornadoEnd {
  checkShare(p, 'tornadoEnd: p');
  checkShare(halfWidth, 'tornadoEnd: halfWidth', true);
  const n = y.length;
  const band = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  let k = Number.isNaN(atom) ? gatherWithin(y, percentile, p, halfWidth, band) : gatherAt(y, percentile, atom, band);
  if (n === 0) return { percentile: p, metricMedian: NaN, interval: [NaN, NaN], trials: 0 };
  // Too few trials for the band to hold one (fewer than about 1 / (2 x halfWidth)): the trials
  // nearest p stand for it, so a small run still gets a finite, if rough, bar.
  if (k === 0) k = gatherWithin(y, percentile, p, nearestDistance(percentile, p, n) + 1e-12, band);
  const q = quantile(band.subarray(0, k), 0.5);
  if (q.interval === null)
    return {
      percentile: p,
      metricMedian: q.value,
      interval: null,
      trials: k,
      notEstimable: `${k} trial${k === 1 ? '' : 's'} ${Number.isNaN(atom) ? 'near' : 'drew'} the driver's P${toFixedDecimal(p * 100, 0)}${Number.isNaN(atom) ? '' : ' value'}: the 95% interval of a median needs at least ${intervalMinTrials(0.5)}`,
    };
  return { percentile: p, metricMedian: q.value, interval: q.interval, trials: k };
}

/**
 * Into `band`, in trial order, y of the trials whose percentile is within `width` of p; how many.
 * Loops in functions of their own, each followed only by its return: V8 compiles a long loop while it
 * runs (on-stack replacement), and code after it that had not run yet deoptimised that compiled loop
 * at its exit, at every tornado end.
 */
function gatherWithin(y: ArrayLike<number>, percentile: ArrayLike<number>, p: number, width: number, band: Float64Array): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) if (Math.abs(percentile[i]! - p) <= width) band[k++] = y[i]!;
  return k;
}

/** Into `band`, in trial order, y of the trials whose percentile is `atom` (a discrete value's trials); how many. */
function gatherAt(y: ArrayLike<number>, percentile: ArrayLike<number>, atom: number, band: Float64Array): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) if (percentile[i] === atom) band[k++] = y[i]!;
  return k;
}

/** The smallest |percentile - p| over the first n trials (Infinity for none). */
function nearestDistance(percentile: ArrayLike<number>, p: number, n: number): number {
  let nearest = Infinity;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(percentile[i]! - p);
    if (d < nearest) nearest = d;
  }
  return nearest;
}
