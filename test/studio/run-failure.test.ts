import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/engine/engine.js';
import { ChunkFailedError } from '../../src/engine/errors.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { ROOT } from '../helpers/fixtures.js';

// A run whose worker failed (a real heap limit reached: bench/real-faults.sh) reached the page as
// "internal error; see the terminal": the page now says why, as the CLI's one line does.
const WHY = 'Worker terminated due to reaching memory limit: JS heap out of memory';
/** What the engine's runs reject with (each test sets its own). */
let failure: unknown = new ChunkFailedError(0, 0, 1000, new Error(WHY));
const failing = {
  simulate: () => Promise.reject(failure),
  close: () => Promise.resolve(),
} as unknown as Engine;

let server: StudioServer;
let dir: string;
const logged: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-failure-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  const scenario = await openStudioScenario(join(dir, 'example.yaml'), {});
  const session = new StudioSession(scenario, failing, { trials: 1000, seed: 1 });
  const assets = mkdtempSync(join(dir, 'assets-'));
  for (const f of ['index.html', 'studio.js', 'studio.css']) writeFileSync(join(assets, f), f);
  server = await startStudioServer(session, { port: 0, assetsDir: assets, log: (line: string) => logged.push(line) });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('arrcast studio: a run that fails in a worker', () => {
  const answer = () =>
    fetch(`http://127.0.0.1:${server.port}/api/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-arrcast-token': server.token },
      body: JSON.stringify({ state: { drivers: {}, market: null, confidence: 0.8 }, pass: 'first' }),
    });

  it("answers 500 with the failure's own words, and logs them", async () => {
    failure = new ChunkFailedError(0, 0, 1000, new Error(WHY));
    const r = await answer();
    expect(r.status).toBe(500);
    expect(await r.json()).toEqual({ error: `the simulation failed: chunk 0 (trials 1 to 1,000) failed: ${WHY}` });
    expect(logged).toContain(`arrcast studio: chunk 0 (trials 1 to 1,000) failed: ${WHY}`);
  });

  // Any other failure is logged for the terminal: a system error Node says by its code alone
  // ('spawn EMFILE') was logged so, where the CLI's internal-error line gives it in words.
  it('an unexpected system error is logged in words, with its code', async () => {
    failure = Object.assign(new Error('spawn EMFILE'), { code: 'EMFILE', syscall: 'spawn' });
    const r = await answer();
    expect(r.status).toBe(500);
    expect(await r.json()).toEqual({ error: 'internal error; see the terminal running arrcast studio' });
    expect(logged).toContain('arrcast studio: spawn too many open files (EMFILE)');
  });
});
