import { move, transferableSymbol, valueSymbol } from 'piscina';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { simulateChunk, type ChunkResult } from '../model/simulate-chunk.js';
import type { ChunkTask } from './chunk-task.js';
import { injectFault, parseFault } from './fault-injection.js';
import { toTransferable } from './run-errors.js';

/** The last scenario compiled in this worker: a run sends one scenario many chunks. */
let cached: { hash: string; plan: ScenarioPlan } | undefined;

/** Testing hook (see fault-injection.ts): read here only, so only worker threads can be made to fail. */
const fault = parseFault(process.env.ARRCAST_FAULT_CHUNK);

/**
 * Piscina worker: simulate one chunk into the buffers it was handed, and hand them back by transfer
 * (no copy, no allocation). An error is thrown in a form that keeps its meaning on the main thread
 * (see run-errors.ts).
 */
export default function runChunk(task: ChunkTask): unknown {
  let result: ChunkResult;
  try {
    injectFault(fault, task.chunk);
    if (cached?.hash !== task.hash) cached = { hash: task.hash, plan: planScenario(task.scenario, task.files) };
    result = simulateChunk(cached.plan, task.seed, task.chunk, task.trials, task.buffers);
  } catch (err) {
    throw toTransferable(err);
  }
  return move({
    get [transferableSymbol]() {
      return [result.wide.buffer, result.narrow.buffer, result.componentSums.buffer];
    },
    get [valueSymbol]() {
      return result;
    },
  } as never);
}
