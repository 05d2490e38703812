import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMonthlyFile, readMonthlyFile, type MonthlyFileOptions } from '../../src/actuals/read-monthly-file.js';
import { compileReforecast, type ActualsInput } from '../../src/actuals/reforecast.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * The readers of monthly files and compileReforecast check what a JavaScript caller passes, by
 * name, as simulate does: a kind other than 'actuals' read the file as a history, a misspelt
 * `tiers` or `maxMonths` was ignored, `months: '3'` started the simulated year at month "31".
 */
const CSV = join(ROOT, 'scenarios/example-actuals.csv');
const text = readFileSync(CSV, 'utf8');
const example = parseScenario(readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'), 'example.yaml');
const calendar = { year: 2027, startMonth: example.scenario.fiscalYearStartMonth };
const tiers = example.scenario.tiers.map((t) => t.name);

/** What a call threw, as `Class message`, or 'read' when it returned. */
async function outcome(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'read';
  } catch (err) {
    return `${err instanceof ScenarioError ? 'ScenarioError' : (err as Error).name} ${(err as Error).message}`;
  }
}

const OPTIONS = 'kind, calendar, tiers, minMonths, maxMonths, asOf';
describe('parseMonthlyFile and readMonthlyFile refuse options they would misread', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt key', { kind: 'actuals', calendar, tier: tiers }, `tier: is not an option (did you mean tiers?); its options are ${OPTIONS}`],
    ['a misspelt maxMonths', { kind: 'actuals', calendar, maxMonth: 6 }, `maxMonth: is not an option (did you mean maxMonths?); its options are ${OPTIONS}`],
    ['options that are not an object', 'actuals', 'the options must be an object (got string)'],
    ['a kind misspelt', { kind: 'actual', calendar }, 'kind: must be "actuals" or "history" (got "actual")'],
    ['no kind', { calendar }, 'kind: must be "actuals" or "history" (got none)'],
    ['maxMonths as a string', { kind: 'actuals', calendar, maxMonths: '6' }, 'maxMonths: must be a whole number of months, at least 1 (got string)'],
    ['minMonths not whole', { kind: 'actuals', calendar, minMonths: 1.5 }, 'minMonths: must be a whole number of months, at least 1 (got 1.5)'],
    ['tiers as one string', { kind: 'actuals', calendar, tiers: 'SMB' }, 'tiers: must be a list of tier names (got string)'],
    ['tiers holding a number', { kind: 'actuals', calendar, tiers: ['SMB', 3] }, 'tiers: must be a list of tier names (got a list holding number)'],
    ['a calendar that is not one', { kind: 'actuals', calendar: 2027 }, 'calendar: must be a fiscal calendar { year, startMonth } (got number)'],
    // Before: the calendar was only checked to be an object. A misspelt key said the dates needed
    // fiscalYear in the scenario, or read a file of 0 months; startMonth 13 placed dates in "2027-13".
    ['a calendar with fiscalYear for year', { kind: 'actuals', calendar: { fiscalYear: 2027, startMonth: 4 } }, 'calendar.fiscalYear: is not an option of a fiscal calendar; its options are year, startMonth'],
    ['a calendar with startmonth', { kind: 'actuals', calendar: { year: 2027, startmonth: 4 } }, 'calendar.startmonth: is not an option of a fiscal calendar (did you mean startMonth?); its options are year, startMonth'],
    ['a calendar without startMonth', { kind: 'actuals', calendar: { year: 2027 } }, 'calendar.startMonth: must be the calendar month the fiscal year starts in, a whole number from 1 to 12 (got none)'],
    ['a startMonth of 13', { kind: 'actuals', calendar: { year: 2027, startMonth: 13 } }, 'calendar.startMonth: must be the calendar month the fiscal year starts in, a whole number from 1 to 12 (got 13)'],
    ['a startMonth as a string', { kind: 'actuals', calendar: { year: 2027, startMonth: '4' } }, 'calendar.startMonth: must be the calendar month the fiscal year starts in, a whole number from 1 to 12 (got the string "4")'],
    ['a year not whole', { kind: 'actuals', calendar: { year: 2027.5, startMonth: 4 } }, 'calendar.year: must be the calendar year the fiscal year starts in, a whole number (got 2027.5)'],
    ['a year as a string', { kind: 'actuals', calendar: { year: '2027', startMonth: 4 } }, 'calendar.year: must be the calendar year the fiscal year starts in, a whole number (got the string "2027")'],
    ['a list for the calendar', { kind: 'actuals', calendar: [2027, 4] }, 'calendar: must be a fiscal calendar { year, startMonth } (got an array)'],
  ])('%s', async (_, options, expected) => {
    expect(await outcome(() => parseMonthlyFile(text, 'a.csv', options as MonthlyFileOptions))).toBe(`ScenarioError parseMonthlyFile ${expected}`);
    expect(await outcome(() => readMonthlyFile(CSV, 'a.csv', options as MonthlyFileOptions))).toBe(`ScenarioError readMonthlyFile ${expected.replaceAll('parseMonthlyFile', 'readMonthlyFile')}`);
  });

  it('the spelt options read as before', async () => {
    expect(await outcome(() => parseMonthlyFile(text, 'a.csv', { kind: 'actuals', calendar, tiers, minMonths: 1, maxMonths: 12 }))).toBe('read');
    expect(await outcome(() => parseMonthlyFile(text, 'a.csv', { kind: 'actuals', calendar: { startMonth: calendar.startMonth }, tiers }))).toBe('read');
    expect(parseMonthlyFile(text, 'a.csv', { kind: 'actuals', calendar, tiers }).months).toBe((await readMonthlyFile(CSV, 'a.csv', { kind: 'actuals', calendar, tiers })).months);
  });
});

describe('compileReforecast refuses an input it would misread (RangeError)', () => {
  const file = parseMonthlyFile(text, 'a.csv', { kind: 'actuals', calendar, tiers });
  const partial = parseMonthlyFile(
    text
      .split('\n')
      .filter((line) => !line.includes(',Enterprise,'))
      .join('\n'),
    'b.csv',
    { kind: 'actuals', calendar, tiers: tiers.filter((t) => t !== 'Enterprise') },
  );
  // The words of simulate's actuals option (one check, actuals/actuals-input.ts).
  const SHAPE = 'must be { file, months }: a file as readMonthlyFile or parseMonthlyFile return it, and how many of its closed months to use';
  it.each<[string, unknown, unknown, string]>([
    ['a misspelt months', { file, month: 3 }, '7', 'input.month: is not an option of compileReforecast (did you mean months?); its options are file, months'],
    ['no input', undefined, '7', `input: ${SHAPE} (got undefined)`],
    ['a list for the input', [file, 3], '7', `input: ${SHAPE} (got an array)`],
    ['months as a string', { file, months: '3' }, '7', `input: its months must be a whole number of closed months from 1 to ${file.months} (the months a.csv covers; got the string "3")`],
    ['months past the file', { file, months: file.months + 1 }, '7', `input: its months must be a whole number of closed months from 1 to ${file.months} (the months a.csv covers; got ${file.months + 1})`],
    ['months not whole', { file, months: 2.5 }, '7', `input: its months must be a whole number of closed months from 1 to ${file.months} (the months a.csv covers; got 2.5)`],
    ['a file of another shape', { file: { path: 'a.csv' }, months: 3 }, '7', 'input: its file must be a file of actuals as readMonthlyFile or parseMonthlyFile return it (got an object of another shape)'],
    // Before: only months and byTier were looked at, so a file with byTier and months alone passed.
    ['a file with byTier and months alone', { file: { months: file.months, byTier: file.byTier }, months: 3 }, '7', 'input: its file must be a file of actuals as readMonthlyFile or parseMonthlyFile return it (got an object of another shape)'],
    // Before: TypeError "Cannot read properties of undefined (reading 'values')"; simulate gave a ScenarioError.
    ['a file without a tier’s rows', { file: partial, months: 3 }, '7', 'input: its file b.csv: no rows for tier "Enterprise" in months 1 to 3: a re-forecast needs every tier\'s closed months'],
    ['a number seed', { file, months: 3 }, 7, "seed: must be the run's seed, a string of 1 or more characters (got number)"],
  ])('%s', async (_, input, seed, expected) => {
    expect(await outcome(() => compileReforecast(example.scenario, undefined, input as ActualsInput, seed as string))).toBe(`RangeError ${expected}`);
  });

  it('a spelt input compiles as before', async () => {
    expect(compileReforecast(example.scenario, undefined, { file, months: 3 }, '7').input.months).toBe(3);
  });
});
