import { valueKind } from './option-keys.js';
import { OPEN_UNIT_INTERVAL, percentFraction, UNIT_INTERVAL } from './percent-hint.js';

/**
 * Refuse (RangeError) a share the library's estimators take (a probability, a quantile level, a
 * nominal coverage) that is not a number from 0 to 1 (strictly inside with `open`). A percentage
 * (80 for 0.8) or a string was read without a word: `coverage(inside, 80)` gave a standard error of
 * NaN, `sortedQuantile(sorted, 90)` NaN, `pinballLoss(q, y, 10)` a loss of the wrong sign.
 *
 * @example checkShare(80, 'coverage: nominal', true) // RangeError: coverage: nominal must be a share between 0 and 1, not included (got 80; for 80% pass 0.8)
 * Complexity: O(1); nothing allocated when the share is good.
 */
export function checkShare(value: unknown, name: string, open = false): void {
  if (typeof value === 'number' && (open ? value > 0 && value < 1 : value >= 0 && value <= 1)) return;
  const fraction = percentFraction(value, open ? OPEN_UNIT_INTERVAL : UNIT_INTERVAL);
  const percent = fraction === undefined ? '' : `; for ${value as number}% pass ${fraction}`;
  throw new RangeError(`${name} must be a share between 0 and 1${open ? ', not included' : ''} (got ${typeof value === 'number' ? value : valueKind(value)}${percent})`);
}
