import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createEngine } from '../../src/engine/engine.js';
import { defaultSaveName, saveFileName } from '../../src/studio/save.js';
import { shellWord } from '../../src/report/shell-word.js';
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
    // The seed's line break as $'\012': the header's line is the command itself (it showed \u{a}, another seed).
    const command = `arrcast run ${shellWord(join(dir, 'inj.yaml'))} --trials 3000 --seed $'it\\'s 7\\012rm -rf ~' --confidence 0.8`;
    expect(r.json().command).toBe(command);
    const text = readFileSync(join(dir, 'inj.yaml'), 'utf8');
    expect(Object.keys(parse(text))).toEqual(['extends', 'tiers']);
    expect(parse(text).extends).toBe(HOSTILE_FILE);
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# What-if saved by arrcast studio from x\\u{a}trials: 50 #.yaml.',
      `# The studio's numbers: ${command}`,
    ]);
  });

  it.each([
    ['plain.yaml', 'plain.yaml'],
    ['what if.yaml', "'what if.yaml'"],
    ['7', '7'],
    ["it's", "'it'\\''s'"],
    ['$(touch x)', "'$(touch x)'"],
    ['', "''"],
    ['a\nb', "$'a\\012b'"],
    ['a\n7', "$'a\\0127'"],
    ["it's\t\\", "$'it\\'s\\011\\\\'"],
    ['x\u202ey', "$'x\\342\\200\\256y'"],
  ])('shellWord(%j) is %s', (text, word) => {
    expect(shellWord(text)).toBe(word);
  });
});

describe('arrcast studio: save names', () => {
  const NAME_RULE = 'a name is letters, digits, spaces, - and _ (up to 64), with no folder: the file goes next to the scenario';
  const cases: Array<[string, number, string]> = [
    // An emptied box was told the rule for names, as if what it held broke it.
    ['', 400, 'give the file a name'],
    ['  .yaml', 400, 'give the file a name'],
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

describe('arrcast studio: the name Save as offers is one the save takes', () => {
  // The page offered the scenario's file name less its extension, then '-what-if': for plan.v2.yaml,
  // café.yaml or a long name, a name the save refused (400) before the planner had typed anything.
  it.each([
    ['example.yaml', 'example-what-if'],
    ['plan.v2.yaml', 'plan-v2-what-if'],
    ['FY27 plan (v2).yaml', 'FY27 plan -v2-what-if'],
    ['café.yaml', 'caf-what-if'],
    ['.hidden.yml', 'hidden-what-if'],
    ['plan.json', 'plan-what-if'],
    ['con.yaml', 'what-if'],
    ['---.yaml', 'what-if'],
    ['€.yaml', 'what-if'],
    [`${'a'.repeat(80)}.yaml`, `${'a'.repeat(56)}-what-if`],
    [`${'a'.repeat(55)} b.yaml`, `${'a'.repeat(55)}-what-if`],
  ])('%j: %j', (base, name) => {
    expect(defaultSaveName(base)).toBe(name);
    expect(saveFileName(defaultSaveName(base), base)).toBe(`${name}.yaml`);
  });

  it("the studio offers it (GET /api/controls), and saving under it writes the file, here for a scenario named 'x\\ntrials: 50 #.yaml'", async () => {
    const { send, post } = requester(server);
    const info = (await send('GET', '/api/controls', { 'x-arrcast-token': server.token })).json();
    expect(info.saveName).toBe('x-trials- 50-what-if');
    const r = await post('/api/save', { state: {}, name: info.saveName });
    expect([r.status, r.json().file]).toEqual([200, 'x-trials- 50-what-if.yaml']);
  });
});

describe('arrcast studio: the name Save as offers at each save', () => {
  // The name was made once a session from the scenario's name: every save after the first under it
  // was refused (409 "already exists"), and for a scenario named with 56 characters then
  // '-what-if' it was the scenario's own name (409 "is the scenario itself").
  const studioOn = async (base: string) => {
    const own = mkdtempSync(join(tmpdir(), 'arrcast-studio-save-name-'));
    copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(own, base));
    const scenario = await openStudioScenario(join(own, base));
    return { dir: own, server: await startStudioServer(new StudioSession(scenario, engine, { trials: 500, seed: 3 }), { port: 0, assetsDir: '/nonexistent' }) };
  };

  it.each([
    ['plan.yaml', ['plan-what-if', 'plan-what-if-2', 'plan-what-if-3', 'plan-what-if-4', 'plan-what-if-5']],
    [`${'a'.repeat(56)}-what-if.yaml`, [2, 3, 4, 5, 6].map((n) => `${'a'.repeat(54)}-what-if-${n}`)],
  ])('%j: three saves under the names offered are each written; a file made meanwhile is passed over (%j)', async (base, [first, second, third, fourth, fifth]) => {
    const names = [first!, second!, third!];
    const studio = await studioOn(base);
    try {
      const { send, post } = requester(studio.server);
      let offered = (await send('GET', '/api/controls', { 'x-arrcast-token': studio.server.token })).json().saveName;
      const written: unknown[] = [];
      for (const [i, name] of names.entries()) {
        expect(offered).toBe(name);
        const r = await post('/api/save', { state: { drivers: {}, market: null, confidence: 0.5 + i / 10 }, name: offered });
        written.push([r.status, r.json().file]);
        offered = r.json().saveName;
      }
      expect(written).toEqual(names.map((n) => [200, `${n}.yaml`]));
      expect(offered).toBe(fourth);
      writeFileSync(join(studio.dir, `${fourth}.yaml`), '');
      expect((await send('GET', '/api/controls', { 'x-arrcast-token': studio.server.token })).json().saveName).toBe(fifth);
    } finally {
      await studio.server.close();
    }
  });
});
