import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { StudioSession } from '../../src/studio/session.js';
import type { StudioState } from '../../src/studio/state.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { ROOT } from '../helpers/fixtures.js';
import { attachFiles } from '../../src/scenario/load-files.js';
import { loadWithExtends } from '../../src/scenario/extends.js';
import { readScenarioText } from '../../src/scenario/read-text.js';
import { scenarioPathPolicy } from '../../src/scenario/path-policy.js';


/**
 * The studio keeps what it read in memory (bases read into documents once, a state's merged scenario
 * by its overlay, a data file's parse by its bytes): what it answers after a file changes on disk is
 * still what the README says. The data files are read for every state, so a state answered after a
 * customer book is edited has the edited book: the answer a studio started on the edited files gives.
 * The scenario file and its bases are read once, when the studio starts.
 */
describe('a studio whose files change on disk between two answers', () => {
  const engine = createEngine({ workers: 1 });
  afterAll(() => engine.close());
  const options = { trials: 400, seed: 11 };

  /** A copy of scenarios/ (hybrid-company names a customer book and a pipeline), a studio on it, and a state moving its first driver a step. */
  async function studioOnCopy() {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-edited-'));
    cpSync(join(ROOT, 'scenarios'), dir, { recursive: true });
    const file = join(dir, 'hybrid-company.yaml');
    const scenario = await openStudioScenario(file);
    const c = scenario.controls.drivers[0]!;
    const state: StudioState = { drivers: { [c.id]: { central: c.values[c.planIndex - 1]! } }, market: null, confidence: 0.8 };
    return { dir, file, session: new StudioSession(scenario, engine, options), state };
  }
  const figures = (a: { hash: string; revenue: unknown; targets: unknown }) => ({ hash: a.hash, revenue: a.revenue, targets: a.targets });

  it('answers a state seen before with the customer book as it is now, as a studio started on the edited files does', async () => {
    const { dir, file, session, state } = await studioOnCopy();
    const before = await session.answer(state, 'full');
    expect(await session.answer(state, 'full')).toBe(before);
    // Every Mid-market customer's ARR doubled (the file quotes no field).
    const book = join(dir, 'data/hybrid-customers.csv');
    const edited = readFileSync(book, 'utf8').replace(/^([^,\n]*,Mid-market,)(\d+)/gm, (_, head: string, arr: string) => `${head}${2 * Number(arr)}`);
    expect(edited).not.toBe(readFileSync(book, 'utf8'));
    writeFileSync(book, edited);
    const after = await session.answer(state, 'full');
    expect(after.hash).not.toBe(before.hash);
    expect(after.revenue.p50.value).toBeGreaterThan(before.revenue.p50.value);
    const fresh = new StudioSession(await openStudioScenario(file), engine, options);
    expect(figures(after)).toEqual(figures(await fresh.answer(state, 'full')));
    // Against the plan too: the plan is the file as written on the book as it is now, as the state's
    // (it was run once on the book as it was at the start: the page mixed the two files).
    expect(after.againstPlan).toEqual((await fresh.answer(state, 'full')).againstPlan);
    const untouched: StudioState = { drivers: {}, market: null, confidence: 0.8 };
    expect((await session.answer(untouched, 'full')).againstPlan.p50.value).toBe(0);
    // The book as it was, written back: the first answer again (its state's data read anew, parsed as before).
    writeFileSync(book, readFileSync(join(ROOT, 'scenarios/data/hybrid-customers.csv')));
    expect(figures(await session.answer(state, 'full'))).toEqual(figures(before));
  });

  it('keeps answering from the scenario file as it was when the studio started (README: restart it after editing)', async () => {
    const { file, session, state } = await studioOnCopy();
    const before = await session.answer(state, 'full');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s*)trials: .*$/m, '$1trials: 123').replace(/^name: .*$/m, 'name: Edited on disk'));
    expect(readFileSync(file, 'utf8')).toContain('Edited on disk');
    const again = (await session.scenario.scenarioOf(state)).loaded;
    expect(again.hash).toBe(before.hash);
    expect(again.scenario.name).not.toBe('Edited on disk');
    expect(figures(await session.answer(state, 'full'))).toEqual(figures(before));
  });

  it("reads each data file once a request, for the state and the plan alike (they cannot be of two versions of a file)", async () => {
    const { session, state } = await studioOnCopy();
    const asked: string[] = [];
    const scenario = session.scenario;
    const counted = new StudioSession(
      {
        ...scenario,
        scenarioOf: (s) => (asked.push('scenarioOf'), scenario.scenarioOf(s)),
        scenarioAndPlanOf: (s) => (asked.push('scenarioAndPlanOf'), scenario.scenarioAndPlanOf(s)),
      },
      engine,
      options,
    );
    const a = await counted.answer(state, 'first');
    // One read of the files a request: the state's and the plan's scenarios from it.
    expect(asked).toEqual(['scenarioAndPlanOf']);
    expect(a.againstPlan.p50.value).not.toBe(0);
  });

  it('attachFiles with one reads map reads each file once for two scenarios', async () => {
    const { file } = await studioOnCopy();
    /** Files read into the map: a file read again is set again. */
    class CountedReads extends Map<string, Promise<Buffer>> {
      sets = 0;
      override set(k: string, v: Promise<Buffer>) {
        this.sets++;
        return super.set(k, v);
      }
    }
    const reads = new CountedReads();
    const policy = await scenarioPathPolicy(file);
    const merged = await loadWithExtends(file, readScenarioText, policy);
    const [one, two] = [await attachFiles(merged, file, policy, { reads }), await attachFiles(merged, file, policy, { reads })];
    // hybrid-company names two data files: its customer book and its pipeline file.
    expect(reads.sets).toBe(2);
    expect([...reads.keys()].map((p) => p.split('/').pop()).sort()).toEqual(['hybrid-customers.csv', 'hybrid-pipeline.csv']);
    expect(two.hash).toBe(one.hash);
  });
});
