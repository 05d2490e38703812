import { describe, expect, it } from 'vitest';
import { meanOverWorst, worstCut } from '../../../src/analysis/attribution/bad-years.js';
import { normalCdf, normalQuantile, Z95 } from '../../../src/math/normal-cdf.js';
import { createStream } from '../../../src/random/source.js';
import { standardNormal } from '../../../src/random/normal.js';

/**
 * The bad years' mean of a driver, theta = E[x | y <= q_a], a = 0.1, and its stated standard error:
 * over R seeded samples of n trials, the 95% interval mean +/- Z95 se must hold the true theta 95% of
 * the time, two-sided (an understated SE holds it less, an overstated one more), within 3.5 binomial
 * standard errors of the coverage, sqrt(0.95 x 0.05 / R) = 0.0069 at R = 1,000: [0.926, 0.974].
 * A false failure at 3.5 SEs has chance 5e-4 (the seeds are fixed, so it either passes or not).
 */
const A = 0.1;
const N = 2_000;
const R = 1_000;
const COVERAGE_TOLERANCE = 3.5 * Math.sqrt((0.95 * 0.05) / R);

/** One trial: the metric y and the drivers' values x (one or more, in a fixed order). */
type Trial = (z: () => number) => { x: readonly number[]; y: number };

interface Coverage {
  /** Share of the R intervals holding theta. */
  readonly inside: number;
  /** The mean stated SE, and the spread of the R means (what the SE should be). */
  readonly meanSe: number;
  readonly spread: number;
}

/** Each driver's coverage of its theta over R seeded samples of N trials (trial r's stream named by the case and r). */
function coverage(name: string, trial: Trial, thetas: readonly number[]): Coverage[] {
  const xs = thetas.map(() => new Float64Array(N));
  const y = new Float64Array(N);
  const inside = thetas.map(() => 0);
  const seSum = thetas.map(() => 0);
  const means = thetas.map((): number[] => []);
  for (let r = 0; r < R; r++) {
    const z = standardNormal(createStream(`bad-years-se-${name}-${r}`));
    for (let i = 0; i < N; i++) {
      const t = trial(z);
      y[i] = t.y;
      t.x.forEach((v, d) => (xs[d]![i] = v));
    }
    const cut = worstCut(y, A);
    thetas.forEach((theta, d) => {
      const { mean, standardError } = meanOverWorst(xs[d]!, cut);
      if (Math.abs(mean - theta) <= Z95 * standardError) inside[d]!++;
      seSum[d]! += standardError;
      means[d]!.push(mean);
    });
  }
  return thetas.map((_, d) => {
    const m = means[d]!.reduce((s, v) => s + v, 0) / R;
    const spread = Math.sqrt(means[d]!.reduce((s, v) => s + (v - m) ** 2, 0) / (R - 1));
    return { inside: inside[d]! / R, meanSe: seSum[d]! / R, spread };
  });
}

/** Coverage within COVERAGE_TOLERANCE of 95%, both ways. */
function expectCovers(c: Coverage, what: string): void {
  const said = `${what}: coverage ${c.inside} (mean SE ${c.meanSe}, spread of the means ${c.spread})`;
  expect(c.inside, said).toBeGreaterThanOrEqual(0.95 - COVERAGE_TOLERANCE);
  expect(c.inside, said).toBeLessThanOrEqual(0.95 + COVERAGE_TOLERANCE);
}

/** ∫ f over [-10, 10] by Simpson's rule on 20,000 steps (the integrands below are smooth and bounded by φ). */
function integrate(f: (z: number) => number): number {
  const steps = 20_000;
  const h = 20 / steps;
  let s = f(-10) + f(10);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(-10 + i * h);
  return (s * h) / 3;
}
const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);

describe("the bad years' mean of a driver: its standard error counts the randomness of the cut", () => {
  it('a driver that determines the metric (x = U, y = U, theta = a / 2), beside one unrelated to it (x = Φ(z), theta = 1/2)', () => {
    // Before December 2026 sd / sqrt(k) was 1.92x too small for the first (coverage 0.688 on these seeds).
    // The second has m(q) = theta: the cut adds nothing, and its SE stays sd / sqrt(k) = sqrt(1/12 / k).
    const [determines, unrelated] = coverage('determines', (z) => {
      const u = normalCdf(z());
      return { x: [u, normalCdf(z())], y: u };
    }, [A / 2, 0.5]);
    expectCovers(determines!, 'the driver that determines the metric');
    expectCovers(unrelated!, 'the unrelated driver');
    // Its SE, averaged over R samples: the window's noise in m(q) (sd^2 / about 2 sqrt(n) = 91 trials) adds
    // (1 - a) / 91 of s^2 to the variance, about 0.5% to the SE; the average of R SEs, each within
    // about 1 / sqrt(2k) = 5% of its own, is within 0.2%. 2% leaves room for both with margin.
    const plain = Math.sqrt(1 / 12 / (A * N));
    expect(Math.abs(unrelated!.meanSe - plain) / plain).toBeLessThan(0.02);
  });

  it('a driver that moves the metric with noise beside it: x = Φ(z1), y = z1 + z2 / 2, theta by quadrature', () => {
    // E[Φ(z1); z1 + z2 / 2 <= q] = ∫ φ(z) Φ(z) Φ(2 (q - z)) dz, q = sqrt(1.25) Φ⁻¹(a). Before: coverage 0.867.
    const q = Math.sqrt(1.25) * normalQuantile(A);
    const theta = integrate((z) => phi(z) * normalCdf(z) * normalCdf(2 * (q - z))) / A;
    // The same quadrature gives the cut's own probability ∫ φ(z) Φ(2 (q - z)) dz = a (a check of the rule).
    expect(integrate((z) => phi(z) * normalCdf(2 * (q - z)))).toBeCloseTo(A, 10);
    const [c] = coverage('partly', (z) => {
      const z1 = z();
      return { x: [normalCdf(z1)], y: z1 + z() / 2 };
    }, [theta]);
    expectCovers(c!, `x = Φ(z1), theta ${theta}`);
  });

  it('a lognormal metric: x = Φ(z1), y = exp(z1) + exp(z2) (a sum of two lognormal parts)', () => {
    // E[Φ(z1); e^z1 + e^z2 <= q] = ∫ φ(z) Φ(z) Φ(ln(q - e^z)) 1{e^z < q} dz, q solving ∫ φ(z) Φ(ln(q - e^z)) dz = a
    // by bisection. Before: coverage 0.895 (the old SE 17% below the spread of the means).
    const below = (q: number, g: (z: number) => number) => integrate((z) => (Math.exp(z) < q ? phi(z) * g(z) * normalCdf(Math.log(q - Math.exp(z))) : 0));
    let [lo, hi] = [0, 10];
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (below(mid, () => 1) < A) lo = mid;
      else hi = mid;
    }
    const theta = below(lo, normalCdf) / A;
    const [c] = coverage('lognormal', (z) => {
      const z1 = z();
      return { x: [normalCdf(z1)], y: Math.exp(z1) + Math.exp(z()) };
    }, [theta]);
    expectCovers(c!, `x = Φ(z1), theta ${theta}`);
  });
});
