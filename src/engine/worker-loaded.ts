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

/** A fresh counter of loaded workers. */
export function loadedCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** In a worker, once its module has been evaluated: count this thread as loaded (no-op without a counter). */
export function markLoaded(workerData: unknown): void {
  const counter = (workerData as Record<string, unknown> | null | undefined)?.[LOADED_KEY];
  if (!(counter instanceof Int32Array)) return;
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

/** How often a waiting close looks at the counter. A timer, not Atomics.waitAsync: a pending waitAsync does not keep Node's event loop alive, so a process with nothing else to do would exit mid-close. */
const POLL_MS = 5;

/**
 * Resolves when at least `threads` workers have counted themselves, or after `timeoutMs`.
 * Complexity: one look every POLL_MS while waiting (threads load in well under a second).
 */
export async function whenLoaded(counter: Int32Array, threads: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Atomics.load(counter, 0) < threads && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
}
