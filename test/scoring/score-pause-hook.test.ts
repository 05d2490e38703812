import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliWith } from '../helpers/in-process-cli.js';

/**
 * `arrcast score --out` names its write steps to the ARRCAST_PAUSE_AT hook (score.csv, each chart's
 * SVG, score.html, renaming, written), as run, compare and merge do: a signal can be sent at each in a
 * test. Interrupted there, the earlier score stays byte for byte and no temporary directory is left.
 * In process: the CLI's AbortSignal stands for the signal, sent once the temporary directory holds
 * the step's file (a state, not a clock).
 */
let dir: string;
const args = () => ['score', join(dir, 'r'), '--actuals', join(dir, 'outcomes.csv'), '--out', join(dir, 'score')];

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-score-pause-')));
  writeFileSync(join(dir, 'plan.yaml'), 'name: Pause\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  const run = await runCli('run', join(dir, 'plan.yaml'), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'r'), '--outputs', 'summary,trials');
  if (run.code !== 0) throw new Error(run.err);
  writeFileSync(join(dir, 'outcomes.csv'), 'tier,metric,value\ntotal,revenue,11000000\n');
  const first = await runCli(...args());
  if (first.code !== 0) throw new Error(first.err);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('score --out with ARRCAST_PAUSE_AT', () => {
  it.each([['score.csv'], ['score.html']])('pauses at %s; interrupted there, it keeps the earlier score whole', async (step) => {
    const before = readFileSync(join(dir, 'score', 'score.csv'), 'utf8');
    const entries = readdirSync(dir).sort();
    const controller = new AbortController();
    process.env.ARRCAST_PAUSE_AT = step;
    try {
      const running = runCliWith(args(), controller.signal);
      let done = false;
      void running.finally(() => (done = true));
      // The step's file is in the temporary directory beside the output: the write is at that step.
      const atStep = () => readdirSync(dir).some((e) => e.includes('-new-') && readdirSync(join(dir, e)).includes(step));
      while (!done && !atStep()) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      const r = await running;
      expect(r.err).toContain(`arrcast: test hook: paused at ${step}`);
      expect(r.code).toBe(130);
    } finally {
      delete process.env.ARRCAST_PAUSE_AT;
    }
    expect(readFileSync(join(dir, 'score', 'score.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(entries);
  });
});
