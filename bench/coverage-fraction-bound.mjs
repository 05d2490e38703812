// How often a calibrated forecast can be called "too narrow" or "too wide" by a coverage count that
// ties make a fraction (calibration.ts Coverage.verdict: flagged at hi + 1 or more inside, lo − 1 or
// fewer). The count X is the average over the ties' spread of the whole count K ~ Binomial(n, 0.8)
// a randomised PIT gives, so E[φ(X)] <= E[φ(K)] for convex φ (Jensen), and
// P(X >= hi + 1) <= min over c of E[(K − c)⁺] / (hi + 1 − c) (Markov), likewise below: a bound
// whatever the ties, printed beside the whole count's own P(K > hi), P(K < lo).
// Usage: node bench/coverage-fraction-bound.mjs  (after npm run build)
import { exactConfidenceRanks } from '../dist/analysis/order-statistics.js';

const logFactorial = (() => {
  const table = [0];
  return (n) => {
    for (let i = table.length; i <= n; i++) table.push(table[i - 1] + Math.log(i));
    return table[n];
  };
})();

for (const n of [12, 20, 24, 50, 100, 400, 1000, 10000]) {
  const { r, s } = exactConfidenceRanks(n, 0.8);
  const [lo, hi] = [r, s - 1];
  const p = Array.from({ length: n + 1 }, (_, k) => Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(0.8) + (n - k) * Math.log(0.2)));
  const excessAbove = (c) => p.reduce((a, pk, k) => a + (k > c ? (k - c) * pk : 0), 0);
  const excessBelow = (c) => p.reduce((a, pk, k) => a + (k < c ? (c - k) * pk : 0), 0);
  let above = 1;
  let below = 1;
  for (let c = Math.floor(0.8 * n); c <= hi; c += 0.25) above = Math.min(above, excessAbove(c) / (hi + 1 - c));
  for (let c = Math.ceil(0.8 * n); c >= lo; c -= 0.25) below = Math.min(below, excessBelow(c) / (c - lo + 1));
  const wholeAbove = p.slice(hi + 1).reduce((a, x) => a + x, 0);
  const wholeBelow = p.slice(0, lo).reduce((a, x) => a + x, 0);
  console.log(`n ${n}: band ${lo} to ${hi}; whole count P(K > hi) ${(100 * wholeAbove).toFixed(2)}%, P(K < lo) ${(100 * wholeBelow).toFixed(2)}%; a fraction at most ${(100 * above).toFixed(2)}% above, ${(100 * below).toFixed(2)}% below`);
}
// The normal limit: min over c of E[(Z − c)⁺] / (1.96 − c), Z standard normal.
const phi = (x) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
const upperTail = (x) => {
  // Φ̄ by the trapezoid rule on the density from x to 10 (fine enough for 3 digits).
  let a = 0;
  const h = 1e-4;
  for (let t = x; t < 10; t += h) a += (phi(t) + phi(t + h)) * h / 2;
  return a;
};
let limit = 1;
for (let c = 0; c < 1.96; c += 0.01) limit = Math.min(limit, (phi(c) - c * upperTail(c)) / (1.96 - c));
console.log(`normal limit: a fraction at most ${(100 * limit).toFixed(2)}% each side`);
