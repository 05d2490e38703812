/**
 * Standardised multiple regression: the coefficients of y on the columns xs after centring and
 * scaling all to unit variance, and R². Solves the normal equations (the correlation matrix) by
 * Gaussian elimination with partial pivoting; p is small (the drivers of a scenario).
 * A column with no spread gets coefficient 0.
 *
 * @example standardisedRegression([x1, x2], y) // => { beta: [0.7, 0.2], rSquared: 0.55 }
 * Complexity: O(n p^2 + p^3).
 */
export function standardisedRegression(xs: ReadonlyArray<ArrayLike<number>>, y: ArrayLike<number>): { beta: number[]; rSquared: number } {
  const p = xs.length;
  const n = y.length;
  const standardise = (v: ArrayLike<number>) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += v[i]!;
    m /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (v[i]! - m) ** 2;
    const sd = Math.sqrt(ss / n);
    const out = new Float64Array(n);
    if (sd > 0) for (let i = 0; i < n; i++) out[i] = (v[i]! - m) / sd;
    return out;
  };
  const zs = xs.map(standardise);
  const zy = standardise(y);
  const live = zs.map((z) => z.some((v) => v !== 0));
  const idx = zs.map((_, j) => j).filter((j) => live[j]);
  const q = idx.length;
  // Augmented normal equations [R | r], R the correlation matrix of the live columns.
  const a = Array.from({ length: q }, (_, r) =>
    Float64Array.from({ length: q + 1 }, (_, c) => {
      const u = zs[idx[r]!]!;
      const v = c < q ? zs[idx[c]!]! : zy;
      let s = 0;
      for (let i = 0; i < n; i++) s += u[i]! * v[i]!;
      return s / n;
    }),
  );
  for (let c = 0; c < q; c++) {
    let pivot = c;
    for (let r = c + 1; r < q; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < q; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / d;
      if (f !== 0) for (let k = c; k <= q; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const beta = new Array<number>(p).fill(0);
  idx.forEach((j, r) => {
    const d = a[r]![r]!;
    beta[j] = Math.abs(d) < 1e-12 ? 0 : a[r]![q]! / d;
  });
  // R² = sum of beta_j x corr(x_j, y) for standardised variables.
  let rSquared = 0;
  for (let j = 0; j < p; j++) {
    if (!live[j]) continue;
    let s = 0;
    for (let i = 0; i < n; i++) s += zs[j]![i]! * zy[i]!;
    rSquared += beta[j]! * (s / n);
  }
  return { beta, rSquared };
}
