import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Resolves once a signal that came during synchronous work has reached its handlers. Node hears a
 * signal in the event loop's poll phase; code that resumes in that phase (after an awaited read)
 * and waits one setImmediate runs again in the same turn's check phase, before the next poll, and
 * sees the signal's AbortSignal still unaborted (validate then printed a file's problems, or "ok",
 * and exited 2 or 0 after a SIGTERM during a long parse). A second turn always has a poll before it.
 *
 * @example await pendingSignals(); throwIfAborted(signal);
 */
export async function pendingSignals(): Promise<void> {
  await nextTurn();
  await nextTurn();
}
