/**
 * E[X^n] for X ~ Beta of mean m and sd s, n whole: Π_{i<n} (a + i) / (a + b + i), with
 * a + b = m (1 − m) / s² − 1. Worked out here, apart from src/math/beta-power-moments.ts, so tests of
 * the year's rate fit writes check it against an independent computation.
 *
 * @example betaMoment(0.5, Math.sqrt(1 / 12), 2) // => 1/3 (Beta(1, 1): E[U^2] = 1/3)
 */
export const betaMoment = (m: number, s: number, n: number): number => {
  const t = (m * (1 - m)) / (s * s) - 1;
  let p = 1;
  for (let i = 0; i < n; i++) p *= (m * t + i) / (t + i);
  return p;
};
