import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, summarize, type Summary } from '../../src/index.js';
import { monthlyPlanNotes } from '../../src/cli/target-notes.js';
import { formatMoney } from '../../src/report/format.js';
import { arrcastInProcess as arrcast } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A monthly plan written in another unit (`targets.monthly.mrr` as ARR, `cumulativeRevenue` as each
 * month's revenue) ran without a word: every month's chance 0% or 100%, which says nothing about the
 * plan meant. The minimal fixture opens at 1.2M of ARR (MRR 100k) and renews 90% of it, so its year's
 * revenue is near 1.2M and its MRR near 100k every month (figures of the fixture, not of the run).
 */
const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
const withPlan = (mrr: readonly number[] | undefined, cumulative: readonly number[] | undefined) =>
  `${MINIMAL}targets:\n  monthly:\n${mrr ? `    mrr: [${mrr.join(', ')}]\n` : ''}${cumulative ? `    cumulativeRevenue: [${cumulative.join(', ')}]\n` : ''}`;
const months = (f: (m: number) => number) => Array.from({ length: 12 }, (_, i) => f(i + 1));

async function summaryOf(mrr: readonly number[] | undefined, cumulative: readonly number[] | undefined): Promise<Summary> {
  const loaded = parseScenario(withPlan(mrr, cumulative), 'plan.yaml');
  const sim = await simulate(loaded, { trials: 200, seed: 1, workers: 0 });
  return summarize(sim, { targets: loaded.scenario.targets! });
}
const notes = async (mrr: readonly number[] | undefined, cumulative: readonly number[] | undefined) => monthlyPlanNotes(await summaryOf(mrr, cumulative), formatMoney);
/** The summary with month 1's MRR 0 in every trial, as a company that sells from nothing has it. */
const firstMonthZero = (s: Summary): Summary => {
  const [first, ...rest] = s.monthly;
  const zero = { ...first!.mrr, min: 0, percentiles: { ...first!.mrr.percentiles, p50: 0 } };
  return { ...s, monthly: [{ ...first!, mrr: zero }, ...rest] };
};

describe('a monthly plan that reads as written in another unit', () => {
  it('MRR written as ARR, cumulative revenue written month by month or falling: a note each; a plan in its units: none', async () => {
    // In its units: MRR 100k, the running total 100k a month.
    expect(await notes(months(() => 100_000), months((m) => 100_000 * m))).toEqual([]);
    // A bold or timid plan, twice or half the forecast, is the planner's and gets no note.
    expect(await notes(months(() => 200_000), months((m) => 50_000 * m))).toEqual([]);

    const arr = await notes(months(() => 1_200_000), undefined);
    expect(arr).toHaveLength(1);
    expect(arr[0]).toMatch(/^arrcast: note: the monthly plan's MRR is at least 6 times the simulated median MRR in every month \(month 1: 1\.20M against [\d.]+k\), so no year meets it; MRR is ARR \/ 12: is the plan written as ARR\?$/);

    const flat = await notes(undefined, months(() => 100_000));
    expect(flat).toHaveLength(1);
    expect(flat[0]).toMatch(/^arrcast: note: the monthly plan's cumulative revenue for month 12 \(100k\) is under 1\/6 of the simulated year's median revenue \(1\.\d+M\), so every year meets it: is it each month's revenue\? cumulativeRevenue takes the running total$/);

    // The year's figure copied into every month: a running total that never grows.
    const yearEveryMonth = await notes(undefined, months(() => 1_200_000));
    expect(yearEveryMonth).toHaveLength(1);
    expect(yearEveryMonth[0]).toMatch(/^arrcast: note: the monthly plan's cumulative revenue is the same in every month \(1\.20M\), so it plans no revenue after month 1, while the simulated running total grows every month \(median [\d.]+k in month 1, 1\.\d+M in month 12\): is it the year's total written in every month\? cumulativeRevenue takes the running total$/);

    const falling = await notes(undefined, [100_000, 110_000, 105_000, ...months((m) => 100_000 * m).slice(3)]);
    expect(falling).toEqual([
      "arrcast: note: the monthly plan's cumulative revenue falls from month 2 (110k) to month 3 (105k), and revenue from the start of the year never falls: is it each month's revenue? cumulativeRevenue takes the running total",
    ]);
  });

  it("a dropped suffix is told first, by targetNotes' rule; a month of MRR 0 leaves the others checked", async () => {
    // mrr: 100 meant 100k (the yearly targets' note catches revenue: 1.2 meant 1.2M; the monthly plan had none).
    const mrr = await summaryOf(months(() => 100), undefined);
    expect(monthlyPlanNotes(mrr, formatMoney)).toEqual([
      expect.stringMatching(/^arrcast: note: the monthly plan's MRR is under a hundredth of the lowest simulated MRR in every month \(month 1: 100 against [\d.]+k\), so every year meets it; amounts take a suffix: did you mean 100k\?$/),
    ]);
    // The running total with its suffix dropped is told so, not asked whether it is each month's revenue.
    expect(await notes(undefined, months((m) => 100 * m))).toEqual([
      expect.stringMatching(/^arrcast: note: the monthly plan's cumulative revenue is under a hundredth of the lowest simulated cumulative revenue in every month \(month 1: 100 against [\d.]+k\), so every year meets it; amounts take a suffix: did you mean 100k\?$/),
    ]);
    // Month 1 of MRR 0: the other eleven months still tell a suffix dropped, or MRR written as ARR.
    expect(monthlyPlanNotes(firstMonthZero(mrr), formatMoney)).toEqual([
      expect.stringMatching(/^arrcast: note: the monthly plan's MRR is under a hundredth of the lowest simulated MRR in every month whose lowest simulated MRR is above 0 \(month 2: 100 against [\d.]+k\), .* did you mean 100k\?$/),
    ]);
    const arr = firstMonthZero(await summaryOf(months(() => 1_200_000), undefined));
    expect(monthlyPlanNotes(arr, formatMoney)).toEqual([
      expect.stringMatching(/^arrcast: note: the monthly plan's MRR is at least 6 times the simulated median MRR in every month whose median is above 0 \(month 2: 1\.20M against [\d.]+k\), so no year meets it; MRR is ARR \/ 12: is the plan written as ARR\?$/),
    ]);
  });

  it('is printed by run, on the terminal only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-monthly-plan-notes-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, withPlan(months(() => 1_200_000), undefined));
    const r = await arrcast(['run', file, '--trials', '100', '--workers', '0', '--quiet', '--outputs', 'summary', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("arrcast: note: the monthly plan's MRR is at least 6 times the simulated median MRR in every month");
    expect(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')).warnings).toEqual([]);
  });
});
