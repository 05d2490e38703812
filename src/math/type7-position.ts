/**
 * The 0-based position (n - 1) p of the type-7 p-quantile (Hyndman and Fan; R's and numpy's
 * default) of n sorted values, taken as the whole number it is in decimal when floating point
 * leaves it a few units off. A budget is read at p = 1 - confidence, and 1 - 0.7 is
 * 0.30000000000000004: read as it came, position 10 x p of 11 trials was 3.0000000000000004, the
 * budget at 70% confidence 4e-16 of the way past the 4th lowest trial, above the trial it is, and
 * reached or beaten in 7 of the 11 trials, not 8 (with a gap of 1e15 between them it read 0.44 too high).
 *
 * p is a share written in decimal (0.1, 1 - 0.7), within 2^-53 of it, so (n - 1) p lies within
 * about n 2^-52 of (n - 1) times that decimal; a fraction of a position smaller than n 2^-50 is
 * that error, never a share's own (it would take a share of 10 decimals at 10^6 trials).
 *
 * @example type7Position(11, 1 - 0.7) // => 3
 * @example type7Position(2000, 0.1) // => 199.9
 */
export function type7Position(n: number, p: number): number {
  const h = (n - 1) * p;
  const whole = Math.round(h);
  return Math.abs(h - whole) <= n * 2 ** -50 ? whole : h;
}
