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
