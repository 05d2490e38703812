/**
 * Fiscal months as ranges, for a warning's words (warm-start-before-launch, seasonality-rescaled).
 *
 * @example monthList([1, 2, 3, 5]) // => 'months 1-3 and 5'
 * @example monthList([12]) // => 'month 12'
 * Complexity: O(n log n).
 */
export function monthList(months: readonly number[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let k = 0; k < sorted.length; ) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    runs.push(end === k ? String(sorted[k]) : `${sorted[k]}-${sorted[end]}`);
    k = end + 1;
  }
  const words = runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(', ')} and ${runs[runs.length - 1]}`;
  return `${sorted.length === 1 ? 'month' : 'months'} ${words}`;
}
