import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createEngine } from '../../src/engine/engine.js';
import { shellWord } from '../../src/studio/save.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { ROOT } from '../helpers/fixtures.js';
import { requester } from './studio-fixture.js';

// A file name and a seed that would break a comment line or a shell word. A save answers its state first
// (a what-if the model refuses is not saved): a pool of one thread.
const HOSTILE_FILE = 'x\ntrials: 50 #.yaml';
const HOSTILE_SEED = "it's 7\nrm -rf ~";
const engine = createEngine({ workers: 1 });
let server: StudioServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-save-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, HOSTILE_FILE));
  const scenario = await openStudioScenario(join(dir, HOSTILE_FILE));
  server = await startStudioServer(new StudioSession(scenario, engine, { trials: 3_000, seed: HOSTILE_SEED }), { port: 0, assetsDir: '/nonexistent' });
});
afterAll(async () => {
  await server?.close();
  await engine.close();
});

describe('arrcast studio: a saved what-if says only what the page changed, whatever the names around it', () => {
  it('a scenario file name or seed with a line break adds no key to the saved file, and the command quotes the seed', async () => {
    const r = await requester(server).post('/api/save', { state: { drivers: { '0/conversion': { central: 0.02 } } }, name: 'inj' });
    expect(r.status).toBe(200);
    const command = `arrcast run inj.yaml --trials 3000 --seed 'it'\\''s 7\nrm -rf ~' --confidence 0.8`;
    expect(r.json().command).toBe(command);
    const text = readFileSync(join(dir, 'inj.yaml'), 'utf8');
    expect(Object.keys(parse(text))).toEqual(['extends', 'tiers']);
    expect(parse(text).extends).toBe(HOSTILE_FILE);
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# What-if saved by arrcast studio from x\\u{a}trials: 50 #.yaml.',
      `# The studio's numbers: ${command.replace('\n', '\\u{a}')}`,
    ]);
  });

  it.each([
    ['plain.yaml', 'plain.yaml'],
    ['what if.yaml', "'what if.yaml'"],
    ['7', '7'],
    ["it's", "'it'\\''s'"],
    ['$(touch x)', "'$(touch x)'"],
    ['', "''"],
  ])('shellWord(%j) is %s', (text, word) => {
    expect(shellWord(text)).toBe(word);
  });
});

describe('arrcast studio: save names', () => {
  const NAME_RULE = 'a name is letters, digits, spaces, - and _ (up to 64), with no folder: the file goes next to the scenario';
  const cases: Array<[string, number, string]> = [
    ['con', 400, "con is a device's name on Windows, not a file's; choose another name"],
    ['NUL.yaml', 400, "NUL is a device's name on Windows, not a file's; choose another name"],
    ['com1', 400, "com1 is a device's name on Windows, not a file's; choose another name"],
    ['Lpt9 ', 400, "Lpt9 is a device's name on Windows, not a file's; choose another name"],
    ['../x', 400, NAME_RULE],
    ['x/y', 400, NAME_RULE],
    ['x\\y', 400, NAME_RULE],
    ['.hidden', 400, NAME_RULE],
    ['a'.repeat(65), 400, NAME_RULE],
    ['café', 400, NAME_RULE],
    ['x\u202ey', 400, NAME_RULE],
    [HOSTILE_FILE.replace(/\.yaml$/, ''), 400, NAME_RULE],
  ];
  it.each(cases)('%j: %i', async (name, status, error) => {
    const r = await requester(server).post('/api/save', { state: {}, name });
    expect([r.status, r.json().error, r.json().field]).toEqual([status, error, 'name']);
  });
});
