import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll, describe, expect, it } from 'vitest';
import { failWhenEmpty, untilPoolEmptied, waitingOnPool } from '../../src/engine/worker-pool.js';

// A real fault, not an injected one: a worker thread that runs out of memory while its module loads
// (a heap limit of 4 MB). Piscina does not replace a thread that dies starting, and rejects no task
// queued once none is left; a run waiting for its chunks hung, then exited with code 13 and no message.
const dir = mkdtempSync(join(tmpdir(), 'arrcast-pool-emptied-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function poolOf(body: string, threads: number, heapMb?: number): Piscina {
  const file = join(dir, `w${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, body);
  const pool = new Piscina({ filename: pathToFileURL(file).href, minThreads: threads, maxThreads: threads, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
  failWhenEmpty(pool);
  return pool;
}

describe('a pool whose threads all die while loading', () => {
  it('rejects the tasks waiting for it with the error that killed the last thread', async () => {
    const pool = poolOf('const held = []; for (;;) held.push(new Array(1e5).fill(held.length));\nexport default () => 1;\n', 2, 4);
    // As a run finds it: its tasks come after the pool's threads have died (it loads its scenario first).
    while (pool.threads.length > 0) await new Promise((r) => setTimeout(r, 5));
    const outcome = await untilPoolEmptied(pool, pool.run(0)).then(
      () => 'settled',
      (err: NodeJS.ErrnoException) => err.code,
    );
    expect(outcome).toBe('ERR_WORKER_OUT_OF_MEMORY');
    // A later task is refused at once with the same cause.
    const later = await untilPoolEmptied(pool, pool.run(1)).then(
      () => 'settled',
      (err: NodeJS.ErrnoException) => err.code,
    );
    expect(later).toBe('ERR_WORKER_OUT_OF_MEMORY');
    await pool.destroy();
  }, 10_000);

  it('while a thread is left, tasks settle with their own results, and no waiter outlives its task', async () => {
    const pool = poolOf('export default (x) => { if (x < 0) throw new Error(`bad ${x}`); return x + 1; };\n', 1);
    // A warm pool running task after task (the studio's engine): each waiter is removed when its task
    // settles, so none holds a finished task's result (a waiter per task kept every result alive).
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => untilPoolEmptied(pool, pool.run(i))));
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await expect(untilPoolEmptied(pool, pool.run(-3))).rejects.toThrow('bad -3');
    expect(waitingOnPool(pool)).toBe(0);
    await pool.destroy();
  });
});
