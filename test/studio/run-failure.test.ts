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
const failing = {
  simulate: () => Promise.reject(new ChunkFailedError(0, 0, 1000, new Error(WHY))),
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
  it("answers 500 with the failure's own words, and logs them", async () => {
    const r = await fetch(`http://127.0.0.1:${server.port}/api/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-arrcast-token': server.token },
      body: JSON.stringify({ state: { drivers: {}, market: null, confidence: 0.8 }, pass: 'first' }),
    });
    expect(r.status).toBe(500);
    expect(await r.json()).toEqual({ error: `the simulation failed: chunk 0 (trials 1 to 1,000) failed: ${WHY}` });
    expect(logged).toContain(`arrcast studio: chunk 0 (trials 1 to 1,000) failed: ${WHY}`);
  });
});
