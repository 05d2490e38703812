import type { Simulation } from '../engine/simulate.js';
import { driverLabel } from '../model/tier-plan.js';

/** A per-trial driver of the result, named as a planner would name it. */
export interface DriverColumn {
  /** Column key, e.g. 'driver.Mid-market.conversion'. */
  readonly key: string;
  /** e.g. 'Mid-market conversion'. */
  readonly label: string;
  /** How to show its values: as a rate (percent), a count, or the market factor (sd units). */
  readonly unit: 'rate' | 'count' | 'sd';
  readonly values: Float32Array | Float64Array;
}

/**
 * The drivers drawn or realised per trial: the market factor, each tier's trial-level rates
 * (conversion, renewal, contraction, expansion, uplift) and its realised lead volume.
 * Complexity: O(columns).
 */
export function driverColumns(sim: Simulation): DriverColumn[] {
  const out: DriverColumn[] = [];
  for (const col of sim.plan.layout.columns) {
    const values = sim.store.column(col.key)!;
    if (col.kind === 'market') out.push({ key: col.key, label: 'Market factor', unit: 'sd', values });
    else if (col.kind === 'driver') out.push({ key: col.key, label: `${col.tier} ${driverLabel(col.driver)}`, unit: 'rate', values });
    else if (col.kind === 'count' && col.count === 'leads' && col.tier !== undefined)
      out.push({ key: col.key, label: `${col.tier} leads`, unit: 'count', values });
  }
  return out;
}
