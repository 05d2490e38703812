import { describe, expect, it } from 'vitest';
import { MetalogFitError, fitMetalog, metalogCdf, metalogDensityIsPositive, metalogMean, metalogQuantile } from '../../src/math/metalog.js';
import { metalog } from '../../src/random/metalog.js';
import type { MetalogFit, MetalogFitOptions } from '../../src/math/metalog.js';
import { createStream } from '../../src/random/source.js';

type Point = { p: number; x: number };

const pts = (...pairs: ReadonlyArray<readonly [number, number]>): Point[] => pairs.map(([p, x]) => ({ p, x }));

interface Case {
  readonly name: string;
  readonly points: Point[];
  readonly options: MetalogFitOptions;
}

/** Feasible fits covering every bound type and 3, 4 and 5 points. */
const CASES: ReadonlyArray<Case> = [
  { name: 'unbounded, 3 points', points: pts([0.1, 40000], [0.5, 60000], [0.9, 110000]), options: {} },
  { name: 'unbounded, 4 points', points: pts([0.05, -3], [0.25, 1], [0.75, 4], [0.95, 12]), options: {} },
  { name: 'unbounded, 5 points', points: pts([0.05, 10], [0.25, 18], [0.5, 22], [0.75, 27], [0.95, 40]), options: {} },
  { name: 'lower-bounded, 3 points', points: pts([0.1, 40000], [0.5, 60000], [0.9, 110000]), options: { lower: 0 } },
  { name: 'lower-bounded, 4 points', points: pts([0.1, 2], [0.4, 5], [0.7, 9], [0.95, 30]), options: { lower: 1 } },
  {
    name: 'lower-bounded, 5 points',
    points: pts([0.05, 1200], [0.25, 2500], [0.5, 3400], [0.75, 5000], [0.95, 9000]),
    options: { lower: 0 },
  },
  { name: 'upper-bounded, 3 points', points: pts([0.1, 10], [0.5, 20], [0.9, 25]), options: { upper: 30 } },
  { name: 'upper-bounded, 4 points', points: pts([0.1, -40], [0.3, -20], [0.6, -12], [0.9, -6]), options: { upper: 0 } },
  {
    name: 'upper-bounded, 5 points',
    points: pts([0.05, 0.5], [0.25, 0.7], [0.5, 0.8], [0.75, 0.87], [0.95, 0.93]),
    options: { upper: 1 },
  },
  { name: 'bounded, 3 points', points: pts([0.1, 0.2], [0.5, 0.35], [0.9, 0.6]), options: { lower: 0, upper: 1 } },
  {
    name: 'bounded, 4 points',
    points: pts([0.1, 0.05], [0.4, 0.08], [0.6, 0.1], [0.9, 0.16]),
    options: { lower: 0, upper: 0.3 },
  },
  {
    name: 'bounded, 5 points',
    points: pts([0.05, 60], [0.25, 72], [0.5, 80], [0.75, 86], [0.95, 95]),
    options: { lower: 50, upper: 100 },
  },
];

const fits = CASES.map((c) => ({ ...c, fit: fitMetalog(c.points, c.options) }));

describe('fitMetalog', () => {
  it.each(fits)('reproduces the stated quantiles exactly: $name', ({ points, fit }) => {
    const range = points[points.length - 1]!.x - points[0]!.x;
    for (const { p, x } of points) {
      expect(Math.abs(metalogQuantile(fit, p) - x)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(x), range));
    }
    expect(fit.terms).toBe(points.length);
    expect(metalogDensityIsPositive(fit)).toBe(true);
  });

  it('records the bounds on the fit', () => {
    const fit = fitMetalog(pts([0.1, 0.2], [0.5, 0.35], [0.9, 0.6]), { lower: 0, upper: 1 });
    expect(fit.lower).toBe(0);
    expect(fit.upper).toBe(1);
    const unbounded = fitMetalog(pts([0.1, 0.2], [0.5, 0.35], [0.9, 0.6]));
    expect(unbounded.lower).toBeUndefined();
    expect(unbounded.upper).toBeUndefined();
  });

  it('with 2 terms on symmetric points is the logistic distribution', () => {
    const mu = 100;
    const s = 10 / Math.log(9); // P10 = 90, P90 = 110
    const fit = fitMetalog(pts([0.1, 90], [0.5, 100], [0.9, 110]), { terms: 2 });
    expect(fit.terms).toBe(2);
    for (let y = 0.001; y < 1; y += 0.01) {
      const logistic = mu + s * Math.log(y / (1 - y));
      expect(metalogQuantile(fit, y)).toBeCloseTo(logistic, 10);
    }
  });

  it('least squares with fewer terms than points stays close to the points', () => {
    // Points on a logistic with a little noise: the 3-term least-squares fit passes near all of them.
    const fit = fitMetalog(pts([0.05, 70.1], [0.25, 89.0], [0.5, 100.2], [0.75, 110.9], [0.95, 129.6]), { terms: 3 });
    expect(fit.terms).toBe(3);
    for (const { p, x } of [
      { p: 0.05, x: 70.1 },
      { p: 0.5, x: 100.2 },
      { p: 0.95, x: 129.6 },
    ]) {
      expect(Math.abs(metalogQuantile(fit, p) - x)).toBeLessThan(1);
    }
    // And it is the least-squares fit, solved here independently by the normal equations (B^T B) a = B^T x
    // on Keelin's basis 1, L, (y - 1/2) L, L = ln(y / (1 - y)), by Gaussian elimination (the code: Householder QR).
    const data = [[0.05, 70.1], [0.25, 89.0], [0.5, 100.2], [0.75, 110.9], [0.95, 129.6]] as const;
    const basis = (y: number) => [1, Math.log(y / (1 - y)), (y - 0.5) * Math.log(y / (1 - y))];
    const m = [0, 1, 2].map((i) => [0, 1, 2].map((j) => data.reduce((s, [y]) => s + basis(y)[i]! * basis(y)[j]!, 0)));
    const v = [0, 1, 2].map((i) => data.reduce((s, [y, x]) => s + basis(y)[i]! * x, 0));
    for (let c = 0; c < 3; c++)
      for (let r = c + 1; r < 3; r++) {
        const f = m[r]![c]! / m[c]![c]!;
        for (let k = c; k < 3; k++) m[r]![k]! -= f * m[c]![k]!;
        v[r]! -= f * v[c]!;
      }
    const a = [0, 0, 0];
    for (let r = 2; r >= 0; r--) a[r] = (v[r]! - [0, 1, 2].reduce((s, k) => (k > r ? s + m[r]![k]! * a[k]! : s), 0)) / m[r]![r]!;
    for (const y of [0.05, 0.25, 0.5, 0.75, 0.95, 0.01, 0.99]) {
      const expected = basis(y).reduce((s, b, i) => s + b * a[i]!, 0);
      expect(metalogQuantile(fit, y), `y ${y}`).toBeCloseTo(expected, 9);
    }
  });
});

describe('feasibility', () => {
  /** 3-term metalog through P10 = 0, P50 = r, P90 = 1. */
  const feasible3 = (r: number): boolean => {
    try {
      fitMetalog(pts([0.1, 0], [0.5, r], [0.9, 1]));
      return true;
    } catch (error) {
      if (error instanceof MetalogFitError && error.reason === 'infeasible') return false;
      throw error;
    }
  };

  it('symmetric P10/P50/P90 are feasible; very skewed ones are not', () => {
    expect(feasible3(0.5)).toBe(true);
    expect(feasible3(0.3)).toBe(true);
    expect(feasible3(0.7)).toBe(true);
    expect(feasible3(0.02)).toBe(false);
    expect(feasible3(0.98)).toBe(false);
  });

  it('the feasible range of r = (x50 - x10)/(x90 - x10) matches an independent derivation (Keelin: |a3|/a2 < 1.66711)', () => {
    // For P10/P50/P90, a2 = (x90 - x10)/(2 ln 9) and a3 = (x90 + x10 - 2 x50)/(0.8 ln 9), so a3/a2 = 2.5 (1 - 2r).
    // The 3-term density is positive iff 1 + c (t + y(1-y) L) > 0 for all y, with c = |a3|/a2 (by symmetry the
    // sign of a3 does not matter), i.e. c < 1 / max_y -(t + y(1-y) L). Maximise by golden section on y in (0, 1/2).
    const h = (y: number): number => -(y - 0.5 + y * (1 - y) * Math.log(y / (1 - y)));
    let lo = 1e-9;
    let hi = 0.5;
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 200; i++) {
      const m1 = hi - phi * (hi - lo);
      const m2 = lo + phi * (hi - lo);
      if (h(m1) > h(m2)) hi = m2;
      else lo = m1;
    }
    const cStar = 1 / h((lo + hi) / 2);
    expect(cStar).toBeCloseTo(1.66711, 4); // Keelin 2016's published constant
    const rStar = (1 - cStar / 2.5) / 2; // ~0.16658

    // Locate the boundary of fitMetalog's feasibility check by bisection on r.
    let infeasible = 0.01;
    let feasible = 0.5;
    for (let i = 0; i < 50; i++) {
      const mid = (infeasible + feasible) / 2;
      if (feasible3(mid)) feasible = mid;
      else infeasible = mid;
    }
    expect(Math.abs(feasible - rStar)).toBeLessThan(1e-4);
    // And by symmetry the upper boundary is 1 - r*.
    expect(feasible3(1 - rStar - 1e-3)).toBe(true);
    expect(feasible3(1 - rStar + 1e-3)).toBe(false);
  });

  it('metalogDensityIsPositive checks hand-built coefficients, including the tail signs', () => {
    expect(metalogDensityIsPositive({ terms: 2, coefficients: Float64Array.of(0, 1) })).toBe(true);
    expect(metalogDensityIsPositive({ terms: 2, coefficients: Float64Array.of(0, -1) })).toBe(false);
    expect(metalogDensityIsPositive({ terms: 3, coefficients: Float64Array.of(0, 1, 1.6) })).toBe(true);
    expect(metalogDensityIsPositive({ terms: 3, coefficients: Float64Array.of(0, 1, 1.7) })).toBe(false);
    expect(metalogDensityIsPositive({ terms: 3, coefficients: Float64Array.of(0, 1, -1.7) })).toBe(false);
    // a4 alone would give a uniform; a negative a4 with a tiny a2 decreases in the middle.
    expect(metalogDensityIsPositive({ terms: 4, coefficients: Float64Array.of(0, 0.01, 0, -1) })).toBe(false);
  });
});

describe('sampling', () => {
  const N = 100_000;
  const sampled = [fits[0]!, fits[3]!, fits[6]!, fits[11]!, fits[8]!];

  it.each(sampled)('matches the stated quantiles and the mean: $name', ({ name, points, fit }) => {
    const draw = metalog(createStream(`test/metalog/sampling/${name}`));
    const xs = new Float64Array(N);
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const x = draw(fit);
      xs[i] = x;
      sum += x;
    }
    for (const { p, x } of points) {
      let below = 0;
      for (let i = 0; i < N; i++) if (xs[i]! <= x) below++;
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(below / N - p)).toBeLessThan(4 * se);
    }
    const mean = sum / N;
    let ss = 0;
    for (let i = 0; i < N; i++) ss += (xs[i]! - mean) ** 2;
    const se = Math.sqrt(ss / (N - 1) / N);
    expect(Math.abs(mean - metalogMean(fit))).toBeLessThan(4 * se);
  });

  it.each(fits.filter((c) => c.options.lower !== undefined || c.options.upper !== undefined))(
    'stays within the bounds: $name',
    ({ name, fit }) => {
      const draw = metalog(createStream(`test/metalog/bounds/${name}`));
      const lower = fit.lower ?? -Infinity;
      const upper = fit.upper ?? Infinity;
      // One assertion over the draws (an expect() a draw cost more CPU than the draws): those outside the bounds, none.
      const outside: number[] = [];
      for (let i = 0; i < 20_000; i++) {
        const x = draw(fit);
        if (!(x >= lower && x <= upper)) outside.push(x);
      }
      expect(outside).toEqual([]);
    },
  );

  it('is deterministic for a seed and finite for a zero draw', () => {
    const fit = fits[0]!.fit;
    const a = metalog(createStream('test/metalog/determinism'));
    const b = metalog(createStream('test/metalog/determinism'));
    for (let i = 0; i < 100; i++) expect(a(fit)).toBe(b(fit));
    const zero = metalog(() => 0);
    expect(Number.isFinite(zero(fit))).toBe(true);
    expect(zero(fit)).toBeLessThan(metalogQuantile(fit, 1e-6));
  });
});

describe('metalogQuantile', () => {
  it('returns the bounds (or infinities) at y = 0 and 1, and rejects y outside [0, 1]', () => {
    const unbounded = fits[0]!.fit;
    expect(metalogQuantile(unbounded, 0)).toBe(-Infinity);
    expect(metalogQuantile(unbounded, 1)).toBe(Infinity);
    const bounded = fits[11]!.fit;
    expect(metalogQuantile(bounded, 0)).toBe(50);
    expect(metalogQuantile(bounded, 1)).toBe(100);
    const lower = fits[3]!.fit;
    expect(metalogQuantile(lower, 0)).toBe(0);
    expect(metalogQuantile(lower, 1)).toBe(Infinity);
    expect(() => metalogQuantile(unbounded, 1.5)).toThrow(RangeError);
    expect(() => metalogQuantile(unbounded, NaN)).toThrow(RangeError);
  });

  it.each(fits)('is strictly increasing: $name', ({ fit }) => {
    // One assertion over the grid: the quantiles not above the one before, none.
    const notIncreasing: string[] = [];
    let prev = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const x = metalogQuantile(fit, i / 1000);
      if (!(x > prev)) notIncreasing.push(`Q(${i / 1000}) = ${x} after ${prev}`);
      prev = x;
    }
    expect(notIncreasing).toEqual([]);
  });
});

describe('metalogCdf', () => {
  const grid = [1e-6, 1e-4, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999];

  it.each(fits)('inverts the quantile function: $name', ({ fit }) => {
    for (const y of grid) {
      expect(metalogCdf(fit, metalogQuantile(fit, y))).toBeCloseTo(y, 12);
    }
  });

  it('is 0 and 1 at and beyond the bounds and at the infinities', () => {
    const bounded = fits[11]!.fit;
    expect(metalogCdf(bounded, 50)).toBe(0);
    expect(metalogCdf(bounded, 10)).toBe(0);
    expect(metalogCdf(bounded, 100)).toBe(1);
    expect(metalogCdf(bounded, 1e9)).toBe(1);
    const unbounded = fits[0]!.fit;
    expect(metalogCdf(unbounded, -Infinity)).toBe(0);
    expect(metalogCdf(unbounded, Infinity)).toBe(1);
    expect(metalogCdf(unbounded, -1e300)).toBe(0);
    expect(Number.isNaN(metalogCdf(unbounded, NaN))).toBe(true);
  });
});

describe('metalogMean', () => {
  it('is the location of a logistic (2 terms, unbounded)', () => {
    const fit = fitMetalog(pts([0.1, 90], [0.5, 100], [0.9, 110]), { terms: 2 });
    expect(metalogMean(fit)).toBeCloseTo(100, 10);
  });

  it('matches the log-logistic closed form (2 terms, lower bound): lower + e^a1 * pi b / sin(pi b)', () => {
    for (const b of [0.1, 0.3, 0.6, 0.9]) {
      const lower = 5;
      const median = 100;
      const fit = fitMetalog(
        pts([0.1, lower + median * Math.exp(-b * Math.log(9))], [0.5, lower + median], [0.9, lower + median * Math.exp(b * Math.log(9))]),
        { lower, terms: 2 },
      );
      const exact = lower + (median * Math.PI * b) / Math.sin(Math.PI * b);
      expect(Math.abs(metalogMean(fit) - exact) / exact).toBeLessThan(1e-9);
    }
  });

  it('matches the mirrored closed form (2 terms, upper bound)', () => {
    const b = 0.4;
    const upper = 10;
    const gap = 3; // median = upper - gap
    const fit = fitMetalog(
      pts([0.1, upper - gap * Math.exp(b * Math.log(9))], [0.5, upper - gap], [0.9, upper - gap * Math.exp(-b * Math.log(9))]),
      { upper, terms: 2 },
    );
    const exact = upper - (gap * Math.PI * b) / Math.sin(Math.PI * b);
    expect(Math.abs(metalogMean(fit) - exact) / Math.abs(exact)).toBeLessThan(1e-9);
  });

  it('is infinite when a log-metalog upper tail is too heavy (coefficient of L >= 1)', () => {
    const fit: MetalogFit = { terms: 2, coefficients: Float64Array.of(0, 1.2), lower: 0 };
    expect(metalogMean(fit)).toBe(Infinity);
    const mirrored: MetalogFit = { terms: 2, coefficients: Float64Array.of(0, 1.2), upper: 0 };
    expect(metalogMean(mirrored)).toBe(-Infinity);
  });

  it('is the midpoint for a symmetric two-side-bounded fit', () => {
    const fit = fitMetalog(pts([0.1, 0.2], [0.5, 0.5], [0.9, 0.8]), { lower: 0, upper: 1 });
    expect(metalogMean(fit)).toBeCloseTo(0.5, 12);
  });

  /** Coefficient of L in the tails (y -> 0 and y -> 1), for fits of at most 5 terms (L-terms: a2, a3). */
  const tailExponents = (fit: MetalogFit): { g0: number; g1: number } => {
    const a = fit.coefficients;
    const a3 = fit.terms >= 3 ? a[2]! : 0;
    return { g0: a[1]! - a3 / 2, g1: a[1]! + a3 / 2 };
  };

  /**
   * Fits whose tails a midpoint rule on y in (0,1) with a smoothstep mesh (y ~ 3 s^2 near 0) integrates
   * reliably: the quantile function grows no faster than (1-y)^-1/2 in an unbounded tail. Heavy-tailed
   * fits are left to the next test.
   */
  const lightTailed = fits.filter(({ fit }) => {
    const { g0, g1 } = tailExponents(fit);
    return !((fit.lower !== undefined && fit.upper === undefined && g1 > 0.5) || (fit.upper !== undefined && fit.lower === undefined && g0 > 0.5));
  });

  it('leaves most fits to the midpoint rule (the heavy-tailed ones go to the logit-space integral)', () => {
    expect(lightTailed.length).toBeGreaterThanOrEqual(fits.length - 2);
  });

  it.each(lightTailed)('agrees with a brute-force midpoint rule in y (light tails only): $name', ({ fit }) => {
    let sum = 0;
    const M = 200_000;
    for (let i = 0; i < M; i++) {
      const s = (i + 0.5) / M;
      const y = s * s * (3 - 2 * s);
      const dy = 6 * s * (1 - s);
      sum += metalogQuantile(fit, y) * dy;
    }
    const brute = sum / M;
    const mean = metalogMean(fit);
    expect(Math.abs(mean - brute)).toBeLessThan(1e-6 * Math.max(Math.abs(mean), 1));
  });

  it.each(fits)('agrees with an independent wide-range integral in logit space: $name', ({ fit }) => {
    // E[X] = integral of x(M(u)) y(1-y) du over u = ln(y/(1-y)), written here from Keelin's eq. 6 for k <= 5
    // (no analytic tails: the range is wide enough for the integrand to vanish), trapezoid rule with h = 0.005.
    const a = fit.coefficients;
    const k = fit.terms;
    const { g0, g1 } = tailExponents(fit);
    const { lower, upper } = fit;
    const rateDown = upper !== undefined && lower === undefined ? 1 - g0 : 1;
    const rateUp = lower !== undefined && upper === undefined ? 1 - g1 : 1;
    const uMin = -60 / rateDown;
    const uMax = 60 / rateUp;
    const h = 0.005;
    let sum = 0;
    for (let u = uMin; u <= uMax; u += h) {
      const t = 0.5 * Math.tanh(u / 2);
      const basis = [1, u, t * u, t, t * t];
      let z = 0;
      for (let j = 0; j < k; j++) z += a[j]! * basis[j]!;
      const logW = -Math.abs(u) - 2 * Math.log1p(Math.exp(-Math.abs(u)));
      const w = Math.exp(logW);
      let xw: number;
      if (lower !== undefined && upper !== undefined) xw = (lower + (upper - lower) / (1 + Math.exp(-z))) * w;
      else if (lower !== undefined) xw = lower * w + Math.exp(z + logW);
      else if (upper !== undefined) xw = upper * w - Math.exp(logW - z);
      else xw = z * w;
      sum += xw * h;
    }
    const mean = metalogMean(fit);
    expect(Math.abs(mean - sum)).toBeLessThan(1e-9 * Math.max(Math.abs(mean), 1));
  });
});

describe('bad input', () => {
  const good = pts([0.1, 10], [0.5, 20], [0.9, 40]);
  const table: ReadonlyArray<{ name: string; points: Point[]; options?: MetalogFitOptions; message: string }> = [
    {
      name: 'very skewed P10/P50/P90 (right)',
      points: pts([0.1, 10], [0.5, 11], [0.9, 100]),
      message: 'density is negative near P',
    },
    {
      name: 'very skewed P10/P50/P90 (left)',
      points: pts([0.1, 10], [0.5, 99], [0.9, 100]),
      message: 'widen the gap between P50 and P90',
    },
    {
      name: 'very skewed, lower-bounded',
      points: pts([0.1, 10], [0.5, 10.1], [0.9, 1000]),
      options: { lower: 0 },
      message: 'widen the gap between P10 and P50',
    },
    { name: 'non-increasing values', points: pts([0.1, 10], [0.5, 30], [0.9, 20]), message: 'values must increase with probability' },
    { name: 'equal values', points: pts([0.1, 10], [0.5, 10], [0.9, 20]), message: 'the value at P50 (10) is not greater than the value at P10 (10)' },
    { name: 'p = 0', points: pts([0, 10], [0.5, 20], [0.9, 40]), message: 'strictly between 0 and 1' },
    { name: 'p = 1', points: pts([0.1, 10], [0.5, 20], [1, 40]), message: 'strictly between 0 and 1' },
    { name: 'p > 1', points: pts([0.1, 10], [0.5, 20], [90, 40]), message: 'strictly between 0 and 1' },
    { name: 'duplicate p', points: pts([0.1, 10], [0.5, 20], [0.5, 40]), message: 'P50 is stated twice' },
    { name: 'p out of order', points: pts([0.5, 10], [0.1, 20], [0.9, 40]), message: 'increasing order of probability' },
    { name: 'value at the lower bound', points: good, options: { lower: 10 }, message: 'not above the lower bound' },
    { name: 'value below the lower bound', points: good, options: { lower: 15 }, message: 'not above the lower bound' },
    { name: 'value at the upper bound', points: good, options: { upper: 40 }, message: 'not below the upper bound' },
    { name: 'value beyond the upper bound', points: good, options: { lower: 0, upper: 30 }, message: 'not below the upper bound' },
    { name: 'lower >= upper', points: good, options: { lower: 50, upper: 50 }, message: 'must be less than the upper bound' },
    { name: 'NaN bound', points: good, options: { lower: NaN }, message: 'lower bound must be a finite number' },
    { name: 'fewer than 3 points', points: pts([0.1, 10], [0.9, 40]), message: 'at least 3 quantiles' },
    {
      name: 'more than 16 points',
      points: Array.from({ length: 17 }, (_, i) => ({ p: (i + 1) / 18, x: i })),
      message: 'at most 16 quantiles',
    },
    { name: 'NaN value', points: pts([0.1, 10], [0.5, NaN], [0.9, 40]), message: 'the value at P50 must be a finite number' },
    { name: 'infinite value', points: pts([0.1, 10], [0.5, 20], [0.9, Infinity]), message: 'the value at P90 must be a finite number' },
    { name: 'NaN probability', points: pts([0.1, 10], [NaN, 20], [0.9, 40]), message: 'quantile #2: the probability must be' },
    { name: 'too many terms', points: good, options: { terms: 4 }, message: 'number of metalog terms' },
    { name: 'too few terms', points: good, options: { terms: 1 }, message: 'number of metalog terms' },
    { name: 'fractional terms', points: good, options: { terms: 2.5 }, message: 'number of metalog terms' },
  ];

  it.each(table)('$name', ({ points, options, message }) => {
    let caught: unknown;
    try {
      fitMetalog(points, options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetalogFitError);
    expect((caught as MetalogFitError).name).toBe('MetalogFitError');
    expect((caught as MetalogFitError).message).toContain(message);
  });

  it('names the failing percentile in planner terms', () => {
    expect(() => fitMetalog(pts([0.1, 10], [0.5, 99], [0.9, 100]))).toThrow(
      /^these quantiles give a metalog whose density is negative near P9\d \(the quantile function decreases there\): the stated values are not consistent with a smooth distribution; widen the gap between P50 and P90 or add a quantile$/,
    );
  });
});
