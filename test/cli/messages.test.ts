import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { describeFailure, EXIT } from '../../src/cli/exit-codes.js';
import { asWriteError, OutputWriteError } from '../../src/report/write-error.js';

const MAIN = join(ROOT, 'dist/cli/main.js');
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const errno = (code: string, message: string, path?: string) => Object.assign(new Error(message), { code, ...(path ? { path } : {}) });

describe('a system error while writing names the path the user gave, exit 1', () => {
  it.each([
    ['ENOSPC', 'ENOSPC: no space left on device, write', undefined, '/r/out', 'cannot write /r/out: no space left on device (ENOSPC)'],
    ['ENOSPC', "ENOSPC: no space left on device, open '/r/.arrcast-tmp-out-new-1-ab/summary.json'", '/r/.arrcast-tmp-out-new-1-ab/summary.json', '/r/out/summary.json', 'no space left on device (ENOSPC)'],
    ['EDQUOT', 'EDQUOT: disk quota exceeded, write', '/r/.arrcast-tmp-out-new-1-ab/trials.csv', '/r/out/trials.csv', 'disk quota exceeded (EDQUOT)'],
    ['EIO', 'EIO: i/o error, write', undefined, '/r/out', 'i/o error (EIO)'],
  ])('%s: %s', (code, message, path, shownPath, reason) => {
    const err = asWriteError(errno(code, message, path), '/r/.arrcast-tmp-out-new-1-ab', '/r/out');
    expect(err).toBeInstanceOf(OutputWriteError);
    expect((err as OutputWriteError).path).toBe(shownPath);
    const failure = describeFailure(err);
    expect(failure.code).toBe(EXIT.failed);
    expect(failure.message).toBe(`arrcast: cannot write ${shownPath}: ${reason.replace(/^cannot write \S+: /, '')}; no output was written`);
  });

  // A file read while writing (arrcast's chart library, inlined in report.html) was named as written:
  // 'cannot write /app/dist/cli/vendor/vega.js: too many open files (EMFILE)' (a real ulimit -n run).
  it('a file read while writing, out of file descriptors, is said to be read, and the output is named', () => {
    const err = asWriteError(errno('EMFILE', "EMFILE: too many open files, open '/app/dist/cli/vendor/vega.js'", '/app/dist/cli/vendor/vega.js'), '/r/.arrcast-tmp-out-new-1-ab', '/r/out');
    expect(describeFailure(err)).toEqual({ message: 'arrcast: cannot write /r/out: could not read /app/dist/cli/vendor/vega.js: too many open files (EMFILE); no output was written', code: EXIT.failed });
    // The output's own paths stay written ones: the output, its parent folders, a temporary beside it.
    for (const path of ['/r/out', '/r', '/', '/r/.arrcast-tmp-out-old-1-cd', '/r/.arrcast-tmp-out-trials-1-ef/trials.csv']) {
      expect((asWriteError(errno('EACCES', `EACCES: permission denied, rename '${path}'`, path), '/r/.arrcast-tmp-out-new-1-ab', '/r/out') as Error).message).toBe(`cannot write ${path}: permission denied (EACCES)`);
    }
  });

  it('a system error with a path reaching the top is described with its words, not as an internal error', () => {
    expect(describeFailure(errno('ENOSPC', 'ENOSPC: no space left on device, write', '/x/p.arrcast-part'))).toEqual({
      message: 'arrcast: cannot write /x/p.arrcast-part: no space left on device (ENOSPC)',
      code: EXIT.failed,
    });
  });
});

describe('stdout closed early', () => {
  it('arrcast schema | head -c1 prints no EPIPE stack trace and exits 0', () => {
    // The schema is larger than a pipe's buffer, so the write meets the closed pipe.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${MAIN}" schema | head -c1`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('{');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a stdout that fails otherwise (a full disk: /dev/full) says so, exit 1', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${MAIN}" schema > /dev/full`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('arrcast: cannot write to stdout: no space left on device (ENOSPC)\n');
    expect(r.status).toBe(1);
  });
});

describe('an --out that cannot be written is found before the simulation, exit 2', () => {
  /** As root, without the capabilities that let root write anywhere (see bad-input.test.ts). */
  function unprivileged(args: string[]) {
    const dropped = '-dac_override,-dac_read_search';
    const command = [process.execPath, MAIN, ...args];
    const argv = process.getuid?.() === 0 ? ['setpriv', '--bounding-set', dropped, '--inh-caps', dropped, ...command] : command;
    const r = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ARRCAST_PAUSE_AT: 'simulating' } });
    return { code: r.status, stderr: r.stderr };
  }
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'arrcast-unwritable-'));
    chmodSync(d, 0o755);
    return d;
  };

  it.each([
    ['a read-only parent', (d: string) => (mkdirSync(join(d, 'ro'), { mode: 0o555 }), join(d, 'ro', 'report')), 'permission denied (EACCES)'],
    ['a read-only parent of a new parent', (d: string) => (mkdirSync(join(d, 'ro'), { mode: 0o555 }), join(d, 'ro', 'a', 'b', 'report')), 'permission denied (EACCES)'],
    ['a parent that is a file', (d: string) => (writeFileSync(join(d, 'file'), 'x'), join(d, 'file', 'report')), 'not a directory (ENOTDIR)'],
    ['a name too long', (d: string) => join(d, 'r'.repeat(256)), 'name too long (ENAMETOOLONG)'],
  ])('%s', (_, make, reason) => {
    const d = dir();
    const out = make(d);
    const before = readdirSync(d, { recursive: true });
    const r = unprivileged(['run', minimal, '--trials', '300', '--workers', '0', '--out', out]);
    expect(r.stderr).toContain(`arrcast: --out ${out} cannot be written: ${reason}`);
    expect(r.stderr).not.toContain('paused at simulating');
    expect(r.code).toBe(2);
    expect(readdirSync(d, { recursive: true })).toEqual(before);
  });

  it('the same for a shard part and a comparison', () => {
    const d = dir();
    mkdirSync(join(d, 'ro'), { mode: 0o555 });
    const shard = unprivileged(['run', minimal, '--trials', '300', '--workers', '0', '--shard', '1/2', '--out', join(d, 'ro', 'p.arrcast-part')]);
    expect(shard.stderr).toContain('cannot be written: permission denied (EACCES)');
    expect(shard.code).toBe(2);
    const compare = unprivileged(['compare', minimal, minimal, '--trials', '300', '--workers', '0', '--out', join(d, 'ro', 'cmp')]);
    expect(compare.stderr).toContain('cannot be written: permission denied (EACCES)');
    expect(compare.code).toBe(2);
    expect(readdirSync(join(d, 'ro'))).toEqual([]);
  });
});
