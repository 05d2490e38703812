import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { baseDirectory, bytesOf, mutatedScenario, nonFinite, type MutatedScenario } from '../helpers/scenario-mutations.js';

/**
 * Fixed so a failure is reproducible; fast-check prints the counterexample and its path. For a
 * longer search: ARRCAST_FUZZ_SEED=123 ARRCAST_FUZZ_RUNS=5000 npx vitest run test/scenario/fuzz.test.ts
 */
const SEED = Number(process.env.ARRCAST_FUZZ_SEED ?? 60_606);
const RUNS = Number(process.env.ARRCAST_FUZZ_RUNS ?? 150);

/** A clean refusal: a ScenarioError with at least one issue, each with a message and a place (a path, a line, or the whole file). */
function expectCleanRefusal(err: unknown): void {
  if (!(err instanceof ScenarioError)) throw new Error(`not a ScenarioError: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
  expect(err.issues.length).toBeGreaterThan(0);
  for (const issue of err.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message).not.toMatch(/\[object Object\]|\n\s+at /);
    if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
  }
}

/** Load the file; if it loads, run a small in-process simulation and summarize it. */
async function outcome(file: string): Promise<'refused' | 'refused at run' | 'ran'> {
  let loaded;
  try {
    loaded = await loadScenario(file);
  } catch (err) {
    expectCleanRefusal(err);
    return 'refused';
  }
  let sim;
  try {
    sim = await simulate(loaded, { trials: 20, seed: 1, workers: 0 });
  } catch (err) {
    expectCleanRefusal(err);
    return 'refused at run';
  }
  const bad = nonFinite(summarize(sim));
  expect(bad, `non-finite numbers in the summary of ${loaded.scenario.name}`).toEqual([]);
  return 'ran';
}

describe('mutated scenarios (property): a valid run with finite results, or a clean ScenarioError', () => {
  it(`holds for ${RUNS} mutations of the scenarios in scenarios/ and the minimal fixture (seed ${SEED})`, async () => {
    const dir = baseDirectory();
    const seen = { refused: 0, 'refused at run': 0, ran: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutatedScenario, async (c: MutatedScenario) => {
        const file = join(dir, `case-${n++}.${c.format}`);
        writeFileSync(file, bytesOf(c));
        seen[await outcome(file)]++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    if (process.env.ARRCAST_FUZZ_RUNS) console.log(seen);
    // Both sides of the property are exercised: mutations that still run and ones that are refused.
    expect(seen.ran).toBeGreaterThan(RUNS / 10);
    expect(seen.refused).toBeGreaterThan(RUNS / 10);
  });
});
