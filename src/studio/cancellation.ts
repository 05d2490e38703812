import { RunAbortedError, abortedBy } from '../engine/errors.js';

/**
 * A run stopped by its asker: the engine's RunAbortedError, or an AbortSignal's reason (a DOMException);
 * both are named 'AbortError'.
 */
export function isCancellation(err: unknown): boolean {
  return (err as { name?: unknown } | null | undefined)?.name === 'AbortError';
}

/** `work`, or a RunAbortedError as soon as `signal` aborts (the work itself goes on for whoever started it). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortedBy(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedBy(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
