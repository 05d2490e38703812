import { readFile } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pendingSignals } from '../../src/cli/pending-signals.js';

/**
 * A real signal (SIGUSR2, to this process) sent from code that runs in the event loop's poll phase,
 * as a command's code does after an awaited read, then synchronous work: pendingSignals() returns
 * only once its handler has run. One setImmediate did not (validate, signalled during a long parse,
 * printed the problems and exited 2).
 */
function signalledInPollPhase(wait: () => Promise<void>): Promise<boolean> {
  const stop = new AbortController();
  const handler = () => stop.abort();
  process.on('SIGUSR2', handler);
  return new Promise<boolean>((resolve, reject) =>
    readFile(import.meta.filename, (err) => {
      if (err) return reject(err);
      process.kill(process.pid, 'SIGUSR2');
      void wait().then(() => resolve(stop.signal.aborted));
    }),
  ).finally(() => process.off('SIGUSR2', handler));
}

describe('pendingSignals', () => {
  it('returns after the handler of a signal sent during the current turn has run', async () => {
    for (let i = 0; i < 5; i++) expect(await signalledInPollPhase(pendingSignals)).toBe(true);
  });
});
