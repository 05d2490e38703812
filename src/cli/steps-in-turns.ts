import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '../analysis/steps.js';

/**
 * Run a computation's steps one per event-loop turn (setImmediate), so that between two steps the
 * main thread handles what has come in: a worker's finished chunk, and the next chunk it is sent.
 * Used for work done while a run simulates (the attribution of its leading trials): done in one go
 * it left both workers idle once their queued chunks ran out. Stops between steps, resolving
 * undefined, once `signal` is aborted (the run is over and nothing will read the result). A step that
 * throws rejects the promise with its error.
 *
 * @example const prepared = await stepsInTurns(prepareAttributionSteps(run))
 */
export async function stepsInTurns<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T | undefined> {
  for (;;) {
    if (signal?.aborted) return undefined;
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
  }
}
