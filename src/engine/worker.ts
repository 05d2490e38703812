import { workerData } from 'node:worker_threads';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { simulateChunk, type ChunkResult } from '../model/simulate-chunk.js';
import { CHUNK_SKIPPED, wasCancelled, type ChunkTask } from './chunk-task.js';
import { injectFault, injectLoadFault, parseFault } from './fault-injection.js';
import { toTransferable } from './run-errors.js';
import { compileReforecast, reforecastChunk, type Reforecast } from '../actuals/reforecast.js';
import { markLoaded } from './worker-loaded.js';
import { receiveTables } from './table-handoff.js';

/**
 * The scenarios compiled in this worker, most recent last, by hash: a run sends one scenario many
 * chunks, and a warm engine's runs (a what-if moving between a few scenarios) find theirs compiled.
 */
const PLANS_KEPT = 8;
const plans = new Map<string, ScenarioPlan>();

function planOf(task: ChunkTask): ScenarioPlan {
  let plan = plans.get(task.hash);
  if (plan) {
    plans.delete(task.hash);
  } else {
    plan = planScenario(task.scenario, task.files);
    if (plans.size >= PLANS_KEPT) plans.delete(plans.keys().next().value!);
  }
  plans.set(task.hash, plan);
  return plan;
}

/** Re-forecasts compiled in this worker, by scenario hash, seed and actuals digest (the most recent few). */
const reforecasts = new Map<string, Reforecast>();

function reforecastOf(task: ChunkTask, actuals: NonNullable<ChunkTask['actuals']>): Reforecast {
  const key = `${task.hash}|${task.seed}|${actuals.key}`;
  let r = reforecasts.get(key);
  if (!r) {
    r = compileReforecast(task.scenario, task.files, actuals.input, task.seed);
    if (reforecasts.size >= PLANS_KEPT) reforecasts.delete(reforecasts.keys().next().value!);
    reforecasts.set(key, r);
  }
  return r;
}

/** Testing hook (see fault-injection.ts): read here only, so only worker threads can be made to fail. */
const fault = parseFault(process.env.ARRCAST_FAULT_CHUNK);
injectLoadFault(fault);

/**
 * Piscina worker: simulate one chunk into the buffers it was handed and answer with the result, views
 * on those buffers. A pooled run's buffers are SharedArrayBuffers (engine/simulate.ts), so the
 * answer's clone shares their memory: no copy back, and no transfer. Why no transfer: it detaches the
 * buffers, and the first ArrayBuffer detached in a thread spends V8's "detaching" protector there:
 * every function the optimizer compiled during chunk 0 (about 40: the simulators' `run`s, `draw`s,
 * `btrs`, ...) is thrown away and compiled again, and all code compiled after it checks each
 * typed-array access for a detached buffer (about 6% more CPU a trial, bench/RESULTS.md 2026-12-07,
 * spd22). An error is thrown in a form that keeps its meaning on the main thread (see run-errors.ts).
 */
export default function runChunk(task: ChunkTask): ChunkResult {
  // Queued behind the chunks of a run cancelled since: nothing to do (the main thread drops it).
  if (wasCancelled(task)) throw new Error(CHUNK_SKIPPED);
  try {
    injectFault(fault, task.chunk);
    receiveTables(task);
    return task.actuals
      ? reforecastChunk(reforecastOf(task, task.actuals), task.seed, task.chunk, task.trials, task.buffers)
      : simulateChunk(planOf(task), task.seed, task.chunk, task.trials, task.buffers, undefined, task.tierRows);
  } catch (err) {
    throw toTransferable(err);
  }
}

// Last, and once the call that loads this module has returned: piscina loads it with require(esm),
// which still builds the module's facade after its body has run, and terminating the thread before
// that aborts Node too. A microtask runs right after that call (a setImmediate would not: piscina's
// worker then blocks in Atomics.wait until its first task).
queueMicrotask(() => markLoaded(workerData));
