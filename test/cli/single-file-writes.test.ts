import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { removeStaleFileTemps, writeFileAtomically } from '../../src/report/atomic-file.js';
import { hostTag } from '../../src/engine/stale-temps.js';
import { ROOT } from '../helpers/fixtures.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCliWith } from '../helpers/in-process-cli.js';

/**
 * The single files arrcast writes (`fit --out`, `arrcast init`'s scenario, data files and schema, a
 * studio save) go through a temporary file beside them, named from theirs. Two ways that could cost
 * a user: a name the system allows (up to 255 bytes) whose temporary name it does not (60 emoji
 * are 240 bytes, and `.NAME.arrcast-tmp-hHOST-PID-HEX` adds about 40), so the command did its work
 * and then failed, exit 1, naming a temporary path; and a write that fails or is stopped after
 * making the folders its file goes in, which left those folders behind.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-single-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const history = join(ROOT, 'scenarios/example-history.csv');

const cli = (args: string[], signal?: AbortSignal) => runCliWith(args, signal);

/**
 * An abort signal that reads as fired from the moment `when()` holds: a Ctrl-C that comes at a
 * known point of the write (a file or folder there), not after a guessed delay.
 */
function signalOnceThere(when: () => boolean): AbortSignal {
  const real = new AbortController().signal;
  return new Proxy(real, {
    get(target, key) {
      if (key === 'aborted') return when();
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Whether `path`'s temporary file is there beside it: its text written, to be moved into place. */
const inTemp = (path: string) => existsSync(dirname(path)) && readdirSync(dirname(path)).some((n) => n.startsWith(`.${basename(path)}.arrcast-tmp-`));
/** Whether `path`'s text is written: in place, or in its temporary file. */
const written = (path: string) => existsSync(path) || inTemp(path);

/** `count` characters of 4 bytes each in UTF-8. */
const emoji = (count: number) => '😀'.repeat(count);

describe('a file whose name takes many bytes a character', () => {
  // 58 emoji and .yaml: 237 bytes, a name the system takes.
  const name = `${emoji(58)}.yaml`;

  it('fit writes it (it failed after fitting, exit 1: the temporary name was too long)', async () => {
    const r = await cli(['fit', history, '--out', join(dir, name)]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(join(dir, name), 'utf8')).toContain('tiers:');
  });

  it('init writes it, with the template\'s data files and the schema', async () => {
    const r = await cli(['init', '--template', 'enterprise-rep-driven', join(dir, name)]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()).toEqual(
      ['arrcast.schema.json', 'data', 'data/enterprise-customers.csv', 'data/enterprise-pipeline.csv', name].sort(),
    );
  });

  it('the longest such names (63 emoji and .y, 254 bytes) are written, and their stale temporary files are still found', async () => {
    const file = join(dir, `${emoji(63)}.y`);
    await writeFileAtomically(file, 'tiers: []\n');
    expect(readFileSync(file, 'utf8')).toBe('tiers: []\n');
    expect(readdirSync(dir)).toEqual([`${emoji(63)}.y`]);
    // A killed write's temporary file of that name (its first 24 emoji: 96 bytes), from a process
    // that is gone (no pid reaches 999,999,999): the next write's sweep finds it.
    const stale = `.${emoji(24)}.arrcast-tmp-h${hostTag()}-999999999-0a1b2c3d`;
    writeFileSync(join(dir, stale), 'half');
    expect(await removeStaleFileTemps(file)).toEqual([join(dir, stale)]);
  });
});

describe('a single-file write that fails or is stopped removes the folders it made', () => {
  it('fit --out into new folders, stopped before the file is moved into place: exit 130 and nothing left', async () => {
    const out = join(dir, 'new/deeper/fitted.yaml');
    const r = await cli(['fit', history, '--out', out], signalOnceThere(() => existsSync(join(dir, 'new/deeper'))));
    expect(r.code).toBe(EXIT.interrupted);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fit --out into new folders beside a file of the user\'s: only the empty folders it made go', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await cli(['fit', history, '--out', join(dir, 'a/b/c/fitted.yaml')], signalOnceThere(() => existsSync(join(dir, 'a/b/c'))));
    expect(r.code).toBe(EXIT.interrupted);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('init into a new folder, stopped after the scenario is written: the scenario, data/ and the folder go', async () => {
    const scenario = join(dir, 'new/plan.yaml');
    const r = await cli(['init', '--template', 'enterprise-rep-driven', scenario], signalOnceThere(() => written(scenario)));
    expect(r.code).toBe(EXIT.interrupted);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('init stopped after its data files are written: every file and folder it made goes, a folder that was there stays', async () => {
    const scenario = join(dir, 'plans/plan.yaml');
    await cli(['init', join(dir, 'plans/other.yaml')]);
    const before = readdirSync(join(dir, 'plans')).sort();
    const r = await cli(['init', '--template', 'enterprise-rep-driven', scenario], signalOnceThere(() => written(join(dir, 'plans/data/enterprise-pipeline.csv'))));
    expect(r.code).toBe(EXIT.interrupted);
    expect(readdirSync(join(dir, 'plans')).sort()).toEqual(before);
  });

  it('init --force stopped between files: every file it would replace is as it was (all or none), and nothing of its own is left', async () => {
    const scenario = join(dir, 'plans/plan.yaml');
    expect((await cli(['init', '--template', 'enterprise-rep-driven', scenario])).code).toBe(EXIT.ok);
    const files = readdirSync(join(dir, 'plans'), { recursive: true, encoding: 'utf8' }).filter((p) => !p.endsWith('data'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    // The scenario is the user's to replace with --force; the data files only while they hold what an
    // earlier init wrote there (a user's own content there is kept and refused: init-files.test.ts), so
    // they stay as the first init wrote them and the scenario and the schema are what can be torn.
    writeFileSync(scenario, 'my edits of plan.yaml\n');
    const schema = join(dir, 'plans/arrcast.schema.json');
    // The schema must stay arrcast's to be replaced: an older one, as `arrcast schema` writes it.
    writeFileSync(schema, `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'arrcast scenario' })}\n`);
    const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, 'plans', f), 'utf8')]));
    // Stopped once the last file (the schema) is written: every other one is written by then.
    const r = await cli(['init', '--force', '--template', 'enterprise-rep-driven', scenario], signalOnceThere(() => inTemp(schema)));
    expect(r.code).toBe(EXIT.interrupted);
    expect(Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, 'plans', f), 'utf8')]))).toEqual(before);
    expect(readdirSync(join(dir, 'plans'), { recursive: true, encoding: 'utf8' }).sort()).toEqual([...files, 'data'].sort());
  });
});

/**
 * A full disk (or a file-size limit) while `fit` or `init` writes its file said 'internal error:
 * EFBIG: file too large, write' (exit 1), naming no file: the single-file writes did not name the
 * file their system error came from, as a report's write does (write-error.ts). A child under
 * `ulimit -f 8` stands for the full disk: writing past 8 KiB fails with EFBIG (node ignores SIGXFSZ).
 */
describe('a single-file write cut off part-way by the system', () => {
  const limited = (args: string[]) =>
    spawnSync('bash', ['-c', 'ulimit -f 8 && exec "$0" "$@"', process.execPath, join(ROOT, 'dist/cli/main.js'), ...args], { encoding: 'utf8' });

  it.each([
    ['init', () => ['init', join(dir, 'plan.yaml')], () => join(dir, 'arrcast.schema.json')],
    ['fit', () => ['fit', history, '--out', join(dir, 'new/fitted.yaml')], () => join(dir, 'new/fitted.yaml')],
  ])('%s names the file and why, exit 1, and leaves nothing', (_, args, file) => {
    const r = limited(args());
    expect(r.stderr).toBe(`arrcast: cannot write ${file()}: file too large (EFBIG); no output was written\n`);
    expect(r.status).toBe(EXIT.failed);
    expect(readdirSync(dir)).toEqual([]);
  });
});

