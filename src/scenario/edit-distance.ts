/**
 * Levenshtein distance between two strings: the fewest single-character insertions, deletions and
 * substitutions turning one into the other. For "did you mean" hints on short names.
 *
 * @example editDistance('convresion', 'conversion') // => 2
 * Complexity: O(a x b) time, O(b) memory.
 */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * The name of `names` within two edits of `text` (case aside), the nearest, for "did you mean"
 * hints; none when two are equally near (`9/conversion` is as near 0/, 1/ and 2/conversion: a guess
 * would name one at random; the caller lists the names, as near-key.ts's callers do), and none for a
 * text over 64 characters (no name is that long, and the distance is O(length)).
 *
 * @example nearestName('seeds', ['trials', 'seed']) // => 'seed'
 * Complexity: O(names x length^2).
 */
export function nearestName(text: string, names: readonly string[]): string | undefined {
  if (text.length > 64) return undefined;
  const lower = text.toLowerCase();
  let near: string | undefined;
  let best = 3;
  let tied = false;
  for (const n of names) {
    const d = editDistance(n.toLowerCase(), lower);
    if (d < best) [near, best, tied] = [n, d, false];
    else if (d === best && n !== near) tied = true;
  }
  return tied ? undefined : near;
}
