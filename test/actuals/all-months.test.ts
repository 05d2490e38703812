import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom, column } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';
import { summarize } from '../../src/analysis/summarize.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { CONSTANT_METRIC } from '../../src/analysis/attribution/first-order.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import type { Summary } from '../../src/analysis/summarize.js';
import type { Scenario } from '../../src/scenario/scenario-schema.js';

/** What every output says beside a chance known from the actuals, written here, not read from the code. */
const KNOWN = "a closed month's or a closed year's chance is known from the actuals (no interval)";
const NAME = '95% Wilson interval, exact ends at 0 to 3 hits or misses';

/** Terminal, report.html, the workbook and summary.json each say a known chance has no interval, under `caption`'s table. */
function saysKnown(s: Summary, scenario: Scenario, caption: { html: string; sheet: string }): void {
  expect(summaryTable(s)).toContain(`Interval -: ${KNOWN}.`);
  expect(reportHtml({ summary: s, scenario, charts: [] })).toContain(`${caption.html} (${NAME}; ${KNOWN.replaceAll("'", '&#39;')})`);
  expect(JSON.stringify(reportSheets(s, scenario).map((x) => x.preamble))).toContain(`${caption.sheet}${NAME}; ${KNOWN})`);
  expect(s.monteCarlo.probabilityIntervals).toContain(KNOWN);
}

const YAML = `
name: twelve closed months
trials: 1000
seed: 5
market:
  loadings: { leads: 0.2, conversion: 0.2, acv: 0.1, renewal: 0.3 }
tiers:
  - name: T
    existing:
      openingArr: 1200000
      customers: 100
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
      priceUplift: 0
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 1000 }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: { dist: discrete, values: [0, 1], weights: [0.5, 0.5] }
      acv: { dist: lognormal, median: 10000, p90: 20000 }
`;

// 100 customers on a uniform calendar are due 8 or 9 a month: round(100 m / 12) - round(100 (m - 1) / 12).
const DUE = [8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9, 8];

describe('a re-forecast with all twelve months closed', () => {
  it('is a single point: the actuals (revenue as reported, ending ARR, bookings)', async () => {
    let ending = 1_200_000;
    const rows = DUE.map((due) => {
      ending += 500_000 - 12_000;
      return { leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 12_000, renewed_arr: due * 12_000 - 12_000, ending_arr: ending, revenue: ending / 12 + 1000 };
    });
    const sim = await simulate(scenarioFrom(YAML), { trials: 1000, seed: 5, workers: 0, actuals: { file: monthlyFile({ T: rows }), months: 12 } });
    // By hand: ending = 1.2M + 12 x 488k; revenue = sum of (ending_m / 12 + 1,000);
    // bookings = 12 x 500k new + (1,200,000 due - 12 x 12,000 churned) renewed.
    const endingArr = 1_200_000 + 12 * 488_000;
    let revenue = 0;
    for (let m = 1; m <= 12; m++) revenue += (1_200_000 + m * 488_000) / 12 + 1000;
    for (const [key, want] of [['endingArr', endingArr], ['revenue', revenue], ['bookings', 6_000_000 + 1_200_000 - 144_000]] as const) {
      const xs = column(sim, key);
      expect(Math.min(...xs), key).toBeCloseTo(want, 4);
      expect(Math.max(...xs), key).toBeCloseTo(want, 4);
    }
    // Nothing moves a known year: no driver's share, and no 100% left to unit-level luck.
    const s = summarize(sim);
    expect(s.sensitivity.notEstimable).toBe(CONSTANT_METRIC);
    expect(s.sensitivity.unexplained.value).toBeNull();
    expect(summaryParagraph(s)).toContain('cannot be estimated from this run (it is the same in every trial');
    expect(summaryParagraph(s)).not.toContain('luck');
    // Its targets are known, not estimated: each chance's interval is the chance itself, so the
    // paragraph's "nothing leaves it uncertain" and every table's figure and interval agree.
    const t = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: revenue - 1 }, { metric: 'endingArr', value: endingArr + 1 }] } });
    expect(t.decisions.targets.map((x) => [x.certain, x.probability.value, ...x.probability.interval])).toEqual([
      [true, 1, 1, 1],
      [true, 0, 0, 0],
    ]);
    expect(t.decisions.jointProbability!.interval).toEqual([0, 0]);
    const words = summaryParagraph(t);
    expect(words).toContain('nothing in the re-forecast leaves it uncertain');
    expect(words).toMatch(/The chance of reaching each target is 100\.0% for .* and 0\.0% for /);
    // No interval shown for a known chance, and every output says why, under the interval's name.
    const table = summaryTable(t);
    expect(table).toMatch(/revenue >= \S+ +100\.0% +- /);
    expect(table).toMatch(/ending ARR >= \S+ +0\.0% +- /);
    expect(table).toMatch(/All targets in the same year +0\.0% +-\n/);
    saysKnown(t, sim.loaded.scenario, { html: 'Chance of reaching or beating each target', sheet: 'chance of reaching or beating each, ' });
    const sheet = reportSheets(t, sim.loaded.scenario).find((x) => x.name === 'Targets and budgets')!;
    for (const row of sheet.rows.filter((r) => r[0] === 'Target')) expect(row.slice(4, 6)).toEqual([null, null]);
    // A run with nothing known says nothing of it.
    const open = summarize(await simulate(scenarioFrom(YAML), { trials: 200, seed: 5, workers: 0 }), { targets: { metrics: [{ metric: 'revenue', value: 1 }] } });
    expect(summaryTable(open)).not.toContain(KNOWN);
    expect(open.monteCarlo.probabilityIntervals).not.toContain(KNOWN);
  });

  it('leaves the months after the closed ones to the simulation (k = 11: only December varies)', async () => {
    let ending = 1_200_000;
    const rows = DUE.slice(0, 11).map((due) => {
      ending += 500_000 - 12_000;
      return { leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 12_000, renewed_arr: due * 12_000 - 12_000, ending_arr: ending };
    });
    const sim = await simulate(scenarioFrom(YAML), { trials: 1000, seed: 5, workers: 0, actuals: { file: monthlyFile({ T: rows }), months: 11 } });
    const arr = column(sim, 'endingArr');
    // December adds new deals and renews 8 customers: ending ARR varies, and is at least the end of November less those 8 customers' ARR.
    expect(new Set(arr).size).toBeGreaterThan(100);
    expect(Math.min(...arr)).toBeGreaterThanOrEqual(ending - 8 * 12_000 - 1e-6);
    // MRR of the closed months is fixed: month 5's is its ending ARR / 12.
    const mrr5 = column(sim, 'mrr.5');
    expect(Math.max(...mrr5) - Math.min(...mrr5)).toBeLessThan(1e-6 * mrr5[0]!);
  });
});

describe('a re-forecast tests a monthly plan against its closed months as given', () => {
  it('a closed month reaches its plan when the actual does, not when its float32 rounding does', async () => {
    // Closed months' MRR, by hand: 1,688,000 / 12 = 140,666.667 (float32 140,666.672, above a plan
    // of 140,666.67 the actual misses) and 2,176,000 / 12 = 181,333.333 (float32 181,333.328,
    // below a plan of 181,333.33 the actual meets). Later months are simulated: plans of 0, met.
    const rows = [1_688_000, 2_176_000].map((ending) => ({ leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 12_000, renewed_arr: 84_000, ending_arr: ending }));
    const sim = await simulate(scenarioFrom(YAML), { trials: 1000, seed: 5, workers: 0, actuals: { file: monthlyFile({ T: rows }), months: 2 } });
    const zeros = Array<number>(10).fill(0);
    const s = summarize(sim, { targets: { metrics: [], monthly: { mrr: [140_666.67, 181_333.33, ...zeros], cumulativeRevenue: [140_666.67, 322_000.01, ...zeros] } } });
    const plan = s.decisions.monthlyPlan!;
    expect(plan[0]!.mrr!.probability.value).toBe(0);
    expect(plan[1]!.mrr!.probability.value).toBe(1);
    expect(plan[0]!.cumulativeRevenue!.probability.value).toBe(0);
    // 140,666.667 + 181,333.333 = 322,000 exactly: below a plan of 322,000.01.
    expect(plan[1]!.cumulativeRevenue!.probability.value).toBe(0);
    expect(plan[5]!.mrr!.probability.value).toBe(1);
    // A closed month's chance is the actuals', known: no interval around it. A later month's is estimated.
    expect(plan[0]!.mrr!.probability.interval).toEqual([0, 0]);
    expect(plan[1]!.cumulativeRevenue!.probability.interval).toEqual([0, 0]);
    expect(plan[5]!.mrr!.probability.interval[0]).toBeLessThan(1);
    saysKnown(s, sim.loaded.scenario, { html: 'Chance of reaching or beating the monthly plan in each fiscal month', sheet: 'reach or beat the plan (' });
    // The bands show the same months: their P50 is the actual.
    expect(s.monthly[0]!.mrr.percentiles.p50).toBeCloseTo(1_688_000 / 12, 6);
  });
});
