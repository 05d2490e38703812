import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';
import type { ChunkBuffers } from '../model/simulate-chunk.js';
import type { ActualsInput } from '../actuals/reforecast.js';

/** What the main thread sends a worker for one chunk: plain data, cloned across the thread boundary. */
export interface ChunkTask {
  readonly scenario: Scenario;
  /** Customer books and pipelines: typed arrays on SharedArrayBuffers, shared with the worker, not copied. */
  readonly files: ScenarioFiles | undefined;
  /** Hash of the scenario: workers compile each scenario once and reuse it for its chunks. */
  readonly hash: string;
  readonly seed: string;
  readonly chunk: number;
  readonly trials: number;
  /** Where to write the results: moved to the worker and back, reused chunk after chunk. */
  readonly buffers: ChunkBuffers;
  /** A re-forecast's actuals, and their digest (workers compile each re-forecast once). */
  readonly actuals?: { readonly input: ActualsInput; readonly key: string };
}
