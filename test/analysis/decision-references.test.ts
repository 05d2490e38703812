import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/analysis/decisions.js';
import { expectedShortfallEstimate } from '../../src/analysis/shortfall.js';
import { expectedShortfall } from '../../src/analysis/tail.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { run } from '../helpers/fixtures.js';

/**
 * The decision figures (target odds, budgets, the downside) checked against plain, slow references
 * written here from the trial values, on hostile shapes: atoms and ties at the target, a metric
 * that is one value in every trial, targets beyond every trial and negative, confidences that do not
 * divide the trial count, 1 to 1,000 trials, values near 1e15. The simulation only provides the
 * layout: its revenue column is overwritten with each shape (decide() reads the column as stored).
 */
const tiny = `
name: layout only
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1
      conversion: 0.5
      acv: 10000
`;

const COUNTS = [1, 2, 10, 100, 1000] as const;
const sims = new Map<number, Simulation>();
beforeAll(async () => {
  for (const n of COUNTS) sims.set(n, await run(tiny, n, 5));
});

/** Write values into the sim's revenue column (float64) and return the sim. */
function withRevenue(n: number, values: readonly number[]): Simulation {
  const sim = sims.get(n)!;
  const col = sim.store.column('revenue')!;
  expect(col).toBeInstanceOf(Float64Array);
  col.set(values);
  return sim;
}

/** Seeded LCG in [0, 1): the shapes' own randomness, independent of the code under test. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// ---- slow references ----
const ascending = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
/** Hyndman and Fan's type 7: the value at 0-based position (n - 1) p of the sorted values, interpolated. */
function type7Reference(xs: readonly number[], p: number): number {
  const s = ascending(xs);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}
/** The mean of the lowest ceil(share n) values, as the lowest plus the mean excess over it (a tail of one value gives it exactly). */
function worstMeanReference(xs: readonly number[], share: number): number {
  const k = Math.max(1, Math.ceil(share * xs.length - 1e-9));
  const worst = ascending(xs).slice(0, k);
  const base = worst[0]!;
  let d = 0;
  for (const v of worst) d += v - base;
  return base + d / k;
}
/** Wilson's 95% score interval, from its textbook form. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const a = p + (z * z) / (2 * n);
  const b = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const c = 1 + (z * z) / n;
  return [(a - b) / c, (a + b) / c];
}

interface Shape {
  readonly name: string;
  readonly make: (n: number) => number[];
  readonly targets: (xs: readonly number[]) => number[];
}
const SHAPES: Shape[] = [
  {
    name: 'atoms: two values, the target exactly one of them',
    make: (n) => {
      const u = lcg(n);
      return Array.from({ length: n }, () => (u() < 0.4 ? 100e6 : 120e6));
    },
    targets: () => [120e6, 100e6, 110e6],
  },
  {
    name: 'one value in every trial',
    make: (n) => new Array<number>(n).fill(118_765_432.1),
    targets: () => [118_765_432.1, 118_765_432.2, -5],
  },
  {
    name: 'continuous, near 1e15',
    make: (n) => {
      const u = lcg(7 * n);
      return Array.from({ length: n }, () => 1e15 * (1 + 0.3 * u()));
    },
    targets: (xs) => [xs[0]!, 2e15, 0],
  },
  {
    name: 'a heavy atom at the bottom with a continuous rest',
    make: (n) => {
      const u = lcg(11 * n);
      return Array.from({ length: n }, () => (u() < 0.3 ? 0.1 : 0.1 + u() * 5e6));
    },
    targets: () => [0.1, 1e6, 1e12],
  },
];

describe.each(COUNTS.map((n) => ({ n })))('decision figures of $n trials against slow references', ({ n }) => {
  it.each(SHAPES)('$name', (shape) => {
    const xs = shape.make(n);
    const targetValues = shape.targets(xs);
    for (const confidence of [0.5, 0.8, 0.999, 0.7, 1 / 3]) {
      const sim = withRevenue(n, xs);
      const d = decide(sim, { confidence, targets: { metrics: targetValues.map((value) => ({ metric: 'revenue' as const, value })) } });

      // The budget: type 7 at 1 - confidence; its interval (when given) holds it.
      const budget = d.budgets.metrics.revenue;
      const ref = type7Reference(xs, 1 - confidence);
      expect(Math.abs(budget.value - ref), `budget at ${confidence}`).toBeLessThanOrEqual(Math.abs(ref) * 4e-16);
      if (budget.interval) {
        expect(budget.interval[0]).toBeLessThanOrEqual(budget.value);
        expect(budget.interval[1]).toBeGreaterThanOrEqual(budget.value);
      } else expect(budget.notEstimable).toBeTruthy();

      // Each target: the share of trials at or above it, Wilson's interval, the mean gap of the misses.
      d.targets.forEach((t, i) => {
        const target = targetValues[i]!;
        const hits = xs.filter((v) => v >= target).length;
        expect(t.probability.value).toBe(hits / n);
        const [lo, hi] = wilson(hits, n);
        expect(t.probability.interval[0]).toBeCloseTo(Math.max(0, lo), 14);
        expect(t.probability.interval[1]).toBeCloseTo(Math.min(1, hi), 14);
        expect(t.probability.interval[0]).toBeLessThanOrEqual(t.probability.value);
        expect(t.probability.interval[1]).toBeGreaterThanOrEqual(t.probability.value);
        const misses = xs.filter((v) => v < target);
        expect(t.shortfall.trialsMissing).toBe(misses.length);
        const gap = misses.length === 0 ? 0 : misses.reduce((s, v) => s + (target - v), 0) / misses.length;
        expect(Math.abs(t.shortfall.meanGap - gap)).toBeLessThanOrEqual(Math.abs(gap) * 1e-12);
        expect(t.certain).toBe(xs.every((v) => v === xs[0]));
      });
      const all = xs.filter((v) => targetValues.every((t) => v >= t)).length;
      expect(d.jointProbability!.value).toBe(all / n);

      // The downside: the mean of the worst 5% and 10% of trials, and an interval that holds it.
      const down = d.downside.revenue;
      for (const [share, mean, interval] of [
        [0.05, down.worst5Mean, down.worst5Interval],
        [0.1, down.worst10Mean, down.worst10Interval],
      ] as const) {
        const r = worstMeanReference(xs, share);
        expect(Math.abs(mean - r), `worst ${share}`).toBeLessThanOrEqual(Math.abs(r) * 4e-16);
        const k = Math.max(1, Math.ceil(share * n - 1e-9));
        const tail = ascending(xs).slice(0, k);
        // A mean lies within what it averages: a tail of one value has that mean exactly.
        expect(mean).toBeGreaterThanOrEqual(tail[0]!);
        expect(mean).toBeLessThanOrEqual(tail[k - 1]!);
        if (interval) {
          expect(interval[0], `worst ${share} interval holds its mean`).toBeLessThanOrEqual(mean);
          expect(interval[1], `worst ${share} interval holds its mean`).toBeGreaterThanOrEqual(mean);
          if (tail[0] === tail[k - 1]) expect(interval).toEqual([tail[0], tail[0]]);
        } else expect(k < 50).toBe(true);
      }
      expect(down.p10.value).toBeCloseTo(type7Reference(xs, 0.1), 0);
    }
  });
});

describe('the mean of worst years that do not vary', () => {
  it('is that value exactly, with an interval of no width, whatever the value', () => {
    // Before: 1,000 copies of 0.1 summed to 99.99999999999976 and the interval came out
    // [0.09999999999999995, 0.09999999999999998], leaving out both the value and the mean shown.
    for (const c of [0.1, 1234567.89, 1e15 / 3, 118_765_432.1, 1001002885301011.1]) {
      for (const n of [1000, 20_000]) {
        const xs = new Float64Array(n).fill(c);
        for (const share of [0.05, 0.1]) {
          expect(expectedShortfallEstimate(xs, share), `${c} x ${n} at ${share}`).toEqual({ value: c, interval: [c, c] });
          expect(expectedShortfall(xs, share)).toBe(c);
        }
      }
    }
  });
});
