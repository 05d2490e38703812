import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { ChunkFailedError, WorkerStartError } from '../../src/engine/errors.js';
import { parseFault } from '../../src/engine/fault-injection.js';
import { createWorkerPool, destroyWorkerPool, isThreadStartFailure, whenPoolLoaded } from '../../src/engine/worker-pool.js';
import { describeFailure } from '../../src/cli/exit-codes.js';
import { errnoWords } from '../../src/report/write-error.js';
import { openFailure } from '../../src/scenario/read-file.js';
import { systemErrorWords, withSystemWords } from '../../src/scenario/system-error-words.js';
import { scenarioFrom } from '../helpers/fixtures.js';

const ONE_TIER = `name: One
tiers:
  - name: SMB
    newBusiness: { leadsPerMonth: 50, conversion: 0.1, acv: 1000 }
`;

afterEach(() => {
  delete process.env.ARRCAST_FAULT_CHUNK;
});

describe('worker threads that cannot start (no chunk ran)', () => {
  it('a run whose threads all die while loading fails as the threads not starting, with the cause, naming no chunk', async () => {
    // Read by the threads as they start (the pool is the run's own, made after this).
    process.env.ARRCAST_FAULT_CHUNK = 'load:throw';
    const err = await simulate(scenarioFrom(ONE_TIER, 'one.yaml'), { trials: 3000, workers: 2, seed: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkerStartError);
    expect(err).not.toBeInstanceOf(ChunkFailedError);
    expect((err as Error).message).toBe('the worker threads could not start: fault injected by ARRCAST_FAULT_CHUNK while loading');
    expect(describeFailure(err)).toEqual({ message: 'arrcast: the worker threads could not start: fault injected by ARRCAST_FAULT_CHUNK while loading; no output was written', code: 1 });
  }, 30_000);

  it('the load fault is its own setting', () => {
    expect(parseFault('load:throw')).toEqual({ chunk: 'load', mode: 'throw' });
    expect(() => parseFault('load:exit')).toThrow('ARRCAST_FAULT_CHUNK must look like 3:throw, 3:exit or load:throw, not "load:exit"');
  });

  it("Node's 'Worker initialization failure: EMFILE' is given in words, as a thread that could not start", () => {
    const init = Object.assign(new Error('Worker initialization failure: EMFILE'), { code: 'ERR_WORKER_INIT_FAILED' });
    expect(new WorkerStartError(init).message).toBe('the worker threads could not start: Worker initialization failure: too many open files (EMFILE)');
    // A chunk failure (a warm pool whose replacement thread could not start) says it in words too.
    expect(new ChunkFailedError(3, 3000, 1000, init).message).toBe('chunk 3 (trials 3,001 to 4,000) failed: Worker initialization failure: too many open files (EMFILE)');
  });

  // The code alone decided it: a warm pool (an engine's, chunks run) whose replacement thread could
  // not start reported 'the worker threads could not start', though its threads had run chunks.
  it("Node's ERR_WORKER_INIT_FAILED is the threads' start failure only while no thread of the pool has loaded", async () => {
    const init = Object.assign(new Error('Worker initialization failure: EMFILE'), { code: 'ERR_WORKER_INIT_FAILED' });
    const warm = createWorkerPool(1);
    try {
      await whenPoolLoaded(warm);
      expect(warm.threads.length).toBe(1);
      expect(isThreadStartFailure(warm, init)).toBe(false);
      expect(isThreadStartFailure(warm, new Error('boom'))).toBe(false);
    } finally {
      await destroyWorkerPool(warm);
    }
    // Read by the thread as it starts: it never loads.
    process.env.ARRCAST_FAULT_CHUNK = 'load:throw';
    const cold = createWorkerPool(1);
    try {
      expect(isThreadStartFailure(cold, init)).toBe(true);
      expect(isThreadStartFailure(cold, new Error('boom'))).toBe(true);
    } finally {
      await destroyWorkerPool(cold);
    }
  }, 30_000);
});

describe('system error codes reach the user in words', () => {
  it('the words are the system\u2019s own', () => {
    expect(systemErrorWords('EMFILE')).toBe('too many open files');
    expect(systemErrorWords('ENOSPC')).toBe('no space left on device');
    expect(systemErrorWords('ENOPE')).toBeUndefined();
  });

  it('a code standing alone gets its words; one with its words already, or no system code, is left', () => {
    expect(withSystemWords('write EPIPE')).toBe('write broken pipe (EPIPE)');
    expect(withSystemWords("EMFILE: too many open files, open 'a.csv'")).toBe("EMFILE: too many open files, open 'a.csv'");
    expect(withSystemWords('too many open files (EMFILE)')).toBe('too many open files (EMFILE)');
    expect(withSystemWords('ERROR 12 in EXAMPLE')).toBe('ERROR 12 in EXAMPLE');
  });

  // '\b' does not break at '_', so EAI_AGAIN was left bare; an E-word in a path was rewritten.
  it('a code with an underscore gets its words; a name in a path or a file name is left', () => {
    expect(withSystemWords('getaddrinfo EAI_AGAIN registry.example')).toBe('getaddrinfo temporary failure (EAI_AGAIN) registry.example');
    expect(withSystemWords('cannot write /data/EIO/x.csv: read EIO')).toBe('cannot write /data/EIO/x.csv: read i/o error (EIO)');
    expect(withSystemWords('C:\\EPIPE\\report.html, EIO.txt, a-EIO-b and \'EIO\'')).toBe('C:\\EPIPE\\report.html, EIO.txt, a-EIO-b and \'EIO\'');
  });

  it('errnoWords: a message that gives the code alone ("write EPIPE") is said in the system\u2019s words', () => {
    expect(errnoWords(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe('broken pipe (EPIPE)');
    expect(errnoWords(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe('no space left on device (ENOSPC)');
  });

  it('an input file that cannot be opened for a reason without its own message says the reason in words', () => {
    const emfile = Object.assign(new Error("EMFILE: too many open files, open 'book.csv'"), { code: 'EMFILE' });
    expect(openFailure(emfile, { noun: 'a CSV file' })).toBe('cannot be read: too many open files (EMFILE)');
    const eio = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    expect(openFailure(eio, { noun: 'a CSV file' })).toBe('cannot be read: i/o error (EIO)');
  });
});

describe('an unexpected system error at the top of the CLI', () => {
  it('is said in words with its code, not by the code alone', () => {
    const err = Object.assign(new Error('spawn EMFILE'), { code: 'EMFILE', syscall: 'spawn' });
    expect(describeFailure(err).message).toBe('arrcast: internal error: spawn too many open files (EMFILE)');
  });
});
