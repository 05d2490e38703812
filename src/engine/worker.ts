import { move, transferableSymbol, valueSymbol } from 'piscina';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { simulateChunk, type ChunkResult } from '../model/simulate-chunk.js';
import type { ChunkTask } from './chunk-task.js';

/** The last scenario compiled in this worker: a run sends one scenario many chunks. */
let cached: { hash: string; plan: ScenarioPlan } | undefined;

/**
 * Piscina worker: simulate one chunk into the buffers it was handed, and hand them back by transfer
 * (no copy, no allocation).
 */
export default function runChunk(task: ChunkTask): unknown {
  if (cached?.hash !== task.hash) cached = { hash: task.hash, plan: planScenario(task.scenario, task.files) };
  const result: ChunkResult = simulateChunk(cached.plan, task.seed, task.chunk, task.trials, task.buffers);
  return move({
    get [transferableSymbol]() {
      return [result.wide.buffer, result.narrow.buffer, result.componentSums.buffer];
    },
    get [valueSymbol]() {
      return result;
    },
  } as never);
}
