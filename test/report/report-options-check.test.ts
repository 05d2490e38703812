import { describeFailure } from '../../src/cli/exit-codes.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureText } from '../helpers/fixtures.js';
import { writeReport } from '../../src/report/write-report.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { RunOptionError } from '../../src/engine/errors.js';

/**
 * writeReport checks every option before it reads the run or writes anything (report-options-check.ts):
 * a value of the wrong kind is an error naming the option, never JavaScript's own mid-write, never
 * ignored. The run given is `{}`: a check that read it would fail otherwise than asserted.
 */
let summary: Summary;
beforeAll(async () => {
  // A real stress summary (a few trials), for the cases whose summary is right and something else is not.
  const sim = await simulate(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml'), { trials: 20, workers: 0, seed: 1 });
  summary = summarize(sim);
});

const refused = async (options: Record<string, unknown>, error: Error) => {
  const out = join(mkdtempSync(join(tmpdir(), 'arrcast-report-option-')), 'never-written');
  const err = await writeReport(out, {} as never, {} as never, options as never).catch((e: unknown) => e);
  expect((err as Error).message).toBe(error.message);
  expect(err).toBeInstanceOf(error.constructor);
  // Bad input, each (an ArgumentError, a TypeError still; before, a bare TypeError: exit 1).
  expect(describeFailure(err).code).toBe(2);
  expect(existsSync(out)).toBe(false);
};

describe('writeReport options', () => {
  it.each([
    [5, 'writeReport: stress must be a list of stress cases ({ source, summary, marketFactor? }), got number'],
    [[null], 'writeReport: stress[0] must be a stress case ({ source, summary, marketFactor? }), got null'],
    [[{}], "writeReport: stress[0].source must be a string, the stress scenario file's path (got undefined)"],
    [[{ source: 'down.yaml', summary: 5 }], "writeReport: stress[0].summary must be the summary of the stress scenario's run (summarize's), got number"],
    // Passed a check of `scenario` alone, then failed in the stress table with "Cannot read properties of undefined".
    [[{ source: 'down.yaml', summary: { scenario: {} } }], "writeReport: stress[0].summary.scenario.name must be a string, as summarize writes it (got undefined): pass summarize() of the stress scenario's run"],
    [[{ source: 'down.yaml', summary: { scenario: { name: 'Down' }, trials: 20 } }], "writeReport: stress[0].summary.metrics.revenue.percentiles.p50 must be a number, as summarize writes it (got undefined): pass summarize() of the stress scenario's run"],
  ])('refuses stress %j: a TypeError naming the entry and field', async (stress, message) => {
    await refused({ stress }, new TypeError(message));
  });

  it('refuses a stress case whose summary is right and whose marketFactor is not a finite number', async () => {
    await refused({ stress: [{ source: 'down.yaml', summary, marketFactor: NaN }] }, new TypeError('writeReport: stress[0].marketFactor must be a finite number, the market factor the stress scenario fixes, or absent (got NaN)'));
  });

  it.each([
    [{ onStep: 5 }, "writeReport: onStep must be a function, called after each file with its name and with 'renaming' before the rename (got number)"],
    [{ recheck: 'later' }, 'writeReport: recheck must be a function, called just before the report is moved into place (got string)'],
    [{ renderChart: 'vega' }, 'writeReport: renderChart must be a function from a Vega-Lite spec to { svg, warnings } (got string)'],
    [{ scenarioFile: 5 }, "writeReport: scenarioFile must be a string, the scenario file's path (got number)"],
    [{ releaseTrials: 'yes' }, 'writeReport: releaseTrials must be true or false (got string)'],
    [{ parentSwept: 1 }, 'writeReport: parentSwept must be true or false (got number)'],
    [{ trialsCsv: {} }, 'writeReport: trialsCsv must be trials.csv as the run streamed it ({ moveInto(target) }) (got object)'],
    [{ marks: 5 }, "writeReport: marks must be the revenue chart's marks ({ target?: number, budget?: { value, confidence, interval? } }) (got number)"],
    [{ marks: { traget: 1 } }, 'writeReport: marks.traget is not a mark; marks are target and budget'],
    [{ marks: { target: '120M' } }, 'writeReport: marks.target must be a finite number, the revenue target (got string)'],
    [{ marks: { budget: { value: 1, confidence: 80 } } }, 'writeReport: marks.budget.confidence must be a share between 0 and 1 (got 80)'],
  ])('refuses %j: a TypeError naming the option', async (options, message) => {
    await refused(options, new TypeError(message));
  });

  // As simulate and mergeParts refuse it (engine/simulate.ts checkSignal): the AbortController itself was accepted, and never stopped the write.
  it('refuses a signal that is not an AbortSignal as a RunOptionError naming it, as simulate does', async () => {
    const controller = new AbortController();
    const write = writeReport(join(tmpdir(), 'never-written-signal'), {} as never, {} as never, { signal: controller as never });
    await expect(write).rejects.toBeInstanceOf(RunOptionError);
    await expect(write).rejects.toMatchObject({ option: 'signal' });
    const error = (await write.catch((e: unknown) => e)) as Error;
    await expect(simulate(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml'), { trials: 20, workers: 0, signal: controller as never })).rejects.toThrow(error.message);
  });
});
