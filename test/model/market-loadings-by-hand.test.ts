import { describe, expect, it } from 'vitest';
import { column, run, runWithFiles, expectWithin4Se } from '../helpers/fixtures.js';
import { expectBinomialCounts } from '../helpers/stats.js';

/**
 * The market factor's loading on each driver DOMAIN names, and the stress overlays on top of it,
 * each on a case small enough to write out: with the factor fixed (`market.factor`) a rate is
 * logistic(logit(p) + b z) (then + the stress shift) and a volume or an amount x exp(b z - b^2 / 2)
 * (then x (1 + the stress)); drawn, a volume keeps its planned mean. Counts are checked as binomials
 * (mean and variance within 4 standard errors), fixed cases exactly.
 */

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const volume = (b: number, z: number) => Math.exp(b * z - (b * b) / 2);

const scenario = (head: string, tier: string) => `
name: market case
${head}tiers:
  - name: T
${tier}`;

describe('rates move on the log-odds scale', () => {
  it('an opening-pipeline group: won ~ Binomial(200, logistic(logit 0.3 + 0.5 z)) in a one-in-ten bad year; a certain group stays certain', async () => {
    const sim = await run(
      scenario(
        'market: { factor: -1.28, loadings: { conversion: 0.5 } }\n',
        '    newBusiness:\n      acv: 1000\n      openingPipeline:\n        groups:\n          - { count: 200, winProbability: 0.3, closeMonth: 4, amount: 1000 }\n          - { count: 10, winProbability: 1, closeMonth: 2, amount: 500 }\n',
      ),
      3000,
    );
    expectBinomialCounts(column(sim, 'tier.T.pipeline.won').map((v) => v - 10), 200, logistic(logit(0.3) + 0.5 * -1.28));
  });

  it('with a conversion stress on top: p = logistic(logit 0.3 + 0.5) - 0.1', async () => {
    const sim = await run(
      scenario(
        'market: { factor: 1, loadings: { conversion: 0.5 } }\n',
        '    newBusiness:\n      acv: 1000\n      openingPipeline:\n        groups:\n          - { count: 300, winProbability: 0.3, closeMonth: 4, amount: 1000 }\n    stress: { conversion: -0.1 }\n',
      ),
      2000,
    );
    expectBinomialCounts(column(sim, 'tier.T.pipeline.won'), 300, logistic(logit(0.3) + 0.5) - 0.1);
  });

  it("new customers' expansion: 1,000 new customers expand ~ Binomial(1000, logistic(logit 0.5 - 0.5 x 1.28))", async () => {
    const sim = await run(
      scenario(
        'market: { factor: -1.28, loadings: { expansion: 0.5 } }\n',
        '    newBusiness:\n      earlierLeads: { count: 1000, conversion: 1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }\n      acv: 1000\n    newCustomerExpansion: { probability: 0.5, size: 100, monthsAfterClose: 0 }\n',
      ),
      2000,
    );
    expectBinomialCounts(column(sim, 'component.endingArr.newCustomerExpansion').map((v) => v / 100), 1000, logistic(logit(0.5) - 0.64));
  });

  it('monthly-billed customers: the annual survival moves first, then the monthly hazard: lost ~ Binomial(300, 1 - logistic(logit 0.7 - 0.4))', async () => {
    const rows = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator', ...Array.from({ length: 300 }, (_, i) => `m${i},T,1200,,monthly,1,,`)];
    const sim = await runWithFiles(
      scenario('market: { factor: -1, loadings: { renewal: 0.4 } }\n', '    existing:\n      customersFile: book.csv\n      renewalRate: 0.7\n'),
      { 'book.csv': rows.join('\n') },
      2000,
    );
    expectBinomialCounts(column(sim, 'customersLost'), 300, 1 - logistic(logit(0.7) - 0.4));
  });
});

describe('volumes and amounts move by exp(b z - b^2 / 2)', () => {
  const leadsAndAcv = '    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: 1\n      acv: 1000\n';

  it('drawn: each keeps its planned mean, and their product gains exp(b_leads b_acv): E[new ARR] = 1,200,000 x exp(0.3 x 0.2)', async () => {
    // E[exp((b1 + b2) Z - (b1^2 + b2^2) / 2)] = exp(b1 b2) for Z ~ N(0, 1).
    const sim = await run(scenario('market: { loadings: { leads: 0.3, acv: 0.2 } }\n', leadsAndAcv), 6000);
    expectWithin4Se(column(sim, 'endingArr'), 12 * 100 * 1000 * Math.exp(0.3 * 0.2));
  });

  it('fixed at z = 1: E[new ARR] = 12 x 100 exp(0.3 - 0.045) x 1,000 exp(0.2 - 0.02)', async () => {
    const sim = await run(scenario('market: { factor: 1, loadings: { leads: 0.3, acv: 0.2 } }\n', leadsAndAcv), 3000);
    expectWithin4Se(column(sim, 'endingArr'), 12 * 100 * volume(0.3, 1) * 1000 * volume(0.2, 1));
  });

  it("reps' own deals move with the leads loading and a leads stress: E = 4 reps x 2.5 x 12 x 0.8 x exp(0.3 - 0.045)", async () => {
    const sim = await run(
      scenario('market: { factor: 1, loadings: { leads: 0.3 } }\n', '    newBusiness:\n      acv: 1000\n      reps: { start: 4, sourcedDealsPerMonth: 2.5, capacity: 100 }\n    stress: { leads: -0.2 }\n'),
      3000,
    );
    expectWithin4Se(column(sim, 'tier.T.deals.repSourced'), 120 * 0.8 * volume(0.3, 1));
  });

  it("a pipeline group without its own amount takes the tier's ACV with its loading and stress: 10 x 1,000 x 0.9 x exp(0.2 - 0.02), exactly", async () => {
    const sim = await run(
      scenario(
        'market: { factor: 1, loadings: { acv: 0.2 } }\n',
        '    newBusiness:\n      acv: 1000\n      openingPipeline:\n        groups:\n          - { count: 10, winProbability: 1, closeMonth: 1 }\n    stress: { acv: -0.1 }\n',
      ),
      5,
    );
    for (const v of column(sim, 'bookings')) expect(v).toBeCloseTo(10 * 1000 * 0.9 * volume(0.2, 1), 6);
  });
});
