import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, summarize } from '../../src/index.js';
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

async function notes(mrr: readonly number[] | undefined, cumulative: readonly number[] | undefined): Promise<string[]> {
  const loaded = parseScenario(withPlan(mrr, cumulative), 'plan.yaml');
  const sim = await simulate(loaded, { trials: 200, seed: 1, workers: 0 });
  return monthlyPlanNotes(summarize(sim, { targets: loaded.scenario.targets! }), formatMoney);
}

describe('a monthly plan that reads as written in another unit', () => {
  it('MRR written as ARR, cumulative revenue written month by month or falling: a note each; a plan in its units: none', async () => {
    // In its units: MRR 100k, the running total 100k a month.
    expect(await notes(months(() => 100_000), months((m) => 100_000 * m))).toEqual([]);
    // A bold or timid plan, twice or half the forecast, is the planner's and gets no note.
    expect(await notes(months(() => 200_000), months((m) => 50_000 * m))).toEqual([]);

    const arr = await notes(months(() => 1_200_000), undefined);
    expect(arr).toHaveLength(1);
    expect(arr[0]).toMatch(/^arrcast: note: the monthly plan's MRR is at least 6 times the simulated median MRR in every month \(month 1: 1\.20M against \d+k\), so no year meets it; MRR is ARR \/ 12: is the plan written as ARR\?$/);

    const flat = await notes(undefined, months(() => 100_000));
    expect(flat).toHaveLength(1);
    expect(flat[0]).toMatch(/^arrcast: note: the monthly plan's cumulative revenue for month 12 \(100k\) is under 1\/6 of the simulated year's median revenue \(1\.\d+M\), so every year meets it: is it each month's revenue\? cumulativeRevenue takes the running total$/);

    const falling = await notes(undefined, [100_000, 110_000, 105_000, ...months((m) => 100_000 * m).slice(3)]);
    expect(falling).toEqual([
      "arrcast: note: the monthly plan's cumulative revenue falls from month 2 (110k) to month 3 (105k), and revenue from the start of the year never falls: is it each month's revenue? cumulativeRevenue takes the running total",
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
