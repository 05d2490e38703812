import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const fsState = vi.hoisted(() => ({ stuck: true }));
const STUCK = 'stuck.txt';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const stuckError = (path: string) => Object.assign(new Error(`EPERM: operation not permitted, unlink '${path}'`), { code: 'EPERM', errno: -1, syscall: 'unlink', path });
  const rm = (async (path: Parameters<typeof real.rm>[0], options?: Parameters<typeof real.rm>[1]) => {
    const p = String(path);
    if (fsState.stuck && p.endsWith(`/${STUCK}`)) throw stuckError(p);
    if (fsState.stuck && options?.recursive) {
      const names = await real.readdir(p).catch(() => undefined);
      if (names?.includes(STUCK)) {
        for (const name of names) if (name !== STUCK) await real.rm(join(p, name), { recursive: true, force: true });
        throw stuckError(join(p, STUCK));
      }
    }
    return real.rm(path, options);
  }) as typeof real.rm;
  const unlink = (async (path: Parameters<typeof real.unlink>[0]) => {
    if (fsState.stuck && String(path).endsWith(`/${STUCK}`)) throw stuckError(String(path));
    return real.unlink(path);
  }) as typeof real.unlink;
  return { ...real, rm, unlink, default: { ...real, rm, unlink } };
});

// Loaded afresh with the mocked rm (the forks pool may hold them already, loaded without it).
vi.resetModules();
afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});
const { writeDirectoryAtomically } = await import('../../src/report/atomic-dir.js');
const { removeStaleTemps, makeTempDir, OWNER_FILE, STALE_AFTER_MS, TEMP_PREFIX } = await import('../../src/report/temp-dir.js');
const { takeLeftBehind } = await import('../../src/engine/left-behind.js');

const temps = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

beforeEach(() => {
  fsState.stuck = true;
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
});
