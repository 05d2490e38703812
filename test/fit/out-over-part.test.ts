import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A single-file output (`fit --out`, `init`) never replaces an arrcast part file, --force or not: a
 * shard's trials (hours of them, perhaps) are another command's output, as a report is to `compare
 * --out`, and only the same shard of the same run replaces them. `fit history.csv --out
 * parts/shard-1-of-2.arrcast-part --force` exited 0 and put a scenario there. The check is
 * resolveOutFile's (report/resolve-out-file.ts), the seam both commands share; it reads the file's
 * first bytes (the part format's magic), not its name.
 */
const HISTORY_TEXT = `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000,30,300000,5000000,100000,90000`).join('\n')}\n`;
const WHY = "is an arrcast part file (a shard's trials, written by arrcast run --shard), which only the same shard of the same run replaces, --force or not; name another file";

let dir: string;
let part: string;
let partBytes: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-out-over-part-'));
  writeFileSync(join(dir, 'history.csv'), HISTORY_TEXT);
  writeFileSync(join(dir, 'plan.yaml'), 'name: Parts\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  const r = await runCli('run', join(dir, 'plan.yaml'), '--trials', '2000', '--workers', '0', '--quiet', '--no-progress', '--shard', '1/2', '--out', `${join(dir, 'parts')}/`);
  if (r.code !== 0) throw new Error(r.err);
  part = join(dir, 'parts', 'shard-1-of-2.arrcast-part');
  partBytes = readFileSync(part);
  // The same part under a scenario's name, and a link to it: the bytes tell, not the name.
  writeFileSync(join(dir, 'parts', 'renamed.yaml'), partBytes);
  symlinkSync(part, join(dir, 'link.yaml'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a single-file output over an arrcast part file', () => {
  it.each([
    ['fit --force', (out: string) => ['fit', join(dir, 'history.csv'), '--out', out, '--force'], '--out '],
    ['init --force', (out: string) => ['init', out, '--force'], ''],
  ])('%s: exit 2 naming the file, the part byte for byte, nothing beside it', async (_, args, label) => {
    for (const [out, bytes] of [
      [part, partBytes],
      [join(dir, 'parts', 'renamed.yaml'), partBytes],
      [join(dir, 'link.yaml'), partBytes],
    ] as const) {
      const r = await runCli(...args(out));
      expect(r.code, out).toBe(2);
      expect(r.err, out).toBe(`arrcast: ${label}${out} ${WHY}\n`);
      expect(readFileSync(out).equals(bytes), out).toBe(true);
    }
    expect(readdirSync(join(dir, 'parts')).sort()).toEqual(['renamed.yaml', 'shard-1-of-2.arrcast-part']);
    expect(readdirSync(dir).sort()).toEqual(['history.csv', 'link.yaml', 'parts', 'plan.yaml']);
  });

  // A boundary pin, not a test of the fix (it passes before and after): 7 of the magic's 8 bytes is
  // not a part, so the part check must not grow into refusing any file that merely starts alike.
  it('boundary pin: a file holding the magic cut short (7 bytes) is an ordinary file, replaced with --force', async () => {
    const out = join(dir, 'short.yaml');
    writeFileSync(out, 'ARRCPAR');
    const r = await runCli('fit', join(dir, 'history.csv'), '--out', out, '--force');
    expect(r.code).toBe(0);
    expect(r.err).toBe(`wrote ${out} (12 months of 1 tier); next: arrcast validate ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });
});
