import { checkShare } from '../scenario/share-argument.js';
import { type7Position } from '../math/type7-position.js';

/**
 * Pinball (quantile) loss of a forecast quantile q at level tau against the outcome y, in the
 * outcome's units (Koenker & Bassett 1978; Gneiting 2011, "Quantiles as optimal point forecasts"):
 *
 *   L_tau(q, y) = tau (y − q)        when y >= q,
 *               = (1 − tau) (q − y)  when y <  q.
 *
 * It judges one band edge on its own: a P10 that is often beaten by far costs little, a P10 the
 * outcome falls below costs 9 times as much per unit.
 *
 * @example pinballLoss(100, 90, 0.1) // => 9 (0.9 × 10)
 * Complexity: O(1).
 */
export function pinballLoss(q: number, y: number, tau: number): number {
  checkShare(tau, 'pinballLoss: tau');
  return y >= q ? tau * (y - q) : (1 - tau) * (q - y);
}

/**
 * The p-quantile of a sorted sample, interpolating linearly between order statistics (type 7:
 * R's and numpy's default, as every percentile arrcast reports).
 *
 * @example sortedQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 * Complexity: O(1).
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('a quantile needs at least one value');
  checkShare(p, 'sortedQuantile: p');
  const h = type7Position(n, p);
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  return h === lo ? x : x + (h - lo) * (sorted[lo + 1]! - x);
}
