import { describe, expect, it } from 'vitest';
import { withDirectory, type DirectoryCalls } from '../../src/engine/fresh-dir.js';

/** An errno error as Node's fs makes them. */
const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

/** A file system of the directories in `dirs`, where mkdir answers with `refuse(dir)` when it gives a code, and logs each call. */
function fileSystem(dirs: Set<string>, log: string[], refuse: (dir: string) => string | undefined = () => undefined): DirectoryCalls {
  return {
    mkdir: async (dir) => {
      log.push(`mkdir ${dir}`);
      const code = refuse(dir);
      if (code) throw errno(code, 'mkdir', dir);
      if (dirs.has(dir)) throw errno('EEXIST', 'mkdir', dir);
      dirs.add(dir);
    },
    lstat: async (path) => {
      if (!dirs.has(path)) throw errno('ENOENT', 'lstat', path);
      return {};
    },
  };
}

describe('withDirectory: mkdir -p one folder at a time', () => {
  it("reports a read-only file system as EROFS at the first missing directory (Node's recursive mkdir says ENOENT there)", async () => {
    const log: string[] = [];
    let made = false;
    const failed = (await withDirectory('/data/new/deeper', async () => (made = true), {}, fileSystem(new Set(['/', '/data']), log, () => 'EROFS')).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect(made).toBe(false);
    expect([failed.code, failed.path]).toEqual(['EROFS', '/data/new']);
    expect(log).toEqual(['mkdir /data/new']);
  });

  it('makes each missing folder from the top down and records the topmost; a folder another run made meanwhile (EEXIST) is used', async () => {
    const log: string[] = [];
    const dirs = new Set(['/', '/data']);
    const calls = fileSystem(dirs, log);
    // Another run makes /data/new between this one's look and its mkdir.
    const lstat = calls.lstat;
    calls.lstat = async (path) => {
      const r = await lstat(path).catch((e: unknown) => e);
      if (path === '/data/new') dirs.add('/data/new');
      if (r instanceof Error) throw r;
      return r;
    };
    const created = {};
    expect(await withDirectory('/data/new/a/b', async () => 'entry', created, calls)).toBe('entry');
    expect(log).toEqual(['mkdir /data/new', 'mkdir /data/new/a', 'mkdir /data/new/a/b']);
    expect(created).toEqual({ top: '/data/new/a' });
    expect([...dirs].sort()).toEqual(['/', '/data', '/data/new', '/data/new/a', '/data/new/a/b']);
  });

  it('gives up after its tries when a missing parent keeps answering ENOENT (a folder of a process that is gone, under /proc)', async () => {
    const log: string[] = [];
    const failed = (await withDirectory('/proc/999999/r', async () => 'entry', {}, fileSystem(new Set(['/', '/proc']), log, (dir) => (dir === '/proc/999999' ? 'ENOENT' : undefined))).catch((e: unknown) => e)) as NodeJS.ErrnoException;
    expect([failed.code, failed.path]).toEqual(['ENOENT', '/proc/999999']);
    expect(log.length).toBe(64);
  });
});
