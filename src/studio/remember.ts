/**
 * Keep `value` under `key` as the most recent of a map that holds at most `kept` entries (a Map
 * iterates in insertion order: the oldest is dropped first). Returns `value`.
 *
 * @example remember(new Map([['a', 1]]), 'b', 2, 1) // the map now holds only b
 * Complexity: O(1).
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, kept: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > kept) map.delete(map.keys().next().value as K);
  return value;
}
