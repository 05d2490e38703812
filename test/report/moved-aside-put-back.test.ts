import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimTempDir, OWNER_FILE, removeStaleTemps, STALE_AFTER_MS, tempPathBeside } from '../../src/report/temp-dir.js';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A run replacing a report moves the previous one aside and claims it (naming the report it was)
 * before it puts the new one in place. Killed between the two (SIGKILL, power loss), it leaves
 * --out missing and the previous report, stale and claimed, beside it: the user's only copy. The
 * next run writing in that folder puts it back rather than removing it. Here the kill is emulated:
 * the report is moved aside and claimed as the swap does, by an owner gone for a day.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-put-back-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `name` in `dir` moved aside and claimed as a killed swap leaves it; returns where it went. */
function killedMidSwap(name: string): string {
  const out = join(dir, name);
  const old = tempPathBeside(out, 'old');
  renameSync(out, old);
  claimTempDir(old, Date.now() - STALE_AFTER_MS - 60_000, name);
  return old;
}

describe('a previous report moved aside by a run killed mid-swap', () => {
  it('is put back where it was when nothing is there, owner file gone', async () => {
    mkdirSync(join(dir, 'fy27'));
    writeFileSync(join(dir, 'fy27', 'summary.json'), '{"the":"only copy"}\n');
    killedMidSwap('fy27');
    expect(readdirSync(dir)).toHaveLength(1);
    expect(await removeStaleTemps(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['fy27']);
    expect(readFileSync(join(dir, 'fy27', 'summary.json'), 'utf8')).toBe('{"the":"only copy"}\n');
    expect(existsSync(join(dir, 'fy27', OWNER_FILE))).toBe(false);
  });

  it('is removed when the new report is in place (the run was killed after the swap)', async () => {
    mkdirSync(join(dir, 'fy27'));
    writeFileSync(join(dir, 'fy27', 'summary.json'), '{"old":true}\n');
    const old = killedMidSwap('fy27');
    mkdirSync(join(dir, 'fy27'));
    writeFileSync(join(dir, 'fy27', 'summary.json'), '{"new":true}\n');
    expect(await removeStaleTemps(dir)).toEqual([old]);
    expect(readdirSync(dir)).toEqual(['fy27']);
    expect(readFileSync(join(dir, 'fy27', 'summary.json'), 'utf8')).toBe('{"new":true}\n');
  });

  it('is put back by the next run writing another report in the same folder', async () => {
    const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
    const first = await runCli('run', minimal, '-n', '200', '-w', '0', '--no-progress', '--out', join(dir, 'fy27'));
    expect(first.code, first.err).toBe(0);
    const summary = readFileSync(join(dir, 'fy27', 'summary.json'), 'utf8');
    killedMidSwap('fy27');
    const next = await runCli('run', minimal, '-n', '200', '-w', '0', '--no-progress', '--out', join(dir, 'fy28'));
    expect(next.code, next.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['fy27', 'fy28']);
    expect(readFileSync(join(dir, 'fy27', 'summary.json'), 'utf8')).toBe(summary);
  });
});
