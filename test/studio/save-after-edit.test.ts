import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { takeBackOverlay } from '../../src/studio/save.js';
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
      "example.yaml or a file it extends was changed on disk after the studio started; the studio reads them once, at its start, so a what-if saved now would extend the edited file and give other numbers than the page's: nothing was saved. Restart arrcast studio to save a what-if of the edited files.",
    ]);
    expect(existsSync(join(dir, 'after-edit.yaml'))).toBe(false);
    // The file put back as it was: saved again.
    writeFileSync(join(dir, 'example.yaml'), original);
    expect((await post('/api/save', { state, name: 'after-edit' })).status).toBe(200);
  });
});

const DATA_MOVED =
  "a data file of plan.yaml changed on disk since the page's numbers were made, so a what-if saved now would give other numbers than the page shows: nothing was saved. Move a control or reload the page for the numbers of the data as it is now, then save.";

/** A copy of hybrid-company (a customer book and a pipeline) and the customer book's text with every ARR tripled. */
function hybridCopy(prefix: string) {
  const hybrid = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), join(hybrid, 'plan.yaml'));
  cpSync(join(ROOT, 'scenarios/data'), join(hybrid, 'data'), { recursive: true });
  const csv = join(hybrid, 'data/hybrid-customers.csv');
  const original = readFileSync(csv, 'utf8');
  const [header, ...rows] = original.split('\n');
  const arr = header!.split(',').indexOf('arr');
  expect(arr).toBeGreaterThanOrEqual(0);
  const tripled = [header, ...rows.map((r) => (r === '' ? r : r.split(',').map((v, i) => (i === arr ? String(Number(v) * 3) : v)).join(',')))].join('\n');
  return { hybrid, csv, original, tripled };
}

describe('arrcast studio: a save after a data file was edited on disk', () => {
  // The studio reads the data files for every answer, so after an edit the page showed numbers of the
  // new book (and said nothing of it), yet a save was refused as "of the files as they were then".
  it("writes the numbers the page shows, on the data as it is now, and the page is told the data changed; a page's numbers made before the edit are refused (409)", async () => {
    const { hybrid, csv, tripled } = hybridCopy('arrcast-studio-edited-csv-');
    const untouched = { drivers: {}, market: null, confidence: 0.8 };
    const scenario = await openStudioScenario(join(hybrid, 'plan.yaml'));
    const own = await startStudioServer(new StudioSession(scenario, engine, { trials: 200, seed: 3 }), { port: 0, assetsDir: '/nonexistent' });
    try {
      const { post } = requester(own);
      type Shown = { dataEdited: boolean; hash: string; revenue: { p50: { value: number } } };
      const before = (await post('/api/answer', { state: untouched, pass: 'full' })).json() as Shown;
      expect(before.dataEdited).toBe(false);
      writeFileSync(csv, tripled);
      const after = (await post('/api/answer', { state: untouched, pass: 'full' })).json() as Shown;
      expect(after.dataEdited).toBe(true);
      expect(after.revenue.p50.value).toBeGreaterThan(before.revenue.p50.value);
      // The page's numbers of before the edit: what would be saved is not what the page shows.
      const stale = await post('/api/save', { state: untouched, name: 'shown-before-edit', shown: before.hash });
      expect([stale.status, stale.json().error]).toEqual([409, DATA_MOVED]);
      expect(existsSync(join(hybrid, 'shown-before-edit.yaml'))).toBe(false);
      const r = await post('/api/save', { state: untouched, name: 'after-csv-edit', shown: after.hash });
      expect(r.status).toBe(200);
      // The saved what-if, opened on its own (its data read from disk), gives the page's numbers.
      const saved = new StudioSession(await openStudioScenario(join(hybrid, 'after-csv-edit.yaml')), engine, { trials: 200, seed: 3 });
      expect((await saved.answer(untouched, 'full')).revenue).toEqual(after.revenue);
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
      chainChangedSinceStart: async () => {
        const changed = await scenario.chainChangedSinceStart();
        if (checks++ === 0) writeFileSync(file, original.replace('conversion: { dist: beta, mean: 0.06, sd: 0.01 }', 'conversion: { dist: beta, mean: 0.05, sd: 0.01 }'));
        return changed;
      },
    };
    expect(readFileSync(file, 'utf8')).toBe(original);
    const own = await startStudioServer(new StudioSession(editedAfterCheck, engine, { trials: 200, seed: 3 }), { port: 0, assetsDir: '/nonexistent' });
    try {
      const r = await requester(own).post('/api/save', { state, name: 'edited-between' });
      expect(r.status).toBe(409);
      expect(r.json().error).toMatch(/^example\.yaml or a file it extends was changed on disk after the studio started/);
      expect(readFileSync(file, 'utf8')).not.toBe(original);
      expect(existsSync(join(edited, 'edited-between.yaml'))).toBe(false);
    } finally {
      await own.close();
    }
  });
});

describe("arrcast studio: a data file edited between the save's answer and its write", () => {
  it('is seen after the write: the file written is taken back, and the save refused (409)', async () => {
    const { hybrid, csv, tripled } = hybridCopy('arrcast-studio-data-between-');
    const scenario = await openStudioScenario(join(hybrid, 'plan.yaml'));
    let checks = 0;
    // The edit lands at the check before the write, after the save's answer read the data.
    const editedBeforeWrite = {
      ...scenario,
      chainChangedSinceStart: async () => {
        if (checks++ === 0) writeFileSync(csv, tripled);
        return scenario.chainChangedSinceStart();
      },
    };
    const own = await startStudioServer(new StudioSession(editedBeforeWrite, engine, { trials: 200, seed: 3 }), { port: 0, assetsDir: '/nonexistent' });
    try {
      const r = await requester(own).post('/api/save', { state: { drivers: {}, market: null, confidence: 0.8 }, name: 'data-between' });
      expect([r.status, r.json().error]).toEqual([409, DATA_MOVED]);
      expect(checks).toBe(2);
      expect(existsSync(join(hybrid, 'data-between.yaml'))).toBe(false);
    } finally {
      await own.close();
    }
  });
});

describe('takeBackOverlay', () => {
  it('removes the file only while it holds what the save wrote: a file written over since is left alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'arrcast-take-back-'));
    const path = join(folder, 'what-if.yaml');
    writeFileSync(path, 'theirs\n');
    await takeBackOverlay(path, 'ours\n');
    expect(readFileSync(path, 'utf8')).toBe('theirs\n');
    writeFileSync(path, 'ours\n');
    await takeBackOverlay(path, 'ours\n');
    expect(existsSync(path)).toBe(false);
  });
});
