/**
 * The contract between the model (the typed driver registry of issue 11) and the analysis: one entry
 * per driver a planner states, per tier. The model fills `TierPlan.plannedDrivers`; the analysis
 * (src/analysis/attribution) reads it to attribute a metric's variance to each driver's own draw.
 */

/** How a driver's values read: a rate prints as a percentage, a count whole, and so on. */
export type DriverUnit = 'rate' | 'count' | 'currency' | 'deals per rep a month' | 'months';

export interface PlannedDriver {
  /** Driver key within its tier, e.g. 'conversion', 'reps.capacity'. */
  readonly key: string;
  /** The tier it belongs to. */
  readonly tier: string;
  /** As a planner names it, e.g. 'SMB conversion'. */
  readonly label: string;
  readonly unit: DriverUnit;
  /** The value the scenario states, e.g. 0.025 for a 2.5% conversion. */
  readonly planValue: number;
  /** Per-trial column of the driver's own year-level draw before the market shift; undefined when it has no own uncertainty. */
  readonly ownColumn: string | undefined;
  /** Per-trial column of its value after the market shift and stress; undefined when not stored. */
  readonly shiftedColumn: string | undefined;
  /** Its market loading (0: the market does not move it). */
  readonly loading: number;
}
