import { createHash } from 'node:crypto';
import { planScenario, type ScenarioPlan } from '../model/scenario-plan.js';
import { allocateChunkBuffers, simulateChunk, type ChunkBuffers, type ChunkResult } from '../model/simulate-chunk.js';
import { valueKind } from '../scenario/option-keys.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';
import { learningModel, type LearningModel } from './learning-model.js';
import { actualsInputProblem, type ActualsInput } from './actuals-input.js';
import { posteriorDraws } from './posterior-draws.js';
import { scenarioStart } from './start-state.js';
import { steppedStart } from './stepped-start.js';

export type { ActualsInput } from './actuals-input.js';

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
  checkReforecastInput(base, input, seed);
  const plan = planScenario(scenario, files ?? {}, scenarioStart(base, input.file, input.months));
  const model = learningModel(plan, input.file, input.months, seed);
  const centre = new Float64Array(model.dimension);
  // The centre, or a value of a discrete or empirical prior the evidence allows (steppedStart).
  if (!(steppedStart(model, centre) > Number.NEGATIVE_INFINITY)) {
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
 * Refuse (RangeError, as compileReforecast's other refusal) an input it would misread, as simulate's
 * `actuals` option is refused (actualsInputProblem: a key other than file and months, a file of
 * another shape, months not whole or past the file, a tier of the scenario without rows in them,
 * which met a TypeError inside the re-forecast), or a seed that is not a string (simulate's seeds
 * are strings: String(7) is "7").
 */
function checkReforecastInput(plan: ScenarioPlan, input: unknown, seed: unknown): void {
  const problem = actualsInputProblem(plan, input, 'compileReforecast');
  if (problem) throw new RangeError(`input${problem.key !== undefined ? `.${problem.key}` : ''}: ${problem.message}`);
  if (typeof seed !== 'string' || seed.length === 0) throw new RangeError(`seed: must be the run's seed, a string of 1 or more characters (got ${typeof seed === 'string' ? 'an empty string' : valueKind(seed)})`);
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
