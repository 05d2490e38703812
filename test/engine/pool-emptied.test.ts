import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll, describe, expect, it } from 'vitest';
import { failWhenEmpty, poolEmptied } from '../../src/engine/worker-pool.js';

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
    const outcome = await Promise.race([pool.run(0), poolEmptied(pool)]).then(
      () => 'settled',
      (err: NodeJS.ErrnoException) => err.code,
    );
    expect(outcome).toBe('ERR_WORKER_OUT_OF_MEMORY');
    await pool.destroy();
  }, 10_000);

  it('does not reject while a thread is left to run the tasks', async () => {
    const pool = poolOf('export default (x) => x + 1;\n', 1);
    const emptied = poolEmptied(pool).then(() => 'emptied', () => 'emptied');
    expect(await Promise.race([pool.run(41), emptied])).toBe(42);
    await pool.destroy();
  });
});
