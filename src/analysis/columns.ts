import type { Simulation } from '../engine/simulate.js';
import type { Metric } from '../model/components.js';
import { tierKey } from '../model/column-key.js';

/**
 * The per-trial column of a metric for the whole company or one tier (tier names match
 * case-insensitively; a one-tier scenario keeps its tier's values in the headline columns).
 */
export function metricColumn(sim: Simulation, metric: Metric, tier?: string): Float64Array | Float32Array {
  if (tier === undefined || sim.plan.tiers.length === 1) return sim.store.column(metric)!;
  const name = sim.plan.tiers.find((t) => t.name.toLowerCase() === tier.trim().toLowerCase())?.name;
  if (name === undefined) throw new RangeError(`no tier is named "${tier}"`);
  return sim.store.column(tierKey(name, metric))!;
}
