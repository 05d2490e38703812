import { describe, expect, it } from 'vitest';
import { tierStart } from '../../src/actuals/start-state.js';
import { tierLikelihood } from '../../src/actuals/likelihood-terms.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { componentIndex } from '../../src/model/components.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

const YAML = `
name: state
tiers:
  - name: T
    existing:
      openingArr: 1200000
      customers: 100
      renewalCalendar: uniform
      renewalRate: 0.9
      priceUplift: 0.05
    newBusiness:
      leadsPerMonth: 1000
      conversion: 0.05
      salesCycleMonths: 0
      acv: 10000
`;

const c = (name: Parameters<typeof componentIndex>[0]) => componentIndex(name);

describe('the state at the end of the closed months, by hand', () => {
  const plan = planScenario(scenarioFrom(YAML).scenario);
  // Month 1: 8 customers due (96,000), 1 churns (12,000), 7 renew (84,000), one of them contracts
  // by 2,000, another expands by 3,000; 50 deals for 500,000; the 5% uplift on what renewed
  // (82,000 x 0.05 = 4,100) is in ending ARR only: 1,200,000 + 500,000 + 3,000 - 2,000 - 12,000 + 4,100.
  const rows = [
    { leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 12_000, contraction_arr: 2_000, expansion_arr: 3_000, renewed_arr: 84_000, ending_arr: 1_693_100, revenue: 141_000 },
    { leads: 900, deals: 45, new_arr: 450_000, churned_arr: 0, contraction_arr: 0, expansion_arr: 0, renewed_arr: 108_000, ending_arr: 2_148_500 },
  ];
  const start = tierStart(plan.tiers[0]!, monthlyFile({ T: rows }).byTier.get('T')!, 2);

  it('splits each closed month into its components, the unexplained change as price uplift and other', () => {
    const ev = start.events;
    expect(ev[c('newBusiness') * 12]).toBe(500_000);
    expect(ev[c('churn') * 12]).toBe(-12_000);
    expect(ev[c('contraction') * 12]).toBe(-2_000);
    expect(ev[c('existingExpansion') * 12]).toBe(3_000);
    expect(ev[c('priceUplift') * 12]).toBeCloseTo(4_100, 6);
    // Month 2: 2,148,500 - 1,693,100 - 450,000 = 5,400 (108,000 renewed x 5%).
    expect(ev[c('priceUplift') * 12 + 1]).toBeCloseTo(5_400, 6);
    for (let m = 2; m < 12; m++) expect(ev[c('newBusiness') * 12 + m]).toBe(0);
  });

  it('books new ARR, renewals net of contraction, expansion and the uplift', () => {
    expect(start.booked[c('newBusiness')]).toBe(950_000);
    expect(start.booked[c('renewal')]).toBe(84_000 - 2_000 + 108_000);
    expect(start.booked[c('existingExpansion')]).toBe(3_000);
    expect(start.booked[c('priceUplift')]).toBeCloseTo(9_500, 6);
  });

  it('keeps the reported revenue: month 1 reported 141,000 against 1,693,100 / 12 live', () => {
    expect(start.mrrAdjustment[0]).toBeCloseTo(141_000 - 1_693_100 / 12, 6);
    expect(start.mrrAdjustment[1]).toBe(0);
    expect(start.revenueAdjustment).toBeCloseTo(141_000 - 1_693_100 / 12, 6);
  });

  it('counts leads, new customers, customers due (8 and 9 on a uniform calendar of 100), renewed and lost', () => {
    expect(start.counts).toEqual({ leads: 1900, customersWon: 95, customersLost: 1 + 0, customersDue: 17, customersRenewed: 7 + 9, arrDue: 17 * 12_000, grossLoss: 14_000 });
    expect(Array.from(start.leads.subarray(0, 3))).toEqual([1000, 900, NaN]);
  });
});

describe("a closed month's due_arr is what came up for renewal, over the scenario's calendar", () => {
  const plan = planScenario(scenarioFrom(YAML).scenario);
  const spec = scenarioFrom(YAML).scenario.tiers[0]!;
  // The uniform calendar has 8 customers (96,000) due in month 1; the file says 10 (120,000) came up,
  // 9 renewed (108,000) and 1 churned (12,000).
  const stated = { churned_arr: 12_000, renewed_arr: 108_000, due_arr: 120_000, ending_arr: 1_200_000 - 12_000 + 108_000 * 0.05 };
  const rows = monthlyFile({ T: [stated] }).byTier.get('T')!;

  it('counts the customers due, renewed and lost, and the ARR due, from the file', () => {
    const start = tierStart(plan.tiers[0]!, rows, 1);
    expect(start.counts).toMatchObject({ customersDue: 10, customersRenewed: 9, customersLost: 1, arrDue: 120_000, grossLoss: 12_000 });
    expect(start.booked[c('renewal')]).toBe(108_000);
  });

  it("learns the renewal rate from 9 renewed of 10 due (the month's likelihood is 9 log p + log(1 - p))", () => {
    const t = plan.tiers[0]!;
    const { terms, used } = tierLikelihood(t, spec, rows, () => true);
    expect(used).toEqual(['renewals']);
    const own = new Float64Array(t.plannedDrivers.length).fill(0.9);
    expect(terms[0]!(0, own)).toBeCloseTo(9 * Math.log(0.9) + Math.log(0.1), 12);
  });

  it("falls back to the calendar's due without a due_arr column", () => {
    const { due_arr: _, ...rest } = stated;
    const start = tierStart(plan.tiers[0]!, monthlyFile({ T: [{ ...rest, renewed_arr: 84_000 }] }).byTier.get('T')!, 1);
    expect(start.counts).toMatchObject({ customersDue: 8, customersRenewed: 7, customersLost: 1, arrDue: 96_000 });
  });
});

describe('closed months of a tier with a service-start lag', () => {
  const LAGGED = `
name: lagged
tiers:
  - name: T
    existing: { openingArr: 1200000, customers: 100, renewalCalendar: uniform, renewalRate: 0.9, priceUplift: 0 }
    newBusiness:
      leadsPerMonth: 100
      conversion: 0.05
      salesCycleMonths: 0
      acv: 20000
      serviceStartLagMonths: { dist: discrete, values: [0, 1], weights: [0.5, 0.5] }
`;
  const plan = planScenario(scenarioFrom(LAGGED).scenario);
  // 5 deals (100,000) signed in month 1, none in month 2; half goes live in each month, as expected.
  const rows = monthlyFile({
    T: [
      { leads: 100, deals: 5, new_arr: 100_000, churned_arr: 0, renewed_arr: 96_000, ending_arr: 1_250_000 },
      { leads: 100, deals: 0, new_arr: 0, churned_arr: 0, renewed_arr: 108_000, ending_arr: 1_300_000 },
    ],
  }).byTier.get('T')!;
  const start = tierStart(plan.tiers[0]!, rows, 2);

  it('counts the new ARR going live as new business, not as price uplift, and books it once', () => {
    const ev = start.events;
    expect(ev[c('newBusiness') * 12]).toBeCloseTo(50_000, 6);
    expect(ev[c('newBusiness') * 12 + 1]).toBeCloseTo(50_000, 6);
    expect(ev[c('priceUplift') * 12]).toBeCloseTo(0, 6);
    expect(ev[c('priceUplift') * 12 + 1]).toBeCloseTo(0, 6);
    expect(start.booked[c('newBusiness')]).toBe(100_000);
    expect(start.booked[c('priceUplift')]).toBeCloseTo(0, 6);
  });

  it('leaves what the expected go-lives do not explain as price uplift and other, and never more new ARR than the change', () => {
    // Only 30,000 of the change in month 1 (the deals went live later than expected): 30,000 is new
    // business, nothing is uplift; by month 2 all 100,000 is expected live: its 70,000 is the rest.
    const late = monthlyFile({
      T: [
        { leads: 100, deals: 5, new_arr: 100_000, churned_arr: 0, renewed_arr: 96_000, ending_arr: 1_230_000 },
        { leads: 100, deals: 0, new_arr: 0, churned_arr: 0, renewed_arr: 108_000, ending_arr: 1_300_000 },
      ],
    }).byTier.get('T')!;
    const s = tierStart(plan.tiers[0]!, late, 2);
    expect(s.events[c('newBusiness') * 12]).toBeCloseTo(30_000, 6);
    expect(s.events[c('priceUplift') * 12]).toBeCloseTo(0, 6);
    expect(s.events[c('newBusiness') * 12 + 1]).toBeCloseTo(70_000, 6);
    expect(s.events[c('priceUplift') * 12 + 1]).toBeCloseTo(0, 6);
    // A change beyond every signing expected live is price uplift and other.
    const more = monthlyFile({
      T: [
        { leads: 100, deals: 5, new_arr: 100_000, churned_arr: 0, renewed_arr: 96_000, ending_arr: 1_260_000 },
        { leads: 100, deals: 0, new_arr: 0, churned_arr: 0, renewed_arr: 108_000, ending_arr: 1_320_000 },
      ],
    }).byTier.get('T')!;
    const o = tierStart(plan.tiers[0]!, more, 2);
    expect(o.events[c('newBusiness') * 12]).toBeCloseTo(50_000, 6);
    expect(o.events[c('priceUplift') * 12]).toBeCloseTo(10_000, 6);
    expect(o.events[c('newBusiness') * 12 + 1]).toBeCloseTo(50_000, 6);
    expect(o.events[c('priceUplift') * 12 + 1]).toBeCloseTo(10_000, 6);
  });
});
