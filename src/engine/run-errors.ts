import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { ModelLimitError } from '../model/model-limit-error.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import type { ChunkSpec } from './chunks.js';
import { ChunkFailedError } from './errors.js';

/**
 * Errors keep their meaning across the thread boundary. A worker's error reaches the main thread
 * by structured clone, which keeps an Error's message, stack and `cause` but not its class or its
 * own properties: a ModelLimitError would arrive as a plain Error. So the worker sends it as an
 * Error whose `cause` carries the class's fields, and the main thread rebuilds it.
 */
interface ModelLimitCause {
  readonly arrcast: 'ModelLimitError';
  readonly tier: string;
  readonly field: ReadonlyArray<string | number>;
}

/** Worker side: what to throw in place of `err` so that it means the same on the main thread. */
export function toTransferable(err: unknown): unknown {
  if (err instanceof ModelLimitError) {
    const cause: ModelLimitCause = { arrcast: 'ModelLimitError', tier: err.tier, field: [...err.field] };
    return new Error(err.message, { cause });
  }
  return err;
}

/** Main-thread side: the error a worker threw, rebuilt (a ModelLimitError again), or as it came. */
export function fromTransferable(err: unknown): unknown {
  const cause = err instanceof Error ? (err.cause as Partial<ModelLimitCause> | undefined) : undefined;
  if (cause?.arrcast === 'ModelLimitError' && typeof cause.tier === 'string' && Array.isArray(cause.field))
    return new ModelLimitError(cause.tier, cause.field, (err as Error).message);
  return err;
}

/**
 * A ModelLimitError as a problem of the scenario: a ScenarioError naming the file, the field
 * (`tiers[1].newBusiness.leadsPerMonth`) and its line, so the CLI exits with code 2 as for any bad
 * input.
 */
export function limitAsScenarioError(loaded: LoadedScenario, plan: ScenarioPlan, err: ModelLimitError): ScenarioError {
  const index = plan.tiers.findIndex((t) => t.name === err.tier);
  const path = index >= 0 ? ['tiers', index, ...err.field] : [];
  return new ScenarioError(loaded.source, [{ path, message: `cannot be simulated: ${err.message}`, ...(path.length > 0 ? loaded.locate?.(path) : {}) }]);
}

/**
 * What a run reports when simulating a chunk failed, in-process or in a worker: a ScenarioError
 * when the scenario is at fault (a ModelLimitError), otherwise a ChunkFailedError naming the chunk
 * and keeping the original error as its cause.
 */
export function chunkFailure(loaded: LoadedScenario, plan: ScenarioPlan, spec: ChunkSpec, err: unknown): Error {
  const rebuilt = fromTransferable(err);
  if (rebuilt instanceof ModelLimitError) return limitAsScenarioError(loaded, plan, rebuilt);
  return new ChunkFailedError(spec.index, spec.offset, spec.trials, rebuilt);
}
