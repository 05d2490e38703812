import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { claimTempDir, STALE_AFTER_MS, tempPathBeside } from '../../src/report/temp-dir.js';
import { writeReport } from '../../src/report/write-report.js';
import { runReportScenario } from './fixture.js';

/**
 * A write reads its parent folder for stale temporary directories once, when it starts (or not at
 * all when its caller swept it before its run: `parentSwept`), not again in the check just before
 * the rename: in a crowded parent (a /tmp of 83,527 names) each read was 60-90 ms of a run's tail.
 * A stale directory is emulated as a killed run's unclaimed probe (an empty directory named with a
 * pid that is gone), which a sweep removes (see unclaimed-temp-dirs.test.ts).
 */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

let sim: Simulation;
let summary: Summary;
let dir: string;
beforeAll(async () => {
  ({ sim, summary } = await runReportScenario());
});
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-one-sweep-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An empty directory beside `out` that a killed run left, as a sweep of the parent finds it. */
function staleBeside(out: string): string {
  const stale = join(dir, basename(tempPathBeside(out, 'probe')).replace(`-${process.pid}-`, `-${deadPid()}-`));
  mkdirSync(stale);
  return stale;
}

describe('stale temporary directories beside a report', () => {
  it('are removed when the write starts', async () => {
    const out = join(dir, 'fy27');
    const stale = staleBeside(out);
    await writeReport(out, sim, summary, { outputs: ['summary'] });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('are not looked for again just before the rename (one made during the write is the next write’s)', async () => {
    const out = join(dir, 'fy27');
    let stale = '';
    await writeReport(out, sim, summary, {
      outputs: ['summary'],
      onStep: (step) => {
        if (step === 'renaming') stale = staleBeside(out);
      },
    });
    expect(stale).not.toBe('');
    expect(existsSync(stale)).toBe(true);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    await writeReport(out, sim, summary, { outputs: ['summary'] });
    expect(existsSync(stale)).toBe(false);
  });

  it('are left to the caller that swept the parent before its run (parentSwept)', async () => {
    const out = join(dir, 'fy27');
    const stale = staleBeside(out);
    await writeReport(out, sim, summary, { outputs: ['summary'], parentSwept: true });
    expect(existsSync(stale)).toBe(true);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('are looked for again when such a write fails: a run killed mid-swap meanwhile left --out moved aside, and it is put back', async () => {
    const out = join(dir, 'fy27');
    await writeReport(out, sim, summary, { outputs: ['summary'] });
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const abort = new AbortController();
    const failed = writeReport(out, sim, summary, {
      outputs: ['summary', 'csv'],
      parentSwept: true,
      signal: abort.signal,
      onStep: (step) => {
        if (step !== 'summary.json') return;
        // Another run writing the same --out, killed between moving the report aside and putting its own in (as moved-aside-put-back.test.ts emulates it).
        const old = tempPathBeside(out, 'old');
        renameSync(out, old);
        claimTempDir(old, Date.now() - STALE_AFTER_MS - 60_000, 'fy27');
        abort.abort();
      },
    });
    await expect(failed).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['fy27']);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
  });
});
