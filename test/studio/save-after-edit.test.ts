import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
      "example.yaml, a file it extends or a data file they name was changed on disk after the studio started, and the page's numbers are of the files as they were then: nothing was saved. Restart arrcast studio to save a what-if of the edited files.",
    ]);
    expect(existsSync(join(dir, 'after-edit.yaml'))).toBe(false);
    // The file put back as it was: saved again.
    writeFileSync(join(dir, 'example.yaml'), original);
    expect((await post('/api/save', { state, name: 'after-edit' })).status).toBe(200);
  });
});

describe('arrcast studio: a save after a data file was edited on disk', () => {
  // The chain's hash alone was compared: with the customers CSV's ARR tripled, the save was written
  // (200), and `arrcast run` of it ran to about 2.4 times the page's P50 on the new book.
  it('is refused (409) and writes nothing; the CSV put back, it saves', async () => {
    const hybrid = mkdtempSync(join(tmpdir(), 'arrcast-studio-edited-csv-'));
    copyFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), join(hybrid, 'plan.yaml'));
    cpSync(join(ROOT, 'scenarios/data'), join(hybrid, 'data'), { recursive: true });
    const scenario = await openStudioScenario(join(hybrid, 'plan.yaml'));
    const own = await startStudioServer(new StudioSession(scenario, engine, { trials: 200, seed: 3 }), { port: 0, assetsDir: '/nonexistent' });
    try {
      const { post } = requester(own);
      const csv = join(hybrid, 'data/hybrid-customers.csv');
      const original = readFileSync(csv, 'utf8');
      const [header, ...rows] = original.split('\n');
      const arr = header!.split(',').indexOf('arr');
      expect(arr).toBeGreaterThanOrEqual(0);
      const tripled = rows.map((r) => (r === '' ? r : r.split(',').map((v, i) => (i === arr ? String(Number(v) * 3) : v)).join(',')));
      writeFileSync(csv, [header, ...tripled].join('\n'));
      const r = await post('/api/save', { state: { drivers: {}, market: null, confidence: 0.8 }, name: 'after-csv-edit' });
      expect([r.status, r.json().error]).toEqual([
        409,
        "plan.yaml, a file it extends or a data file they name was changed on disk after the studio started, and the page's numbers are of the files as they were then: nothing was saved. Restart arrcast studio to save a what-if of the edited files.",
      ]);
      expect(existsSync(join(hybrid, 'after-csv-edit.yaml'))).toBe(false);
      writeFileSync(csv, original);
      expect((await post('/api/save', { state: { drivers: {}, market: null, confidence: 0.8 }, name: 'after-csv-edit' })).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('arrcast studio: an edit between the save\'s check and its write', () => {
  // The check that nothing changed on disk and the write are two steps: an edit between them saved a
  // what-if of the edited file (200), its command giving other numbers than the page's.
  it('is seen after the write: the file written is taken back, and the save refused (409)', async () => {
    const edited = mkdtempSync(join(tmpdir(), 'arrcast-studio-edit-between-'));
    const file = join(edited, 'example.yaml');
    copyFileSync(join(ROOT, 'scenarios/example.yaml'), file);
    const scenario = await openStudioScenario(file);
    const original = readFileSync(file, 'utf8');
    let checks = 0;
    // The edit lands just after the first check has read the files.
    const editedAfterCheck = {
      ...scenario,
      changedSinceStart: async () => {
        const changed = await scenario.changedSinceStart();
        if (checks++ === 0) writeFileSync(file, original.replace('conversion: { dist: beta, mean: 0.06, sd: 0.01 }', 'conversion: { dist: beta, mean: 0.05, sd: 0.01 }'));
        return changed;
      },
    };
    expect(readFileSync(file, 'utf8')).toBe(original);
    const own = await startStudioServer(new StudioSession(editedAfterCheck, engine, { trials: 200, seed: 3 }), { port: 0, assetsDir: '/nonexistent' });
    try {
      const r = await requester(own).post('/api/save', { state, name: 'edited-between' });
      expect(r.status).toBe(409);
      expect(r.json().error).toMatch(/^example\.yaml, a file it extends or a data file they name was changed on disk after the studio started/);
      expect(readFileSync(file, 'utf8')).not.toBe(original);
      expect(existsSync(join(edited, 'edited-between.yaml'))).toBe(false);
    } finally {
      await own.close();
    }
  });
});
