import { describe, expect, it } from 'vitest';
import { withDirectory, type DirectoryCalls } from '../../src/engine/fresh-dir.js';

/** An errno error as Node's fs makes them. */
const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

/**
 * A file system where `/data` exists and is read-only, played as Node's recursive mkdir answers on
 * one (it stats the path after a mkdir that failed with EROFS, and reports that stat's ENOENT),
 * while a plain mkdir gives the real EROFS.
 */
function readOnlyFileSystem(log: string[]): DirectoryCalls {
  return {
    mkdir: async (dir, options) => {
      log.push(`mkdir ${dir}${options?.recursive ? ' -p' : ''}`);
      if (options?.recursive) throw errno('ENOENT', 'mkdir', dir);
      throw errno('EROFS', 'mkdir', dir);
    },
    rmdir: async (dir) => void log.push(`rmdir ${dir}`),
    lstat: async (path) => {
      if (path === '/data' || path === '/') return {};
      throw errno('ENOENT', 'lstat', path);
    },
  };
}

describe('withDirectory: the reason a directory cannot be made', () => {
  it("reports a read-only file system as EROFS at the first missing directory, not Node's ENOENT", async () => {
    const log: string[] = [];
    let made = false;
    const failed = await withDirectory('/data/new/deeper', async () => (made = true), {}, readOnlyFileSystem(log)).catch((e: NodeJS.ErrnoException) => e);
    expect(made).toBe(false);
    expect([(failed as NodeJS.ErrnoException).code, (failed as NodeJS.ErrnoException).path]).toEqual(['EROFS', '/data/new']);
    // Once, no retries: the real reason is known.
    expect(log).toEqual(['mkdir /data/new/deeper -p', 'mkdir /data/new']);
  });

  it('tries again when the first missing directory can be made after all (another run removed it meanwhile), and removes that probe', async () => {
    const log: string[] = [];
    let recursiveCalls = 0;
    const calls: DirectoryCalls = {
      mkdir: async (dir, options) => {
        log.push(`mkdir ${dir}${options?.recursive ? ' -p' : ''}`);
        if (options?.recursive && recursiveCalls++ === 0) throw errno('ENOENT', 'mkdir', dir);
        return options?.recursive ? dir : undefined;
      },
      rmdir: async (dir) => void log.push(`rmdir ${dir}`),
      lstat: async (path) => {
        if (path === '/data') return {};
        throw errno('ENOENT', 'lstat', path);
      },
    };
    const created = {};
    expect(await withDirectory('/data/new', async () => 'entry', created, calls)).toBe('entry');
    expect(log).toEqual(['mkdir /data/new -p', 'mkdir /data/new', 'rmdir /data/new', 'mkdir /data/new -p']);
    expect(created).toEqual({ top: '/data/new' });
  });
});
