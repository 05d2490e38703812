import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { column, meanAndSe, run, scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';
import { batchMeans } from '../helpers/stats.js';

/**
 * The warm start's leads (those of the months before the year, still closing in it) came in under
 * last year's market and lead level: neither this year's market factor nor its lead level draw
 * scales them (model/lead-stress.ts, DOMAIN.md: what has arrived is known). Every deal here closes
 * 2 months after its lead at conversion 1 and ACV 1,200, so month 1's MRR is month -1's leads x 100
 * and month 2's adds month 0's.
 *
 * The market factor is fixed at z with exp(0.5 z - 0.5^2 / 2) = 1/2: the year's leads are halved.
 */
const HALVING_Z = 2 * (Math.log(0.5) + 0.125);

describe("the warm start's leads are the plan's, not this year's", () => {
  it('a fixed bad market halves the year\'s leads and leaves the warm start\'s 100 a month: MRR exactly 10,000, 20,000, 25,000', async () => {
    const sim = await run(
      `
name: warm start in a bad market
market: { factor: ${HALVING_Z}, loadings: { leads: 0.5 } }
tiers:
  - name: T
    newBusiness: { leadsPerMonth: 100, conversion: 1, salesCycleMonths: 2, acv: 1200 }
`,
      200,
    );
    // 100 x 1/2 is 50 exactly, so the year's stochastic rounding is exact too (floor(50 + U) = 50).
    // Before: the warm months were halved as well (5,000 and 10,000).
    expect([...new Set(column(sim, 'mrr.1'))]).toEqual([10_000]);
    expect([...new Set(column(sim, 'mrr.2'))]).toEqual([20_000]);
    expect([...new Set(column(sim, 'mrr.3'))]).toEqual([25_000]);
  });

  it("the year's lead level draw (uniform 50..150, plan 100) does not move the warm start: Poisson(200) deals in months 1-2 whatever the level", async () => {
    const sim = await run(
      `
name: warm start under a lead level
tiers:
  - name: T
    newBusiness: { leadsPerMonth: { dist: poisson, mean: { dist: uniform, min: 50, max: 150 } }, conversion: 1, salesCycleMonths: 2, acv: 1200 }
`,
      4000,
      5,
    );
    const level = column(sim, 'own.T.leadsPerMonth');
    const warmDeals = Float64Array.from(column(sim, 'mrr.2'), (x) => (x * 12) / 1200);
    // In the top and the bottom quarter of level draws the warm deals are Poisson(2 x 100): mean 200,
    // SE sqrt(200 / n) (about 0.45 with n = 1,000). Before, they scaled by level / 100: about 275 and 125.
    for (const pick of [(l: number) => l > 125, (l: number) => l < 75]) {
      const xs = warmDeals.filter((_, i) => pick(level[i]!));
      const { mean } = meanAndSe(xs);
      const se = Math.sqrt(200 / xs.length);
      expect(Math.abs(mean - 200), `warm deals ${mean} in ${xs.length} trials`).toBeLessThanOrEqual(4 * se);
    }
  });

  it('a re-forecast learns from the warm start as the simulator draws it: conversion 0.1002 in a halving market', async () => {
    // As actuals/lead-stress-warm-start.test.ts, with the market halving the year's leads instead of a
    // stress: closed months of 50 leads and 10, 10 and 5 deals are exactly conversion 0.1 with the warm
    // months' 100 leads each (exposure 250, posterior mean 0.1002 by Simpson's rule there). Reading the
    // warm months halved too (exposure 150) learnt about 0.138.
    const file = monthlyFile({ T: [{ leads: 50, deals: 10 }, { leads: 50, deals: 10 }, { leads: 50, deals: 5 }] });
    const yaml = `
name: warm start in a bad market
market: { factor: ${HALVING_Z}, loadings: { leads: 0.5 } }
tiers:
  - name: T
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: { dist: beta, mean: 0.1, sd: 0.03 }, salesCycleMonths: 2, acv: 1000 }
`;
    const sim = await simulate(scenarioFrom(yaml), { trials: 2000, workers: 0, actuals: { file, months: 3 } });
    const p = batchMeans(column(sim, 'driver.T.conversion'));
    expect(Math.abs(p.mean - 0.1002), `conversion ${p.mean} (SE ${p.se})`).toBeLessThanOrEqual(4 * p.se + 5e-5);
  });
});
