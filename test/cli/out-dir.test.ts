import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * `--out` in every command that writes, as a user types it, against a sandbox standing for their
 * machine: HOME is h/home, the current directory work/plans holds their files. Whatever the string,
 * the outcome is a report in a directory that held nothing of theirs, or exit 2 before the
 * simulation starts (the ARRCAST_PAUSE_AT test hook prints when it does) with nothing changed.
 *
 * The CLI runs in this process (helpers/cli.ts, the exit codes main.ts gives), in the sandbox's
 * current directory (process.chdir: this file needs vitest's default `forks` pool) with HOME set
 * for the call: what is checked is where --out goes, not the process. A never-aborted signal
 * turns the pause hook on, as main.ts's handlers do.
 */
let root: string;
let cwd: string;
let home: string;

async function arrcast(args: string[]) {
  const saved = process.cwd();
  process.chdir(cwd);
  try {
    return await arrcastInProcess(
      args,
      { HOME: home, ARRCAST_PAUSE_AT: 'simulating', JOB_COMPLETION_INDEX: undefined, AWS_BATCH_JOB_ARRAY_INDEX: undefined },
      new AbortController().signal,
    );
  } finally {
    process.chdir(saved);
  }
}

/** Every entry under dir (links not followed), with the contents of files. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    out[relative(dir, path)] = e.isSymbolicLink() ? `-> ${readlinkSync(path)}` : e.isFile() ? readFileSync(path, 'utf8') : '/';
  }
  return out;
}

const minimal = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-out-cli-')));
  home = join(root, 'h', 'home');
  cwd = join(root, 'work', 'plans');
  mkdirSync(home, { recursive: true });
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(home, '.profile'), 'the user’s settings');
  writeFileSync(join(cwd, 'plan.yaml'), minimal);
  writeFileSync(join(cwd, 'notes.txt'), 'the user’s notes');
  mkdirSync(join(cwd, 'user'));
  writeFileSync(join(cwd, 'user', 'budget.xlsx'), 'the user’s budget');
  mkdirSync(join(cwd, 'lookalike', 'summary.json'), { recursive: true });
  symlinkSync(join(cwd, 'user'), join(cwd, 'link-to-user'));
  symlinkSync(cwd, join(cwd, 'link-to-cwd'));
  writeFileSync(join(cwd, 'empty-file'), '');
});

/** Strings that name something of the user's, or where no output may go. */
// 'notes.txt/../new': the system cannot go up from a file (ENOTDIR); taken as text it was ./new, written.
const HOSTILE = ['', 'nothere/..', 'notes.txt/../new', '.', './', '..', 'x/../..', 'link-to-cwd', 'link-to-cwd/y/..', 'link-to-user', 'user', 'user/../user', 'lookalike', 'notes.txt', '../../h/home', '/'];

function expectRefusedUntouched(r: Awaited<ReturnType<typeof arrcast>>, before: Record<string, string>): void {
  expect(r.stderr).toMatch(/^arrcast: --out /);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain('paused at simulating');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(snapshot(root)).toEqual(before);
}

describe('--out that names something of the user’s is refused before the simulation, and nothing changes', () => {
  it.each(HOSTILE)('run --out %j', async (out) => {
    const before = snapshot(root);
    expectRefusedUntouched(await arrcast(['run', 'plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--out', out]), before);
  });

  // Named as arrcast's temporary directories: a run killed in the instant its owner file is in the
  // output (just before or after the swap) would leave it for the next run writing beside it to remove.
  it.each(['.arrcast-tmp-fy27', 'reports/.arrcast-tmp-fy27', 'link-to-user/../.arrcast-tmp-x'])('run --out %j (a temporary directory’s name)', async (out) => {
    const before = snapshot(root);
    const r = await arrcast(['run', 'plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--out', out]);
    expectRefusedUntouched(r, before);
    expect(r.stderr).toContain("is named as arrcast's temporary directories (.arrcast-tmp-...), which runs writing beside them remove; pick another name");
  });

  it.each(['', 'nothere/..', '.', 'link-to-user', 'x/../..'])('compare --out %j', async (out) => {
    const before = snapshot(root);
    expectRefusedUntouched(await arrcast(['compare', 'plan.yaml', 'plan.yaml', '--trials', '300', '--workers', '0', '--out', out]), before);
  });

  it('merge, with each of those --out, and a run sharded into a file that is not a part', async () => {
    expect((await arrcast(['run', 'plan.yaml', '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', join(root, 'parts/')])).code).toBe(0);
    const before = snapshot(root);
    for (const out of ['', 'nothere/..', '.', '..', 'user', 'lookalike', 'link-to-cwd']) {
      const r = await arrcast(['merge', join(root, 'parts'), '--quiet', '--out', out]);
      expect({ out, refused: r.stderr.startsWith('arrcast: --out '), code: r.code }).toEqual({ out, refused: true, code: 2 });
      expect(snapshot(root)).toEqual(before);
    }
    for (const out of ['', 'notes.txt', 'empty-file', 'link-to-user/budget.xlsx']) {
      const r = await arrcast(['run', 'plan.yaml', '--trials', '300', '--workers', '0', '--shard', '1/2', '--out', out]);
      expect({ out, code: r.code, paused: r.stderr.includes('paused at') }).toEqual({ out, code: 2, paused: false });
      expect(snapshot(root)).toEqual(before);
    }
  });
});

describe('default output names from odd scenario file names stay inside reports/', () => {
  it.each([
    ['...yaml', 'reports/scenario'],
    ['..yaml', 'reports/scenario'],
    ['.yaml', 'reports/yaml'],
    ['..hidden.yaml', 'reports/hidden'],
  ])('%s writes %s', async (name, expected) => {
    writeFileSync(join(cwd, name), minimal);
    const before = snapshot(root);
    const r = await arrcast(['run', name, '--trials', '300', '--workers', '0', '--quiet']);
    expect(r.stderr).toContain(`wrote ${expected}/`);
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'reports'))).toEqual([expected.slice('reports/'.length)]);
    expect(existsSync(join(cwd, expected, 'summary.json'))).toBe(true);
    // Everything that was there is there still.
    const after = snapshot(root);
    for (const [path, content] of Object.entries(before)) expect(after[path]).toBe(content);
  });
});

describe('--out that holds nothing of the user’s gets the report', () => {
  it('a new path through .., an empty directory, a link to a report, and a rerun', async () => {
    mkdirSync(join(cwd, 'empty'));
    for (const out of ['nothere/../new', 'empty', 'new']) {
      const r = await arrcast(['run', 'plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--out', out]);
      expect({ out, code: r.code, stderr: r.stderr.replace(/ in [\d.]+ s/, '') }).toEqual({ out, code: 0, stderr: `arrcast: test hook: paused at simulating\nwrote ${out}/\n` });
    }
    symlinkSync(join(cwd, 'new'), join(cwd, 'link-to-report'));
    expect((await arrcast(['run', 'plan.yaml', '--trials', '300', '--workers', '0', '--quiet', '--out', 'link-to-report'])).code).toBe(0);
    expect(readlinkSync(join(cwd, 'link-to-report'))).toBe(join(cwd, 'new'));
    expect(readFileSync(join(cwd, 'new', '.arrcast-report'), 'utf8')).toContain('"kind":"report"');
    expect(readdirSync(cwd).filter((n) => n.startsWith('.arrcast-tmp-'))).toEqual([]);
  });
});
