import { describe, expect, it } from 'vitest';
import { column, run, scenarioFrom, expectWithin4Se } from '../helpers/fixtures.js';
import { simulate } from '../../src/engine/simulate.js';
import { monthlyFile } from '../actuals/monthly-file.js';
import { expectBinomialCounts, expectPoissonCounts } from '../helpers/stats.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * Stress overlays against hand-computed cases: a fixed market factor, relative changes of volumes,
 * shifts of rates in points (after the market shift, clamped to [0, 1]). Random cases must match
 * their expected value within 4 standard errors of the simulated mean; deterministic ones exactly
 * (or to float32 precision for the per-trial driver columns).
 */

/** Equal to float32 storage precision (2^-24 relative, plus a hair for the rounding of the reference). */
const expectFloat32 = (stored: number, exact: number) => expect(Math.abs(stored - exact)).toBeLessThanOrEqual(2 ** -23 * Math.abs(exact) + 1e-12);

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const same = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => Object.is(v, b[i]));

/** Sum over fiscal months m of the share of the year a deal closed in m is live: (13 - m) / 12 = 6.5. */
const LIVE_MONTHS = 6.5;

describe('market.factor fixes the market factor in every trial', () => {
  const yaml = (factor: string) => `
name: fixed market
market:
  ${factor}
  loadings: { renewal: 0.3, contraction: 0.2, conversion: 0.25, leads: 0.2, expansion: 0.4 }
tiers:
  - name: T
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: 0.86
      priceUplift: { dist: uniform, min: 0, max: 0.05 }
      contraction: { probability: 0.1, size: 0.2 }
      expansion: { probability: 0.2, size: 0.3 }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 200 }, conversion: 0.05, acv: 1000 }
    newCustomerExpansion: { probability: 0.1, size: 500 }
`;

  it('driver.market is the factor in every trial, and every rate is exactly logistic(logit(p) + b z)', async () => {
    const z = -1.28;
    const sim = await run(yaml(`factor: ${z}`), 2_000);
    expect(column(sim, 'driver.market').every((v) => v === Math.fround(z))).toBe(true);
    const expected = {
      renewalRate: logistic(logit(0.86) + 0.3 * z),
      contractionProbability: logistic(logit(0.1) - 0.2 * z),
      conversion: logistic(logit(0.05) + 0.25 * z),
      expansionProbability: logistic(logit(0.2) + 0.4 * z),
      newCustomerExpansionProbability: logistic(logit(0.1) + 0.4 * z),
    };
    for (const [driver, value] of Object.entries(expected)) for (const v of column(sim, `driver.T.${driver}`)) expectFloat32(v, value);
    // Volumes: Poisson leads with mean 200 x exp(b z - b^2 / 2) a month.
    expectWithin4Se(column(sim, 'tier.T.leads'), 12 * 200 * Math.exp(0.2 * z - 0.02));
  });

  it('fixing the factor leaves every stream the market does not move as it was, trial by trial', async () => {
    const drawn = await run(yaml(''), 2_000);
    const fixed = await run(yaml('factor: -2'), 2_000);
    // The price uplift has no loading: its draws are the same in every trial.
    expect(same(column(drawn, 'driver.T.priceUplift'), column(fixed, 'driver.T.priceUplift'))).toBe(true);
    expect(same(column(drawn, 'driver.market'), column(fixed, 'driver.market'))).toBe(false);
  });
});

const newBusinessOnly = (nb: string, extra = '') => `
name: stress
${extra}
tiers:
  - name: T
    newBusiness: ${nb}
`;

describe('stress shifts the drivers as documented', () => {
  it('leads -20% (Poisson leads, fixed conversion and ACV): mean revenue and leads x 0.8', async () => {
    const nb = '{ leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 1000 }';
    const sim = await run(newBusinessOnly(nb, 'stress: { leads: -0.2 }'), 4_000);
    // E[revenue] = 0.8 x 100 leads x 0.05 x 1,000 x sum of (13 - m) / 12.
    expectWithin4Se(column(sim, 'revenue'), 0.8 * 100 * 0.05 * 1000 * LIVE_MONTHS);
    expectWithin4Se(column(sim, 'tier.T.leads'), 0.8 * 100 * 12);
    // The year's leads are Poisson(0.8 x 100 x 12): the stress scales the mean, it does not thin by a common draw.
    expectPoissonCounts(column(sim, 'tier.T.leads'), 0.8 * 100 * 12);
  });

  it('leads -100%: no leads and no new business at all', async () => {
    const sim = await run(newBusinessOnly('{ leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 1000 }', 'stress: { leads: -1 }'), 200);
    for (const key of ['tier.T.leads', 'customersWon', 'revenue']) expect(column(sim, key).every((v) => v === 0), key).toBe(true);
  });

  it('leads -100% with a 2-month sales cycle: the leads of the two months before the year still close in it', async () => {
    // The warm start's leads came in before the year: a lead stress of the year does not shrink them
    // (until December 2026 it did, and here no deal closed at all). Months 1 and 2 close the deals of
    // months -1 and 0: 2 x Poisson(100) leads thinned at 10%, so Poisson(20) deals, and no leads this year.
    const nb = '{ leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.1, salesCycleMonths: 2, acv: 1000 }';
    const sim = await run(newBusinessOnly(nb, 'stress: { leads: -1 }'), 500);
    expect(column(sim, 'tier.T.leads').every((v) => v === 0)).toBe(true);
    expectPoissonCounts(column(sim, 'customersWon'), 20);
  });

  it('leads -50% with a 2-month sales cycle: in-year leads halve, the warm start keeps its own', async () => {
    // Deals closing in the year: leads of months -1 and 0 (100 a month) and of months 1 to 10 (50 a
    // month), each converting at 10%: Poisson(2 x 10 + 10 x 5) = Poisson(70) (60 when the stress also
    // shrank the leads before the year).
    const nb = '{ leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.1, salesCycleMonths: 2, acv: 1000 }';
    const sim = await run(newBusinessOnly(nb, 'stress: { leads: -0.5 }'), 500);
    expectPoissonCounts(column(sim, 'customersWon'), 70);
    expectPoissonCounts(column(sim, 'tier.T.leads'), 0.5 * 100 * 12);
  });

  it.each([
    { family: 'fixed', leads: '100' },
    { family: 'lognormal', leads: '{ dist: lognormal, mean: 100, sd: 10 }' },
    // Bounded at 0 as the schema asks; 10 sd below the mean, it truncates nothing a test could see.
    { family: 'normal', leads: '{ dist: normal, mean: 100, sd: 10, min: 0 }' },
  ])('leads -50 percent with a 2-month sales cycle and $family leads (drawn and rounded, not thinned): the warm start keeps its own', async ({ leads }) => {
    // The leads that are not a count distribution: each month's leads drawn (mean 100 before the
    // year, 50 in it: stochastic rounding keeps the mean), its deals in the year binomial at 10%.
    // Mean deals 0.1 x (2 x 100 + 10 x 50) = 70 (60 when the stress also shrank months -1 and 0).
    const nb = `{ leadsPerMonth: ${leads}, conversion: 0.1, salesCycleMonths: 2, acv: 1000 }`;
    const sim = await run(newBusinessOnly(nb, 'stress: { leads: -0.5 }'), 1_000);
    expectWithin4Se(column(sim, 'customersWon'), 70);
  });

  it('a re-forecast after month 1 keeps the warm start unstressed too: month 0\'s leads close in month 2', async () => {
    // Fixed 100 leads a month converting at 1 with a 2-month cycle, leads -50%, month 1 closed with
    // 100 deals and 50 leads. Deals won: 100 (month 1, actual) + 100 (month 2: month 0's leads, before
    // the year) + 50 (month 3: month 1's actual leads) + 9 x 50 (months 4 to 12) = 700 in every trial
    // (650 when the stress shrank month 0's leads).
    const yaml = newBusinessOnly('{ leadsPerMonth: 100, conversion: 1, salesCycleMonths: 2, acv: 1000 }', 'stress: { leads: -0.5 }');
    const file = monthlyFile({ T: [{ leads: 50, deals: 100, new_arr: 100_000 }] });
    const sim = await simulate(scenarioFrom(yaml), { trials: 20, workers: 0, actuals: { file, months: 1 } });
    expect([...new Set(column(sim, 'customersWon'))]).toEqual([700]);
  });

  it("a tier's own stress combines with the scenario's: relative changes multiply", async () => {
    const sim = await run(`
name: combined
stress: { leads: -0.2 }
tiers:
  - name: T
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 1000 }
    stress: { leads: -0.5 }
`, 4_000);
    expectWithin4Se(column(sim, 'tier.T.leads'), 0.8 * 0.5 * 100 * 12);
    expectPoissonCounts(column(sim, 'tier.T.leads'), 0.8 * 0.5 * 100 * 12);
  });

  it('acv -10% scales every deal: with fixed leads, conversion and ACV, revenue is exactly 0.9 x the plan', async () => {
    const sim = await run(newBusinessOnly('{ leadsPerMonth: 100, conversion: 1, acv: 2000 }', 'stress: { acv: -0.1 }'), 20);
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(0.9 * 100 * 2000 * LIVE_MONTHS, 6);
  });

  it('conversion +1 point: deals at 6% of leads instead of 5%', async () => {
    const sim = await run(newBusinessOnly('{ leadsPerMonth: 100, conversion: 0.05, acv: 1000 }', 'stress: { conversion: 0.01 }'), 4_000);
    expectWithin4Se(column(sim, 'customersWon'), 12 * 100 * 0.06);
    // 1,200 leads, each converting on its own at 6%: Binomial(1,200, 0.06).
    expectBinomialCounts(column(sim, 'customersWon'), 1200, 0.06);
  });

  it('rates are clamped to [0, 1]: conversion 2% - 5 points wins nothing; renewal 97% + 5 points loses nobody', async () => {
    const none = await run(newBusinessOnly('{ leadsPerMonth: 100, conversion: 0.02, acv: 1000 }', 'stress: { conversion: -0.05 }'), 200);
    expect(column(none, 'customersWon').every((v) => v === 0)).toBe(true);
    const all = await run(
      `
name: clamp
stress: { renewal: 0.05 }
tiers:
  - name: T
    existing: { openingArr: 1200000, customers: 120, renewalRate: 0.97 }
`,
      200,
    );
    expect(column(all, 'customersLost').every((v) => v === 0)).toBe(true);
  });

  it('renewal -5 points, contraction +10 points, expansion -10 points: the ARR bridge as computed by hand', async () => {
    const sim = await run(
      `
name: book
stress: { renewal: -0.05, contraction: 0.1, expansion: -0.1 }
tiers:
  - name: T
    existing:
      openingArr: 1200000
      customers: 120
      renewalRate: 0.9
      contraction: { probability: 0.2, size: 0.1 }
      expansion: { probability: 0.3, size: 0.5 }
`,
      4_000,
    );
    // Rates used: renewal 0.85, contraction 0.3, expansion 0.2. Per customer due (shares of ARR):
    // churn 0.15; contraction 0.85 x 0.3 x 0.1 = 0.0255; expansion 0.85 x 0.7 x 0.2 x 0.5 = 0.0595.
    expectWithin4Se(column(sim, 'component.endingArr.churn'), -0.15 * 1_200_000);
    expectWithin4Se(column(sim, 'component.endingArr.contraction'), -0.0255 * 1_200_000);
    expectWithin4Se(column(sim, 'component.endingArr.existingExpansion'), 0.0595 * 1_200_000);
    expectWithin4Se(column(sim, 'grr'), 1 - 0.15 - 0.0255);
  });

  it('expansion stress also shifts new customers\' expansion', async () => {
    const sim = await run(
      `${newBusinessOnly('{ leadsPerMonth: 100, conversion: 1, acv: 2000 }', 'stress: { expansion: 0.25 }')}    newCustomerExpansion: { probability: 0.25, size: 1000, monthsAfterClose: 6 }\n`,
      4_000,
    );
    // Deals of months 1..6 expand in months 7..12 with probability 0.5: 50 a month x 1,000.
    expectWithin4Se(column(sim, 'component.endingArr.newCustomerExpansion'), 6 * 50 * 1000);
  });

  it('a rate stress acts after the market shift: logistic(logit(p) + b z) + shift, in every trial', async () => {
    const sim = await run(
      `
name: after market
market: { factor: 1.5, loadings: { renewal: 0.4 } }
stress: { renewal: -0.05 }
tiers:
  - name: T
    existing: { openingArr: 1000000, customers: 100, renewalRate: 0.86 }
`,
      300,
    );
    for (const v of column(sim, 'driver.T.renewalRate')) expectFloat32(v, logistic(logit(0.86) + 0.4 * 1.5) - 0.05);
  });
});

describe('a rate drawn as exactly 0 or 1 is certain: neither the market nor a stress moves it', () => {
  // A bad market (z = -1.28) loading every rate, and every rate stress at -20 points, then at +20
  // points. Moved, a rate of 1 would be 0.8 under -0.2 and a rate of 0 would be 0.2 under +0.2; kept,
  // every figure below is the same in every trial, as worked out by hand.
  const head = (s: number) =>
    `market: { factor: -1.28, loadings: { conversion: 0.5, renewal: 0.3, contraction: 0.2, expansion: 0.4 } }\nstress: { conversion: ${s}, renewal: ${s}, contraction: ${s}, expansion: ${s} }\n`;
  const every = (xs: Float64Array, expected: number) => expect([...new Set(xs)]).toEqual([expected]);
  const monthOne = '[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]';

  it('conversion of a tier, of lead grades and of earlier leads, and new customers\' expansion', async () => {
    // T: grade A (100 leads a month, conversion 1) wins 1,200 deals, grade B (conversion 0) none, and
    // 10 earlier leads of conversion 1 all close in month 1. U: 100 leads a month at conversion 1
    // (1,200 deals), 10 earlier leads of conversion 0 (none). Deals close in their lead's month at
    // 1,000. T's new customers all expand by 500 six months after closing (probability 1), U's never
    // (probability 0): only deals of months 1..6 expand within the year, 100 + 10 + 5 x 100 = 610.
    for (const shift of [-0.2, 0.2]) {
      const sim = await run(
        `name: certain rates\n${head(shift)}tiers:
  - name: T
    newBusiness:
      leadSources:
        - { grade: A, leadsPerMonth: 100, conversion: 1 }
        - { grade: B, leadsPerMonth: 100, conversion: 0 }
      earlierLeads: { count: 10, conversion: 1, closeMonth: ${monthOne} }
      acv: 1000
    newCustomerExpansion: { probability: 1, size: 500, monthsAfterClose: 6 }
  - name: U
    newBusiness:
      leadsPerMonth: 100
      conversion: 1
      earlierLeads: { count: 10, conversion: 0, closeMonth: ${monthOne} }
      acv: 1000
    newCustomerExpansion: { probability: 0, size: 500, monthsAfterClose: 6 }
`,
        200,
      );
      every(column(sim, 'tier.T.deals.A'), 1200);
      every(column(sim, 'tier.T.deals.B'), 0);
      every(column(sim, 'tier.T.earlierLeads.deals'), 10);
      every(column(sim, 'tier.U.earlierLeads.deals'), 0);
      every(column(sim, 'customersWon'), 1200 + 10 + 1200);
      every(column(sim, 'component.endingArr.newCustomerExpansion'), 610 * 500);
      every(column(sim, 'endingArr'), 2410 * 1000 + 610 * 500);
    }
  });

  it('renewal, contraction and expansion of an existing book', async () => {
    // K: renewal 1, contraction 0, expansion 1 of size 0.5: nobody leaves or contracts, every
    // customer expands by half its ARR (600,000). G: renewal 0: all 120 customers leave (1,200,000).
    for (const shift of [-0.2, 0.2]) {
      const sim = await run(
        `name: certain book\n${head(shift)}tiers:
  - name: K
    existing: { openingArr: 1200000, customers: 120, renewalRate: 1, contraction: { probability: 0, size: 0.1 }, expansion: { probability: 1, size: 0.5 } }
  - name: G
    existing: { openingArr: 1200000, customers: 120, renewalRate: 0 }
`,
        200,
      );
      every(column(sim, 'customersLost'), 120);
      every(column(sim, 'component.endingArr.churn'), -1_200_000);
      every(column(sim, 'component.endingArr.contraction'), 0);
      every(column(sim, 'component.endingArr.existingExpansion'), 600_000);
      every(column(sim, 'endingArr'), 1_200_000 + 600_000);
    }
  });
});

describe('a stress changes only what it shifts: every driver keeps its own random numbers', () => {
  const book = (stress: string) => `
name: crn
market: { loadings: { renewal: 0.3, leads: 0.2 } }
${stress}
tiers:
  - name: T
    existing:
      openingArr: 6000000
      customers: 500
      renewalRate: { dist: beta, mean: 0.88, sd: 0.03 }
      expansion: { probability: 0.2, size: 0.3 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 300 }
      conversion: { dist: beta, mean: 0.04, sd: 0.01 }
      acv: { dist: lognormal, median: 10000, p90: 25000 }
`;

  it('renewal -5 points: new business, leads and conversion identical trial by trial; the renewal rate 5 points lower in every trial', async () => {
    const plan = await run(book(''), 2_000);
    const stressed = await run(book('stress: { renewal: -0.05 }'), 2_000);
    for (const key of ['tier.T.leads', 'customersWon', 'component.revenue.newBusiness', 'driver.T.conversion', 'driver.market'])
      expect(same(column(plan, key), column(stressed, key)), key).toBe(true);
    const before = column(plan, 'driver.T.renewalRate');
    const after = column(stressed, 'driver.T.renewalRate');
    for (let i = 0; i < before.length; i++) expect(Math.abs(after[i]! - (before[i]! - 0.05))).toBeLessThanOrEqual(2 ** -23);
    expect(same(column(plan, 'customersLost'), column(stressed, 'customersLost'))).toBe(false);
  });

  it('acv -10%: the same deals, each 10% smaller, trial by trial; the book untouched', async () => {
    const plan = await run(book(''), 2_000);
    const stressed = await run(book('stress: { acv: -0.1 }'), 2_000);
    for (const key of ['customersWon', 'customersLost', 'component.endingArr.churn', 'component.endingArr.existingExpansion'])
      expect(same(column(plan, key), column(stressed, key)), key).toBe(true);
    const a = column(plan, 'component.endingArr.newBusiness');
    const b = column(stressed, 'component.endingArr.newBusiness');
    // Float32 breakdowns: equal to 0.9 x the plan at float32 precision.
    for (let i = 0; i < a.length; i++) expect(Math.abs(b[i]! - 0.9 * a[i]!)).toBeLessThanOrEqual(2 ** -22 * Math.abs(a[i]!));
  });
});

describe('stress validation', () => {
  const problems = (yaml: string) => {
    try {
      scenarioFrom(yaml, 'bad.yaml');
    } catch (err) {
      return (err as ScenarioError).message.split('\n');
    }
    throw new Error('expected a ScenarioError');
  };

  it('a fixed market factor with every loading 0 is refused (it would move nothing)', () => {
    expect(problems(newBusinessOnly('{ leadsPerMonth: 5, conversion: 0.1, acv: 10 }', 'market: { factor: -1.28 }'))).toEqual([
      'bad.yaml:3:19 market.factor: a fixed market factor moves nothing while every loading is 0; set market.loadings (e.g. renewal: 0.3)',
    ]);
  });

  it('out-of-range factor and shifts, and a tier stress on a part the tier lacks', () => {
    expect(
      problems(`
name: bad
market: { factor: 9, loadings: { leads: 0.1 } }
stress: { leads: -1.5, renewal: 2, churn: 0.1 }
tiers:
  - name: T
    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 10 }
    stress: { renewal: -0.05 }
`),
    ).toEqual([
      'bad.yaml:3:19 market.factor: a market factor must be between -6 and 6 (it is in standard deviations), got 9',
      'bad.yaml:4:18 stress.leads: a relative change must be at least -1 (-1 = none at all), got -1.5',
      'bad.yaml:4:33 stress.renewal: a shift of a rate must be between -1 and 1 (-0.05 = 5 points lower); did you mean 0.02 (or 2%)?',
      'bad.yaml:4:36 stress: unknown key "churn"; the keys here are: leads, acv, conversion, renewal, contraction, expansion',
      'bad.yaml:8:24 tiers[0].stress.renewal: a renewal stress needs an existing book in this tier: there is nothing to shift',
    ]);
  });
});
