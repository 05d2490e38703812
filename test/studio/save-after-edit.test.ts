import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { ROOT } from '../helpers/fixtures.js';
import { requester } from './studio-fixture.js';

/**
 * The studio answers from the scenario as it read it at its start (README: restart it after editing).
 * A save after the file was edited on disk wrote a what-if extending the edited file, whose header's
 * command then gave other numbers than the page had shown: it is refused, saying why and what to do,
 * and nothing is written. An edit that changes no number (a comment) changes nothing.
 */
const engine = createEngine({ workers: 1 });
let server: StudioServer;
let dir: string;
const state = { drivers: { '0/conversion': { central: 0.028 } }, market: null, confidence: 0.8 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-edited-save-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  const scenario = await openStudioScenario(join(dir, 'example.yaml'));
  server = await startStudioServer(new StudioSession(scenario, engine, { trials: 400, seed: 3 }), { port: 0, assetsDir: '/nonexistent' });
});
afterAll(async () => {
  await server?.close();
  await engine.close();
});

describe('arrcast studio: a save after the scenario was edited on disk', () => {
  it('is refused (409) and writes nothing; a comment added saves as before', async () => {
    const { post } = requester(server);
    const original = readFileSync(join(dir, 'example.yaml'), 'utf8');
    writeFileSync(join(dir, 'example.yaml'), `# a note\n${original}`);
    expect((await post('/api/save', { state, name: 'commented' })).status).toBe(200);
    // Mid-market's conversion, which the state does not move: `run` of the what-if would read the new one.
    const edited = original.replace('conversion: { dist: beta, mean: 0.06, sd: 0.01 }', 'conversion: { dist: beta, mean: 0.05, sd: 0.01 }');
    expect(edited).not.toBe(original);
    writeFileSync(join(dir, 'example.yaml'), edited);
    const r = await post('/api/save', { state, name: 'after-edit' });
    expect([r.status, r.json().error]).toEqual([
      409,
      "example.yaml (or a file it extends) was changed on disk after the studio started, and the page's numbers are of the file as it was then: nothing was saved. Restart arrcast studio on the edited file to save a what-if of it.",
    ]);
    expect(existsSync(join(dir, 'after-edit.yaml'))).toBe(false);
    // The file put back as it was: saved again.
    writeFileSync(join(dir, 'example.yaml'), original);
    expect((await post('/api/save', { state, name: 'after-edit' })).status).toBe(200);
  });
});
