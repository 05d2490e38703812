import { describe, expect, it } from 'vitest';
import { tierLikelihood, type LearnedKind } from '../../src/actuals/likelihood-terms.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { driverSlot } from '../../src/model/drivers/tier-drivers.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

/**
 * The re-forecast's likelihood applies the plan's market rule with each driver's own loading: a
 * month's evidence at factor z and own draws x weighs as at factor 0 and the values the rule moves
 * them to (README "What the evidence teaches": logit(p) + b z for a rate, x exp(b z) for a volume or
 * amount, whose exp(-b^2/2) is the same at z and 0). So every term must satisfy
 * term(z, x) = term(0, x') with x' written out here. A loading dropped or mistaken in a term breaks it:
 * the reviewer's mutation of the renewal term's loading to 0 (likelihood-terms.ts) passed the
 * market-rule test, which checks the simulators and the prior, not the likelihood.
 */
const YAML = `
name: loading
market: { loadings: { leads: 0.15, conversion: 0.2, acv: 0.1, renewal: 0.3 } }
tiers:
  - name: T
    existing: { openingArr: 1200000, customers: 100, renewalCalendar: uniform, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }, priceUplift: 0 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 1000, p90: 1200 } }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 0
      acv: { dist: lognormal, median: { dist: lognormal, median: 10000, p90: 12000 }, p90: 20000 }
`;
const LOADING: Record<LearnedKind, number> = { leadsPerMonth: 0.15, conversion: 0.2, acv: 0.1, renewalRate: 0.3 } as Record<LearnedKind, number>;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

describe("the re-forecast's likelihood moves each driver by the market with its own loading", () => {
  const { scenario } = scenarioFrom(YAML);
  const t = planScenario(scenario).tiers[0]!;
  const rows = monthlyFile({
    T: [
      { leads: 1100, deals: 60, new_arr: 640_000, renewed_arr: 84_000, churned_arr: 12_000, due_arr: 96_000, ending_arr: 1_800_000 },
      { leads: 950, deals: 41, new_arr: 420_000, renewed_arr: 96_000, churned_arr: 0, due_arr: 96_000, ending_arr: 2_200_000 },
    ],
  }).byTier.get('T')!;
  const { terms, used } = tierLikelihood(t, scenario.tiers[0]!, rows, () => true);

  it('term(z, x) = term(0, x moved by the rule) for every term, at z = -1.5 and 2', () => {
    expect(used).toEqual(expect.arrayContaining(['renewals']));
    expect(used.length).toBeGreaterThanOrEqual(3);
    const own = new Float64Array(t.plannedDrivers.length).fill(NaN);
    const values: Record<LearnedKind, number> = { leadsPerMonth: 1000, conversion: 0.05, acv: 10_000, renewalRate: 0.9 } as Record<LearnedKind, number>;
    const kinds = Object.keys(values) as LearnedKind[];
    for (const k of kinds) own[driverSlot(t.plannedDrivers, k)] = values[k];
    for (const z of [-1.5, 2]) {
      const moved = Float64Array.from(own);
      for (const k of kinds) {
        const b = LOADING[k];
        const x = values[k];
        moved[driverSlot(t.plannedDrivers, k)] = k === 'conversion' || k === 'renewalRate' ? logistic(Math.log(x / (1 - x)) + b * z) : x * Math.exp(b * z);
      }
      terms.forEach((term, i) => {
        const atZ = term(z, own);
        expect(Number.isFinite(atZ), used[i]).toBe(true);
        expect(atZ, `${used[i]} at z ${z}`).toBeCloseTo(term(0, moved), 8);
        // And the factor matters: the same own draws at 0 weigh differently (the check has power).
        expect(Math.abs(atZ - term(0, own)), `${used[i]} at z ${z}`).toBeGreaterThan(1e-3);
      });
    }
  });
});
