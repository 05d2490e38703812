import { sampleCrps } from './crps.js';
import { shareInside } from './calibration.js';
import { pitRange, type PitRange } from './pit.js';
import { intervalScore } from './interval-score.js';
import { pinballLoss, sortedQuantile } from './pinball.js';

/** The band edges scored on their own. */
export const PINBALL_LEVELS = [0.1, 0.5, 0.9] as const;

/** How one forecast (a sorted sample) did against its outcome. */
export interface SampleScore {
  /** Sampled values (trials). */
  readonly n: number;
  /** Mid-rank PIT (pit.ts midRankPit: the middle of pitRange). */
  readonly pit: number;
  /** The PIT's range [F_n(y−), F_n(y)] (pit.ts pitRange): calibration across forecasts spreads the outcome over it. */
  readonly pitRange: PitRange;
  /** Sample CRPS, in the outcome's units (crps.ts). */
  readonly crps: number;
  /** The forecast's P10, P50, P90 (type 7). */
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** Pinball loss of each of them. */
  readonly pinball10: number;
  readonly pinball50: number;
  readonly pinball90: number;
  /** Interval score of P10-P90 (alpha 0.2: the width plus 10 per unit outside; interval-score.ts). */
  readonly intervalScore80: number;
  /** Whether the outcome is within [P10, P90]. */
  readonly inside80: boolean;
  /** Its share inside P10-P90 as coverage counts it: inside80 as 1 or 0, or with ties the share of pitRange within [0.1, 0.9] (calibration.ts shareInside). */
  readonly insideShare80: number;
}

/**
 * Score one outcome y against a forecast sample sorted ascending: PIT, CRPS, P10/P50/P90 with
 * their pinball losses, the interval score of P10-P90, and whether y is inside it.
 *
 * @example scoreSample(Float64Array.of(1, 2, 3), 2.5).crps // => 7/18
 * Complexity: O(n) after the sort.
 */
export function scoreSample(sorted: ArrayLike<number>, y: number): SampleScore {
  const [p10, p50, p90] = PINBALL_LEVELS.map((p) => sortedQuantile(sorted, p)) as [number, number, number];
  const range = pitRange(sorted, y);
  const inside80 = y >= p10 && y <= p90;
  return {
    n: sorted.length,
    pit: (range[0] + range[1]) / 2,
    pitRange: range,
    crps: sampleCrps(sorted, y),
    p10,
    p50,
    p90,
    pinball10: pinballLoss(p10, y, 0.1),
    pinball50: pinballLoss(p50, y, 0.5),
    pinball90: pinballLoss(p90, y, 0.9),
    intervalScore80: intervalScore(p10, p90, y, 0.2),
    inside80,
    insideShare80: shareInside(range, inside80),
  };
}
