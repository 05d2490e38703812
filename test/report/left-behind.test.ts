import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A file the file system will not let arrcast remove (made immutable, `chattr +i`; a folder of
 * another user's; a file held busy on a network share) inside one of arrcast's own temporary
 * folders: the previous output moved aside to be replaced, a write's unfinished temporary folder,
 * or one a killed run left. Modelled on `node:fs/promises`' rm as the system behaves: every entry
 * of a folder goes but the stuck one (`stuck.txt`), whose unlink fails with EPERM naming it (rm's
 * `recursive`, as the code before this file used, and unlink, as it uses now).
 * (Found for real as root with `chattr +i R/report.html`, then `arrcast run ... --out R`: exit 0, the
 * new report in place, and a hidden `.arrcast-tmp-R-old-...` folder holding report.html left
 * without a word, its owner file gone, so no later run ever removed it.)
 */
const fsState = vi.hoisted(() => ({ stuck: true, otherDevice: '', bindMount: '' }));
const STUCK = 'stuck.txt';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const { basename } = await import('node:path');
  const stuckError = (path: string) => Object.assign(new Error(`EPERM: operation not permitted, unlink '${path}'`), { code: 'EPERM', errno: -1, syscall: 'unlink', path });
  // rm's `recursive` as the system does it: all goes but a stuck file at any depth (and the folders
  // holding it); the first stuck file is the error.
  const removeAllBut = async (p: string): Promise<string | undefined> => {
    const info = await real.lstat(p).catch(() => undefined);
    if (info === undefined) return undefined;
    if (!info.isDirectory()) {
      if (basename(p) === STUCK) return p;
      await real.unlink(p);
      return undefined;
    }
    let first: string | undefined;
    for (const name of await real.readdir(p)) {
      const stuck = await removeAllBut(join(p, name));
      first ??= stuck;
    }
    if (first === undefined) await real.rmdir(p);
    return first;
  };
  const rm = (async (path: Parameters<typeof real.rm>[0], options?: Parameters<typeof real.rm>[1]) => {
    const p = String(path);
    if (fsState.stuck && p.endsWith(`/${STUCK}`)) throw stuckError(p);
    if (fsState.stuck && options?.recursive) {
      const stuck = await removeAllBut(p).catch((err: unknown) => (options.force && (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : Promise.reject(err)));
      if (stuck !== undefined) throw stuckError(stuck);
      return;
    }
    return real.rm(path, options);
  }) as typeof real.rm;
  const unlink = (async (path: Parameters<typeof real.unlink>[0]) => {
    if (fsState.stuck && String(path).endsWith(`/${STUCK}`)) throw stuckError(String(path));
    return real.unlink(path);
  }) as typeof real.unlink;
  // A folder named fsState.otherDevice reports another device (a file system mounted there); one
  // named fsState.bindMount answers rmdir with EBUSY, as a mount point of the same device does.
  const lstat = (async (path: Parameters<typeof real.lstat>[0], options?: Parameters<typeof real.lstat>[1]) => {
    const info = await real.lstat(path, options as never);
    if (fsState.otherDevice !== '' && basename(String(path)) === fsState.otherDevice) return Object.assign(Object.create(Object.getPrototypeOf(info)), info, { dev: Number(info.dev) + 1 });
    return info;
  }) as typeof real.lstat;
  const rmdir = (async (path: Parameters<typeof real.rmdir>[0]) => {
    if (fsState.bindMount !== '' && basename(String(path)) === fsState.bindMount) throw Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${String(path)}'`), { code: 'EBUSY', errno: -16, syscall: 'rmdir', path: String(path) });
    return real.rmdir(path);
  }) as typeof real.rmdir;
  return { ...real, rm, unlink, lstat, rmdir, default: { ...real, rm, unlink, lstat, rmdir } };
});

// Loaded afresh with the mocked rm (the forks pool may hold them already, loaded without it).
vi.resetModules();
afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});
const { writeDirectoryAtomically } = await import('../../src/report/atomic-dir.js');
const { removeStaleTemps, removeOwnTemp, makeTempDir, OWNER_FILE, STALE_AFTER_MS, TEMP_PREFIX } = await import('../../src/report/temp-dir.js');
const { leftBehind, takeLeftBehind } = await import('../../src/engine/left-behind.js');

const temps = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

beforeEach(() => {
  fsState.stuck = true;
  fsState.otherDevice = '';
  fsState.bindMount = '';
  vi.restoreAllMocks();
  takeLeftBehind();
});

describe('what arrcast cannot remove of its own temporary folders', () => {
  it('the previous output moved aside: the new one in place, the copy left claimed (the next run writing there removes it) and named', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    const out = join(parent, 'r');
    await writeDirectoryAtomically(
      out,
      async (dir) => {
        writeFileSync(join(dir, 'summary.json'), '{}');
        mkdirSync(join(dir, 'charts'));
        writeFileSync(join(dir, 'charts', 'a.svg'), '<svg/>');
        writeFileSync(join(dir, 'charts', STUCK), 'old');
        writeFileSync(join(dir, 'charts', 'z.svg'), '<svg/>');
      },
      { kind: 'report' },
    );
    await writeDirectoryAtomically(out, async (dir) => writeFileSync(join(dir, 'new.txt'), 'new'), { kind: 'report' });

    expect(readdirSync(out).sort()).toEqual(['.arrcast-report', 'new.txt']);
    const [copy] = temps(parent);
    expect(copy).toMatch(/-old-/);
    // Still arrcast's (its owner file kept), holding only what could not go (the files after the
    // stuck one removed too), named by the system's own reason (not rm's ENOTDIR of its retry).
    expect(readdirSync(join(parent, copy!)).sort()).toEqual([OWNER_FILE, 'charts']);
    expect(readdirSync(join(parent, copy!, 'charts'))).toEqual([STUCK]);
    expect(takeLeftBehind()).toEqual([
      {
        path: join(parent, copy!),
        what: `the previous output ${out}, moved aside to be replaced,`,
        reason: `operation not permitted (EPERM) at ${join(parent, copy!, 'charts', STUCK)}`,
      },
    ]);

    // Once the system lets it go (the flag taken off), a later run's sweep removes it: it is stale
    // (its owner this process, so only after STALE_AFTER_MS).
    fsState.stuck = false;
    expect(await removeStaleTemps(parent, Date.now() + STALE_AFTER_MS + 1000)).toEqual([join(parent, copy!)]);
    expect(temps(parent)).toEqual([]);
  });

  it('a write that fails: its own error is the one thrown, not the clean-up\'s, and its temporary folder is named', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    const out = join(parent, 'r');
    const err = await writeDirectoryAtomically(
      out,
      async (dir) => {
        writeFileSync(join(dir, STUCK), 'half');
        throw new Error('the chart failed');
      },
      { kind: 'report' },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('the chart failed');
    expect(existsSync(out)).toBe(false);
    const [temp] = temps(parent);
    expect(temp).toMatch(/-new-/);
    expect(takeLeftBehind()).toEqual([
      { path: join(parent, temp!), what: `the unfinished output ${out}, written in a temporary folder,`, reason: `operation not permitted (EPERM) at ${join(parent, temp!, STUCK)}` },
    ]);
  });

  it("a killed run's stale folder that cannot be removed: the sweep goes on (the run is not refused) and names it", async () => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    const left = join(parent, `${TEMP_PREFIX}r-new-h00000000-1-deadbeef`);
    makeTempDir(left);
    writeFileSync(join(left, STUCK), 'x');
    const other = join(parent, `${TEMP_PREFIX}q-new-h00000000-1-feedbeef`);
    makeTempDir(other);
    mkdirSync(join(other, 'charts'));

    const later = Date.now() + STALE_AFTER_MS + 1000;
    expect(await removeStaleTemps(parent, later)).toEqual([other]);
    expect(readdirSync(left).sort()).toEqual([OWNER_FILE, STUCK]);
    expect(JSON.parse(readFileSync(join(left, OWNER_FILE), 'utf8')).pid).toBe(process.pid);
    expect(takeLeftBehind()).toEqual([
      { path: left, what: 'a temporary folder an earlier arrcast run left', reason: `operation not permitted (EPERM) at ${join(left, STUCK)}` },
    ]);
  });

  it('a link put in place of its folder (at ARRCAST_PAUSE_AT=written, then SIGINT): the link goes, the folder it points at stays whole', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    const user = join(parent, 'user');
    mkdirSync(join(user, 'sub'), { recursive: true });
    writeFileSync(join(user, 'a.txt'), 'precious');
    writeFileSync(join(user, 'sub', 'b.txt'), 'precious');
    const temp = join(parent, `${TEMP_PREFIX}r-old-h00000000-1-0000aaaa`);
    makeTempDir(temp);
    renameSync(temp, join(parent, 'aside'));
    symlinkSync(user, temp);
    expect(await removeOwnTemp(temp, 'the previous output')).toBe(true);
    expect(existsSync(temp)).toBe(false);
    expect(readdirSync(user, { recursive: true }).map(String).sort()).toEqual(['a.txt', 'sub', 'sub/b.txt']);
  });

  it.each(['mnt', 'bound'])('a file system mounted inside its folder (mnt: another device; bound: the same device, answering rmdir with EBUSY), here %s, is never entered; the folder is left claimed and named', async (mount) => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    const dir = join(parent, `${TEMP_PREFIX}r-old-h00000000-1-${mount}`);
    makeTempDir(dir);
    mkdirSync(join(dir, mount, 'sub'), { recursive: true });
    writeFileSync(join(dir, mount, 'a.txt'), 'precious');
    writeFileSync(join(dir, mount, 'sub', 'b.txt'), 'precious');
    writeFileSync(join(dir, 'report.html'), 'old');
    if (mount === 'mnt') fsState.otherDevice = mount;
    else fsState.bindMount = mount;
    expect(await removeOwnTemp(dir, 'the previous output')).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([OWNER_FILE, mount]);
    expect(readdirSync(join(dir, mount), { recursive: true }).map(String).sort()).toEqual(['a.txt', 'sub', 'sub/b.txt']);
    expect(takeLeftBehind()).toEqual([{ path: dir, what: 'the previous output', reason: `resource busy or locked (EBUSY) at ${join(dir, mount)}` }]);
  });

  it('a file system bound on its folder itself: nothing in it removed, the folder named', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    fsState.bindMount = `${TEMP_PREFIX}r-old-h00000000-1-itself`;
    const itself = join(parent, fsState.bindMount);
    makeTempDir(itself);
    writeFileSync(join(itself, 'a.txt'), 'precious');
    expect(await removeOwnTemp(itself, 'the previous output')).toBe(false);
    expect(readdirSync(itself).sort()).toEqual([OWNER_FILE, 'a.txt']);
    expect(takeLeftBehind()).toEqual([{ path: itself, what: 'the previous output', reason: 'resource busy or locked (EBUSY)' }]);
  });

  it("another user's stale folder in a shared folder: left as it is and not named (its owner cannot be this user)", async () => {
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-left-'));
    const theirs = join(parent, `${TEMP_PREFIX}r-new-h00000000-1-0000bbbb`);
    makeTempDir(theirs);
    writeFileSync(join(theirs, 'a.txt'), 'x');
    // This process as a user other than the folder's owner (and not root).
    vi.spyOn(process, 'getuid').mockReturnValue((process.getuid?.() ?? 0) + 4242);
    expect(await removeStaleTemps(parent, Date.now() + STALE_AFTER_MS + 1000)).toEqual([]);
    expect(readdirSync(theirs).sort()).toEqual([OWNER_FILE, 'a.txt']);
    expect(takeLeftBehind()).toEqual([]);
  });

  it('a folder recorded twice (a failed write\'s clean-up, then the sweep after it) is named once', () => {
    leftBehind('/r/.arrcast-tmp-r-new-x', 'the unfinished output', 'first');
    leftBehind('/r/.arrcast-tmp-r-new-x', 'a temporary folder an earlier arrcast run left', 'second');
    expect(takeLeftBehind()).toEqual([{ path: '/r/.arrcast-tmp-r-new-x', what: 'the unfinished output', reason: 'first' }]);
  });
});
