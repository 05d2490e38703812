import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/analysis/decisions.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { column, run } from '../helpers/fixtures.js';

/**
 * A scenario whose metrics have a known discrete distribution: one tier, no new business, 100
 * customers of 12,000 each all due in month 1 and renewing at a fixed 90%, no uplift. A churned
 * customer leaves from month 1, so revenue = ending ARR = bookings (the renewed ARR) = 12,000 R,
 * R ~ Binomial(100, 0.9), exactly (multiples of 12,000 are exact in binary). Every decision figure
 * then has a closed form from the binomial pmf, computed here; the discrete atoms test what a
 * continuous case cannot: a target at an atom, quantiles on a lattice, a tail cut inside an atom.
 */
const N = 100;
const P = 0.9;
const ARR = 12_000;
const book = `
name: binomial book
tiers:
  - name: B
    existing:
      customers: ${N}
      openingArr: ${N * ARR}
      renewalCalendar: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      renewalRate: ${P}
      priceUplift: 0
`;

/** The Binomial(N, P) pmf by the recurrence pmf(k + 1) = pmf(k) (N - k) / (k + 1) P / (1 - P). */
const pmf: number[] = [(1 - P) ** N];
for (let k = 0; k < N; k++) pmf.push((pmf[k]! * (N - k) * P) / ((k + 1) * (1 - P)));
const cdf = (k: number) => pmf.slice(0, k + 1).reduce((a, b) => a + b, 0);
/** The smallest k with F(k) >= a (the a-quantile of R). */
const quantileOf = (a: number) => pmf.findIndex((_, k) => cdf(k) >= a);
/** ES_a = q - E[(q - R)+] / a, and the standard error of the mean of the lowest a n trials: sd((q - R)+) / (a sqrt(n)). */
function shortfallOf(a: number, n: number): { value: number; se: number } {
  const q = quantileOf(a);
  const m1 = pmf.reduce((t, p, k) => t + p * Math.max(0, q - k), 0);
  const m2 = pmf.reduce((t, p, k) => t + p * Math.max(0, q - k) ** 2, 0);
  return { value: ARR * (q - m1 / a), se: (ARR * Math.sqrt(m2 - m1 * m1)) / (a * Math.sqrt(n)) };
}

describe('decision figures against a binomial book with known answers', () => {
  const n = 20_000;
  let sim: Simulation;
  let summary: Summary;
  beforeAll(async () => {
    sim = await run(book, n, 11);
    summary = summarize(sim, {
      targets: {
        metrics: [
          { metric: 'revenue', value: ARR * 90 },
          { metric: 'revenue', value: ARR * 90 + 1 },
          { metric: 'bookings', value: ARR * 93 },
        ],
      },
    });
  });

  it('the scenario is 12,000 x Binomial(100, 0.9) in all three metrics', () => {
    const revenue = column(sim, 'revenue');
    expect(revenue.every((v) => v % ARR === 0)).toBe(true);
    expect(column(sim, 'endingArr')).toEqual(revenue);
    expect(column(sim, 'bookings')).toEqual(revenue);
    // The pmf's own check: mean N P.
    expect(pmf.reduce((t, p, k) => t + p * k, 0)).toBeCloseTo(N * P, 9);
  });

  it('percentiles are the lattice points of the exact quantiles, each inside its interval', () => {
    // F(R) near each reported level is at least 0.017 away from it (F(85) 0.0726, F(86) 0.1239,
    // F(89) 0.4168, F(90) 0.5487, F(93) 0.8828, F(94) 0.9424): over 8 standard errors of the
    // empirical CDF at 20,000 trials, so the type-7 sample quantile is the exact one.
    const stat = summary.metrics.revenue;
    for (const [key, a] of [['p10', 0.1], ['p50', 0.5], ['p90', 0.9]] as const) {
      const exact = ARR * quantileOf(a);
      expect(stat.percentiles[key], key).toBe(exact);
      const [lo, hi] = stat.percentileIntervals![key]!;
      expect(lo).toBeLessThanOrEqual(exact);
      expect(hi).toBeGreaterThanOrEqual(exact);
    }
    expect(quantileOf(0.1)).toBe(86);
    expect(quantileOf(0.9)).toBe(94);
  });

  it('a target at an atom counts the trials landing on it: P(R >= 90), and one a unit above P(R >= 91)', () => {
    const [at, above, bookings] = summary.decisions.targets;
    const exact = [1 - cdf(89), 1 - cdf(90), 1 - cdf(92)];
    [at!, above!, bookings!].forEach((t, i) => {
      const se = Math.sqrt((exact[i]! * (1 - exact[i]!)) / n);
      expect(Math.abs(t.probability.value - exact[i]!), t.label).toBeLessThanOrEqual(4 * se);
      expect(t.probability.interval[0]).toBeLessThanOrEqual(exact[i]!);
      expect(t.probability.interval[1]).toBeGreaterThanOrEqual(exact[i]!);
    });
    // Revenue and bookings are the same number here, so all three at once is R >= 93; and the P10 against each target.
    const joint = 1 - cdf(92);
    expect(Math.abs(summary.decisions.jointProbability!.value - joint)).toBeLessThanOrEqual(4 * Math.sqrt((joint * (1 - joint)) / n));
    expect(at!.p10MinusTarget).toBe(ARR * (86 - 90));
    // The gap of a missed year is the target less the metric: R <= 89 misses 90 by 12,000 (90 - R).
    const missing = pmf.slice(0, 90).reduce((a, b) => a + b, 0);
    const meanGap = (ARR * pmf.slice(0, 90).reduce((t, p, k) => t + p * (90 - k), 0)) / missing;
    const gapSd = ARR * Math.sqrt(pmf.slice(0, 90).reduce((t, p, k) => t + (p / missing) * (90 - k) ** 2, 0) - (meanGap / ARR) ** 2);
    expect(Math.abs(at!.shortfall.meanGap - meanGap)).toBeLessThanOrEqual(4 * (gapSd / Math.sqrt(missing * n)));
  });

  it('budgets: the largest value reached or beaten in c of years (86 customers at 90%, 85 at 95%)', () => {
    for (const [c, k] of [[0.9, 86], [0.95, 85]] as const) {
      // Independently: the largest k with P(R >= k) >= c, and its neighbour above under c by 0.024 or more.
      expect(1 - cdf(k - 1)).toBeGreaterThanOrEqual(c + 0.01);
      expect(1 - cdf(k)).toBeLessThanOrEqual(c - 0.02);
      const b = decide(sim, { confidence: c }).budgets.metrics.revenue;
      expect(b.value, `confidence ${c}`).toBe(ARR * k);
      expect(b.interval![0]).toBeLessThanOrEqual(ARR * k);
      expect(b.interval![1]).toBeGreaterThanOrEqual(ARR * k);
    }
  });

  it('expected shortfall with the tail cut inside an atom: the worst 10% and 5% against the closed form', () => {
    const d = summary.decisions.downside.revenue;
    for (const [a, got, interval] of [
      [0.1, d.worst10Mean, d.worst10Interval],
      [0.05, d.worst5Mean, d.worst5Interval],
    ] as const) {
      const exact = shortfallOf(a, n);
      expect(Math.abs(got - exact.value), `worst ${a}`).toBeLessThanOrEqual(4 * exact.se);
      expect(interval![0]).toBeLessThanOrEqual(exact.value);
      expect(interval![1]).toBeGreaterThanOrEqual(exact.value);
    }
    expect(d.p10.value).toBe(ARR * 86);
  });
});
