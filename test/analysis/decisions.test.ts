import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/analysis/decisions.js';
import { describe as describeValues } from '../../src/analysis/describe.js';
import { probability } from '../../src/analysis/probability.js';
import { expectedShortfall, quantile } from '../../src/analysis/tail.js';
import { normalCdf, normalQuantile } from '../../src/math/normal-cdf.js';
import { lognormal } from '../../src/random/lognormal.js';
import { createStream } from '../../src/random/source.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { column, run } from '../helpers/fixtures.js';

/**
 * A scenario whose recognized revenue is exactly one lognormal deal a year: one lead in month 1
 * (seasonality puts the whole year's 1/12-a-month in month 1), converted with certainty, live all
 * year. So revenue ~ Lognormal(mu, sigma) and every decision figure has a closed form.
 */
const MU = Math.log(100_000);
const SIGMA = 0.4;
const oneDeal = `
name: one lognormal deal
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: ${1 / 12}
      seasonality: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      conversion: 1
      acv: { dist: lognormal, mu: ${MU}, sigma: ${SIGMA} }
`;
const cdf = (x: number) => normalCdf((Math.log(x) - MU) / SIGMA);
const q = (p: number) => Math.exp(MU + SIGMA * normalQuantile(p));

describe('decisions against a lognormal revenue with known answers', () => {
  const n = 20_000;
  let sim: Simulation;
  beforeAll(async () => {
    sim = await run(oneDeal, n, 3);
  });

  it('the scenario really gives one deal of lognormal ACV a year', () => {
    expect(column(sim, 'customersWon').every((v) => v === 1)).toBe(true);
  });

  it('P(revenue >= target) matches 1 - F(target) within its Monte Carlo error, and the joint probability', () => {
    const targets = [120_000, 90_000];
    const d = decide(sim, { targets: { metrics: targets.map((value) => ({ metric: 'revenue' as const, value })) } });
    targets.forEach((t, i) => {
      const exact = 1 - cdf(t);
      const got = d.targets[i]!.probability;
      expect(Math.abs(got.value - exact)).toBeLessThanOrEqual(4 * Math.sqrt((exact * (1 - exact)) / n));
      expect(got.interval[0]).toBeLessThan(got.value);
      expect(got.interval[1]).toBeGreaterThan(got.value);
    });
    // Both at once: revenue >= 120k (the stricter one).
    expect(d.jointProbability!.value).toBe(d.targets[0]!.probability.value);
  });

  it('the budget at 80% confidence is the P20 and its interval covers the true P20', () => {
    const d = decide(sim, { confidence: 0.8 });
    const b = d.budgets.metrics.revenue;
    expect(b.interval![0]).toBeLessThanOrEqual(q(0.2));
    expect(b.interval![1]).toBeGreaterThanOrEqual(q(0.2));
    // Reached or beaten in 80% of trials.
    const col = column(sim, 'revenue');
    expect(Math.abs(col.filter((v) => v >= b.value).length / n - 0.8)).toBeLessThanOrEqual(1 / n + 1e-12);
  });

  it('expected shortfall (mean of the worst 10%) matches the lognormal closed form within 4 SE', () => {
    // E[X | X <= q_a] = exp(mu + s^2/2) Phi(Phi^-1(a) - s) / a.
    const a = 0.1;
    const exact = (Math.exp(MU + SIGMA ** 2 / 2) * normalCdf(normalQuantile(a) - SIGMA)) / a;
    const d = decide(sim);
    const worst = Array.from(column(sim, 'revenue')).sort((x, y) => x - y).slice(0, n * a);
    const sd = Math.sqrt(worst.reduce((s, v) => s + (v - exact) ** 2, 0) / worst.length);
    expect(Math.abs(d.downside.revenue.worst10Mean - exact)).toBeLessThanOrEqual(4 * (sd / Math.sqrt(worst.length)));
    // And it is the mean of the lowest 10% exactly.
    expect(d.downside.revenue.worst10Mean).toBeCloseTo(worst.reduce((s, v) => s + v, 0) / worst.length, 6);
  });

  it('shortfall against a target is the mean gap in the trials that miss it', () => {
    const d = decide(sim, { targets: { metrics: [{ metric: 'revenue', value: 110_000 }] } });
    const col = Array.from(column(sim, 'revenue'));
    const misses = col.filter((v) => v < 110_000);
    expect(d.targets[0]!.shortfall.trialsMissing).toBe(misses.length);
    expect(d.targets[0]!.shortfall.meanGap).toBeCloseTo(misses.reduce((s, v) => s + (110_000 - v), 0) / misses.length, 6);
  });

  it('monthly plan: P(MRR >= plan) per month', () => {
    // MRR is ACV / 12 in every month; a plan of median / 12 is met half the time.
    const d = decide(sim, { targets: { metrics: [], monthly: { mrr: new Array(12).fill(Math.exp(MU) / 12) } } });
    for (const m of d.monthlyPlan!) expect(Math.abs(m.mrr!.probability.value - 0.5)).toBeLessThanOrEqual(4 * Math.sqrt(0.25 / n));
  });
});

describe('Monte Carlo error', () => {
  it('the 95% percentile intervals cover the true percentile about 95% of the time', () => {
    // 400 seeded replicates of 1,000 lognormal draws; coverage ~ Binomial(400, 0.95).
    const reps = 400;
    const covered = { p10: 0, p50: 0, p90: 0 };
    const draw = lognormal(createStream('test/coverage'));
    const xs = new Float64Array(1000);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < xs.length; i++) xs[i] = draw(MU, SIGMA);
      const s = describeValues(xs)!;
      for (const [key, p] of [['p10', 0.1], ['p50', 0.5], ['p90', 0.9]] as const) {
        const [lo, hi] = s.percentileIntervals![key]!;
        if (lo <= q(p) && q(p) <= hi) covered[key]++;
      }
    }
    for (const k of Object.values(covered)) expect(Math.abs(k / reps - 0.95)).toBeLessThanOrEqual(4 * Math.sqrt((0.95 * 0.05) / reps));
  });

  it('Wilson intervals: a known value, and sensible at 0 and n', () => {
    const p = probability(80, 100);
    expect(p.interval[0]).toBeCloseTo(0.7112, 3);
    expect(p.interval[1]).toBeCloseTo(0.8666, 3);
    expect(probability(0, 50).interval[0]).toBe(0);
    expect(probability(0, 50).interval[1]).toBeGreaterThan(0);
    expect(probability(50, 50).interval[1]).toBe(1);
    // Whatever the trial count, the interval holds the estimate: exactly 0 at k = 0, exactly 1 at k = n
    // (computed, 0 of 7 gave a lower bound of 2.8e-17 and 10 of 10 an upper bound of 0.9999999999999999).
    for (let n = 1; n <= 2000; n++) {
      expect(probability(0, n).interval[0]).toBe(0);
      expect(probability(n, n).interval[1]).toBe(1);
    }
  });

  it('a percentile interval holds its own estimate at a handful of trials, and is the Conover one otherwise', () => {
    // 10 trials at 99% confidence: the P1 is 9% of the way from the lowest value to the next. Its
    // interval was [lowest, next] (the Conover ranks 0.1 -/+ 0.62, widened to hold the estimate),
    // which holds the true P1 only when exactly one of the 10 values falls below it: 9.1% of the
    // time, shown as a 95% interval. It reaches below the lowest trial: not estimable.
    const ten = Float64Array.from({ length: 10 }, (_, i) => 100 + 10 * i);
    const p1 = quantile(ten, 0.01);
    expect(p1.value).toBeCloseTo(100.9, 12); // type 7: 100 + 0.09 x (110 - 100)
    expect(p1).toMatchObject({ interval: null, notEstimable: 'P1 of 10 trials: its 95% interval reaches below the lowest trial; it needs at least 368 trials' });
    for (let n = 1; n <= 60; n++) {
      const xs = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 101) + i / 1000);
      for (const p of [0.01, 1 - 0.99, 0.05, 0.1, 1 - 0.9, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99]) {
        const q = quantile(xs, p);
        // One trial has no neighbouring order statistic: no interval (not estimable), nothing to hold.
        if (n === 1) {
          expect(q.interval).toBeNull();
          expect(describeValues(xs)!.percentileIntervals).toBeNull();
          continue;
        }
        // Too few trials for the interval to lie inside them: none, and the same in describe.
        const described = describeValues(xs)!;
        const key = `p${Math.round(p * 100)}` as keyof typeof described.percentiles;
        const listed = p * 100 === Math.round(p * 100) && key in described.percentiles;
        if (q.interval === null) {
          expect(q.notEstimable).toMatch(/its 95% interval reaches (below|above|beyond)/);
          if (listed) expect(described.percentileIntervals![key]).toBeNull();
          continue;
        }
        expect(q.interval[0]).toBeLessThanOrEqual(q.value);
        expect(q.value).toBeLessThanOrEqual(q.interval[1]);
        if (listed) {
          const [lo, hi] = described.percentileIntervals![key]!;
          expect(lo).toBeLessThanOrEqual(described.percentiles[key]);
          expect(described.percentiles[key]).toBeLessThanOrEqual(hi);
        }
        // Where n p (1 - p) >= 9 (the normal approximation's range), the interval is the plain Conover one.
        const half = 1.959963984540054 * Math.sqrt(n * p * (1 - p));
        if (n * p * (1 - p) >= 9) {
          const sorted = [...xs].sort((a, b) => a - b);
          expect(q.interval).toEqual([sorted[Math.max(1, Math.ceil(n * p - half)) - 1], sorted[Math.min(n, Math.ceil(n * p + half)) - 1]]);
        }
      }
    }
  });

  it('quantile and expected shortfall on a small hand-made sample', () => {
    const xs = Float64Array.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6);
    expect(quantile(xs, 0.2).value).toBeCloseTo(2.8, 12); // type 7: 2 + 0.8 x (3 - 2)
    expect(expectedShortfall(xs, 0.3)).toBe(2); // mean of 1, 2, 3
  });
});

describe("a tier's target against its float32 column", () => {
  it('a tier that ends the year exactly on its target reaches it in every trial', async () => {
    // The Book renews every customer: its revenue and ending ARR are 123,456,785 in every trial (float32
    // stores 123,456,784). A target of exactly that is met in every trial, with no gap and P10 on it.
    const yaml = `name: tie
tiers:
  - name: Book
    existing: { openingArr: 123456785, customers: 100, renewalRate: 1 }
  - name: New
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 1000 }, conversion: 0.01, acv: 1000 }
`;
    const sim = await run(yaml, 300, 3);
    const { summarize } = await import('../../src/analysis/summarize.js');
    const s = summarize(sim, { targets: { metrics: [{ metric: 'endingArr', tier: 'Book', value: 123_456_785 }, { metric: 'revenue', tier: 'Book', value: 123_456_785 }, { metric: 'revenue', tier: 'Book', value: 123_456_900 }] } });
    const [ending, revenue, above] = s.decisions.targets;
    for (const t of [ending!, revenue!]) {
      expect(t.probability.value, t.label).toBe(1);
      expect(t.shortfall.trialsMissing, t.label).toBe(0);
      expect(t.p10MinusTarget, t.label).toBe(0);
    }
    // 115 above the book (beyond float32's step of 8 there): missed in every trial.
    expect(above!.probability.value).toBe(0);
    expect(s.decisions.jointProbability!.value).toBe(0);
    expect(s.whatMustBeTrue[0]!.trialsReaching).toBe(300);
  });
});

describe('a monthly MRR plan against the float32 MRR column', () => {
  it('a month whose MRR equals the plan meets it: P(MRR of month m >= opening MRR) = 0.5^m', async () => {
    // 12 customers of 102,880,657.5 ARR a year, one due a month, each renewing with probability 0.5:
    // month m's MRR is the opening MRR (102,880,657.5, stored 102,880,656) when the m customers due
    // so far all renewed, so P(MRR >= opening MRR) = 0.5^m, and revenue to date reaches m months of
    // the opening MRR exactly then.
    const yaml = `name: flat plan
tiers:
  - name: Book
    existing: { openingArr: 1234567890, customers: 12, renewalRate: 0.5 }
targets:
  monthly:
    mrr: [${Array(12).fill('102880657.5').join(', ')}]
    cumulativeRevenue: [${Array.from({ length: 12 }, (_, m) => 102880657.5 * (m + 1)).join(', ')}]
`;
    const n = 4000;
    const sim = await run(yaml, n, 3);
    const d = decide(sim, { targets: sim.loaded.scenario.targets });
    for (const m of [1, 2, 3]) {
      const p = 0.5 ** m;
      expect(Math.abs(d.monthlyPlan![m - 1]!.mrr!.probability.value - p), `month ${m}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      // Revenue to date reaches m x the opening MRR in the same years: month 1's is its MRR.
      expect(d.monthlyPlan![m - 1]!.cumulativeRevenue!.probability.value, `month ${m}`).toBe(d.monthlyPlan![m - 1]!.mrr!.probability.value);
    }
  });
});
