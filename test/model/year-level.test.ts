import { describe, expect, it } from 'vitest';
import { correlation, ranks } from '../../src/analysis/ranks.js';
import { normalQuantile } from '../../src/math/normal-cdf.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, meanAndSe, ROOT, run } from '../helpers/fixtures.js';
import { sampleMean, sampleVariance } from '../helpers/stats.js';

/**
 * Two layers: a year-level draw of a volume's mean (or an amount's median), once per trial, and
 * the unit-level randomness around it. By the law of total variance the year's total splits in
 * closed form into a year-level part and a unit-level part; each is checked within 4 standard
 * errors of its sample variance (the SE from the sample's fourth central moment,
 * Var(s^2) ~ (m4 - s^4) / n).
 */

const Z90 = normalQuantile(0.9);

/** Sample variance and its standard error, from the sample's own fourth central moment. */
function varianceAndSe(xs: ArrayLike<number>): { v: number; se: number } {
  const n = xs.length;
  const m = sampleMean(xs);
  let m4 = 0;
  for (let i = 0; i < n; i++) m4 += (xs[i]! - m) ** 4;
  m4 /= n;
  const v = sampleVariance(xs);
  return { v, se: Math.sqrt(Math.max(m4 - v * v, 0) / n) };
}

const expectVariance = (xs: ArrayLike<number>, expected: number) => {
  const { v, se } = varianceAndSe(xs);
  expect(se).toBeGreaterThan(0);
  expect(Math.abs(v - expected), `variance ${v} vs ${expected} (SE ${se}, z = ${(v - expected) / se})`).toBeLessThanOrEqual(4 * se);
};

const expectMean = (xs: ArrayLike<number>, expected: number) => {
  const { mean, se } = meanAndSe(xs);
  expect(Math.abs(mean - expected), `mean ${mean} vs ${expected} (SE ${se})`).toBeLessThanOrEqual(4 * se);
};

/** lognormal by P10 and P90: mu, sigma, E[L], Var(L), E[L^2]. */
function lognormalMoments(p10: number, p90: number) {
  const mu = (Math.log(p10) + Math.log(p90)) / 2;
  const sigma = (Math.log(p90) - Math.log(p10)) / (2 * Z90);
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  const variance = (Math.exp(sigma * sigma) - 1) * mean * mean;
  return { mu, sigma, mean, variance, second: variance + mean * mean };
}

const leadsTier = (leads: string) => `
name: two layers of leads
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: ${leads}
      conversion: 0.01
      acv: 1000
`;

const TRIALS = 20_000;
const LEVEL = lognormalMoments(2000, 3000);

describe('lead volume: a year-level mean under Poisson or negative-binomial months', () => {
  it('Poisson months: Var(year) = 12 E[L] + 144 Var(L), and each part on its own', async () => {
    const sim = await run(leadsTier('{ dist: poisson, mean: { dist: lognormal, p10: 2000, p90: 3000 } }'), TRIALS, 5);
    const year = column(sim, 'tier.T.leads');
    const level = column(sim, 'own.T.leadsPerMonth');
    // The year-level draw: lognormal(P10 2,000, P90 3,000).
    expectMean(level, LEVEL.mean);
    expectVariance(level, LEVEL.variance);
    // E[N | L] = 12 L and Var(N | L) = 12 L (a sum of 12 Poisson(L) months).
    expectMean(year, 12 * LEVEL.mean);
    expectVariance(year, 12 * LEVEL.mean + 144 * LEVEL.variance);
    // The unit-level part alone: N - 12 L has mean 0 and variance E[Var(N | L)] = 12 E[L].
    const luck = year.map((n, i) => n - 12 * level[i]!);
    expectMean(luck, 0);
    expectVariance(luck, 12 * LEVEL.mean);
    // The shifted value equals the own draw when nothing moves it (no market loading, no stress).
    expect(column(sim, 'driver.T.leadsPerMonth')).toEqual(level);
  });

  it('negative-binomial months: the unit-level part is 12 (E[L] + E[L^2] / k)', async () => {
    const k = 40;
    const sim = await run(leadsTier(`{ dist: negativeBinomial, mean: { dist: lognormal, p10: 2000, p90: 3000 }, dispersion: ${k} }`), TRIALS, 6);
    const year = column(sim, 'tier.T.leads');
    const level = column(sim, 'own.T.leadsPerMonth');
    const unitPart = 12 * (LEVEL.mean + LEVEL.second / k);
    expectVariance(year, unitPart + 144 * LEVEL.variance);
    expectVariance(
      year.map((n, i) => n - 12 * level[i]!),
      unitPart,
    );
  });

  it('a number as the mean keeps the one-layer model: no own column, and the same draws as before', async () => {
    const plain = await run(leadsTier('{ dist: poisson, mean: 2500 }'), 2000, 7);
    const stated = await run(leadsTier('{ dist: poisson, mean: { dist: fixed, value: 2500 } }'), 2000, 7);
    expect(plain.store.column('own.T.leadsPerMonth')).toBeUndefined();
    expect(stated.store.column('own.T.leadsPerMonth')).toBeUndefined();
    expect(column(stated, 'tier.T.leads')).toEqual(column(plain, 'tier.T.leads'));
    expect(plain.plan.tiers[0]!.plannedDrivers.find((d) => d.key === 'leadsPerMonth')!.planValue).toBe(2500);
  });
});

describe('ACV level: a year-level median under each deal\'s lognormal', () => {
  /** 100 deals every year, all in month 1 (earlier leads that all convert): only ACV varies. */
  const acvTier = (acv: string) => `
name: two layers of ACV
tiers:
  - name: T
    newBusiness:
      earlierLeads: { count: 100, conversion: 1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
      acv: ${acv}
`;

  it('Var(new ARR) = 100 Var(X) E[(M/M0)^2] + 100^2 E[X]^2 Var(M) / M0^2, M ~ PERT(9k, 11k, 14k), X the deal at the planned median', async () => {
    const sim = await run(acvTier('{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }'), TRIALS, 8);
    const total = column(sim, 'component.endingArr.newBusiness');
    const median = column(sim, 'own.T.acv');
    // PERT(min, mode, max) = min + (max - min) Beta(a, b), a = 1 + 4 (mode - min) / (max - min).
    const [min, mode, max] = [9000, 11000, 14000];
    const a = 1 + (4 * (mode - min)) / (max - min);
    const b = 1 + (4 * (max - mode)) / (max - min);
    const meanM = min + ((max - min) * a) / (a + b);
    const varM = ((max - min) ** 2 * a * b) / ((a + b) ** 2 * (a + b + 1));
    expectMean(median, meanM);
    expectVariance(median, varM);
    // Each deal: (M / M0) X with X ~ lognormal(median M0 = 11,000, P90 24,000).
    const M0 = mode;
    const sigma = Math.log(24000 / M0) / Z90;
    const EX = M0 * Math.exp((sigma * sigma) / 2);
    const VX = (Math.exp(sigma * sigma) - 1) * EX * EX;
    const E2 = (varM + meanM * meanM) / (M0 * M0);
    expectMean(total, (100 * EX * meanM) / M0);
    expectVariance(total, 100 * VX * E2 + (100 * EX) ** 2 * (varM / (M0 * M0)));
    // The deal-level part alone: given M, the total's variance is 100 (M / M0)^2 Var(X).
    expectVariance(
      total.map((s, i) => s - (100 * EX * median[i]!) / M0),
      100 * VX * E2,
    );
  });

  it('a pipeline group with its own amounts: E[bookings] = 100 E[M] / M0 E[X], the own column is M', async () => {
    const sim = await run(
      `
name: two layers of a pipeline group's amount
tiers:
  - name: T
    newBusiness:
      openingPipeline:
        groups:
          - { count: 100, winProbability: 1, closeMonth: 1, amount: { dist: lognormal, median: { dist: pert, min: 20000, mode: 30000, max: 50000 }, p90: 60000 } }
      acv: 1000
`,
      TRIALS,
      12,
    );
    const [min, mode, max] = [20000, 30000, 50000];
    const a = 1 + (4 * (mode - min)) / (max - min);
    const b = 1 + (4 * (max - mode)) / (max - min);
    const meanM = min + ((max - min) * a) / (a + b);
    const sigma = Math.log(2) / Z90;
    expectMean(column(sim, 'own.T.pipeline.1.amount'), meanM);
    expectMean(column(sim, 'tier.T.pipeline.bookings'), 100 * meanM * Math.exp((sigma * sigma) / 2));
  });

  it("the plan value is the stated median's central value (PERT's mode), not a median of draws", async () => {
    const sim = await run(acvTier('{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }'), 10);
    const acv = sim.plan.tiers[0]!.plannedDrivers.find((d) => d.key === 'acv')!;
    expect(acv).toMatchObject({ label: 'T ACV', unit: 'currency', planValue: 11000, ownColumn: 'own.T.acv', shiftedColumn: 'driver.T.acv', loading: 0 });
  });
});

describe('expansion sizes: a year-level median under each expansion', () => {
  it("new-customer expansion: E[added ARR] = 100 E[M] / M0 E[X]; existing expansion scales each customer's share the same way", async () => {
    const sim = await run(
      `
name: two layers of expansion size
tiers:
  - name: T
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: 1
      expansion: { probability: 1, size: { dist: lognormal, median: { dist: pert, min: 0.2, mode: 0.3, max: 0.5 }, p90: 0.6 } }
    newBusiness:
      earlierLeads: { count: 100, conversion: 1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
      acv: 1000
    newCustomerExpansion:
      probability: 1
      size: { dist: lognormal, median: { dist: pert, min: 2000, mode: 3000, max: 5000 }, p90: 6000 }
      monthsAfterClose: 0
`,
      TRIALS,
      11,
    );
    // Both sizes: PERT(2, 3, 5) x a scale (1 for money, 0.1 for the share), and lognormal deals with P90 = 2 x the planned median.
    const pert = (scale: number) => {
      const [min, mode, max] = [2 * scale, 3 * scale, 5 * scale];
      const a = 1 + (4 * (mode - min)) / (max - min);
      const b = 1 + (4 * (max - mode)) / (max - min);
      return { mean: min + ((max - min) * a) / (a + b), mode };
    };
    const sigma = Math.log(2) / Z90;
    const ratio = Math.exp((sigma * sigma) / 2); // E[X] / median
    const money = pert(1000);
    expectMean(column(sim, 'own.T.newCustomerExpansion.size'), money.mean);
    expectMean(column(sim, 'component.endingArr.newCustomerExpansion'), 100 * money.mean * ratio);
    // 100 customers of 10,000 ARR renew (at rate 1) in the 12 months of a uniform calendar and all expand.
    const share = pert(0.1);
    expectMean(column(sim, 'own.T.expansion.size'), share.mean);
    expectMean(column(sim, 'component.endingArr.existingExpansion'), 100 * 10000 * share.mean * ratio);
  });
});

describe('rep productivity: a year-level median under each rep\'s own productivity', () => {
  it('E[rep-sourced deals] = 12 x reps x E[M] / M0 x E[X]; the own column is this year\'s median M', async () => {
    const sim = await run(
      `
name: two layers of rep productivity
tiers:
  - name: T
    newBusiness:
      reps:
        start: 10
        capacity: 1000
        sourcedDealsPerMonth: { dist: lognormal, median: { dist: pert, min: 2, mode: 3, max: 5 }, p90: 6 }
      acv: 1000
`,
      TRIALS,
      10,
    );
    const [min, mode, max] = [2, 3, 5];
    const a = 1 + (4 * (mode - min)) / (max - min);
    const b = 1 + (4 * (max - mode)) / (max - min);
    const meanM = min + ((max - min) * a) / (a + b);
    const varM = ((max - min) ** 2 * a * b) / ((a + b) ** 2 * (a + b + 1));
    const level = column(sim, 'own.T.reps.sourcedDealsPerMonth');
    expectMean(level, meanM);
    expectVariance(level, varM);
    const sigma = Math.log(6 / mode) / Z90;
    const EX = mode * Math.exp((sigma * sigma) / 2);
    const deals = column(sim, 'tier.T.deals.repSourced');
    expectMean(deals, (12 * 10 * meanM * EX) / mode);
    // Given this year's median M, the deals are 12 x 10 x (M / M0) x E[X] on average.
    expectMean(
      deals.map((d, i) => d - (120 * level[i]! * EX) / mode),
      0,
    );
  });
});

describe('own draws are independent of the market', () => {
  it('rank correlation of each own column with the market factor is within 4 SE (1 / sqrt(n - 1)) of 0; the shifted values are not', async () => {
    const sim = await run(
      `
name: market and own draws
market:
  loadings: { leads: 0.6, conversion: 0.5, acv: 0.4, renewal: 0.5, expansion: 0.5 }
tiers:
  - name: T
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }
      expansion: { probability: { dist: beta, mean: 0.1, sd: 0.02 }, size: 0.2 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 2000, p90: 3000 } }
      conversion: { dist: beta, mean: 0.02, sd: 0.004 }
      acv: { dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }
`,
      10_000,
      9,
    );
    const market = ranks(column(sim, 'driver.market'));
    const se = 1 / Math.sqrt(market.length - 1);
    const owns = sim.plan.layout.columns.filter((c) => c.kind === 'ownDraw');
    expect(owns.map((c) => c.key)).toEqual(['own.T.conversion', 'own.T.renewalRate', 'own.T.expansionProbability', 'own.T.leadsPerMonth', 'own.T.acv']);
    for (const c of owns) {
      expect(Math.abs(correlation(ranks(column(sim, c.key)), market)), c.key).toBeLessThanOrEqual(4 * se);
      // The same driver after the market shift follows the market: the confounding the own column removes.
      const shifted = c.key.replace(/^own\./, 'driver.');
      expect(correlation(ranks(column(sim, shifted)), market), shifted).toBeGreaterThan(20 * se);
    }
  });
});

describe('year-level draws are the same for any worker count', () => {
  it('scenarios/smb-lead-driven.yaml (year-level lead means and ACV median): every own and shifted column identical in-process and with 2 workers', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/smb-lead-driven.yaml`);
    const one = await simulate(loaded, { trials: 2500, seed: 3, workers: 0 });
    const two = await simulate(loaded, { trials: 2500, seed: 3, workers: 2 });
    const keys = one.plan.layout.columns.filter((c) => c.kind === 'ownDraw' || c.kind === 'driver').map((c) => c.key);
    expect(keys).toContain('own.SMB.leadsPerMonth.A/inbound');
    expect(keys).toContain('own.SMB.acv');
    for (const key of keys) expect(column(two, key), key).toEqual(column(one, key));
    expect(column(two, 'revenue')).toEqual(column(one, 'revenue'));
  });
});
