/**
 * A driver as the planner states it: what the attribution, "what must be true" and the report read
 * about each driver of a tier. The registry of driver kinds (`driver-kinds.ts`) makes these.
 */

/**
 * How a driver's values read: a rate or share (shown in percent), a count (leads a month), an
 * amount of money (ACV), or a rep's capacity in deals a month (not a percentage).
 */
export type DriverUnit = 'rate' | 'count' | 'currency' | 'deals per rep a month';

/** One driver of one tier, with the value the scenario states and where its per-trial values are stored. */
export interface PlannedDriver {
  /** The driver's key within its tier, e.g. 'conversion', 'leadsPerMonth.A/inbound', 'pipeline.2.winProbability'. */
  readonly key: string;
  readonly tier: string;
  /** As a planner says it, with the tier: 'SMB conversion', 'Enterprise ACV', 'SMB A/inbound leads a month'. */
  readonly label: string;
  readonly unit: DriverUnit;
  /**
   * The central value the scenario states, as written: a constant, or the stated mean, median or
   * mode of the driver's year-level distribution (1,800 leads a month, not the median of draws).
   */
  readonly planValue: number;
  /** 'own.<tier>.<key>': the driver's own year-level draw before the market shift and stress; undefined when it has no uncertainty of its own. */
  readonly ownColumn: string | undefined;
  /** 'driver.<tier>.<key>': the value used in the trial, after the market shift and stress; undefined when it never varies. */
  readonly shiftedColumn: string | undefined;
  /** Its loading on the market factor, signed as it acts (contraction moves against the market: -loading). */
  readonly loading: number;
  /** Multiply planValue by this for a year's figure (12 for a monthly volume or capacity). */
  readonly annualFactor?: number;
}

/**
 * Whether the market factor moves the driver's value: a loading, and a value it can move. A rate
 * fixed at 0 or 1 stays put (shiftRate: planTierDrivers then gives it no shifted column), and so does
 * a volume or amount fixed at 0 (its market multiplier scales nothing). A driver with its own draw
 * varies anyway; this says only whether the market is one of the things that move it.
 *
 * @example movesWithMarket({ unit: 'rate', loading: 0.3, shiftedColumn: undefined, ... }) // => false (a rate of 0 or 1)
 * Complexity: O(1).
 */
export function movesWithMarket(d: PlannedDriver): boolean {
  if (d.loading === 0) return false;
  if (d.ownColumn !== undefined) return true;
  // A fixed rate: shiftedColumn stands for 'the market shift can move it'. planTierDrivers stores a
  // shifted column for a loaded rate exactly when shiftRate can move it (not 0 or 1); with a loading
  // (checked above) its absence means pinned. It is a proxy: were planTierDrivers to store columns
  // for pinned rates too, this would say they move (market-moves-tier's tests would catch it).
  return d.unit === 'rate' ? d.shiftedColumn !== undefined : d.planValue !== 0;
}
