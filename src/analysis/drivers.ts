import type { Simulation } from '../engine/simulate.js';
import type { DriverUnit } from '../model/drivers/planned-driver.js';

/** A per-trial driver of the result, named as a planner would name it. */
export interface DriverColumn {
  /** Column key, e.g. 'driver.Mid-market.conversion'. */
  readonly key: string;
  /** e.g. 'Mid-market conversion'. */
  readonly label: string;
  /** How to show its values: the driver's unit (a rate in percent, a count, money, deals per rep a month), or the market factor in sd. */
  readonly unit: DriverUnit | 'sd';
  readonly values: Float32Array | Float64Array;
}

/**
 * The drivers drawn or realised per trial: the market factor, each tier's year-level drivers as
 * used in the trial (labels and units from the registry of drivers, via the plan) and its realised
 * lead volume.
 * Complexity: O(columns + drivers).
 */
export function driverColumns(sim: Simulation): DriverColumn[] {
  const planned = new Map(sim.plan.tiers.flatMap((t) => t.plannedDrivers.map((d) => [d.shiftedColumn, d] as const)));
  const out: DriverColumn[] = [];
  for (const col of sim.plan.layout.columns) {
    const values = sim.store.column(col.key)!;
    if (col.kind === 'market') out.push({ key: col.key, label: 'Market factor', unit: 'sd', values });
    else if (col.kind === 'driver') {
      const d = planned.get(col.key)!;
      out.push({ key: col.key, label: d.label, unit: d.unit, values });
    } else if (col.kind === 'count' && col.count === 'leads' && col.tier !== undefined)
      out.push({ key: col.key, label: `${col.tier} leads`, unit: 'count', values });
  }
  return out;
}
