import { describe, expect, it } from 'vitest';
import { column, meanAndSe, run, expectWithin4Se } from '../helpers/fixtures.js';
import { expectMeanWithin, expectPoissonCounts, expectVarianceWithin, pearson as correlation } from '../helpers/stats.js';

/**
 * The model against cases worked out by hand. Deterministic cases must match exactly; random ones
 * must match their expected value within 4 standard errors of the simulated mean.
 */

/** Share of the year an event in fiscal month m is live: (13 - m) / 12, written out by hand. */
const live = (m: number) => (13 - m) / 12;

const newBusinessOnly = (body: string) => `
name: hand case
tiers:
  - name: T
    newBusiness:
${body}`;

describe('new business', () => {
  it('zero leads give zero new business and no customers won', async () => {
    const sim = await run(newBusinessOnly('      leadsPerMonth: 0\n      conversion: 0.05\n      acv: 1000\n'), 200);
    for (const key of ['revenue', 'bookings', 'endingArr', 'customersWon', 'component.revenue.newBusiness'])
      expect(column(sim, key).every((v) => v === 0)).toBe(true);
  });

  it('a fixed 100 deals a month at a fixed ACV gives exactly 100 x ACV x (13 - m) / 12 per month', async () => {
    const sim = await run(newBusinessOnly('      leadsPerMonth: 100\n      conversion: 1\n      acv: 2000\n'), 50);
    let revenue = 0;
    for (let m = 1; m <= 12; m++) revenue += 100 * 2000 * live(m);
    expect(revenue).toBe(1_300_000);
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(revenue, 6);
    for (const v of column(sim, 'endingArr')) expect(v).toBeCloseTo(12 * 100 * 2000, 6);
    for (const v of column(sim, 'bookings')) expect(v).toBeCloseTo(12 * 100 * 2000, 6);
    expect(column(sim, 'customersWon').every((v) => v === 1200)).toBe(true);
    // MRR in month m is the ARR live then / 12 (stored as float32).
    for (let m = 1; m <= 12; m++) for (const v of column(sim, `mrr.${m}`)) expect(v).toBe(Math.fround((m * 100 * 2000) / 12));
  });

  it('random leads, conversion and ACV: mean revenue = leads x conversion x mean ACV x sum of (13 - m) / 12', async () => {
    const sim = await run(
      newBusinessOnly('      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: { dist: beta, mean: 0.05, sd: 0.01 }\n      acv: { dist: lognormal, mean: 12000, sd: 4000 }\n'),
      4000,
    );
    // E[deals a month] = 100 x 0.05 = 5; E[ACV] = 12,000; sum over m of (13 - m) / 12 = 6.5.
    expectWithin4Se(column(sim, 'revenue'), 5 * 12000 * 6.5);
    expectWithin4Se(column(sim, 'endingArr'), 5 * 12000 * 12);
    expectWithin4Se(column(sim, 'customersWon'), 60);
  });

  it('seasonality and a sales-cycle lag move deals between months as computed by hand (the months before the year feed it)', async () => {
    const season = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    const lag = [0.5, 0.3, 0.2]; // P(lag = 0, 1, 2 months)
    const sim = await run(
      newBusinessOnly(
        `      leadsPerMonth: { dist: poisson, mean: 50 }\n      seasonality: [${season.join(', ')}]\n      conversion: 0.1\n      salesCycleMonths: { dist: discrete, values: [0, 1, 2], weights: [${lag.join(', ')}] }\n      acv: 1000\n`,
      ),
      4000,
    );
    const weight = (m: number) => season[(((m - 1) % 12) + 12) % 12]! / (season.reduce((a, b) => a + b, 0) / 12);
    let revenue = 0;
    let arr = 0;
    for (let m = 1; m <= 12; m++) {
      let deals = 0;
      for (let j = 0; j < lag.length; j++) deals += 50 * weight(m - j) * 0.1 * lag[j]!;
      revenue += deals * 1000 * live(m);
      arr += deals * 1000;
    }
    expectWithin4Se(column(sim, 'revenue'), revenue);
    expectWithin4Se(column(sim, 'endingArr'), arr);
  });

  it('deals are binomial on leads: Var(won) = 12 lambda p with a fixed rate, plus 144 lambda^2 Var(p) with a beta rate', async () => {
    // Poisson(lambda) leads thinned by a fixed p: deals a month ~ Poisson(lambda p), independent months.
    const fixed = await run(newBusinessOnly('      leadsPerMonth: { dist: poisson, mean: 200 }\n      conversion: 0.05\n      acv: 1000\n'), 4000);
    // The year's deals are Poisson(120): mean and variance within 4 SEs (the variance's from Poisson's
    // fourth central moment 120 + 3 x 120^2, not a normal approximation).
    expectPoissonCounts(column(fixed, 'customersWon'), 120);
    // With the rate drawn once per trial (beta, sd 0.01), the law of total variance adds
    // Var(12 x 200 x p) = 144 x 200^2 x 0.01^2 = 576: a rate per lead would hide this, a rate x count
    // without binomial noise would drop the 120.
    const beta = await run(newBusinessOnly('      leadsPerMonth: { dist: poisson, mean: 200 }\n      conversion: { dist: beta, mean: 0.05, sd: 0.01 }\n      acv: 1000\n'), 4000);
    // Given p the year's deals W are Poisson(L), L = 2,400 p, p ~ Beta(23.7, 450.3) (mean 0.05, sd 0.01:
    // a + b = 0.05 x 0.95 / 0.01^2 - 1 = 474). W's factorial moments are L's raw moments, so its raw
    // moments are E[W] = E L, E[W^2] = E L^2 + E L, E[W^3] = E L^3 + 3 E L^2 + E L, E[W^4] = E L^4 +
    // 6 E L^3 + 7 E L^2 + E L (Stirling numbers of the second kind), with E[p^k] = prod (a + i) / (a + b + i).
    // Its fourth central moment gives the exact standard error of the sample variance (the mixture's
    // kurtosis, not a guessed bound).
    const [a, b] = [0.05 * 474, 0.95 * 474];
    const lk = (k: number) => Array.from({ length: k }, (_, i) => (2400 * (a + i)) / (a + b + i)).reduce((x, y) => x * y, 1);
    const w1 = lk(1);
    const w2 = lk(2) + lk(1);
    const w3 = lk(3) + 3 * lk(2) + lk(1);
    const w4 = lk(4) + 6 * lk(3) + 7 * lk(2) + lk(1);
    const variance = w2 - w1 * w1;
    const mu4 = w4 - 4 * w1 * w3 + 6 * w1 * w1 * w2 - 3 * w1 ** 4;
    expect(variance).toBeCloseTo(120 + 576, 9);
    expectMeanWithin(column(beta, 'customersWon'), 120, Math.sqrt(variance));
    expectVarianceWithin(column(beta, 'customersWon'), variance, mu4);
  });

  it('new-customer expansion: half of each month\'s deals expand 6 months later, within the year only', async () => {
    const sim = await run(
      `${newBusinessOnly('      leadsPerMonth: 100\n      conversion: 1\n      acv: 2000\n')}    newCustomerExpansion:\n      probability: 0.5\n      size: 1000\n      monthsAfterClose: 6\n`,
      4000,
    );
    // Deals of months 1..6 expand in months 7..12: 50 a month x 1,000.
    let revenue = 0;
    for (let m = 7; m <= 12; m++) revenue += 50 * 1000 * live(m);
    expectWithin4Se(column(sim, 'component.revenue.newCustomerExpansion'), revenue);
    expectWithin4Se(column(sim, 'component.endingArr.newCustomerExpansion'), 6 * 50 * 1000);
  });
});

const bookOnly = (book: string) => `
name: hand case
tiers:
  - name: T
    existing:
      openingArr: 1200000
      customers: 120
${book}`;

describe('existing book', () => {
  it('renewal 100% with no expansion, contraction or uplift keeps ARR and revenue flat', async () => {
    const sim = await run(bookOnly('      renewalRate: 1\n'), 100);
    for (const key of ['revenue', 'endingArr', 'bookings']) for (const v of column(sim, key)) expect(v).toBeCloseTo(1_200_000, 6);
    expect(column(sim, 'grr').every((v) => v === 1)).toBe(true);
    expect(column(sim, 'nrr').every((v) => v === 1)).toBe(true);
    expect(column(sim, 'customersLost').every((v) => v === 0)).toBe(true);
  });

  it('every customer renewing in month 7 with a 5% uplift: revenue = 6/12 ARR + 6/12 x 1.05 ARR exactly', async () => {
    const sim = await run(bookOnly('      renewalCalendar: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]\n      renewalRate: 1\n      priceUplift: 0.05\n'), 20);
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(1_200_000 * 0.5 + 1_260_000 * 0.5, 6);
    for (const v of column(sim, 'endingArr')) expect(v).toBeCloseTo(1_260_000, 6);
    for (const v of column(sim, 'grr')) expect(v).toBe(1);
    for (const v of column(sim, 'nrr')) expect(v).toBeCloseTo(1.05, 6);
  });

  it('a calendar summing below 1: the share renewing this year churns in its month, the rest stays flat all year', async () => {
    const sim = await run(bookOnly('      renewalCalendar: [0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0]\n      renewalRate: 0\n'), 5);
    // 60 of 120 customers (600,000 ARR) due in month 6 all churn: live 5 months of 12.
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(1_200_000 - 600_000 * live(6), 6);
    for (const v of column(sim, 'endingArr')) expect(v).toBeCloseTo(600_000, 6);
    expect(column(sim, 'customersLost').every((v) => v === 60)).toBe(true);
  });

  it("the company's GRR and NRR weigh tiers by their opening ARR; a tier of new logos only is in neither", async () => {
    const sim = await run(
      `
name: three tiers
tiers:
  - name: A
    existing: { openingArr: 1000000, customers: 10, renewalRate: 1, priceUplift: 0.1 }
  - name: B
    existing: { openingArr: 100000, customers: 10, renewalRate: 0, renewalCalendar: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
  - name: C
    newBusiness: { leadsPerMonth: 10, conversion: 1, acv: 1000 }
`,
      5,
    );
    // GRR: A keeps 1,000,000 of 1,100,000 (B is lost); NRR: A's 1,100,000 after uplift over 1,100,000.
    // An average of the tiers' own figures would give 0.5 and 0.55.
    for (const v of column(sim, 'grr')) expect(v).toBeCloseTo(1_000_000 / 1_100_000, 6);
    for (const v of column(sim, 'nrr')) expect(v).toBeCloseTo(1_100_000 / 1_100_000, 6);
  });

  it('GRR excludes price: a 3% contraction offset by a 5% uplift still counts as a 3% loss', async () => {
    const sim = await run(
      bookOnly('      renewalRate: 1\n      priceUplift: 0.05\n      contraction: { probability: 1, size: 0.03 }\n'),
      10,
    );
    for (const v of column(sim, 'grr')) expect(v).toBeCloseTo(Math.fround(0.97), 6);
    for (const v of column(sim, 'nrr')) expect(v).toBeCloseTo(Math.fround(0.97 * 1.05), 6);
  });

  it('churn at 90% renewal with 5% uplift: means of revenue, ARR, GRR and NRR as computed by hand', async () => {
    const sim = await run(bookOnly('      renewalRate: 0.9\n      priceUplift: 0.05\n'), 4000);
    // 10 customers of 10,000 ARR due each month; E[churned] = 1, E[renewed] = 9 (uplift on them).
    let revenue = 1_200_000;
    for (let m = 1; m <= 12; m++) revenue += (-1 * 10_000 + 9 * 10_000 * 0.05) * live(m);
    expect(revenue).toBe(1_164_250);
    expectWithin4Se(column(sim, 'revenue'), 1_164_250);
    expectWithin4Se(column(sim, 'endingArr'), 1_200_000 - 120_000 + 54_000);
    expectWithin4Se(column(sim, 'grr'), 0.9);
    expectWithin4Se(column(sim, 'nrr'), 0.9 + 0.9 * 0.05);
  });

  it('contraction and expansion at renewal: expected ARR bridge and GRR', async () => {
    const sim = await run(
      bookOnly(
        '      renewalRate: 0.9\n      contraction: { probability: 0.2, size: 0.1 }\n      expansion: { probability: 0.3, size: 0.5 }\n',
      ),
      4000,
    );
    // Per customer due: churn 0.1; contraction 0.9 x 0.2 x 0.1 = 0.018; expansion on renewed, not
    // contracted: 0.9 x 0.8 x 0.3 x 0.5 = 0.108 (shares of ARR).
    expectWithin4Se(column(sim, 'component.endingArr.churn'), -0.1 * 1_200_000);
    expectWithin4Se(column(sim, 'component.endingArr.contraction'), -0.018 * 1_200_000);
    expectWithin4Se(column(sim, 'component.endingArr.existingExpansion'), 0.108 * 1_200_000);
    expectWithin4Se(column(sim, 'endingArr'), (1 - 0.1 - 0.018 + 0.108) * 1_200_000);
    expectWithin4Se(column(sim, 'grr'), 1 - 0.1 - 0.018);
    expect(column(sim, 'grr').every((v) => v <= 1)).toBe(true);
  });
});

describe('the books balance', () => {
  it('components add up to each metric in every trial', async () => {
    const yaml = `
name: balance
market: { loadings: { leads: 0.3, renewal: 0.3, expansion: 0.2 } }
tiers:
  - name: A
    existing:
      openingArr: 5000000
      customers: 400
      renewalRate: { dist: beta, mean: 0.88, sd: 0.03 }
      priceUplift: 0.04
      contraction: { probability: 0.1, size: { dist: beta, mean: 0.2, sd: 0.05 } }
      expansion: { probability: 0.2, size: { dist: lognormal, median: 0.2, p90: 0.5 } }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 300 }
      conversion: { dist: beta, mean: 0.04, sd: 0.01 }
      salesCycleMonths: { dist: discrete, values: [0, 1, 2], weights: [1, 1, 1] }
      acv: { dist: lognormal, median: 10000, p90: 30000 }
    newCustomerExpansion: { probability: 0.2, size: 2000 }
  - name: B
    newBusiness:
      leadsPerMonth: 20
      conversion: 0.1
      acv: { dist: triangular, min: 50000, mode: 80000, max: 200000 }
`;
    const sim = await run(yaml, 300);
    const parts = {
      revenue: ['newBusiness', 'newCustomerExpansion', 'existingExpansion', 'priceUplift', 'contraction', 'churn'],
      endingArr: ['newBusiness', 'newCustomerExpansion', 'existingExpansion', 'priceUplift', 'contraction', 'churn'],
      bookings: ['newBusiness', 'newCustomerExpansion', 'renewal', 'existingExpansion', 'priceUplift'],
    } as const;
    for (const [metric, comps] of Object.entries(parts)) {
      const total = column(sim, metric);
      const byComponent = comps.map((c) => column(sim, `component.${metric}.${c}`));
      const byTier = ['A', 'B'].map((t) => column(sim, `tier.${t}.${metric}`));
      const opening = metric === 'bookings' ? 0 : 5_000_000;
      for (let i = 0; i < total.length; i++) {
        const sumC = opening + byComponent.reduce((a, c) => a + c[i]!, 0);
        const sumT = byTier.reduce((a, c) => a + c[i]!, 0);
        // Breakdowns are stored as float32: 2^-24 relative per value.
        const tol = 1e-6 * (Math.abs(total[i]!) + 5_000_000);
        expect(Math.abs(sumC - total[i]!)).toBeLessThanOrEqual(tol);
        expect(Math.abs(sumT - total[i]!)).toBeLessThanOrEqual(tol);
      }
    }
    // Ending ARR is the last month's MRR x 12.
    const arr = column(sim, 'endingArr');
    const dec = column(sim, 'mrr.12');
    for (let i = 0; i < arr.length; i++) expect(Math.abs(dec[i]! * 12 - arr[i]!)).toBeLessThanOrEqual(1e-6 * arr[i]!);
  });
});

describe('the market factor moves drivers together', () => {
  const twoTiers = (loading: number) => `
name: market
market: { loadings: { leads: ${loading}, conversion: ${loading} } }
tiers:
  - name: A
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 200 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, acv: 1000 }
  - name: B
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 200 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, acv: 1000 }
`;
  it('with all loadings zero the tiers are independent (correlation within 4 standard errors of 0)', async () => {
    const n = 3000;
    const sim = await run(twoTiers(0), n);
    // Under independence the sample correlation has standard error about 1 / sqrt(n).
    expect(Math.abs(correlation(column(sim, 'tier.A.revenue'), column(sim, 'tier.B.revenue')))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('each driver moves by exactly its loading: rates on log-odds (contraction against the market)', async () => {
    const sim = await run(
      `
name: loadings
market: { loadings: { renewal: 0.3, contraction: 0.2, conversion: 0.25 } }
tiers:
  - name: T
    existing: { openingArr: 1000000, customers: 100, renewalRate: 0.86, contraction: { probability: 0.1, size: 0.2 } }
    newBusiness: { leadsPerMonth: 10, conversion: 0.05, acv: 1000 }
`,
      500,
    );
    const z = column(sim, 'driver.market');
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    const logit = (p: number) => Math.log(p / (1 - p));
    const renewal = column(sim, 'driver.T.renewalRate');
    const contraction = column(sim, 'driver.T.contractionProbability');
    const conversion = column(sim, 'driver.T.conversion');
    for (let i = 0; i < z.length; i++) {
      // Stored as float32: compare at float32 precision.
      expect(renewal[i]).toBeCloseTo(logistic(logit(0.86) + 0.3 * z[i]!), 6);
      expect(contraction[i]).toBeCloseTo(logistic(logit(0.1) - 0.2 * z[i]!), 6);
      expect(conversion[i]).toBeCloseTo(logistic(logit(0.05) + 0.25 * z[i]!), 6);
    }
  });

  it('with loadings the tiers move together, and the factor is standard normal', async () => {
    const n = 3000;
    const sim = await run(twoTiers(0.5), n);
    expect(correlation(column(sim, 'tier.A.revenue'), column(sim, 'tier.B.revenue'))).toBeGreaterThan(0.3);
    const z = meanAndSe(column(sim, 'driver.market'));
    expect(Math.abs(z.mean)).toBeLessThan(4 / Math.sqrt(n));
    // The sample variance of n standard normals has standard error sqrt(2 / n).
    expect(Math.abs(z.sd ** 2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    // The loading keeps mean lead volume: E[exp(bZ - b^2/2)] = 1, so mean revenue stays as planned.
    expectWithin4Se(column(sim, 'tier.A.leads'), 12 * 200);
    // How much they move together, in closed form: given Z each tier's year of leads is Poisson(2,400 M),
    // M = exp(0.5 Z - 0.125) the same for both, so Cov(L_A, L_B) = 2,400^2 Var(M) = 2,400^2 (e^0.25 - 1)
    // = 1,635,984 (the tiers' own Poisson noise is independent). With the means known exactly, the
    // covariance is the mean of (L_A - 2,400)(L_B - 2,400): within 4 of its standard errors. (The revenue
    // correlation above is only a sign of it: conversion's beta draws are each tier's own.)
    const a = column(sim, 'tier.A.leads');
    const b = column(sim, 'tier.B.leads');
    expectWithin4Se(
      a.map((x, i) => (x - 2400) * (b[i]! - 2400)),
      2400 ** 2 * Math.expm1(0.25),
    );
  });
});
