import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

const minimal = join(ROOT, 'test/fixtures/minimal.yaml'); // trials: 2000, below IN_PROCESS_BELOW
const out = () => join(mkdtempSync(join(tmpdir(), 'arrcast-cli-engine-')), 'report');

/** The worker threads this process starts while `work` runs (Node's 'worker' event of process). */
async function threadsStarted(work: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const count = () => void started++;
  process.on('worker', count);
  try {
    await work();
  } finally {
    process.off('worker', count);
  }
  return started;
}

describe("the CLI's engine and the scenario's own trial count", () => {
  it("a run of the scenario's trials, fewer than a pool is worth, starts no worker thread (it runs in-process), as with --trials of the same count", async () => {
    const run = (...args: string[]) => threadsStarted(async () => expect((await runCli('run', minimal, ...args, '--outputs', 'summary', '--quiet', '--no-progress', '--out', out())).code).toBe(0));
    expect(await run()).toBe(0);
    expect(await run('--trials', '2000')).toBe(0);
    // A run large enough for a pool starts its threads.
    expect(await run('--trials', '6000')).toBeGreaterThan(0);
  }, 120_000);
});
