import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario, type LoadOptions } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * loadScenario's options are checked by name, as simulate's are: `{ allowedRoot: [dir] }` left the
 * folder out without a word (the load then read or refused other files than the caller allowed).
 * A ScenarioError, the class of everything else loadScenario refuses (the CLI's exit 2).
 */
const BOOK = 'id,tier,arr,next_renewal,term_months\nc1,SMB,1200,3,12\n';
const dir = writeFiles({ 'books/b.csv': BOOK, 'plans/plan.yaml': 'name: Book\ntiers:\n  - name: SMB\n    existing: { customersFile: ../books/b.csv, renewalRate: 0.9 }\n' });
const plan = join(dir, 'plans/plan.yaml');
const books = join(dir, 'books');

async function refusal(options: unknown): Promise<string> {
  try {
    await loadScenario(plan, options as LoadOptions);
    return 'loaded';
  } catch (err) {
    return err instanceof ScenarioError ? `ScenarioError ${err.message}` : `${(err as Error).name}: ${(err as Error).message}`;
  }
}

describe('loadScenario refuses an option it does not read, by name, with the nearest option', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt key', { allowedRoot: [books] }, 'ScenarioError loadScenario allowedRoot: is not an option (did you mean allowedRoots?); its options are allowedRoots'],
    ['another case', { allowedroots: [books] }, 'ScenarioError loadScenario allowedroots: is not an option (did you mean allowedRoots?); its options are allowedRoots'],
    ["another function's option", { allowedRoots: [books], signal: AbortSignal.timeout(1000) }, 'ScenarioError loadScenario signal: is not an option; its options are allowedRoots'],
    ['options that are not an object', null, 'ScenarioError loadScenario the options must be an object (got null)'],
    ['a folder for the options', books, 'ScenarioError loadScenario the options must be an object (got string)'],
    ['a list for the options', [books], 'ScenarioError loadScenario the options must be an object (got an array)'],
  ])('%s', async (_, options, expected) => {
    expect(await refusal(options)).toBe(expected);
  });

  it('the spelt option is read, and none or an empty object are as before', async () => {
    expect((await loadScenario(plan, { allowedRoots: [books] })).files?.books?.SMB?.size).toBe(1);
    for (const options of [undefined, {}]) expect(await refusal(options)).toMatch(/^ScenarioError .*customersFile: "\.\.\/books\/b\.csv" resolves to .* outside the scenario's folder/);
  });
});
