import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { formatWarning, scenarioWarnings, simulationWarnings, type PlausibilityWarning } from '../../src/analysis/plausibility.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';

// README, "The sales cycle": a tier launched in month 7 (weights 0 in months 1-6, 2 in 7-12) whose
// warm start reads months 10-12's weights as the previous year's leads, so deals close in months
// 1-3 (test/model/renewal-and-contract-combinations.test.ts measures the 600 deals).
const LAUNCH = `name: launched in month 7
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 100
      seasonality: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]
      conversion: 0.02
      acv: 1200
      salesCycleMonths: 3
`;
const EMPTY = 'earlierLeads: { count: 0, conversion: 0, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }';

/** The launch scenario with each [from, to] replaced (each `from` must be there). */
function launch(...edits: ReadonlyArray<readonly [string, string]>): string {
  let text = LAUNCH;
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

const launchWarnings = (yaml: string, closedMonths?: number) => scenarioWarnings(scenarioFrom(yaml).scenario, undefined, closedMonths).filter((w) => w.code === 'warm-start-before-launch');

describe('warm-start-before-launch: a tier launched within the year that the warm start opens with a pipeline', () => {
  it("fires on the README's launch: the zero months, the wrapped months, the opening months reached, the cycle's reach and the fix", () => {
    const [w, ...more] = launchWarnings(LAUNCH);
    expect(more).toEqual([]);
    expect(w!.path).toEqual(['tiers', 0, 'newBusiness', 'seasonality']);
    expect(w!.message).toBe(
      "T's seasonality is 0 in months 1-6 (a launch within the year?), but with no earlierLeads or openingPipeline the warm start reads months 10-12's weights as the previous year's leads: " +
        "their deals close in 3 opening months (months 1-3), within the sales cycle's reach of 3 months; " +
        `if T sold nothing before the year, open it with no pipeline (${EMPTY}), or state what is open at the start (earlierLeads, openingPipeline)`,
    );
  });

  it('the fix it names is a valid scenario and silences it; so does an opening pipeline', () => {
    expect(launchWarnings(launch(['salesCycleMonths: 3', `salesCycleMonths: 3\n      ${EMPTY}`]))).toEqual([]);
    expect(launchWarnings(launch(['salesCycleMonths: 3', 'salesCycleMonths: 3\n      openingPipeline: { groups: [ { count: 5, winProbability: 0.5, closeMonth: 7 } ] }']))).toEqual([]);
  });

  it.each([
    ['a sales cycle of 0 months (no lead before the year closes in it)', launch(['salesCycleMonths: 3', 'salesCycleMonths: 0'])],
    ['wrapped months of weight 0 (months 10-12, within a 3-month cycle)', launch(['[0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]', '[0, 0, 0, 3, 3, 3, 3, 3, 3, 0, 0, 0]'])],
    ['month 1 above 0 (no launch)', launch(['[0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]', '[1, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]'])],
    ['no leads to convert (leadsPerMonth 0)', launch(['leadsPerMonth: 100', 'leadsPerMonth: 0'])],
    ['no deals from them (conversion 0)', launch(['conversion: 0.02', 'conversion: 0'])],
  ])('silent when the rule puts no deal there: %s', (_, yaml) => {
    expect(launchWarnings(yaml)).toEqual([]);
  });

  it("counts only the months a lag of the cycle reaches from a wrapped month of weight above 0", () => {
    // Lags 0 or 2; months 1-4 at 0 and month 12 at 0: wrapped months -1 and 0 are months 11 (weight
    // 1) and 12 (0). Month 11's leads close in month 1 (lag 2); month 12's are none.
    const [w] = launchWarnings(
      launch(['[0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]', '[0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0]'], ['salesCycleMonths: 3', 'salesCycleMonths: { dist: discrete, values: [0, 2], weights: [1, 1] }']),
    );
    expect(w!.message).toContain("T's seasonality is 0 in months 1-4 (a launch within the year?)");
    expect(w!.message).toContain("reads month 11's weights as the previous year's leads: their deals close in 1 opening month (month 1), within the sales cycle's reach of 2 months;");
  });

  it('wraps a cycle longer than a year around twice', () => {
    // A 14-month cycle: leads of months -13..0 (months 11, 12, 1, ..., 12 of the years before) close
    // in months 1..14; those of months -13..-2 land in the year, month -11 (month 1) has weight 0.
    const [w] = launchWarnings(launch(['[0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]', '[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'], ['salesCycleMonths: 3', 'salesCycleMonths: 14']));
    expect(w!.message).toContain("is 0 in month 1 (a launch within the year?), but with no earlierLeads or openingPipeline the warm start reads months 2-12's weights as the previous year's leads: their deals close in 11 opening months (months 1-2 and 4-12), within the sales cycle's reach of 14 months;");
  });

  it("a re-forecast's closed months hold what landed in them: only later months count", () => {
    // A 3-month cycle: month 0's leads (month 12) close in month 3, after 2 closed months; after 3, none.
    const [w] = launchWarnings(LAUNCH, 2);
    expect(w!.message).toContain("reads month 12's weights as the previous year's leads: their deals close in 1 opening month (month 3)");
    expect(launchWarnings(LAUNCH, 3)).toEqual([]);
  });

  it("a re-forecast's run passes its closed months: after 2, month 3 only; after 3, none", async () => {
    const closed = { leads: 0, deals: 0, new_arr: 0, ending_arr: 0 };
    const after = async (months: number) => {
      const sim = await simulate(scenarioFrom(LAUNCH), { trials: 20, seed: 1, workers: 0, actuals: { file: monthlyFile({ T: Array(months).fill(closed) }), months } });
      return simulationWarnings(sim, summarize(sim)).filter((w) => w.code === 'warm-start-before-launch');
    };
    const two = await after(2);
    expect(two.map((w) => [w.line, w.path])).toEqual([[6, ['tiers', 0, 'newBusiness', 'seasonality']]]);
    expect(two[0]!.message).toContain('their deals close in 1 opening month (month 3)');
    expect(await after(3)).toEqual([]);
  });

  it("per lead source with a seasonality of its own, at its field; the tier's only when a stream reads it", () => {
    const sources = (a: string, b: string, tier = '') => `name: sources
tiers:
  - name: T
    newBusiness:
${tier}      leadSources:
        - { grade: A, leadsPerMonth: 100, conversion: 0.02${a} }
        - { grade: B, leadsPerMonth: 100, conversion: 0.02${b} }
      acv: 1200
      salesCycleMonths: 1
`;
    const zeroFirst = ', seasonality: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]';
    const flat = ', seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]';
    const tierLaunch = '      seasonality: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n';
    const b = launchWarnings(sources(flat, zeroFirst));
    expect(b.map((w) => w.path)).toEqual([['tiers', 0, 'newBusiness', 'leadSources', 1, 'seasonality']]);
    expect(b[0]!.message).toMatch(/^T's lead source B has a seasonality that is 0 in month 1 \(a launch within the year\?\), but .* reads month 12's weights .* close in 1 opening month \(month 1\), within the sales cycle's reach of 1 month;/);
    // A's own seasonality launches too; B's leads are 0: one warning, A's.
    expect(launchWarnings(sources(zeroFirst, `${zeroFirst}`).replace('grade: B, leadsPerMonth: 100', 'grade: B, leadsPerMonth: 0')).map((w) => w.path)).toEqual([['tiers', 0, 'newBusiness', 'leadSources', 0, 'seasonality']]);
    // The tier's seasonality launches: read by a source without its own, it warns at the tier's field;
    // with every source on its own, no stream reads it.
    expect(launchWarnings(sources('', flat, tierLaunch)).map((w) => w.path)).toEqual([['tiers', 0, 'newBusiness', 'seasonality']]);
    expect(launchWarnings(sources(flat, flat, tierLaunch))).toEqual([]);
  });
});

describe('warm-start-before-launch on the terminal and in summary.json', () => {
  it('a run prints it at the seasonality line and writes it into summary.json; the fixed file gives none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-launch-'));
    const runOf = async (yaml: string, name: string) => {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, yaml);
      let err = '';
      let code: number = EXIT.ok;
      const program = buildProgram({ out: () => undefined, err: (t) => void (err += t) }, (c) => (code = c));
      const out = join(dir, `${name}-out`);
      try {
        await program.parseAsync(['run', file, '--trials', '200', '--seed', '1', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary', '--out', out], { from: 'user' });
      } catch (e) {
        if (!(e instanceof CommanderError)) throw e;
        code = EXIT.badInput;
      }
      const warnings = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { warnings: PlausibilityWarning[] }).warnings;
      return { file, code, lines: err.split('\n').filter((l) => l.startsWith('arrcast: warning')), warnings };
    };
    const r = await runOf(LAUNCH, 'launch');
    expect(r.code).toBe(EXIT.ok);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(new RegExp(`^arrcast: warning \\[warm-start-before-launch\\] ${r.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:20 tiers\\[0\\]\\.newBusiness\\.seasonality: T's seasonality is 0 in months 1-6 `));
    expect(r.warnings).toEqual([{ code: 'warm-start-before-launch', message: expect.stringContaining('3 opening months (months 1-3)'), path: ['tiers', 0, 'newBusiness', 'seasonality'], file: r.file, line: 6, column: 20 }]);
    expect(r.warnings.map(formatWarning)).toEqual(r.lines);
    const fixed = await runOf(launch(['salesCycleMonths: 3', `salesCycleMonths: 3\n      ${EMPTY}`]), 'fixed');
    expect(fixed.code).toBe(EXIT.ok);
    expect(fixed.lines).toEqual([]);
    expect(fixed.warnings).toEqual([]);
  });
});
