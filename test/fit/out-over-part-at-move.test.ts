import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * fit --out and init check again, just before the move (the write's recheck, recheckOutFile), that
 * the file is not an arrcast part: a part put there after resolveOutFile's check (a shard run
 * finishing into the same name) is kept, and nothing is written. Here the part comes once the
 * command has checked, when it starts writing (the writers wrapped to copy it there).
 */
const during = vi.hoisted(() => ({ change: undefined as (() => void) | undefined }));
vi.mock('../../src/report/atomic-file.js', async (original) => {
  const real = await original<typeof import('../../src/report/atomic-file.js')>();
  return {
    ...real,
    writeFileAtomically: async (...args: Parameters<typeof real.writeFileAtomically>) => {
      during.change?.();
      return real.writeFileAtomically(...args);
    },
    writeFilesAtomically: async (...args: Parameters<typeof real.writeFilesAtomically>) => {
      during.change?.();
      return real.writeFilesAtomically(...args);
    },
  };
});

// As init-content-recheck.test.ts: the CLI loaded afresh takes the mock; the files after get the real writers.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('../../src/report/atomic-file.js');
  vi.resetModules();
});
const { arrcastInProcess: arrcast } = await import('../helpers/cli.js');

const HISTORY_TEXT = `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000,30,300000,5000000,100000,90000`).join('\n')}\n`;
const WHY = "is an arrcast part file (a shard's trials, written by arrcast run --shard), which only the same shard of the same run replaces, --force or not; name another file";

let dir: string;
let part: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-part-at-move-'));
  writeFileSync(join(dir, 'history.csv'), HISTORY_TEXT);
  writeFileSync(join(dir, 'plan.yaml'), 'name: Parts\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  const r = await arrcast(['run', join(dir, 'plan.yaml'), '--trials', '2000', '--workers', '0', '--quiet', '--no-progress', '--shard', '1/2', '--out', `${join(dir, 'parts')}/`]);
  if (r.code !== 0) throw new Error(r.stderr);
  part = join(dir, 'parts', 'shard-1-of-2.arrcast-part');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a part put at a single-file output after its check, before the move', () => {
  it.each([
    ['fit --force', 'fitted.yaml', (out: string) => ['fit', join(dir, 'history.csv'), '--out', out, '--force'], '--out '],
    ['init --force', 'starter.yaml', (out: string) => ['init', out, '--force'], ''],
  ])('%s: exit 2 naming the file, the part kept byte for byte, no temporary file', async (_, name, args, label) => {
    const out = join(dir, name);
    writeFileSync(out, '# an earlier file, replaced with --force\n');
    during.change = () => copyFileSync(part, out);
    const r = await arrcast(args(out));
    during.change = undefined;
    expect([r.stderr, r.code]).toEqual([`arrcast: ${label}${out} ${WHY}\n`, 2]);
    expect(readFileSync(out).equals(readFileSync(part))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('arrcast-tmp') || f.startsWith(`.${name}`))).toEqual([]);
  });
});
