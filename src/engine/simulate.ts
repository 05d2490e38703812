import { setMaxListeners } from 'node:events';
import { availableParallelism, totalmem } from 'node:os';
import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { allocateChunkBuffers, CHUNK_SIZE, simulateChunk, type ChunkBuffers, type ChunkResult } from '../model/simulate-chunk.js';
import type { ChunkTask } from './chunk-task.js';
import { planChunks, type ChunkSpec } from './chunks.js';
import { RunAbortedError, RunOptionError } from './errors.js';
import { checkChunk } from './chunk-guard.js';
import { chunkFailure } from './run-errors.js';
import { TrialStore } from './trial-store.js';
import { createWorkerPool } from './worker-pool.js';

export const MAX_WORKERS = 256;

/** Runs below this many trials stay in-process unless workers are asked for: a pool costs more than it saves. */
const IN_PROCESS_BELOW = 5_000;

export interface SimulateOptions {
  /** Trials to run; default: the scenario's `trials`. */
  readonly trials?: number;
  /** Seed of every stream; default: the scenario's `seed`. */
  readonly seed?: number | string;
  /** Worker threads; 0 runs in-process. Default: the machine's available parallelism (in-process for small runs). */
  readonly workers?: number;
  /** Cancels the run: workers are stopped and the promise rejects with RunAbortedError. */
  readonly signal?: AbortSignal;
  /** Called after each chunk with the trials done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * A previous run of the same scenario and seed with fewer trials: its whole chunks are kept and
   * only the rest are simulated (chunks do not depend on the total, so the result is identical to
   * a fresh run of `trials`).
   */
  readonly resumeFrom?: Simulation;
}

/** A finished run: the per-trial results and what produced them. */
export interface Simulation {
  readonly loaded: LoadedScenario;
  readonly plan: ScenarioPlan;
  readonly seed: string;
  readonly trials: number;
  readonly workers: number;
  readonly store: TrialStore;
  readonly elapsedMs: number;
}

/**
 * Compile a validated scenario for simulation. A scenario the schema accepts but the model cannot
 * prepare (a parameter conversion out of range) is reported as a ScenarioError naming the file.
 */
export function planLoaded(loaded: LoadedScenario): ScenarioPlan {
  try {
    return planScenario(loaded.scenario);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new ScenarioError(loaded.source, [{ path: [], message: `cannot be simulated: ${err.message}` }]);
  }
}

/** Check run options before anything starts (piscina's habit): a bad option fails at once, by name. */
export function resolveOptions(loaded: LoadedScenario, options: SimulateOptions): { trials: number; seed: string; workers: number } {
  const trials = options.trials ?? loaded.scenario.trials;
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS)
    throw new RunOptionError('trials', `must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${trials})`);
  const seed = String(options.seed ?? loaded.scenario.seed);
  if (seed.length === 0 || seed.length > 200) throw new RunOptionError('seed', 'must be 1 to 200 characters');
  const asked = options.workers;
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 0 || asked > MAX_WORKERS))
    throw new RunOptionError('workers', `must be a whole number from 0 (in-process) to ${MAX_WORKERS} (got ${asked})`);
  const workers = asked ?? (trials < IN_PROCESS_BELOW ? 0 : availableParallelism());
  return { trials, seed, workers };
}

/**
 * Simulate a scenario: cut the trials into chunks, run them on a worker pool (or in-process), and
 * assemble the per-trial results in chunk order. The same scenario, seed and trial count give
 * bit-identical results for any number of workers.
 *
 * @example const sim = await simulate(await loadScenario('scenarios/example.yaml'), { trials: 10_000, seed: 7 });
 */
export async function simulate(loaded: LoadedScenario, options: SimulateOptions = {}): Promise<Simulation> {
  const { trials, seed, workers } = resolveOptions(loaded, options);
  const started = performance.now();
  const plan = planLoaded(loaded);
  const need = TrialStore.bytesPerTrial(plan.layout) * trials;
  if (need > totalmem() * 0.6)
    throw new RunOptionError(
      'trials',
      `${trials.toLocaleString('en-US')} trials need about ${(need / 2 ** 30).toFixed(1)} GiB for per-trial results, more than this machine can spare (${(totalmem() / 2 ** 30).toFixed(0)} GiB)`,
    );
  const allChunks = planChunks(trials);
  const store = new TrialStore(plan.layout, trials, allChunks.length);
  const kept = keptChunks(options.resumeFrom, loaded, seed, trials);
  if (options.resumeFrom && kept > 0) store.copyChunks(options.resumeFrom.store, allChunks.slice(0, kept));
  const chunks = allChunks.slice(kept);
  let done = kept > 0 ? allChunks[kept - 1]!.offset + allChunks[kept - 1]!.trials : 0;
  const accept = (spec: ChunkSpec, result: ChunkResult) => {
    checkChunk(loaded, plan, spec, result);
    store.add(spec, result);
    done += spec.trials;
    options.onProgress?.(done, trials);
  };
  if (options.signal?.aborted) throw new RunAbortedError();

  if (workers === 0) {
    const buffers = allocateChunkBuffers(plan);
    for (const spec of chunks) {
      if (options.signal?.aborted) throw new RunAbortedError();
      let result: ChunkResult;
      try {
        result = simulateChunk(plan, seed, spec.index, spec.trials, buffers);
      } catch (err) {
        throw chunkFailure(loaded, plan, spec, err);
      }
      accept(spec, result);
      // Let signals, timers and progress output in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    await runOnPool(loaded, plan, seed, chunks, Math.min(workers, chunks.length), accept, options.signal);
  }
  return { loaded, plan, seed, trials, workers, store, elapsedMs: performance.now() - started };
}

/** How many leading chunks of a previous run can be reused: whole ones, same scenario and seed. */
function keptChunks(previous: Simulation | undefined, loaded: LoadedScenario, seed: string, trials: number): number {
  if (!previous) return 0;
  if (previous.loaded.hash !== loaded.hash || previous.seed !== seed || previous.trials > trials)
    throw new RangeError('resumeFrom must be a run of the same scenario and seed with fewer trials');
  return Math.floor(previous.trials / CHUNK_SIZE);
}

async function runOnPool(
  loaded: LoadedScenario,
  plan: ScenarioPlan,
  seed: string,
  chunks: readonly ChunkSpec[],
  threads: number,
  accept: (spec: ChunkSpec, result: ChunkResult) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const pool = createWorkerPool(threads);
  const local = new AbortController();
  // Two chunks in flight per thread: one running, one queued, so no thread waits for work. Each
  // has a set of result buffers that travel to the worker and back by transfer and are reused.
  const inFlight = Math.min(chunks.length, threads * 2);
  const free: ChunkBuffers[] = Array.from({ length: inFlight }, () => allocateChunkBuffers(plan));
  setMaxListeners(inFlight + 16, local.signal);
  const onAbort = () => local.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  const runOne = async (spec: ChunkSpec, buffers: ChunkBuffers): Promise<void> => {
    const task: ChunkTask = { scenario: loaded.scenario, hash: loaded.hash, seed, chunk: spec.index, trials: spec.trials, buffers };
    let result: ChunkResult;
    try {
      result = (await pool.run(task, {
        signal: local.signal,
        transferList: [buffers.wide, buffers.narrow, buffers.sums],
      })) as ChunkResult;
    } catch (err) {
      if (signal?.aborted) throw new RunAbortedError();
      if (local.signal.aborted) throw err; // another chunk failed first; its error wins
      local.abort();
      throw chunkFailure(loaded, plan, spec, err);
    }
    accept(spec, result);
    free.push({ wide: result.wide.buffer as ArrayBuffer, narrow: result.narrow.buffer as ArrayBuffer, sums: result.componentSums.buffer as ArrayBuffer });
  };
  // Each lane takes the next chunk as soon as its previous one is in.
  const lane = async (): Promise<void> => {
    while (next < chunks.length && !local.signal.aborted) {
      const spec = chunks[next++]!;
      await runOne(spec, free.pop()!);
    }
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, lane)).catch((err: unknown) => {
      local.abort();
      throw err;
    });
    if (signal?.aborted) throw new RunAbortedError();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.destroy();
  }
}
