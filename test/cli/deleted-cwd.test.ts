import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * The CLI started in a directory that is deleted before it runs (a shell in a removed folder): an
 * absolute --out needs no current directory and is written; a relative one is refused (exit 2)
 * saying the current directory no longer exists, not as an error at the output's path.
 */
const MAIN = join(ROOT, 'dist/cli/main.js');
const minimal = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
const HISTORY_TEXT = `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000,30,300000,5000000,100000,90000`).join('\n')}\n`;
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'JOB_COMPLETION_INDEX' && k !== 'AWS_BATCH_JOB_ARRAY_INDEX'));

/** arrcast ARGS run by a shell whose current directory `gone` is removed first (by the shell itself, so no timing). */
function arrcastInDeletedDirectory(root: string, args: string[]) {
  const gone = join(root, 'gone');
  mkdirSync(gone);
  const r = spawnSync('sh', ['-c', 'cd "$1" && rmdir "$1" && shift && exec "$@"', 'sh', gone, process.execPath, MAIN, ...args], { env: BASE_ENV, encoding: 'utf8', timeout: 120_000 });
  expect(existsSync(gone)).toBe(false);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the current directory deleted', () => {
  const setUp = () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-no-cwd-')));
    writeFileSync(join(root, 'plan.yaml'), minimal);
    writeFileSync(join(root, 'history.csv'), HISTORY_TEXT);
    return root;
  };

  it('run --out /absolute/path writes the report', () => {
    const root = setUp();
    const r = arrcastInDeletedDirectory(root, ['run', join(root, 'plan.yaml'), '--trials', '300', '--workers', '0', '-q', '--out', join(root, 'report')]);
    expect(r.stderr).not.toContain('ENOENT');
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'report', 'summary.json'))).toBe(true);
  });

  it('run --shard 1/1 --out /absolute/file writes the part', () => {
    const root = setUp();
    const r = arrcastInDeletedDirectory(root, ['run', join(root, 'plan.yaml'), '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', join(root, 'p.arrcast-part')]);
    expect(r.code).toBe(0);
    expect(existsSync(join(root, 'p.arrcast-part'))).toBe(true);
  });

  it('fit --out /absolute/file writes the scenario', () => {
    const root = setUp();
    const r = arrcastInDeletedDirectory(root, ['fit', join(root, 'history.csv'), '--out', join(root, 'fitted.yaml')]);
    expect(r.stderr).not.toContain('ENOENT');
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'fitted.yaml'), 'utf8')).toContain('name: "Fitted from');
  });

  it.each([
    [['run', 'PLAN', '--trials', '300', '--workers', '0', '-q', '--out', 'report'], 'arrcast: --out report: the current directory no longer exists'],
    [['run', 'PLAN', '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', 'p.arrcast-part'], 'arrcast: --out p.arrcast-part: the current directory no longer exists'],
    [['fit', 'HISTORY', '--out', 'fitted.yaml'], 'arrcast: --out fitted.yaml names no file: the current directory no longer exists'],
    // A relative path anywhere else (an argument, --allow-path) was an internal error (exit 1, "uv_cwd").
    [['validate', 'plan.yaml'], 'arrcast: the current directory no longer exists (it was deleted or moved); run arrcast from an existing directory, or give an absolute path'],
    [['run', 'plan.yaml', '--trials', '300', '--workers', '0', '-q', '--out', 'OUT'], 'arrcast: the current directory no longer exists'],
    [['run', 'PLAN', '--trials', '300', '--workers', '0', '-q', '--allow-path', 'data', '--out', 'OUT'], 'arrcast: the current directory no longer exists'],
    [['compare', 'plan.yaml', 'PLAN', '--trials', '300', '--out', 'OUT'], 'arrcast: the current directory no longer exists'],
  ])('a relative path (--out, an argument, --allow-path) is refused with exit 2, saying so: %j', (args, message) => {
    const root = setUp();
    const r = arrcastInDeletedDirectory(root, args.map((a) => (a === 'PLAN' ? join(root, 'plan.yaml') : a === 'HISTORY' ? join(root, 'history.csv') : a === 'OUT' ? join(root, 'report') : a)));
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(2);
    expect(readdirSync(root).sort()).toEqual(['history.csv', 'plan.yaml']);
  });

  it('merge of parts at absolute paths says the working directory it reads within is gone (exit 2, nothing written)', async () => {
    const root = setUp();
    // The part to merge, written in this process (from the working directory that exists): the merge is what is checked.
    const part = await arrcastInProcess(['run', join(root, 'plan.yaml'), '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', join(root, 'p.arrcast-part')]);
    expect(part.code, part.stderr).toBe(0);
    const r = arrcastInDeletedDirectory(root, ['merge', join(root, 'p.arrcast-part'), '--out', join(root, 'merged')]);
    expect(r.stderr).toContain("arrcast: the current directory no longer exists (it was deleted or moved), and a part's scenario may read files only inside the working directory's tree: run arrcast merge from an existing directory");
    expect(r.code).toBe(2);
    expect(readdirSync(root).sort()).toEqual(['history.csv', 'p.arrcast-part', 'plan.yaml']);
  });
});
