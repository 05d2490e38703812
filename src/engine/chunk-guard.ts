import { COMPONENT_LABELS, COMPONENTS, METRIC_LABELS, METRICS, type Component } from '../model/components.js';
import { ModelLimitError } from '../model/model-limit-error.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { CHUNK_SIZE, type ChunkResult } from '../model/simulate-chunk.js';
import type { LoadedScenario } from '../scenario/parse.js';
import type { ChunkSpec } from './chunks.js';
import { chunkFailure } from './run-errors.js';

/** The field of a tier whose drivers make each component, to name in a message. */
const SOURCE: Record<Component, { readonly field: readonly string[]; readonly drivers: string }> = {
  openingBook: { field: ['existing', 'openingArr'], drivers: 'existing.openingArr' },
  newBusiness: { field: ['newBusiness'], drivers: 'newBusiness (leadsPerMonth, conversion, acv)' },
  newCustomerExpansion: { field: ['newCustomerExpansion', 'size'], drivers: 'newCustomerExpansion.size' },
  renewal: { field: ['existing', 'openingArr'], drivers: 'existing.openingArr and customers' },
  existingExpansion: { field: ['existing', 'expansion', 'size'], drivers: 'existing.expansion.size' },
  priceUplift: { field: ['existing', 'priceUplift'], drivers: 'existing.priceUplift' },
  contraction: { field: ['existing', 'contraction', 'size'], drivers: 'existing.contraction.size' },
  churn: { field: ['existing', 'openingArr'], drivers: 'existing.openingArr and renewalRate' },
};

/**
 * Check a chunk's results before they are kept: every per-trial value and every tier's component
 * sum must be a finite number. A scenario the schema accepts can still draw values too large to add
 * up (a float32 breakdown overflows above 3.4e38, a float64 sum above 1.8e308, and infinity minus
 * infinity is NaN); the run then stops with a ModelLimitError naming the tier and the drivers,
 * rather than reporting NaN or infinity. The component sums hold every trial's every component, so
 * a NaN or infinity anywhere in a tier shows there.
 *
 * Complexity: O(trials x columns) per chunk, small beside simulating it.
 */
export function checkChunkFinite(plan: ScenarioPlan, result: ChunkResult): void {
  const nm = METRICS.length;
  const nc = COMPONENTS.length;
  const sums = result.componentSums;
  for (let t = 0; t < plan.tiers.length; t++)
    for (let m = 0; m < nm; m++)
      for (let c = 0; c < nc; c++) {
        const v = sums[(t * nm + m) * nc + c]!;
        if (Number.isFinite(v)) continue;
        const component = COMPONENTS[c]!;
        const tier = plan.tiers[t]!.name;
        throw new ModelLimitError(
          tier,
          SOURCE[component].field,
          `${tier}: ${METRIC_LABELS[METRICS[m]!]} from ${COMPONENT_LABELS[component].toLowerCase()} is ${v} in trials ${(result.chunk * CHUNK_SIZE + 1).toLocaleString('en-US')} to ${(result.chunk * CHUNK_SIZE + result.trials).toLocaleString('en-US')}, from values too large to add up; check ${SOURCE[component].drivers}`,
        );
      }
  // The stored columns, in layout order, split by precision as simulateChunk writes them.
  let wide = 0;
  let narrow = 0;
  for (const column of plan.layout.columns) {
    const values = column.precision === 'f64' ? result.wide : result.narrow;
    const k = column.precision === 'f64' ? wide++ : narrow++;
    for (let i = k * result.trials, end = i + result.trials; i < end; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) continue;
      // The tier sums above were finite, so this is a float32 breakdown that overflowed: the message
      // names the column (and the tier, for a column of one tier).
      throw new ModelLimitError(
        'tier' in column && column.tier !== undefined ? column.tier : '',
        [],
        `${column.key} is ${v} in trial ${(result.chunk * CHUNK_SIZE + (i - k * result.trials) + 1).toLocaleString('en-US')}: values above 3.4e38 cannot be stored; check the largest amounts (acv, expansion sizes, price uplift)`,
      );
    }
  }
}

/** checkChunkFinite for a run: a chunk that fails it stops the run with a ScenarioError naming the field. */
export function checkChunk(loaded: LoadedScenario, plan: ScenarioPlan, spec: ChunkSpec, result: ChunkResult): void {
  try {
    checkChunkFinite(plan, result);
  } catch (err) {
    throw chunkFailure(loaded, plan, spec, err);
  }
}
