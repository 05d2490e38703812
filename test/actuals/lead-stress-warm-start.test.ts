import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { column, scenarioFrom } from '../helpers/fixtures.js';
import { batchMeans } from '../helpers/stats.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A re-forecast reads the warm start's leads as the simulator draws them: a leads stress moves the
 * year's leads, not those of the months before it (model/lead-stress.ts, the one rule both follow).
 * Leads Poisson(100) halved by the stress, conversion Beta with mean 0.1 and sd 0.03, every deal 2
 * months after its lead, no market loadings. The closed months: 50 leads each, deals 10, 10 and 5 —
 * exactly conversion 0.1 (months 1 and 2 close months -1 and 0's 100 unstressed leads, month 3 month
 * 1's 50). The likelihood (Poisson with a sales cycle, README) is p^25 e^(-250 p), so the posterior
 * is the prior Beta(9.9, 89.1) times it: its mean, integrated here, is 0.1002. Until the simulator
 * and the likelihood shared the rule, the likelihood halved months -1 and 0 (exposure 150, not 250)
 * and learnt 0.138.
 */
const YAML = `
name: warm start under a leads stress
stress: { leads: -0.5 }
tiers:
  - name: T
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: { dist: beta, mean: 0.1, sd: 0.03 }, salesCycleMonths: 2, acv: 1000 }
`;

/** Posterior mean of p for the density p^(a - 1) (1 - p)^(b - 1) e^(-x p), by Simpson's rule on (0, 1). */
function posteriorMean(a: number, b: number, x: number): number {
  const n = 20_000;
  const h = 1 / n;
  let z = 0;
  let m = 0;
  for (let i = 1; i < n; i++) {
    const p = i * h;
    const w = (i % 2 === 1 ? 4 : 2) * Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) - x * p);
    z += w;
    m += w * p;
  }
  return m / z;
}

describe('a re-forecast under a leads stress learns from the warm start as the simulator draws it', () => {
  // Beta(mean 0.1, sd 0.03): a + b = 0.1 x 0.9 / 0.03^2 - 1 = 99.
  const expected = posteriorMean(0.1 * 99 + 25, 0.9 * 99, 250);

  it('conversion: the posterior mean 0.1002 of actuals at exactly 0.1; customers won 25 + 450 x it', async () => {
    expect(expected).toBeCloseTo(0.1002, 4);
    const file = monthlyFile({ T: [{ leads: 50, deals: 10 }, { leads: 50, deals: 10 }, { leads: 50, deals: 5 }] });
    const sim = await simulate(scenarioFrom(YAML), { trials: 2000, workers: 0, actuals: { file, months: 3 } });
    const p = batchMeans(column(sim, 'driver.T.conversion'));
    expect(Math.abs(p.mean - expected), `conversion ${p.mean} (SE ${p.se})`).toBeLessThanOrEqual(4 * p.se);
    // Deals still to close: months 4 and 5 close months 2 and 3's 50 known leads, months 6 to 12
    // months 4 to 10's Poisson(50): 9 x 50 x p on top of the 25 closed.
    const won = batchMeans(column(sim, 'customersWon'));
    expect(Math.abs(won.mean - (25 + 450 * expected)), `customers won ${won.mean} (SE ${won.se})`).toBeLessThanOrEqual(4 * won.se);
  });
});
