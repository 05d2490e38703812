/**
 * The positions a driver's central-value slider offers while its spread slider is at `spread`:
 * the run of positions around `central` (the slider's own) whose widest spread taken
 * (`DriverControl.widest`, feasible-spread.ts) reaches `spread`. The spread slider offers 0 to
 * `widest[central]`. Each slider so offers only what the other's position allows, and neither ever
 * has to move the other: the page never sends a pair the field refuses.
 *
 * @example centralRange([0, 2, 3, 3, 1], 2, 2) // => [1, 3]
 * Complexity: O(positions).
 */
export function centralRange(widest: readonly number[], central: number, spread: number): [number, number] {
  let lo = central;
  while (lo > 0 && widest[lo - 1]! >= spread) lo--;
  let hi = central;
  while (hi < widest.length - 1 && widest[hi + 1]! >= spread) hi++;
  return [lo, hi];
}
