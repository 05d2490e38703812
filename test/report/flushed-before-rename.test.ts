import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * An output is renamed (or linked) into place only once its data is on disk (fsync): a rename is
 * visible at once, but the data of files written just before it may still be only in memory, so a
 * power loss or a crash of the system could leave a report or a scenario in place with empty or cut
 * files, whole in name only. Here every fsync and every rename or link src makes is recorded
 * (`node:fs/promises`' FileHandle.sync, `node:fs`' renameSync and linkSync), in order.
 */
const log = vi.hoisted(() => ({ events: [] as string[] }));

type Fs = typeof import('node:fs');
type FsPromises = typeof import('node:fs/promises');
let writeDirectoryAtomically: typeof import('../../src/report/atomic-dir.js').writeDirectoryAtomically;
let writeFilesAtomically: typeof import('../../src/report/atomic-file.js').writeFilesAtomically;

beforeAll(async () => {
  vi.doMock('node:fs', async (importOriginal) => {
    const real = await importOriginal<Fs>();
    const mocked: Fs = {
      ...real,
      renameSync: (from, to) => {
        log.events.push(`rename ${String(from)} -> ${String(to)}`);
        real.renameSync(from, to);
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
});

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-flushed-')));
  log.events = [];
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
