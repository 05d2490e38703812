import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory, type FitInputs } from '../../src/fit/fit-history.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * fitHistory checks its inputs by name (a ScenarioError, as its other refusals): `{ deal: ... }`
 * fitted ACV from new_arr / deals without a word, the deals left out; an object for a Map failed
 * as 'get is not a function'.
 */
const lines = ['month,tier,leads,deals,new_arr'];
for (let k = 0; k < 12; k++) lines.push(`${k + 1},Core,${1000 + 10 * k},${30 + (k % 3)},${(30 + (k % 3)) * 10000}`);
const history = parseMonthlyFile(lines.join('\n') + '\n', 'h.csv', { kind: 'history' });
const deals = new Map();
const KEYS = 'history, deals, outcomes, dealsFile, outcomesFile';

function outcome(inputs: unknown): string {
  try {
    fitHistory(inputs as FitInputs);
    return 'fitted';
  } catch (err) {
    return `${err instanceof ScenarioError ? 'ScenarioError' : (err as Error).name} ${(err as Error).message}`;
  }
}

describe('fitHistory refuses inputs it would misread, by name', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt deals', { history, deal: deals }, `fitHistory deal: is not an option (did you mean deals?); its options are ${KEYS}`],
    ['a misspelt outcomes', { history, outcome: deals }, `fitHistory outcome: is not an option (did you mean outcomes?); its options are ${KEYS}`],
    ['the history alone, not in an object', history, `fitHistory path: is not an option; its options are ${KEYS}`],
    ['no history', { deals }, "fitHistory history: must be a history as readMonthlyFile or parseMonthlyFile return it with { kind: 'history' } (got undefined)"],
    ['no inputs', undefined, "fitHistory history: must be a history as readMonthlyFile or parseMonthlyFile return it with { kind: 'history' } (got undefined)"],
    ['deals as an object by tier', { history, deals: { Core: { amounts: [], months: [] } } }, "fitHistory deals: must be a Map from each tier's name to its deals (got object)"],
    ['outcomes as a list', { history, outcomes: [] }, "fitHistory outcomes: must be a Map from each tier's name to its outcomes (got an array)"],
  ])('%s', (_, inputs, expected) => {
    expect(outcome(inputs)).toBe(`ScenarioError ${expected}`);
  });

  it('the spelt inputs fit as before', () => {
    expect(outcome({ history, deals, dealsFile: 'd.csv' })).toBe('fitted');
    expect(fitHistory({ history }).tiers.map((t) => t.name)).toEqual(['Core']);
  });
});
