import { describe, expect, it } from 'vitest';
import { sampleCrps } from '../../src/scoring/crps.js';
import { createStream, normal } from '../../src/random/index.js';

/**
 * The sample CRPS of revenue-sized forecasts, against the energy form computed exactly in integers:
 * every double in [2^26, 2^27) (67M to 134M) is a whole multiple of 2^-26, so scaled by 2^26 the
 * sums (1/n) Σ |x_i − y| and (1/(2n²)) Σ_i Σ_j |x_i − x_j| are exact BigInts, and only the last
 * division rounds. The energy form's floating-point sums were off by up to 1e-6 there: a forecast
 * whose every trial equals the outcome (a re-forecast of all 12 closed months, scored against the
 * year) scored −9.7e-7, a CRPS below 0.
 */
const SCALE = 2 ** 26;

function exactCrps(sorted: Float64Array, y: number): number {
  const n = BigInt(sorted.length);
  const big = (v: number) => {
    if (!(Number.isInteger(v * SCALE) && Math.abs(v * SCALE) < 2 ** 53)) throw new RangeError(`${v} is not a whole multiple of 2^-26 below 2^27`);
    return BigInt(v * SCALE);
  };
  const yy = big(y);
  let absError = 0n;
  let pairs = 0n; // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n − 1) x_(i), i = 1..n
  sorted.forEach((x, i) => {
    const xx = big(x);
    absError += xx > yy ? xx - yy : yy - xx;
    pairs += 2n * (2n * BigInt(i + 1) - n - 1n) * xx;
  });
  // CRPS = absError / n − pairs / (2n²) = (2n absError − pairs) / (2n²), in units of 2^-26.
  return Number(2n * n * absError - pairs) / (2 * Number(n) ** 2 * SCALE);
}

describe('sample CRPS of revenue-sized values', () => {
  it('is exactly 0 when every trial equals the outcome, and never below 0', () => {
    for (const [level, n] of [[70_000_000.3, 100_001], [112_345_678.91, 20_000], [333_333_333.33, 1000]] as const) {
      const xs = new Float64Array(n).fill(level);
      expect(sampleCrps(xs, level), `${n} trials at ${level}`).toBe(0);
      // A hair off the point: the absolute error, never less than 0.
      const up = level + 2 ** -20;
      expect(sampleCrps(xs, up)).toBe(up - level);
    }
  });

  it('matches the exact energy form to 1e-12 (relative) when the spread is small against the level', () => {
    const draw = normal(createStream('score/crps-revenue-sized'));
    const n = 20_000;
    const xs = new Float64Array(n);
    // 120M ± 5 (a year mostly closed); each value rounded to a multiple of 2^-26 by being a double there.
    for (let i = 0; i < n; i++) xs[i] = 120_000_000 + draw(0, 5);
    xs.sort();
    for (const y of [xs[0]! - 3, xs[Math.floor(n / 3)]!, 120_000_000 + 0.7, xs[n - 1]! + 11]) {
      const exact = exactCrps(xs, y);
      expect(Math.abs(sampleCrps(xs, y) - exact) / exact, `outcome ${y}: ${sampleCrps(xs, y)} against ${exact}`).toBeLessThan(1e-12);
    }
  });
});
