import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { LoadedScenario } from '../scenario/parse.js';
import { RunAbortedError, RunOptionError, abortedBy } from './errors.js';
import {
  MAX_WORKERS,
  simulateOn,
  simulateShardOn,
  type ShardOptions,
  type SimulateOptions,
  type Simulation,
  type SimulationPart,
} from './simulate.js';
import { createWorkerPool, destroyWorkerPool } from './worker-pool.js';
import type { z } from 'zod';
import { checkOptions, type AgreesWithSchema } from './options-schema.js';
import { shardOptionsSchema, simulateOptionsSchema } from './simulate-options.js';
import { engineOptionsSchema } from './engine-options.js';
import { TierRowCache } from './tier-row-cache.js';

export interface EngineOptions {
  /** Worker threads of the pool, started at once and kept until close(); default: the machine's available parallelism. */
  readonly workers?: number;
  /**
   * Keep up to this many bytes of recent runs' tier outcomes and read back, in a later run, every
   * tier whose inputs did not change instead of simulating it (tier-row-cache.ts): same numbers,
   * bit for bit; a what-if that moves one tier's driver simulates that tier only. Default 0: off
   * (a one-off run would only pay for the copies).
   */
  readonly tierCacheBytes?: number;
}

// The schema is the source of truth for the keys (engine-options.ts): the interface, which carries
// each option's documentation, must name the same (checked here by the compiler).
void (true satisfies AgreesWithSchema<EngineOptions, z.infer<typeof engineOptionsSchema>>);

/** Options of a run on an engine: `workers` 0 runs in-process; otherwise at most the engine's threads are used. */
export type EngineSimulateOptions = SimulateOptions;

/**
 * A long-lived simulation engine: one pool of worker threads, started when the engine is created and
 * kept warm between runs (each thread has its module loaded, its JIT warmed by earlier chunks and the
 * plans of recent scenarios compiled, by scenario hash), so a run of 10,000 trials pays for no start-up.
 * Results are those of `simulate()` and `simulateShard()`, bit for bit: chunks do not depend on which
 * thread runs them.
 */
export interface Engine {
  /** Threads of the pool. */
  readonly workers: number;
  /** simulate() on the warm pool. An abort rejects at once (RunAbortedError; in-process, `workers: 0`, once its chunk is done) and leaves the pool warm. */
  simulate(loaded: LoadedScenario, options?: EngineSimulateOptions): Promise<Simulation>;
  /** simulateShard() on the warm pool. */
  simulateShard(loaded: LoadedScenario, options: ShardOptions): Promise<SimulationPart>;
  /**
   * Stop the threads. Runs still going are cancelled: they reject at once with RunAbortedError
   * ("its engine was closed"), as an abort would (an in-process run, `workers: 0`, once the chunk it
   * is simulating is done); the engine cannot be used afterwards.
   */
  close(): Promise<void>;
}

/**
 * Create an engine with a warm pool of `workers` threads (see Engine). Close it when done: its
 * threads keep the process alive.
 *
 * @example
 * const engine = createEngine({ workers: 2 });
 * try {
 *   const sim = await engine.simulate(loaded, { trials: 10_000 });
 * } finally {
 *   await engine.close();
 * }
 */
export function createEngine(options: EngineOptions = {}): Engine {
  checkOptions('createEngine', engineOptionsSchema, options);
  // The schema checked a given count; a machine's own is held to the most an engine takes.
  const threads = options.workers ?? Math.min(availableParallelism(), MAX_WORKERS);
  const tierCache = options.tierCacheBytes === undefined || options.tierCacheBytes === 0 ? undefined : new TierRowCache(options.tierCacheBytes);
  let pool: Piscina | undefined = createWorkerPool(threads, { keepAlive: true });
  const lease = () => {
    if (!pool) throw new RunOptionError('engine', 'this engine is closed; create another');
    return { pool, threads, ...(tierCache ? { tierCache } : {}) };
  };
  // The pool's default: its threads, unless the run asks for fewer (or for 0: in-process).
  const withWorkers = <T extends { readonly workers?: number }>(o: T): T => ({ ...o, workers: o.workers ?? threads });
  // Aborted by close(): every run still going is cancelled through its signal before the threads are
  // stopped. (Stopping them under a run failed it as a ChunkFailedError, 'chunk 0 ... failed:
  // Terminating worker thread', as if the model or a worker were at fault.)
  const closing = new AbortController();
  setMaxListeners(0, closing.signal);
  const closable = async <T extends { readonly signal?: AbortSignal }, R>(given: T | undefined, [fn, schema]: readonly [string, z.ZodType], run: (o: T) => Promise<R>): Promise<R> => {
    // Checked as given: the run is handed a copy with the engine's signal and workers.
    checkOptions(fn, schema, given);
    // None given (simulateShard's are required: its shard is then refused by name, not met as a TypeError).
    const o = given ?? ({} as T);
    const own = o.signal;
    const stop = new AbortController();
    // The run's error carries the reason of whichever aborted first: the caller's, or the closing's.
    const relay = (from: AbortSignal) => () => stop.abort(from.reason);
    const fromOwn = own && relay(own);
    const fromClosing = relay(closing.signal);
    if (own?.aborted) fromOwn!();
    else if (closing.signal.aborted) fromClosing();
    if (fromOwn) own!.addEventListener('abort', fromOwn, { once: true });
    closing.signal.addEventListener('abort', fromClosing, { once: true });
    try {
      return await run({ ...o, signal: stop.signal });
    } catch (err) {
      if (err instanceof RunAbortedError && closing.signal.aborted && !own?.aborted) throw abortedBy(closing.signal, 'the run was cancelled: its engine was closed');
      throw err;
    } finally {
      if (fromOwn) own!.removeEventListener?.('abort', fromOwn);
      closing.signal.removeEventListener('abort', fromClosing);
    }
  };
  return {
    workers: threads,
    simulate: async (loaded, o = {}) => {
      const lent = lease();
      return closable(o, ['simulate', simulateOptionsSchema], (c) => simulateOn(lent, loaded, withWorkers(c)));
    },
    simulateShard: async (loaded, o) => {
      const lent = lease();
      return closable(o, ['simulateShard', shardOptionsSchema], (c) => simulateShardOn(lent, loaded, withWorkers(c)));
    },
    close: async () => {
      const p = pool;
      pool = undefined;
      closing.abort();
      if (p) await destroyWorkerPool(p);
    },
  };
}
