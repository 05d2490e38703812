import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

/**
 * The instants around the renames that put an output in place, which no signal can come into but a
 * SIGKILL or a power loss can. Every fsync and every rename or link src makes is recorded
 * (`node:fs/promises`' FileHandle.sync, `node:fs`' renameSync and linkSync), in order, and hooks
 * run just before and just after each renameSync: what a kill at that instant would leave is read there.
 *
 * - An output is renamed (or linked) into place only once its data is on disk (fsync): a rename is
 *   visible at once, but the data of files written just before it may still be only in memory, so a
 *   power loss could leave a report or a scenario in place with empty or cut files.
 * - The previous output, moved aside, must be claimed already (naming the output it was), so that
 *   the next run puts it back (moved-aside-put-back.test.ts). It was claimed only after the rename:
 *   killed between the two, it stayed hidden, unclaimed, for good, with --out missing.
 */
const log = vi.hoisted(() => ({
  events: [] as string[],
  beforeRenameSync: undefined as ((from: string) => void) | undefined,
  afterRenameSync: undefined as ((from: string, to: string) => void) | undefined,
  /** When set, every fsync fails with this code (a file system that cannot flush, or a disk error). */
  syncFails: undefined as string | undefined,
}));

type Fs = typeof import('node:fs');
type FsPromises = typeof import('node:fs/promises');
let writeDirectoryAtomically: typeof import('../../src/report/atomic-dir.js').writeDirectoryAtomically;
let writeFilesAtomically: typeof import('../../src/report/atomic-file.js').writeFilesAtomically;
let OWNER_MAGIC: string;
let OWNER_FILE: string;

beforeAll(async () => {
  vi.doMock('node:fs', async (importOriginal) => {
    const real = await importOriginal<Fs>();
    const mocked: Fs = {
      ...real,
      renameSync: (from, to) => {
        log.beforeRenameSync?.(String(from));
        log.events.push(`rename ${String(from)} -> ${String(to)}`);
        real.renameSync(from, to);
        log.afterRenameSync?.(String(from), String(to));
      },
      linkSync: (from, to) => {
        log.events.push(`link ${String(from)} -> ${String(to)}`);
        real.linkSync(from, to);
      },
    };
    return { ...mocked, default: mocked };
  });
  vi.doMock('node:fs/promises', async (importOriginal) => {
    const real = await importOriginal<FsPromises>();
    const mocked: FsPromises = {
      ...real,
      open: (async (...args: Parameters<FsPromises['open']>) => {
        const handle = await real.open(...args);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          if (log.syncFails) throw Object.assign(new Error(`${log.syncFails}: fsync`), { code: log.syncFails });
          await sync();
          log.events.push(`sync ${String(args[0])}`);
        };
        return handle;
      }) as FsPromises['open'],
    };
    return { ...mocked, default: mocked };
  });
  vi.resetModules();
  ({ writeDirectoryAtomically } = await import('../../src/report/atomic-dir.js'));
  ({ writeFilesAtomically } = await import('../../src/report/atomic-file.js'));
  ({ OWNER_MAGIC, OWNER_FILE } = await import('../../src/report/temp-dir.js'));
});

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-rename-instants-')));
  log.events = [];
  log.beforeRenameSync = log.afterRenameSync = undefined;
  log.syncFails = undefined;
});

/** The paths synced before the first event that starts with `move`, relative to `base`. */
function syncedBefore(move: string, base: string): string[] {
  const at = log.events.findIndex((e) => e.startsWith(move));
  expect(at, `no "${move}" in ${log.events.join('; ')}`).toBeGreaterThan(-1);
  return log.events
    .slice(0, at)
    .filter((e) => e.startsWith('sync '))
    .map((e) => relative(base, e.slice('sync '.length)) || '.');
}

describe('a report directory', () => {
  it('has every file and folder in it flushed before it is renamed into place', async () => {
    const out = join(root, 'fy27');
    let temp = '';
    await writeDirectoryAtomically(
      out,
      async (dir) => {
        temp = dir;
        writeFileSync(join(dir, 'summary.json'), '{}\n');
        mkdirSync(join(dir, 'charts'));
        writeFileSync(join(dir, 'charts', 'revenue.svg'), '<svg/>');
      },
      { kind: 'report' },
    );
    const synced = syncedBefore(`rename ${temp} -> ${out}`, temp);
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((p) => !p.startsWith('.arrcast-temp-owner'));
    expect(written.sort()).toEqual(['.arrcast-report', 'charts', 'charts/revenue.svg', 'summary.json']);
    expect(synced.sort()).toEqual(expect.arrayContaining([...written, '.']));
  });
});

describe('single files (fit --out, init, a studio save)', () => {
  it('each has its temporary file flushed before it is linked or renamed into place', async () => {
    const replaced = join(root, 'plan.yaml');
    writeFileSync(replaced, 'old\n');
    const fresh = join(root, 'data', 'book.csv');
    await writeFilesAtomically(
      [
        { path: replaced, text: 'new\n', force: true },
        { path: fresh, text: 'id\n' },
      ],
      { parents: true },
    );
    expect(readFileSync(replaced, 'utf8')).toBe('new\n');
    for (const [move, path] of [
      ['rename ', replaced],
      ['link ', fresh],
    ] as const) {
      const event = log.events.find((e) => e.startsWith(move) && e.endsWith(` -> ${path}`))!;
      expect(event, log.events.join('; ')).toBeDefined();
      const temp = event.slice(move.length, event.indexOf(' -> '));
      expect(log.events.indexOf(`sync ${temp}`), log.events.join('; ')).toBeGreaterThan(-1);
      expect(log.events.indexOf(`sync ${temp}`)).toBeLessThan(log.events.indexOf(event));
    }
  });
});

describe('the previous output, the instant it is moved aside', () => {
  it('is already claimed, naming the output it was (a kill there leaves it to be put back)', async () => {
    const out = join(root, 'fy27');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), '{"the":"only copy"}\n');
    // What a kill right after the rename would leave, read before the swap goes on (it is synchronous).
    let owner: unknown = 'not seen';
    log.afterRenameSync = (from, to) => {
      if (from !== out || !basename(to).includes('-old-')) return;
      try {
        owner = JSON.parse(readFileSync(join(to, OWNER_FILE), 'utf8'));
      } catch {
        owner = undefined;
      }
    };
    await writeDirectoryAtomically(out, async (dir) => writeFileSync(join(dir, 'summary.json'), '{"new":true}\n'), { kind: 'report' });
    expect(owner).toMatchObject({ magic: OWNER_MAGIC, pid: process.pid, replaces: 'fy27' });
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"new":true}\n');
    expect(readdirSync(root)).toEqual(['fy27']);
  });

  it('is left as it was, unclaimed and with its mode, when it cannot be moved aside', async () => {
    const out = join(root, 'fy27');
    mkdirSync(out, { mode: 0o500 });
    log.beforeRenameSync = (from) => {
      if (from === out) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    };
    await expect(writeDirectoryAtomically(out, async () => undefined, { kind: 'report' })).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
    expect(statSync(out).mode & 0o777).toBe(0o500);
    expect(readdirSync(root)).toEqual(['fy27']);
  });
});

describe('a file system that cannot flush', () => {
  // Some FUSE and network mounts answer fsync with EINVAL or ENOTSUP: outputs were written there before
  // they were flushed, and still are (review finding: every report, init, fit --out and studio save
  // failed there). A disk error is still a failed write.
  it.each(['EINVAL', 'ENOTSUP', 'ENOSYS'])('%s: the report and a single file are written all the same', async (code) => {
    log.syncFails = code;
    const out = join(root, 'fy27');
    await writeDirectoryAtomically(out, async (dir) => writeFileSync(join(dir, 'summary.json'), '{}\n'), { kind: 'report' });
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{}\n');
    await writeFilesAtomically([{ path: join(root, 'plan.yaml'), text: 'new\n' }], {});
    expect(readFileSync(join(root, 'plan.yaml'), 'utf8')).toBe('new\n');
  });

  it('EIO: the write fails and nothing is put in place', async () => {
    log.syncFails = 'EIO';
    await expect(writeFilesAtomically([{ path: join(root, 'plan.yaml'), text: 'new\n' }], {})).rejects.toThrow(/EIO|input\/output/);
    expect(readdirSync(root)).toEqual([]);
  });
});
