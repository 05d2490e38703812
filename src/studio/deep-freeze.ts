/**
 * Freeze `value` and every plain object and array inside it (typed arrays and other objects are left
 * as they are: a typed array cannot be frozen). For what a cache hands to more than one caller, so a
 * caller that changed it would fail at once instead of changing every other caller's copy.
 *
 * @example deepFreeze({ tiers: [{ name: 'SMB' }] }).tiers[0] // frozen too
 * Complexity: O(nodes).
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
}
