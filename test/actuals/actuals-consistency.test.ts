import { describe, expect, it } from 'vitest';
import { actualsProblems } from '../../src/actuals/validate-actuals.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * new_arr is the ACV a month's deals signed (README; start-state.ts reads it so, and simulated-year.ts
 * writes a true year so), whenever they go live: a month of deals and no new ARR contradicts itself
 * at any service-start lag.
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

  it('with a service-start lag: refused the same way (new_arr is signed, not gone live)', () => {
    expect(actualsProblems(planLoaded(scenario(1)), file, 1).map((i) => i.message)).toEqual(['T month 1: 5 deals signed no new ARR: every deal has an ACV above 0']);
  });

  it('with a service-start lag: deals and the ACV they signed in the same month are accepted', () => {
    expect(actualsProblems(planLoaded(scenario(2)), monthlyFile({ T: [{ leads: 100, deals: 5, new_arr: 50000, ending_arr: 1000000 }] }), 1)).toEqual([]);
  });
});
