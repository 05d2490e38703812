import type { Simulation } from '../engine/simulate.js';

/** What the attribution reads of a run: its plan, its trial count and its store (a run still going, its leading trials in). */
export type RunTrials = Pick<Simulation, 'plan' | 'trials' | 'store'>;
import type { Metric } from '../model/components.js';
import { tierKey } from '../model/column-key.js';
import { nameKey } from '../scenario/name-key.js';
import { quoteText } from '../scenario/display-text.js';

/**
 * The per-trial column of a metric for the whole company or one tier (tier names match
 * case-insensitively; a one-tier scenario keeps its tier's values in the headline columns).
 */
export function metricColumn(sim: RunTrials, metric: Metric, tier?: string): Float64Array | Float32Array {
  // A metric's column is float64 (company) or float32 (a tier's): only counts are kept as uint16 (trial-store.ts).
  return sim.store.column(metricKey(sim, metric, tier)) as Float64Array | Float32Array;
}

/** The key of metricColumn's column: `revenue`, or `tier.SMB.revenue`. */
export function metricKey(sim: RunTrials, metric: Metric, tier?: string): string {
  if (tier === undefined) return metric;
  const name = sim.plan.tiers.find((t) => nameKey(t.name) === nameKey(tier))?.name;
  // Any name was taken for a one-tier scenario's tier: a target on another scenario's tier read this one's company figures.
  if (name === undefined) throw new RangeError(`no tier is named ${quoteText(tier)}`);
  return sim.plan.tiers.length === 1 ? metric : tierKey(name, metric);
}

/** The stored column a key reads (an alias resolved): keys of one column share its order statistics. */
export function storedKey(sim: Simulation, key: string): string {
  return sim.store.layout.aliases.get(key) ?? key;
}
