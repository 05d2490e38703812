/**
 * The probability integral transform (PIT) of an outcome y under a forecast given as a sample:
 * where y fell in the forecast, 0..1. Ties between y and sampled values are split in the middle
 * (the mid-rank PIT, deterministic, unlike the randomised PIT of Czado, Gneiting & Held 2009):
 *
 *   PIT = ( #{x_i < y} + ½ #{x_i = y} ) / n.
 *
 * An outcome below every sampled value has PIT 0, above every one 1. Over many forecasts that were
 * honest, PITs are uniform; a U shape means bands too narrow, a hump bands too wide.
 *
 * @example midRankPit(Float64Array.of(1, 2, 2, 3), 2) // => 0.5 ((1 + ½·2) / 4)
 * Complexity: O(log n) and the ties (pitRange's middle); `sorted` must be in ascending order.
 */
export function midRankPit(sorted: ArrayLike<number>, y: number): number {
  const [low, high] = pitRange(sorted, y);
  return (low + high) / 2;
}

/** A PIT as the interval [F_n(y−), F_n(y)]: the share of trials below the outcome and the share at or below it (equal ends: no trial ties with it). */
export type PitRange = readonly [low: number, high: number];

/**
 * The non-randomised PIT of Czado, Gneiting & Held (2009, Biometrics 65, section 2.1): the outcome
 * spread evenly over [F_n(y−), F_n(y)], the PIT's range when trials tie with it. midRankPit is its
 * middle. Calibration across forecasts (calibration.ts) counts each outcome as that even spread, so a
 * forecast every trial of which equals its outcome (a re-forecast of all 12 closed months) weighs in
 * as uniform, as its randomised PIT would be, not as a PIT of exactly 50%.
 *
 * @example pitRange(Float64Array.of(1, 2, 2, 3), 2) // => [0.25, 0.75]
 * Complexity: O(log n) and the ties; `sorted` must be in ascending order.
 */
export function pitRange(sorted: ArrayLike<number>, y: number): PitRange {
  const n = sorted.length;
  if (n === 0) throw new RangeError('the PIT needs at least one sampled value');
  const below = lowerBound(sorted, y);
  let upTo = below;
  while (upTo < n && sorted[upTo] === y) upTo++;
  return [below / n, upTo / n];
}

/** The number of values of `sorted` below y (the first index holding a value >= y). O(log n). */
export function lowerBound(sorted: ArrayLike<number>, y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
