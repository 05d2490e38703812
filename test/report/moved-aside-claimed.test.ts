import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A run replacing an output moves the previous one aside (renames it to .arrcast-tmp-NAME-old-...)
 * and puts the new one in place. A process killed outright (SIGKILL, power loss) in the instant
 * right after that first rename must leave the previous output claimed, naming the output it was,
 * so that the next run writing there puts it back (moved-aside-put-back.test.ts). It was claimed
 * only after the rename: killed between the two, it stayed hidden, unclaimed, for good, with --out
 * missing. The instant is caught here by a hook after `node:fs`'s renameSync, which src uses for the
 * swap: what a kill at that instant would leave is read there.
 */
const hooks = vi.hoisted(() => ({
  beforeRenameSync: undefined as ((from: string) => void) | undefined,
  afterRenameSync: undefined as ((from: string, to: string) => void) | undefined,
}));

type Fs = typeof import('node:fs');
let writeDirectoryAtomically: typeof import('../../src/report/atomic-dir.js').writeDirectoryAtomically;
let OWNER_MAGIC: string;
let OWNER_FILE: string;

beforeAll(async () => {
  vi.doMock('node:fs', async (importOriginal) => {
    const real = await importOriginal<Fs>();
    const mocked: Fs = {
      ...real,
      renameSync: (from, to) => {
        hooks.beforeRenameSync?.(String(from));
        real.renameSync(from, to);
        hooks.afterRenameSync?.(String(from), String(to));
      },
    };
    return { ...mocked, default: mocked };
  });
  vi.resetModules();
  ({ writeDirectoryAtomically } = await import('../../src/report/atomic-dir.js'));
  ({ OWNER_MAGIC, OWNER_FILE } = await import('../../src/report/temp-dir.js'));
});

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-moved-aside-')));
  hooks.beforeRenameSync = hooks.afterRenameSync = undefined;
});

describe('the previous output, the instant it is moved aside', () => {
  it('is already claimed, naming the output it was (a kill there leaves it to be put back)', async () => {
    const out = join(root, 'fy27');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), '{"the":"only copy"}\n');
    // What a kill right after the rename would leave, read before the swap goes on (it is synchronous).
    let owner: unknown = 'not seen';
    hooks.afterRenameSync = (from, to) => {
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
    hooks.beforeRenameSync = (from) => {
      if (from === out) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    };
    await expect(writeDirectoryAtomically(out, async () => undefined, { kind: 'report' })).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
    expect(statSync(out).mode & 0o777).toBe(0o500);
    expect(readdirSync(root)).toEqual(['fy27']);
  });
});
