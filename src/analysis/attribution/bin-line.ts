/** A line fitted to one bin's sums: the sums of squares it explains about zero, in two parts, and its parameters. */
export interface BinLine {
  /** The bin's mean's part, Y² / C. */
  readonly mean: number;
  /** The slope's part, Sxy² / Sxx; 0 where x does not spread in the bin (a constant fitted). */
  readonly slope: number;
  /** Parameters fitted: 1 (a constant) or 2 (a line). */
  readonly p: 1 | 2;
}

/**
 * The least-squares line of one bin, from its sums (count C > 0, Σx, Σx², Σy, Σxy): the one fit of
 * firstOrderShares' lines and of tailCurvature's F-tests, which repeated it. The two parts are kept
 * apart so that each caller adds or subtracts them in the order it did (bit for bit the same sums).
 * x spreads when its sum of squares about its mean is above 1e-9 per trial.
 *
 * @example binLine(2, 1, 1, 3, 2) // => { mean: 4.5, slope: 0.5, p: 2 } (points (0, 1) and (1, 2))
 */
export function binLine(C: number, X: number, XX: number, Y: number, XY: number): BinLine {
  const mean = (Y * Y) / C;
  const Sxx = XX - (X * X) / C;
  if (!(Sxx > 1e-9 * C)) return { mean, slope: 0, p: 1 };
  const Sxy = XY - (X * Y) / C;
  return { mean, slope: (Sxy * Sxy) / Sxx, p: 2 };
}
