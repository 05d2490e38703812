import { setMaxListeners } from 'node:events';
import { checkUnchangedSinceLoaded } from './unchanged-since-loaded.js';
import { runHashOf } from './run-hash.js';
import { runKey } from './run-key.js';
import { availableParallelism, totalmem } from 'node:os';
import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { MAX_SEED_CHARS, MAX_TRIALS } from '../scenario/limits.js';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { planSumTables } from '../model/plan-sum-tables.js';
import { allocateChunkBuffers, CHUNK_SIZE, simulateChunk, type ChunkBuffers, type ChunkResult } from '../model/simulate-chunk.js';
import { CHUNK_SKIPPED, cancelFlag, stopAllChunks, stopChunksAfter, type ChunkTask } from './chunk-task.js';
import { TierRowCache } from './tier-row-cache.js';
import { mainBuildsTables, TableHandoff } from './table-handoff.js';
import { MAX_SHARDS, planChunks, shardChunks, type ChunkSpec, type ShardSpec } from './chunks.js';
import { RunAbortedError, RunOptionError, TrialsOverMemoryError, WorkerStartError, abortedBy, throwIfAborted } from './errors.js';
import type { z } from 'zod';
import { checkOptions, type AgreesWithSchema } from './options-schema.js';
import { checkResolvedRun, shardOptionsSchema, simulateOptionsSchema } from './simulate-options.js';
import { checkWholeRun } from './whole-run.js';
import { checkActualsOption, noActuals } from './actuals-option.js';
import { checkChunk } from './chunk-guard.js';
import { chunkFailure } from './run-errors.js';
import { checkRunEstimate, estimateRun, type RunEstimate } from './run-estimate.js';
import { TrialStore } from './trial-store.js';
import type { TrialLayout } from '../model/trial-layout.js';
import { createWorkerPool, destroyWorkerPool, isThreadStartFailure, untilPoolEmptied, whenPoolLoaded } from './worker-pool.js';
import { GENERATOR_ID } from '../random/source.js';
import type { Piscina } from 'piscina';
import { actualsKey, compileReforecast, reforecastChunk, type ActualsInput, type Reforecast } from '../actuals/reforecast.js';

export { MAX_WORKERS, checkSignal, SIMULATE_OPTION_KEYS } from './simulate-options.js';

/** Runs below this many trials stay in-process unless workers are asked for: a pool costs more than it saves. */
export const IN_PROCESS_BELOW = 5_000;

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
   * Refuse (RunOptionError, before anything runs) a run estimated to take longer than this many
   * minutes (see run-estimate.ts). Default: DEFAULT_MAX_MINUTES (60).
   */
  readonly maxMinutes?: number;
  /** Called once before the run starts with its estimate (draws per trial, trials, threads, seconds). */
  readonly onEstimate?: (estimate: RunEstimate) => void;
  /**
   * A previous run of the same scenario, seed and actuals (none, or the same closed months) with
   * fewer trials; anything else is refused (RangeError). Its whole chunks are kept and
   * only the rest are simulated (chunks do not depend on the total, so the result is identical to
   * a fresh run of `trials`).
   */
  readonly resumeFrom?: Simulation;
  /**
   * Re-forecast from actuals (issue 15): the file's first `months` closed months are fixed, the
   * year-level drivers are drawn from their posterior, and the rest of the year is simulated from
   * the state at the end of those months. `null` or `false`: none, as when absent (a plan run).
   */
  readonly actuals?: ActualsInput | null | false;
  /**
   * Keep the drivers' own draws for the first this many trials only (see TrialStoreOptions): for a
   * run whose outputs read them no further (the CLI without trials.csv). Every figure of the summary
   * is the same; the store cannot be written to trials.csv. Default: every trial.
   */
  readonly ownDrawTrials?: number;
  /**
   * Keep the count columns (customers won and lost, leads) and logo renewal as tallies of their
   * values, not trial by trial (see TrialStoreOptions.tallyCounts): for a run whose outputs read
   * nothing of them but their Stat (the CLI without trials.csv). Every figure of the summary is the same; the store cannot
   * be written to trials.csv, and neither resumes nor is resumed from. Default: false.
   */
  readonly tallyCounts?: boolean;
  /**
   * Keys of the columns the caller will keep when it releases the store's others (see
   * TrialStoreOptions.keepApart): a hint for memory only. Default: none.
   */
  readonly keepApart?: readonly string[];
  /**
   * Work on the leading trials while the rest simulate: `call` runs once, on the main thread, as soon
   * as trials 0 to `trials` - 1 are all in (chunks arrive in any order), with the run's store (its
   * later trials still coming) and plan. It runs in its own turn of the event loop, after the next
   * chunks are sent, and not at all once the run has ended or failed.
   */
  readonly onLeadingTrials?: { readonly trials: number; readonly call: (run: { readonly store: TrialStore; readonly plan: ScenarioPlan; readonly trials: number }) => void };
  /**
   * Called with each chunk's results as it is kept, in the order chunks arrive (any order), on the
   * main thread: read them then (the buffers are reused for the next chunk). Chunks kept from
   * `resumeFrom` are not passed. What throws here fails the run.
   */
  readonly onChunk?: (spec: ChunkSpec, result: ChunkResult, layout: TrialLayout) => void;
}

// The schemas are the source of truth for the keys (simulate-options.ts): the interfaces, which carry
// each option's documentation, must name the same keys (checked here by the compiler).
void (true satisfies AgreesWithSchema<SimulateOptions, z.infer<typeof simulateOptionsSchema>>);

/** Options of one shard of a run (see simulateShard). */
export interface ShardOptions extends Omit<SimulateOptions, 'resumeFrom' | 'ownDrawTrials' | 'tallyCounts' | 'keepApart' | 'onLeadingTrials' | 'onChunk'> {
  /** Which shard to run: `index` 0-based, from 0 to `count` - 1. */
  readonly shard: ShardSpec;
}

// The schema is the source of truth for the keys and their types; the interface must agree (checked here by the compiler).
void (true satisfies AgreesWithSchema<ShardOptions, z.infer<typeof shardOptionsSchema>>);

/**
 * One shard of a run: the trials of its chunks only (see shardChunks), to be merged with the other
 * shards' into the whole run (mergeParts). `trials` and `seed` are those of the whole run.
 */
export interface SimulationPart {
  readonly loaded: LoadedScenario;
  /**
   * The hash that names the run (summary.json's scenario.hash, a part's header, a comparison's), of
   * what the trials ran on, taken when the run started (run-hash.ts): outputs read it, not the objects.
   */
  readonly runHash: string;
  readonly plan: ScenarioPlan;
  readonly seed: string;
  /** Trials of the whole run, of which this part holds `store.trials`. */
  readonly trials: number;
  readonly shard: ShardSpec;
  /** The run's chunks this part ran, in order (empty when there are more shards than chunks). */
  readonly chunks: readonly ChunkSpec[];
  /** This part's trials only: its trial 0 is the run's trial `chunks[0].offset`, chunk sums indexed 0 .. chunks.length - 1. */
  readonly store: TrialStore;
  readonly workers: number;
  readonly elapsedMs: number;
  /** The id of the random numbers the trials were drawn with (GENERATOR_ID): written into the part. */
  readonly generator: string;
  /**
   * A re-forecast's state and learning, when the shard ran with actuals. Such a part is for merging in
   * memory only: a part file does not carry actuals, so encodePart refuses it.
   */
  readonly reforecast?: Reforecast;
}

/** A finished run: the per-trial results and what produced them. */
export interface Simulation {
  readonly loaded: LoadedScenario;
  /**
   * The hash that names the run (summary.json's scenario.hash, a part's header, a comparison's), of
   * what the trials ran on, taken when the run started (run-hash.ts): outputs read it, not the objects.
   */
  readonly runHash: string;
  readonly plan: ScenarioPlan;
  readonly seed: string;
  readonly trials: number;
  /** Worker threads the run used (0: in-process, or merged from shards). Not part of any output. */
  readonly workers: number;
  readonly store: TrialStore;
  readonly elapsedMs: number;
  /** The id of the random numbers the trials were drawn with (GENERATOR_ID); a resume keeps only a run of the same. */
  readonly generator: string;
  /** A re-forecast's state and learning (see actuals/reforecast.ts); absent in a plan run. */
  readonly reforecast?: Reforecast;
}

/**
 * Compile a validated scenario for simulation. A scenario the schema accepts but the model cannot
 * prepare (a parameter conversion out of range) is reported as a ScenarioError naming the file.
 */
export function planLoaded(loaded: LoadedScenario): ScenarioPlan {
  try {
    return planScenario(loaded.scenario, loaded.files);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new ScenarioError(loaded.source, [{ path: [], message: `cannot be simulated: ${err.message}` }]);
  }
}

/** The plan of a run, and its re-forecast when it has actuals (see actuals/reforecast.ts). */
function planRun(loaded: LoadedScenario, options: SimulateOptions, seed: string): { plan: ScenarioPlan; reforecast: Reforecast | undefined } {
  if (noActuals(options.actuals)) return { plan: planLoaded(loaded), reforecast: undefined };
  const actuals = checkActualsOption(planLoaded(loaded), options.actuals);
  try {
    const reforecast = compileReforecast(loaded.scenario, loaded.files, actuals, seed);
    return { plan: reforecast.plan, reforecast };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new ScenarioError(actuals.file.path, [{ path: [], message: `cannot be re-forecast from: ${err.message}` }]);
  }
}

/**
 * Check run options before anything starts (piscina's habit): a bad option fails at once, by name,
 * against the options' one schema (simulate-options.ts), then what needs the scenario.
 */
export function resolveOptions(
  loaded: LoadedScenario,
  options: SimulateOptions | ShardOptions,
  fn: 'simulate' | 'simulateShard' = options !== null && typeof options === 'object' && 'shard' in options ? 'simulateShard' : 'simulate',
): { trials: number; seed: string; workers: number } {
  const isShard = fn === 'simulateShard';
  checkOptions(fn, isShard ? shardOptionsSchema : simulateOptionsSchema, options);
  // Its hash names the run (outputs, parts, a resume) and keys a warm engine's compiled plans: a
  // scenario edited in place after loading would run, there, as the one it was.
  checkUnchangedSinceLoaded(loaded);
  // The option's, else the scenario's own: that checked here too (as it loaded, but a scenario built
  // or changed in code was not); an option given was checked above, so not again.
  const trials = options.trials ?? loaded.scenario.trials;
  const seed = options.seed ?? loaded.scenario.seed;
  if (options.trials === undefined || options.seed === undefined) checkResolvedRun(fn, { trials, seed });
  if ((options as SimulateOptions).tallyCounts === true && (options as SimulateOptions).resumeFrom !== undefined)
    throw new RunOptionError('tallyCounts', 'cannot go with resumeFrom: a resumed run copies its first trials column by column');
  const simulated = isShard ? shardChunks(planChunks(trials), (options as ShardOptions).shard).reduce((n, c) => n + c.trials, 0) : trials;
  const workers = options.workers ?? (simulated < IN_PROCESS_BELOW ? 0 : availableParallelism());
  return { trials, seed: String(seed), workers };
}

/** Fail before anything runs if the per-trial results would not fit in memory. */
function checkMemory(plan: ScenarioPlan, trials: number): void {
  const need = TrialStore.bytesPerTrial(plan.layout) * trials;
  if (need > totalmem() * 0.6)
    throw new TrialsOverMemoryError(
      `${trials.toLocaleString('en-US')} trials need about ${(need / 2 ** 30).toFixed(1)} GiB for per-trial results, more than this machine can spare (${(totalmem() / 2 ** 30).toFixed(0)} GiB)`,
    );
}

/** Estimate the run, refuse it if it is over the limit, and hand the estimate to onEstimate. */
function checkEstimate(plan: ScenarioPlan, trials: number, workers: number, options: SimulateOptions | ShardOptions): void {
  const estimate = estimateRun(plan, trials, workers);
  checkRunEstimate(estimate, options.maxMinutes);
  options.onEstimate?.(estimate);
}

/**
 * Simulate a scenario: cut the trials into chunks, run them on a worker pool (or in-process), and
 * assemble the per-trial results in chunk order. The same scenario, seed and trial count give
 * bit-identical results for any number of workers.
 *
 * @example const sim = await simulate(await loadScenario('scenarios/example.yaml'), { trials: 10_000, seed: 7 });
 */
export async function simulate(loaded: LoadedScenario, options: SimulateOptions = {}): Promise<Simulation> {
  return simulateOn(undefined, loaded, options);
}

/** simulate() on a warm pool (an engine's), or on a pool of its own when `pool` is undefined. */
export async function simulateOn(pool: PoolLease | undefined, loaded: LoadedScenario, options: SimulateOptions = {}): Promise<Simulation> {
  const { trials, seed, workers } = resolveOptions(loaded, options, 'simulate');
  // Aborted before the call: no plan is built and no estimate given (and the abort wins over maxMinutes).
  throwIfAborted(options.signal);
  const runHash = runHashOf(loaded);
  const started = performance.now();
  const { plan, reforecast } = planRun(loaded, options, seed);
  checkMemory(plan, trials);
  checkEstimate(plan, trials, workers, options);
  const allChunks = planChunks(trials);
  const store = new TrialStore(plan.layout, trials, allChunks.length, {
    ...(options.ownDrawTrials === undefined ? {} : { ownDrawTrials: options.ownDrawTrials }),
    ...(options.tallyCounts ? { tallyCounts: true } : {}),
    ...(options.keepApart ? { keepApart: options.keepApart } : {}),
  });
  const kept = keptChunks(options.resumeFrom, loaded, seed, trials, reforecast);
  if (options.resumeFrom && kept > 0) store.copyChunks(options.resumeFrom.store, allChunks.slice(0, kept));
  const chunks = allChunks.slice(kept);
  let done = kept > 0 ? allChunks[kept - 1]!.offset + allChunks[kept - 1]!.trials : 0;
  const leading = leadingTrials(allChunks, kept, options.onLeadingTrials && { trials: options.onLeadingTrials.trials, call: () => options.onLeadingTrials!.call({ store, plan, trials }) });
  const accept = (spec: ChunkSpec, result: ChunkResult) => {
    checkChunk(loaded, plan, spec, result);
    store.add(spec, result);
    options.onChunk?.(spec, result, plan.layout);
    done += spec.trials;
    options.onProgress?.(done, trials);
    leading.arrived(spec.index);
  };
  try {
    leading.arrived(-1);
    await runChunks(loaded, plan, seed, chunks, workers, accept, options.signal, pool, reforecast);
  } finally {
    leading.end();
  }
  return { loaded, runHash, plan, seed, trials, workers, store, elapsedMs: performance.now() - started, generator: GENERATOR_ID, ...(reforecast ? { reforecast } : {}) };
}

/**
 * Simulate one shard of a run: only the chunks `shardChunks` gives it, each exactly as in the whole
 * run (a chunk's random numbers depend on the seed and its index alone). The parts of shards 0 to
 * N - 1 merged (mergeParts) are bit-identical to `simulate` with the same scenario, seed and trials.
 * Memory and work are those of the shard's trials. Progress counts the shard's trials.
 *
 * @example await simulateShard(loaded, { trials: 1_000_000, seed: 7, shard: { index: 0, count: 4 } })
 */
export async function simulateShard(loaded: LoadedScenario, options: ShardOptions): Promise<SimulationPart> {
  return simulateShardOn(undefined, loaded, options);
}

/** simulateShard() on a warm pool (an engine's), or on a pool of its own when `pool` is undefined. */
export async function simulateShardOn(pool: PoolLease | undefined, loaded: LoadedScenario, given: ShardOptions): Promise<SimulationPart> {
  // None given from JavaScript: the shard it must name is refused by name, not met as a TypeError.
  const options = given ?? ({} as ShardOptions);
  const { trials, seed, workers } = resolveOptions(loaded, options, 'simulateShard');
  const shard = { index: options.shard.index, count: options.shard.count };
  throwIfAborted(options.signal);
  const runHash = runHashOf(loaded);
  const started = performance.now();
  const { plan, reforecast } = planRun(loaded, options, seed);
  const chunks = shardChunks(planChunks(trials), shard);
  const base = chunks[0]?.offset ?? 0;
  const partTrials = chunks.reduce((n, c) => n + c.trials, 0);
  checkMemory(plan, partTrials);
  checkEstimate(plan, partTrials, workers, options);
  const store = new TrialStore(plan.layout, partTrials, chunks.length);
  const first = chunks[0]?.index ?? 0;
  let done = 0;
  const accept = (spec: ChunkSpec, result: ChunkResult) => {
    checkChunk(loaded, plan, spec, result);
    // Placed within the part: its first chunk at trial 0 and chunk sum 0.
    store.add({ index: spec.index - first, offset: spec.offset - base, trials: spec.trials }, result);
    done += spec.trials;
    options.onProgress?.(done, partTrials);
  };
  await runChunks(loaded, plan, seed, chunks, workers, accept, options.signal, pool, reforecast);
  return { loaded, runHash, plan, seed, trials, shard, chunks, store, workers, elapsedMs: performance.now() - started, generator: GENERATOR_ID, ...(reforecast ? { reforecast } : {}) };
}

/**
 * Calls `wanted.call` once the chunks holding trials 0 .. wanted.trials - 1 have all arrived (the
 * first `kept` are in from the start), in a turn of its own (setImmediate), and never after `end()`.
 * `arrived(index)` marks chunk `index` in (-1: none, to check the kept ones).
 */
function leadingTrials(chunks: readonly ChunkSpec[], kept: number, wanted: { readonly trials: number; readonly call: () => void } | undefined): { arrived(index: number): void; end(): void } {
  if (!wanted) return { arrived: () => undefined, end: () => undefined };
  const arrived = new Uint8Array(chunks.length).fill(1, 0, kept);
  let frontier = kept;
  let state: 'waiting' | 'scheduled' | 'ended' = 'waiting';
  return {
    arrived(index) {
      if (index >= 0) arrived[index] = 1;
      while (frontier < chunks.length && arrived[frontier]) frontier++;
      const leading = frontier < chunks.length ? chunks[frontier]!.offset : (chunks.at(-1)?.offset ?? 0) + (chunks.at(-1)?.trials ?? 0);
      if (state !== 'waiting' || leading < wanted.trials) return;
      state = 'scheduled';
      setImmediate(() => {
        if (state !== 'scheduled') return;
        try {
          wanted.call();
        } catch {
          // Work done early only: whoever wanted it does it again once the run is over, and meets the error there.
        }
      });
    },
    end() {
      state = 'ended';
    },
  };
}

/** Simulate the given chunks in-process (workers 0) or on a pool, handing each result to `accept`. */
async function runChunks(
  loaded: LoadedScenario,
  plan: ScenarioPlan,
  seed: string,
  chunks: readonly ChunkSpec[],
  workers: number,
  accept: (spec: ChunkSpec, result: ChunkResult) => void,
  signal: AbortSignal | undefined,
  lease: PoolLease | undefined,
  reforecast?: Reforecast,
): Promise<void> {
  throwIfAborted(signal);
  if (chunks.length === 0) return;
  const cache = reforecast ? undefined : lease?.tierCache;
  const keys = cache && TierRowCache.partKeys(loaded, plan, seed);
  if (workers === 0) {
    const buffers = allocateChunkBuffers(plan);
    for (const spec of chunks) {
      throwIfAborted(signal);
      let result: ChunkResult;
      const claim = keys && cache.claim(plan, keys, spec);
      try {
        result = reforecast
          ? reforecastChunk(reforecast, seed, spec.index, spec.trials, buffers)
          : simulateChunk(plan, seed, spec.index, spec.trials, buffers, undefined, claim?.tierRows);
      } catch (err) {
        throw chunkFailure(loaded, plan, spec, err);
      }
      accept(spec, result);
      if (claim) cache!.keep(claim);
      // Let signals, timers and progress output in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else if (lease) {
    const tiers = keys && { cache: cache!, keys };
    await runOnPool(lease.pool, loaded, plan, seed, chunks, Math.min(workers, lease.threads, chunks.length), accept, signal, true, reforecast, tiers);
  } else {
    const threads = Math.min(workers, chunks.length);
    const pool = createWorkerPool(threads);
    try {
      await runOnPool(pool, loaded, plan, seed, chunks, threads, accept, signal, false, reforecast);
    } finally {
      await destroyWorkerPool(pool);
    }
  }
}

/** A warm pool lent by an engine: its threads, kept between runs. */
export interface PoolLease {
  readonly pool: Piscina;
  readonly threads: number;
  /** The engine's outcomes of recent tiers, read back where a tier did not change (tier-row-cache.ts); none by default. */
  readonly tierCache?: TierRowCache;
}

/**
 * How many leading chunks of a previous run can be reused: whole ones, same scenario and seed, and
 * the same actuals (none, or the same closed months): a re-forecast's chunks are not a plan's.
 */
function keptChunks(previous: Simulation | undefined, loaded: LoadedScenario, seed: string, trials: number, reforecast: Reforecast | undefined): number {
  if (!previous) return 0;
  if (previous.generator !== GENERATOR_ID)
    throw new RangeError(`resumeFrom was drawn with the random generator ${previous.generator}, and this run draws with ${GENERATOR_ID}: its trials cannot be reused`);
  // Its trials are of what it ran on: a scenario edited in place since would match the edited content.
  checkUnchangedSinceLoaded(previous.loaded, 'resuming from its run', previous.runHash);
  if (runKey(previous.loaded) !== runKey(loaded) || previous.seed !== seed || previous.trials > trials)
    throw new RangeError('resumeFrom must be a run of the same scenario and seed with fewer trials');
  const actuals = (r: Reforecast | undefined) => (r ? actualsKey(r.input) : 'none');
  if (actuals(previous.reforecast) !== actuals(reforecast))
    throw new RangeError('resumeFrom must be a run of the same actuals (none, or the same file and closed months) as this run: a re-forecast\'s trials are not a plan\'s');
  return Math.floor(previous.trials / CHUNK_SIZE);
}

/**
 * Run the chunks on `pool`, `threads` of them at a time. `keepWarm`: the pool outlives the run (an
 * engine's), so an abort does not terminate the threads: the run rejects at once, no further chunk
 * is sent, and the chunks already running finish in the background, their results dropped.
 */
async function runOnPool(
  pool: Piscina,
  loaded: LoadedScenario,
  plan: ScenarioPlan,
  seed: string,
  chunks: readonly ChunkSpec[],
  threads: number,
  accept: (spec: ChunkSpec, result: ChunkResult) => void,
  signal: AbortSignal | undefined,
  keepWarm: boolean,
  reforecast?: Reforecast,
  tiers?: { readonly cache: TierRowCache; readonly keys: readonly string[] },
): Promise<void> {
  const actuals = reforecast && { input: reforecast.input, key: actualsKey(reforecast.input) };
  // The workers' plans and re-forecasts are kept by it: what the scenario is, not the hash it carries.
  const hash = runKey(loaded);
  // Built here once (about 0.2 s for the example) rather than in every thread; cached with the plan;
  // sent with the chunks until every thread of the pool has them (table-handoff.ts).
  // A run on one thread (one chunk, or a pool of one) leaves its tables to that thread (mainBuildsTables).
  const tableThreads = Math.max(threads, pool.threads.length);
  const tables = new TableHandoff(mainBuildsTables(chunks.length, tableThreads) ? planSumTables(plan) : [], tableThreads);
  const local = new AbortController();
  // What cancels a warm pool's tasks in piscina (a queued one is dropped, a running one's thread
  // terminated and replaced): a failed chunk, once every thread the pool has is loaded (terminating
  // a thread mid-load aborts Node 20: worker-loaded.ts). A pool of the run's own is not cancelled
  // task by task: destroyWorkerPool ends it once its threads (a replacement for one that exited
  // included) have loaded, and its queued chunks see the cancel flag below.
  const cancel = new AbortController();
  local.signal.addEventListener('abort', () => { if (keepWarm && !signal?.aborted) void whenPoolLoaded(pool).then(() => cancel.abort()); }, { once: true });
  // Two chunks in flight per thread: one running, one queued, so no thread waits for work. Each
  // has a set of result buffers on SharedArrayBuffers, sent without a transfer list: the worker
  // writes into them and answers with views on them, so no thread copies or detaches a buffer
  // (worker.ts). A set goes back to `free` only once its chunk settled and its results are merged;
  // the sets are this run's own, so a chunk a cancelled or failed run leaves running writes into
  // memory no later chunk or run is given.
  const inFlight = Math.min(chunks.length, threads * 2);
  const free: ChunkBuffers[] = Array.from({ length: inFlight }, () => allocateChunkBuffers(plan, true));
  setMaxListeners(inFlight + 16, cancel.signal);
  // The caller's abort also tells the chunks still queued in a warm pool to return unsimulated.
  const cancelled = cancelFlag();
  const onAbort = () => {
    stopAllChunks(cancelled);
    local.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  /** The lowest-numbered chunk that failed so far (the run sends no chunk after the first failure). */
  let failed: { readonly spec: ChunkSpec; readonly err: unknown; readonly start: boolean } | undefined;
  const runOne = async (spec: ChunkSpec, buffers: ChunkBuffers): Promise<void> => {
    const claim = tiers?.cache.claim(plan, tiers.keys, spec);
    const task: ChunkTask = {
      scenario: loaded.scenario,
      files: loaded.files,
      hash,
      seed,
      chunk: spec.index,
      trials: spec.trials,
      buffers,
      cancelled,
      ...(actuals ? { actuals } : {}),
      ...(claim ? { tierRows: claim.tierRows } : {}),
      ...tables.forTask(),
    };
    let result: ChunkResult;
    try {
      // Rejected if the pool loses its last thread: its queued tasks would otherwise never settle.
      result = (await untilPoolEmptied(
        pool,
        pool.run(task, keepWarm ? { signal: cancel.signal } : {}),
      )) as ChunkResult;
    } catch (err) {
      throwIfAborted(signal);
      if (local.signal.aborted) throw err;
      // A chunk skipped because the run stopped (below) did not fail.
      if (failed && err instanceof Error && err.message === CHUNK_SKIPPED) return;
      // A failed chunk stops the run: no further chunk is sent, the queued chunks after it return
      // unsimulated, and every chunk before it (sent before it: in, running or queued) still runs, so
      // the error reported is the lowest-numbered failing chunk's, the one a run in process (chunks
      // in order) or on any number of threads reports, whichever thread failed first.
      // Looked at now: a thread that loads later (after this failure) does not make it a chunk's.
      if (!failed || spec.index < failed.spec.index) failed = { spec, err, start: isThreadStartFailure(pool, err) };
      stopChunksAfter(cancelled, spec.index);
      return;
    }
    if (local.signal.aborted || failed) return; // the run is over: its store is no longer read
    accept(spec, result);
    if (claim) tiers!.cache.keep(claim);
    free.push(buffers); // the answer's views share this set's memory: merged above, it may be written again
  };
  // Each lane takes the next chunk as soon as its previous one is in.
  const lane = async (): Promise<void> => {
    while (next < chunks.length && !failed && !local.signal.aborted) {
      const spec = chunks[next++]!;
      await runOne(spec, free.pop()!);
    }
  };
  // The caller's abort ends the run at once, whatever is still running.
  const aborted = new Promise<never>((_, reject) => {
    local.signal.addEventListener('abort', () => {
      if (signal?.aborted) reject(abortedBy(signal));
    }, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    await Promise.race([
      Promise.all(Array.from({ length: inFlight }, lane)).catch((err: unknown) => {
        local.abort();
        throw err;
      }),
      aborted,
    ]);
    throwIfAborted(signal);
    if (failed) {
      local.abort();
      throw failed.start ? new WorkerStartError(failed.err) : chunkFailure(loaded, plan, failed.spec, failed.err);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    local.abort();
  }
}
