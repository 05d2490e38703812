import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { openStudioScenario, type StudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import type { StudioState } from '../../src/studio/state.js';
import { ROOT } from '../helpers/fixtures.js';
import { countedEngine, runWords } from '../helpers/counted-engine.js';
import { startStudioServer } from '../../src/studio/server.js';
import { requester } from './studio-fixture.js';
import { request } from 'node:http';

/**
 * A state's trials are simulated once, whatever arrives meanwhile. A target typed while a state's
 * passes ran cancelled them (the page drops its older request, the server cancels it) and ran the
 * same trials again; a full pass that reached the server before its first ran all its trials from
 * the start, and the first pass then ran its own: full, first, full, first for one state's trials (as main ran the review's probe).
 * Each run is counted as the engine is asked: its trials, and the trials it resumes from.
 */
const engine = createEngine({ workers: 1 });
const runs: string[] = [];
const counted = countedEngine(engine, (r) => runs.push(runWords(r)));
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
  // Its full count resumes from its first, as a state's does (it ran its first 2,000 trials twice).
  const untouched: StudioState = { drivers: {}, market: null, confidence: 0.8 };
  await Promise.all([session.answer(untouched, 'first'), session.answer(untouched, 'full')]);
  expect(runs).toEqual(['2000', `${TRIALS} from 2000`]);
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

  it("another state's trials cancel a run no one waits for", async () => {
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
    // Left to run, a's first pass would have been kept (and its full pass resumed from it): asked again, it runs.
    await session.answer(a, 'first');
    expect(runs).toEqual(['2000', '2000', '2000']);
  });

  it('over HTTP: requests of a state dropped mid-run (the page moves on to a typed target) leave the run going for the next request of its trials', async () => {
    const server = await startStudioServer(session, { port: 0, assetsDir: '/nonexistent' });
    const { post } = requester(server);
    const moved: StudioState = { drivers: { '0/conversion': { central: 0.029 } }, market: null, confidence: 0.8 };
    const typed: StudioState = { ...moved, targets: scenario.controls.targets.map((t) => t.value * 0.95) };
    /** A request for `pass` of `moved`, dropped later by the test (as fetch's abort drops it). */
    const open = (pass: string) => {
      const body = JSON.stringify({ state: moved, pass });
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/answer',
        headers: { host: `127.0.0.1:${server.port}`, 'x-arrcast-token': server.token, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      });
      req.on('error', () => undefined);
      req.end(body);
      return req;
    };
    try {
      runs.length = 0;
      const older = [open('full'), open('first')];
      await started(1);
      for (const r of older) r.destroy();
      // The server has seen both requests go (no one waits for the run) before the typed target arrives.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [first, full] = await Promise.all([post('/api/answer', { state: typed, pass: 'first' }), post('/api/answer', { state: typed, pass: 'full' })]);
      expect([first.status, full.status]).toEqual([200, 200]);
      expect(runs).toEqual(['2000', `${TRIALS} from 2000`]);
    } finally {
      await server.close();
    }
  });
});
