import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulate, type SimulateOptions } from '../../src/engine/simulate.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
const s = example.scenario;
const options = { kind: 'actuals' as const, calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) };
const text = readFileSync(`${ROOT}scenarios/example-actuals.csv`, 'utf8');
const file = parseMonthlyFile(text, 'example-actuals.csv', options);

/** What a run with these actuals did: the error's class and message, or 'ran'. */
async function outcome(actuals: unknown): Promise<string> {
  try {
    await simulate(example, { trials: 100, seed: 1, workers: 0, actuals } as unknown as SimulateOptions);
    return 'ran';
  } catch (err) {
    return `${(err as Error).constructor.name}: ${(err as Error).message}`;
  }
}

describe("simulate's actuals option is checked as --actuals and --as-of are, before anything runs", () => {
  it('closed months that are not a whole number from 1 to those the file covers are refused by name', async () => {
    // Before: '3' ran with the simulated year starting at month "31"; 2.5 and -1 failed as chunk 0
    // ('binomial: p must be a probability'); 6 of a 5-month file met a TypeError; 0 ran.
    for (const [months, got] of [['3', 'the string "3"'], [2.5, '2.5'], [-1, '-1'], [6, '6'], [undefined, 'undefined']] as const)
      expect(await outcome({ file, months })).toBe(`RunOptionError: actuals: its months must be a whole number of closed months from 1 to 5 (the months example-actuals.csv covers; got ${got})`);
    // 0 (and -0) asks for no closed month: the refusal says that is the plan, and how to run it, as --as-of 0's does.
    for (const months of [0, -0])
      expect(await outcome({ file, months })).toBe(
        'RunOptionError: actuals: its months must be a whole number of closed months from 1 to 5 (got 0: no month closed, and a forecast from no closed month is the plan itself (the scenario simulated from the start of the year): leave the actuals option out for it)',
      );
  });

  it('a shape other than { file, months } is refused by name, not met as a TypeError or run as a plan', async () => {
    expect(await outcome(true)).toMatch(/^RunOptionError: actuals: must be \{ file, months \}: .* \(got boolean\)$/);
    expect(await outcome([file, 3])).toMatch(/^RunOptionError: actuals: must be \{ file, months \}: .* \(got an array\)$/);
    expect(await outcome({ months: 3 })).toBe('RunOptionError: actuals: its file must be a file of actuals as readMonthlyFile or parseMonthlyFile return it (got none)');
    expect(await outcome({ file: { path: 'a.csv' }, months: 3 })).toMatch(/its file must be .* \(got an object of another shape\)$/);
    expect(await outcome({ file, months: 3, asOf: 2 })).toMatch(/^RunOptionError: asOf: is not an option of the actuals option; its options are file, months$/);
  });

  it('a file without rows for a tier of the scenario (read for other tiers) is refused as --actuals is, naming the file and tier', async () => {
    // Without Enterprise's rows: before, a TypeError once the run had started.
    const partial = parseMonthlyFile(text.split('\n').filter((line) => !line.includes(',Enterprise,')).join('\n'), 'partial.csv', options);
    const err = await simulate(example, { trials: 100, seed: 1, workers: 0, actuals: { file: partial, months: 3 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message).toMatch(/^partial\.csv:1:1 tier: no rows for tier "Enterprise" in months 1 to 3: a re-forecast needs every tier's closed months$/);
    expect(await outcome({ file, months: 3 })).toBe('ran');
  });

  it('null or false is no actuals, as before the option was checked: the plan runs, its trials those of a run without the option', async () => {
    // After rel14 both were refused ('actuals: must be { file, months } ... (got null)'); a caller's `actuals: file && { file, months }` ran the plan before.
    const plan = await simulate(example, { trials: 100, seed: 1, workers: 0 });
    for (const none of [null, false] as const) {
      const sim = await simulate(example, { trials: 100, seed: 1, workers: 0, actuals: none });
      expect(sim.reforecast, String(none)).toBeUndefined();
      expect(sim.store.column('revenue'), String(none)).toEqual(plan.store.column('revenue'));
    }
  });
});
