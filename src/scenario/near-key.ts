import { editDistance } from './edit-distance.js';

/**
 * The key of `keys` (those a place of the scenario takes) that an unknown `key` most likely meant,
 * for "did you mean": the same key in another case (`hireslip`), one within an edit of a short key
 * or two of a longer one (`attrtion`, `capcity`, `nme`), or the one key that starts with it
 * (`fiscalYearStart`). Undefined when none is that near, when two are equally near, and for a key
 * that does not start with a letter (`{ mean: 0,86 }` leaves a key `86`, which a note explains).
 *
 * @example nearKey('attrtion', ['start', 'attrition', 'ramp']) // => 'attrition'
 * Complexity: O(keys x length^2); none for a key over 64 characters.
 */
export function nearKey(key: string, keys: readonly string[]): string | undefined {
  if (key.length > 64 || !/^[A-Za-z]/.test(key)) return undefined;
  const lower = key.toLowerCase();
  const same = keys.filter((k) => k.toLowerCase() === lower);
  if (same.length > 0) return same.length === 1 ? same[0] : undefined;
  const most = key.length <= 4 ? 1 : 2;
  let near: string[] = [];
  let best = most + 1;
  for (const k of keys) {
    const d = editDistance(k.toLowerCase(), lower);
    if (d > most) continue;
    if (d < best) [near, best] = [[k], d];
    else if (d === best) near.push(k);
  }
  if (near.length === 1) return near[0];
  if (near.length > 1 || key.length < 4) return undefined;
  const starting = keys.filter((k) => k.toLowerCase().startsWith(lower));
  return starting.length === 1 ? starting[0] : undefined;
}
