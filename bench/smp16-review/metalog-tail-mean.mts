// The mean of a metalog as the source's 2^-32 grid samples it (each draw the quantile at its cell's low end),
// against the distribution's mean: computed, not sampled (the heavy fits have infinite variance).
// Deficit = (integral of Q over the top 2^-12 of probability) - (the grid's draws there, 2^20 cells, each times 2^-32), over the mean.
import { fitMetalog, metalogMean, type MetalogFit } from '../../src/math/metalog.js';

/** Q(1 - s) with s kept as given (Keelin's basis written out; a lower bound only: lower + e^z). */
function upper(fit: MetalogFit, s: number): number {
  const t = 0.5 - s;
  const L = Math.log1p(-s) - Math.log(s);
  const a = fit.coefficients;
  const basis = [1, L, t * L, t];
  for (let m = 2; basis.length < fit.terms; m++) basis.push(t ** m, t ** m * L);
  let z = 0;
  for (let j = 0; j < fit.terms; j++) z += a[j]! * basis[j]!;
  return (fit.lower ?? 0) + Math.exp(z);
}
const CELL = 2 ** -32;
const CELLS = 2 ** 20;
const S = CELLS * CELL;
for (const p90 of [300000, 200000, 150000]) {
  const fit = fitMetalog([{ p: 0.1, x: 40000 }, { p: 0.5, x: 60000 }, { p: 0.9, x: p90 }], { lower: 0 });
  // integral over s in (0, S] of Q(1 - s) ds, with s = S e^-w: S times the integral over w >= 0 of Q(1 - S e^-w) e^-w dw (Simpson, to w = 700, where the integrand is below e^-140 of its start).
  const W = 700, n = 2_000_000, hw = W / n;
  let integral = 0;
  for (let i = 0; i <= n; i++) {
    const w = i * hw;
    const f = upper(fit, S * Math.exp(-w)) * Math.exp(-w);
    integral += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * f;
  }
  integral *= (S * hw) / 3;
  let grid = 0;
  for (let k = 1; k <= CELLS; k++) grid += upper(fit, k * CELL) * CELL;
  let top = upper(fit, CELL) * CELL;
  // the top cell alone: integral over (0, CELL] of Q(1 - s) ds
  let topIntegral = 0;
  for (let i = 0; i <= n; i++) {
    const w = i * hw;
    topIntegral += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * upper(fit, CELL * Math.exp(-w)) * Math.exp(-w);
  }
  topIntegral *= (CELL * hw) / 3;
  const mean = metalogMean(fit);
  console.log(`40k/60k/${p90 / 1000}k: mean ${mean.toFixed(2)}, grid mean ${(((integral - grid) / mean) * 100).toFixed(4)}% low, top cell alone ${(((topIntegral - top) / mean) * 100).toFixed(4)}%, L coefficient ${fit.coefficients[1]}`);
}
