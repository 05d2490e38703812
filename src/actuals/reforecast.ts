import { createHash } from 'node:crypto';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { allocateChunkBuffers, simulateChunk, type ChunkBuffers, type ChunkResult } from '../model/simulate-chunk.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';
import { learningModel, type LearningModel } from './learning-model.js';
import type { MonthlyFile } from './monthly-record.js';
import { posteriorDraws } from './posterior-draws.js';
import { scenarioStart } from './start-state.js';

/** A re-forecast's input: validated actuals, of which the first `months` closed months are used. */
export interface ActualsInput {
  readonly file: MonthlyFile;
  readonly months: number;
}

/** A re-forecast made ready: the plan with the closed months' state, and the posterior of the year-level draws. */
export interface Reforecast {
  readonly plan: ScenarioPlan;
  readonly model: LearningModel;
  readonly input: ActualsInput;
}

/**
 * Compile a re-forecast (once per run, and once per worker). Throws RangeError when the actuals are
 * impossible under the scenario (no year-level draw gives them a positive likelihood).
 * Complexity: O(scenario) + O(16,384 log) per learned driver (its prior's quantile table).
 */
export function compileReforecast(scenario: Scenario, files: ScenarioFiles | undefined, input: ActualsInput, seed: string): Reforecast {
  const base = planScenario(scenario, files ?? {});
  const plan = planScenario(scenario, files ?? {}, scenarioStart(base, input.file, input.months));
  const model = learningModel(plan, input.file, input.months, seed);
  const centre = new Float64Array(model.dimension);
  if (!(model.logLikelihood(centre) > Number.NEGATIVE_INFINITY)) {
    // Name the evidence each impossible term weighs, by tier ("Book's renewals"): the file is long.
    const values = model.termValues(centre);
    const impossible = model.termNames.filter((_, i) => !(values[i]! > Number.NEGATIVE_INFINITY)).map((n) => `${plan.tiers[n.tier]!.name}'s ${n.term}`);
    throw new RangeError(
      `the actuals are impossible under the scenario at its central values (a rate of 0 or 1 against the deals or renewals reported${impossible.length > 0 ? `: ${impossible.join(', ')}` : ''})`,
    );
  }
  return { plan, model, input };
}

/**
 * One chunk of a re-forecast: its posterior draws (its own chain, see posterior-draws.ts), then the
 * months after the closed ones simulated from their state with those draws.
 */
export function reforecastChunk(r: Reforecast, seed: string, chunk: number, trials: number, buffers: ChunkBuffers = allocateChunkBuffers(r.plan)): ChunkResult {
  const given = posteriorDraws(r.model, seed, chunk, trials);
  return simulateChunk(r.plan, seed, chunk, trials, buffers, given);
}

/** A digest of the actuals a re-forecast uses (its months and their rows): a worker compiles each once. */
export function actualsKey(input: ActualsInput): string {
  const h = createHash('sha256');
  h.update(String(input.months));
  for (const [tier, rows] of input.file.byTier) {
    h.update(`\u0000${tier}`);
    for (const row of rows.slice(0, input.months)) h.update(`\u0001${row.month}:${JSON.stringify(row.values)}`);
  }
  return h.digest('hex');
}
