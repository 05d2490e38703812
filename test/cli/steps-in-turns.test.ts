import { describe, expect, it } from 'vitest';
import { stepsInTurns } from '../../src/cli/steps-in-turns.js';
import { finishSteps, type Steps } from '../../src/analysis/steps.js';

/** Steps that log themselves, and schedule a setImmediate after each that logs too. */
function* logged(log: string[], n: number, failAt = -1): Steps<number> {
  for (let i = 1; i <= n; i++) {
    if (i === failAt) throw new Error(`step ${i} failed`);
    log.push(`step ${i}`);
    setImmediate(() => log.push(`turn after ${i}`));
    yield;
  }
  return n * 10;
}

describe('stepsInTurns: a computation spread over event-loop turns', () => {
  it('runs one step per turn: what was queued after a step runs before the next step', async () => {
    const log: string[] = [];
    await expect(stepsInTurns(logged(log, 3))).resolves.toBe(30);
    expect(log).toEqual(['step 1', 'turn after 1', 'step 2', 'turn after 2', 'step 3', 'turn after 3']);
  });

  it('gives what finishing the same steps at once gives', async () => {
    expect(await stepsInTurns(logged([], 4))).toBe(finishSteps(logged([], 4)));
  });

  it('stops between steps once its signal is aborted, resolving undefined', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const running = stepsInTurns(logged(log, 5), stop.signal);
    stop.abort();
    await expect(running).resolves.toBeUndefined();
    expect(log.filter((l) => l.startsWith('step'))).toEqual(['step 1']);
  });

  it('rejects with the error of a step that throws, and runs no step after it', async () => {
    const log: string[] = [];
    await expect(stepsInTurns(logged(log, 5, 3))).rejects.toThrow('step 3 failed');
    expect(log.filter((l) => l.startsWith('step'))).toEqual(['step 1', 'step 2']);
  });
});
