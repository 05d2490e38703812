import { getEventListeners } from 'node:events';
import { describe as group, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeParts, parseScenario, partFileName, RunAbortedError, simulate, simulateShard, summarize, writePartFile, writeReport } from '../../src/index.js';

import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A run stopped through its AbortSignal ends, in every path, with an AbortError (RunAbortedError,
 * name 'AbortError') whose `cause` is the signal's reason, as piscina's AbortError carries it: the
 * signal aborted before the call, while the chunks run (in-process, and on a pool of the run's
 * own), and once the run is over (nothing: the result stands, no listener is left on the signal).
 */
const loaded = parseScenario(readFileSync(`${ROOT}scenarios/smb-lead-driven.yaml`, 'utf8'), 'smb-lead-driven.yaml');

/** The error `run` rejects with; fails the test when it resolves. */
async function rejection(run: Promise<unknown>): Promise<Error> {
  try {
    await run;
  } catch (err) {
    return err as Error;
  }
  throw new Error('the run was not stopped');
}

function expectAbortedBy(err: Error, reason: unknown): void {
  expect(err).toBeInstanceOf(RunAbortedError);
  expect(err.name).toBe('AbortError');
  expect(err.cause).toBe(reason);
}

group('an aborted run: an AbortError carrying the signal\'s reason', () => {
  it('aborted before the call: simulate, simulateShard, mergeParts and writeReport start nothing', async () => {
    const reason = new Error('the user closed the tab');
    const signal = AbortSignal.abort(reason);
    let progressed = 0;
    expectAbortedBy(await rejection(simulate(loaded, { trials: 3_000, workers: 0, signal, onProgress: () => progressed++ })), reason);
    expectAbortedBy(await rejection(simulateShard(loaded, { trials: 3_000, workers: 0, signal, shard: { index: 0, count: 2 } })), reason);
    expectAbortedBy(await rejection(mergeParts(['no-such-part.arrcast-part'], { signal })), reason);
    expect(progressed).toBe(0);
    const sim = await simulate(loaded, { trials: 1_000, workers: 0 });
    const scratch = mkdtempSync(join(tmpdir(), 'arrcast-abort-'));
    try {
      expectAbortedBy(await rejection(writeReport(join(scratch, 'report'), sim, summarize(sim), { outputs: ['summary'], signal })), reason);
      expect(existsSync(join(scratch, 'report'))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    // An abort without a reason: the signal's own (a DOMException named AbortError) is the cause.
    const bare = AbortSignal.abort();
    expectAbortedBy(await rejection(simulate(loaded, { trials: 1_000, workers: 0, signal: bare })), bare.reason);
    expect((bare.reason as Error).name).toBe('AbortError');
  });

  it('aborted mid-run, in-process and on a pool of its own: stops before the last chunk', async () => {
    for (const workers of [0, 1]) {
      const controller = new AbortController();
      const reason = { why: `stop at ${workers}` };
      let done = 0;
      const run = simulate(loaded, { trials: 6_000, seed: 2, workers, signal: controller.signal, onProgress: (n) => { done = n; controller.abort(reason); } });
      expectAbortedBy(await rejection(run), reason);
      expect(done).toBeLessThan(6_000);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
  });

  it('aborted after the run is over: the result stands, and the run left no listener on the signal', async () => {
    const controller = new AbortController();
    const sim = await simulate(loaded, { trials: 2_000, seed: 2, workers: 0, signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    controller.abort(new Error('too late'));
    expect(sim.trials).toBe(2_000);
    expect(sim.store.column('revenue')!.length).toBe(2_000);
  });
});

group('an abort before the work', () => {
  const reason = new Error('stop');
  const aborted = (err: unknown) => err instanceof RunAbortedError && (err as Error).cause === reason;
  const RUN = { trials: 20, seed: 3, workers: 0 } as const;

  it('simulate and simulateShard given an aborted signal call no onEstimate, and the abort wins over maxMinutes', async () => {
    let estimates = 0;
    const options = { trials: 2_000_000, workers: 0, maxMinutes: 1e-9, signal: AbortSignal.abort(reason), onEstimate: () => void estimates++ };
    await expect(simulate(loaded, options).catch((e: unknown) => aborted(e))).resolves.toBe(true);
    await expect(simulateShard(loaded, { ...options, shard: { index: 0, count: 2 } }).catch((e: unknown) => aborted(e))).resolves.toBe(true);
    expect(estimates).toBe(0);
  });

  it('writePartFile aborted during its recheck moves nothing into place', async () => {
    const part = await simulateShard(loaded, { ...RUN, shard: { index: 0, count: 2 } });
    const dir = scratch();
    const file = join(dir, partFileName({ index: 0, count: 2 }));
    const stop = new AbortController();
    try {
      const write = writePartFile(file, part, { signal: stop.signal, recheck: async () => stop.abort(reason) });
      await expect(write.catch((e: unknown) => aborted(e))).resolves.toBe(true);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writeReport given an aborted signal looks at no output place (a place that cannot be one gives the abort, not its error)', async () => {
    const sim = await simulate(loaded, RUN);
    const dir = scratch();
    try {
      writeFileSync(join(dir, 'a-file'), '');
      const write = writeReport(join(dir, 'a-file', 'report'), sim, summarize(sim), { outputs: ['summary'], signal: AbortSignal.abort(reason) });
      await expect(write.catch((e: unknown) => aborted(e))).resolves.toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function scratch(): string {
    return mkdtempSync(join(tmpdir(), 'arrcast-abort-'));
  }
});
