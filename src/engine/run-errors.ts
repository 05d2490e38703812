import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { ModelLimitError } from '../model/model-limit-error.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import type { ChunkSpec } from './chunks.js';
import { ChunkFailedError } from './errors.js';
import { MetalogFitError } from '../math/metalog.js';

/**
 * Errors keep their meaning across the thread boundary (piscina's habit). A worker's error reaches
 * the main thread by structured clone, which keeps an Error's message, stack and `cause` but not its
 * class or its own properties: a ModelLimitError would arrive as a plain Error, a MetalogFitError
 * without its `reason`. So the worker sends each of arrcast's own error classes as an Error whose
 * `cause` names the class and carries its fields, and the main thread rebuilds it: the library's
 * caller gets the class and fields it would get in-process. JavaScript's own errors (a sampler's
 * RangeError) cross as they are; structured clone keeps their class.
 */
// The classes a worker can raise (the model's limits, a metalog fit, a scenario's own problems);
// ArgumentError is not one: only the library's edge raises it, on the main thread.
const TRANSFERABLE = { ModelLimitError, MetalogFitError, ScenarioError } as const;
type TransferableName = keyof typeof TRANSFERABLE;

interface TransferCause {
  readonly arrcast: TransferableName;
  /** The error's own fields (tier and field, reason, issues, ...), as structured clone copies data. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Worker side: what to throw in place of `err` so that it means the same on the main thread. */
export function toTransferable(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const name = (Object.keys(TRANSFERABLE) as TransferableName[]).find((n) => err.constructor === TRANSFERABLE[n]);
  if (name === undefined) return err;
  const cause: TransferCause = { arrcast: name, fields: { ...err } };
  const sent = new Error(err.message, { cause });
  if (err.stack !== undefined) sent.stack = err.stack;
  return sent;
}

/** Main-thread side: the error a worker threw, rebuilt as its class with its fields, or as it came. */
export function fromTransferable(err: unknown): unknown {
  const cause = err instanceof Error ? (err.cause as Partial<TransferCause> | undefined) : undefined;
  const kind = cause?.arrcast;
  if (typeof kind !== 'string' || !Object.hasOwn(TRANSFERABLE, kind) || cause?.fields === null || typeof cause?.fields !== 'object') return err;
  // Rebuilt without its constructor (whose arguments differ by class): the prototype, the message
  // and stack as Error keeps them (not enumerable), then the fields.
  const rebuilt = Object.create(TRANSFERABLE[kind as TransferableName].prototype) as Error;
  Object.defineProperty(rebuilt, 'message', { value: (err as Error).message, writable: true, configurable: true });
  Object.defineProperty(rebuilt, 'stack', { value: (err as Error).stack, writable: true, configurable: true });
  return Object.assign(rebuilt, cause.fields);
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
