// Exact coverage of the 95% interval of a chance estimated from n trials (arrcast's probability(),
// from dist/), against Wilson's score interval alone (written here): the number of trials reaching a
// target is Binomial(n, p), and coverage(p) = sum over k of P(B = k) [lo(k) <= p <= hi(k)].
// Prints, for each n, the lowest coverage over a grid of p (dense where n p is small) and where it is.
// Usage: npm run build && node bench/probability-interval-coverage.mjs
import { probability } from '../dist/analysis/probability.js';

const Z = 1.959963984540054;
function wilson(k, n) {
  const p = k / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
function lowest(n, intervalOf) {
  const lf = [0];
  for (let k = 1; k <= n; k++) lf.push(lf[k - 1] + Math.log(k));
  const iv = Array.from({ length: n + 1 }, (_, k) => intervalOf(k, n));
  // n p from 0.0025 to 10 in steps of 0.0025 (a coarser grid, 0.01, missed the dip at n p = 1.555),
  // then p evenly over (0, 1/2).
  const grid = [...Array.from({ length: 4000 }, (_, j) => (j + 1) / 400 / n), ...Array.from({ length: 999 }, (_, i) => (i + 1) / 2000)].filter((p) => p < 0.5);
  let worst = 1;
  let at = 0;
  let sumEven = 0;
  let even = 0;
  for (const [g, p] of grid.entries()) {
    let c = 0;
    for (let k = 0; k <= n; k++) {
      const l = lf[n] - lf[k] - lf[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p);
      if (l > -745 && iv[k][0] <= p && p <= iv[k][1]) c += Math.exp(l);
    }
    if (c < worst) [worst, at] = [c, p];
    if (g >= grid.length - 999) [sumEven, even] = [sumEven + c, even + 1];
  }
  return `lowest ${(100 * worst).toFixed(2)}% at n p = ${(n * at).toFixed(3)}, mean over p in (0, 1/2) ${(100 * sumEven / even).toFixed(2)}%`;
}
for (const n of [10, 11, 20, 50, 100, 200, 1000, 2000, 10000]) {
  console.log(`n = ${n}: Wilson alone: ${lowest(n, wilson)} | arrcast: ${lowest(n, (k, m) => probability(k, m).interval)}`);
}
