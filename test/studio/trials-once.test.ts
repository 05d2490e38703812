import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { openStudioScenario, type StudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import type { StudioState } from '../../src/studio/state.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A state's trials are simulated once, whatever arrives meanwhile. A target typed while a state's
 * passes ran cancelled them (the page drops its older request, the server cancels it) and ran the
 * same trials again; a full pass that reached the server before its first ran all its trials from
 * the start, and the first pass then ran its own: [full, first, first, full] for one state's trials.
 * Each run is counted as the engine is asked: its trials, and the trials it resumes from.
 */
const engine = createEngine({ workers: 1 });
const runs: string[] = [];
const counted = new Proxy(engine, {
  get(target, property, receiver) {
    if (property === 'simulate')
      return (loaded: unknown, options: { trials: number; resumeFrom?: { trials: number } }, ...rest: unknown[]) => {
        runs.push(options.resumeFrom ? `${options.trials} from ${options.resumeFrom.trials}` : String(options.trials));
        return (target.simulate as (...a: unknown[]) => unknown)(loaded, options, ...rest);
      };
    return Reflect.get(target, property, receiver);
  },
});
const TRIALS = 2_400;
/** Once the engine has been asked for `n` runs in all. */
async function started(n: number): Promise<void> {
  while (runs.length < n) await new Promise((resolve) => setTimeout(resolve, 1));
}
let scenario: StudioScenario;
let session: StudioSession;
beforeAll(async () => {
  scenario = await openStudioScenario(join(ROOT, 'scenarios/example.yaml'));
  session = new StudioSession(scenario, counted, { trials: TRIALS, seed: 5 });
  // The file as written ("against the plan") is run once at each count, first: not counted below.
  const untouched: StudioState = { drivers: {}, market: null, confidence: 0.8 };
  await Promise.all([session.answer(untouched, 'first'), session.answer(untouched, 'full')]);
  expect(runs).toEqual(['2000', String(TRIALS)]);
  runs.length = 0;
});
afterAll(() => engine.close());

describe("a state's trials are simulated once whatever arrives meanwhile", () => {
  it('a target typed while the full pass (asked before the first) runs: its request cancelled, the next state waits for the same run', async () => {
    const moved: StudioState = { drivers: { '0/conversion': { central: 0.027 } }, market: null, confidence: 0.8 };
    const typed: StudioState = { ...moved, targets: scenario.controls.targets.map((t) => t.value * 0.97) };
    const older = new AbortController();
    // The full pass reaches the server first, then the first.
    const passes = [session.answer(moved, 'full', older.signal), session.answer(moved, 'first', older.signal)];
    for (const p of passes) p.catch(() => undefined);
    await started(1);
    // The page drops the older state's requests as it asks for the new one's.
    older.abort();
    const newer = new AbortController();
    const [first, full] = await Promise.all([session.answer(typed, 'first', newer.signal), session.answer(typed, 'full', newer.signal)]);
    await expect(passes[0]).rejects.toMatchObject({ name: 'AbortError' });
    expect(runs).toEqual(['2000', `${TRIALS} from 2000`]);
    expect([first.trials, full.trials]).toEqual([2_000, TRIALS]);
    // The numbers are the state's own: those of a run of it straight from the engine.
    const own = await engine.simulate((await scenario.scenarioOf(typed)).loaded, { trials: TRIALS, seed: '5' });
    const revenue = Float64Array.from(own.store.column('revenue')!).sort();
    expect(full.revenue.p50.value).toBeGreaterThanOrEqual(revenue[TRIALS / 2 - 1]!);
    expect(full.revenue.p50.value).toBeLessThanOrEqual(revenue[TRIALS / 2]!);
  });

  it("another state's trials cancel a run no one waits for at once, not after its grace", async () => {
    runs.length = 0;
    const a: StudioState = { drivers: { '0/conversion': { central: 0.026 } }, market: null, confidence: 0.8 };
    const b: StudioState = { drivers: { '0/conversion': { central: 0.025 } }, market: null, confidence: 0.8 };
    const gone = new AbortController();
    const p = session.answer(a, 'full', gone.signal);
    p.catch(() => undefined);
    await started(1);
    gone.abort();
    await session.answer(b, 'first');
    // a's first pass (all a's full pass had asked for) was cancelled: b's first ran, and nothing of a's since.
    expect(runs).toEqual(['2000', '2000']);
    await session.answer(a, 'first');
    expect(runs).toEqual(['2000', '2000', '2000']);
  });
});
