import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { simulationWarnings } from '../../src/analysis/plausibility.js';
import { parseScenario } from '../../src/scenario/parse.js';

/**
 * A discrete or empirical driver's prior holds each of its values with some probability (its quantile
 * table is flat there over a range of scores, and interpolates across the jump between two values): a
 * posterior median on such a value is a year the plan gives that driver that often, beyond 1 in 10,000
 * only if the value's own probability and the tail beyond it are. Found by
 * the generated scenarios (test/helpers/generated-scenario.ts): a renewal rate of
 * { empirical: [0.5604, 0.934, 0.99, 0.99] } re-forecast from one of its own years in which every
 * customer due renewed read "puts <script> renewal rate at 99.00% ..., where its plan (86.86%) puts
 * less than 1 in 10,000 of its years", while the plan draws 99% one year in two: the value, read back
 * from its float32 column, was beyond the prior's highest (lowest) point, and scored +12 (-12).
 */
describe('actuals-far-from-plan: a value a discrete or empirical prior holds with some probability is not far', () => {
  const run = async (renewalRate: string, renewedShare: number, tableLowest?: { value: number; draws: number }) => {
    const loaded = parseScenario(
      `name: atoms\nfiscalYearStartMonth: 1\ntiers:\n  - name: Book\n    existing: { openingArr: 12000000, customers: 12000, renewalRate: ${renewalRate} }\n`,
      'atoms.yaml',
    );
    // Four months of 1,000 customers due (1,000,000 of ARR), of whom renewedShare renew.
    const rows = [1, 2, 3, 4].map((m) => {
      const renewed = 1_000_000 * renewedShare;
      return `${m},Book,${renewed},${1_000_000 - renewed},1000000,${12_000_000 - m * (1_000_000 - renewed)}`;
    });
    const csv = ['month,tier,renewed_arr,churned_arr,due_arr,ending_arr', ...rows].join('\n');
    const file = parseMonthlyFile(csv, 'actuals.csv', { kind: 'actuals', tiers: ['Book'], calendar: { startMonth: 1 } });
    const sim = await simulate(loaded, { trials: 1000, seed: 1, workers: 0, actuals: { file, months: 4 } });
    if (tableLowest) {
      // The prior's table is a seeded sample of 16,384 draws (prior-table.ts): the case needs the rare value in it.
      const sorted = sim.reforecast!.model.drivers[0]!.table.sorted;
      expect([sorted[0], sorted.filter((x) => x === sorted[0]).length]).toEqual([tableLowest.value, tableLowest.draws]);
    }
    return simulationWarnings(sim, summarize(sim)).filter((w) => w.code === 'actuals-far-from-plan');
  };

  it('every customer due renews, and the plan draws 99% one year in two: no warning', async () => {
    expect(await run('{ dist: empirical, values: [0.5604, 0.934, 0.99, 0.99] }', 1)).toEqual([]);
  });

  it('seven customers in ten renew (2,800 of 4,000), and the plan draws 70%, its lowest, one year in two: no warning', async () => {
    // 0.7 is stored as the float32 0.69999999 (0.99 as 0.99000001): each side's lowest and highest value.
    expect(await run('{ dist: discrete, values: [0.7, 0.9, 0.95], weights: [2, 1, 1] }', 0.7)).toEqual([]);
  });

  // An end value counts its own probability with the tail beyond it (none here): 0.5 at weight 1 of
  // 50,000 is a year in 50,000, far; at 1 of 1,000, a year in 1,000, not far.
  it('still warned: half the customers due renew where the plan draws 50%, its lowest, once in 50,000', async () => {
    // The table holds 0.5 once (expected 16,384 / 50,000 = 0.33 times): read from 0.5 / 16,384 = 3.1e-5 up, a score of -4.0.
    const warnings = await run('{ dist: discrete, values: [0.5, 0.9], weights: [1, 49999] }', 0.5, { value: 0.5, draws: 1 });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/the closed months put Book renewal rate at 50\.00% .*where its plan \(90\.00%\) puts less than 1 in 10,000 of its years/)]);
  });

  it('the same where the plan draws 50% once in 1,000: no warning', async () => {
    // The table holds 0.5 15 times (expected 16.4): read up to 14.5 / 16,384 = 8.9e-4, a score of -3.1.
    expect(await run('{ dist: discrete, values: [0.5, 0.9], weights: [1, 999] }', 0.5, { value: 0.5, draws: 15 })).toEqual([]);
  });

  it('still warned: all 4,000 customers due renew where the plan puts 60% +- 1 point', async () => {
    const warnings = await run('{ dist: beta, mean: 0.6, sd: 0.01 }', 1);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/the closed months put Book renewal rate at \d+\.\d\d% .*where its plan \(60\.00%\) puts less than 1 in 10,000 of its years/)]);
  });
});
