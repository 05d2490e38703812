import { describe, expect, it } from 'vitest';
import { actualsProblems } from '../../src/actuals/validate-actuals.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * Deals and new ARR agree only where deals go live at signing: with a service-start lag, a month's
 * new ARR may be an earlier month's deals going live (as simulated-year.ts writes a true year), so a
 * month of deals and no new ARR is no contradiction there.
 */
const scenario = (lag: number) =>
  scenarioFrom(`
name: lag
tiers:
  - name: T
    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9, priceUplift: 0 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 100 }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 0
      serviceStartLagMonths: ${lag}
      acv: { dist: lognormal, median: 10000, p90: 20000 }
`);
const file = monthlyFile({ T: [{ leads: 100, deals: 5, new_arr: 0, ending_arr: 1000000 }] });

describe('deals against new ARR', () => {
  it('live at signing: 5 deals and no new ARR is refused', () => {
    expect(actualsProblems(planLoaded(scenario(0)), file, 1).map((i) => i.message)).toEqual(['T month 1: 5 deals signed no new ARR: every deal has an ACV above 0']);
  });

  it('with a service-start lag: the same month is accepted', () => {
    expect(actualsProblems(planLoaded(scenario(1)), file, 1)).toEqual([]);
  });
});
