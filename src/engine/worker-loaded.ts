import { threadId } from 'node:worker_threads';

/**
 * Knowing when a pool's worker threads have loaded their module.
 *
 * Node 20 aborts the whole process ("FATAL ERROR: v8::Module::IsGraphAsync ... must be used on an
 * instantiated module", exit 134) when a worker thread is terminated while it is still instantiating
 * its ES module graph, which piscina loads with require(esm). A pool closed right after it was
 * started (a bad scenario found while the pool warms up, a Ctrl-C in the first second of the studio)
 * hit exactly that. So each worker counts itself in a shared counter once its module has loaded (the
 * require call that loads it has returned), and a
 * pool is destroyed only after every thread has counted itself (or after a timeout, for a thread
 * that failed to load at all and will never count).
 */

/** The shared counter given to the workers (in their workerData under this key). */
export const LOADED_KEY = 'arrcastLoaded';

/** Thread ids a counter records (beyond them a pool's loads are still counted, not named). */
const NAMED = 1024;

/**
 * A fresh counter of loaded workers: [count, thread id of the 1st to load, of the 2nd, ...]. The
 * ids let a close wait for the very threads a pool has now, replacements included (piscina starts
 * a new thread for one it terminated, and that one loads while the pool is being closed).
 */
export function loadedCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer((1 + NAMED) * Int32Array.BYTES_PER_ELEMENT));
}

/** In a worker, once its module has been evaluated: count this thread as loaded, by its id (no-op without a counter). */
export function markLoaded(workerData: unknown, thread = threadId): void {
  const counter = (workerData as Record<string, unknown> | null | undefined)?.[LOADED_KEY];
  if (!(counter instanceof Int32Array)) return;
  const i = Atomics.add(counter, 0, 1);
  if (1 + i < counter.length) Atomics.store(counter, 1 + i, thread);
  Atomics.notify(counter, 0);
}

/** Whether every thread of `threads` (ids) has counted itself. Complexity: O(threads x loaded). */
function allLoaded(counter: Int32Array, threads: readonly number[]): boolean {
  const n = Math.min(Atomics.load(counter, 0), counter.length - 1);
  return threads.every((id) => {
    for (let i = 1; i <= n; i++) if (Atomics.load(counter, i) === id) return true;
    return false;
  });
}

/** How often a waiting close looks at the counter. A timer, not Atomics.waitAsync: a pending waitAsync does not keep Node's event loop alive, so a process with nothing else to do would exit mid-close. */
const POLL_MS = 5;

/**
 * Resolves when every thread whose id `threads` returns (looked at anew each time: a pool's threads
 * change when one is replaced) has counted itself, or after `timeoutMs`.
 * Complexity: one look every POLL_MS while waiting (threads load in well under a second).
 */
export async function whenLoaded(counter: Int32Array, threads: () => readonly number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!allLoaded(counter, threads()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
}
