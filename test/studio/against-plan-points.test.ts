import { describe, expect, it } from 'vitest';
import { answerOf, pointsChange } from '../../src/studio/answer.js';
import { run } from '../helpers/fixtures.js';

const yaml = `
name: points
targets: { metrics: [{ metric: revenue, value: 2000000 }] }
tiers:
  - name: SMB
    existing: { openingArr: 1200000, customers: 120, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: { dist: lognormal, mean: 12000, sd: 4000 } }
`;

/**
 * The studio's line "against the plan" gives each P(target)'s change in percentage points. A change of
 * one trial in 10,000 read '-0.0 pts' (or '+0.0 pts'): a signed zero for a change that is not zero.
 */
describe('the change of a chance against the plan', () => {
  it('keeps two significant digits below a tenth of a point, one decimal above, and says ±0 for none', () => {
    expect(pointsChange(-0.0001)).toBe('-0.010 pts');
    expect(pointsChange(0.0003)).toBe('+0.030 pts');
    expect(pointsChange(0.0234)).toBe('+2.3 pts');
    expect(pointsChange(-0.5)).toBe('-50.0 pts');
    expect(pointsChange(0)).toBe('±0 pts');
    for (const d of [1e-4, -1e-4, 5e-5, -2e-4]) expect(pointsChange(d)).not.toMatch(/^[+-]0\.0 pts$/);
  });

  it("is what the answer's figures and its line say", async () => {
    const sim = await run(yaml, 400);
    const a = answerOf(sim, 0.8, sim);
    expect(a.againstPlan.targets[0]!.text).toBe('±0 pts');
    expect(a.againstPlan.text).toBe('P50 ±0 against the plan; P(revenue >= $2M) ±0 pts');
  });
});
