import type { MarketLoadings } from '../../scenario/scenario-schema.js';
import type { CompiledDistribution } from '../distribution-sampler.js';
import { ownColumnKey, shiftedColumnKey } from './column-keys.js';
import { DRIVER_KINDS, kindLoading, type DriverKind } from './driver-kinds.js';
import type { PlannedDriver } from './planned-driver.js';

/** A planned driver with what the simulators need: its kind, name, stream and field. */
export interface TierDriver extends PlannedDriver {
  readonly kind: DriverKind;
  /** The lead source or pipeline group it belongs to ('' for a tier-wide driver). */
  readonly name: string;
  readonly stream: string;
  /** Where the scenario states it, inside the tier: ['newBusiness', 'leadSources', 0, 'leadsPerMonth']. */
  readonly field: ReadonlyArray<string | number>;
  /**
   * Whether some trial can see it above 0 (can-be-above-0.ts): false only when every draw is 0 or
   * less (`leadsPerMonth: 0`), never from its plan alone (a triangular of mode 0 and max 40 can).
   */
  readonly canBeAbove0: boolean;
}

/** A driver the scenario states, before it is made a TierDriver. */
export interface DriverStatement {
  readonly kind: DriverKind;
  /** Lead source or pipeline group name ('' when the kind is tier-wide). */
  readonly name?: string;
  /** Index of the lead source or pipeline group in the scenario, for its field path. */
  readonly index?: number;
  /** Its year-level distribution (a rate drawn once per trial, the mean of a lead volume, the median of ACV); undefined: stated as a number with no year layer. */
  readonly yearLevel: CompiledDistribution | undefined;
  readonly planValue: number;
  /** Whether some draw can be above 0 (the whole spec's support, can-be-above-0.ts); undefined: taken as true. */
  readonly canBeAbove0?: boolean;
}

/**
 * Make a tier's drivers from what its scenario states, in the order given. A driver has an own
 * column when its year-level distribution is not a constant. It has a shifted column when it has
 * its own uncertainty, or when it is a rate strictly between 0 and 1 that the market moves (the
 * columns of drivers that never vary would be constant).
 *
 * @example planTierDrivers('SMB', loadings, [{ kind: 'conversion', yearLevel: compiled, planValue: 0.03 }])[0].label // => 'SMB conversion'
 * Complexity: O(drivers).
 */
export function planTierDrivers(tier: string, loadings: MarketLoadings, statements: readonly DriverStatement[]): TierDriver[] {
  return statements.map((s) => {
    const k = DRIVER_KINDS[s.kind];
    const name = s.name ?? '';
    const key = k.key(name);
    const loading = kindLoading(s.kind, loadings);
    const level = s.yearLevel;
    const own = level !== undefined && level.constant === undefined;
    const shifted = own || (k.unit === 'rate' && loading !== 0 && level !== undefined && level.constant! > 0 && level.constant! < 1);
    return {
      kind: s.kind,
      name,
      stream: k.stream(name),
      field: k.field(s.index ?? 0),
      key,
      tier,
      label: `${tier} ${k.label(name)}`,
      unit: k.unit,
      planValue: s.planValue,
      canBeAbove0: s.canBeAbove0 ?? true,
      ownColumn: own ? ownColumnKey(tier, key) : undefined,
      shiftedColumn: shifted ? shiftedColumnKey(tier, key) : undefined,
      loading,
      ...(k.annualFactor === undefined ? {} : { annualFactor: k.annualFactor }),
    };
  });
}

/**
 * Where a driver sits in its tier's list (the slot of TierOutcome.drivers and .own), or -1 when
 * the tier does not state it.
 * Complexity: O(drivers); call once, when binding a simulator.
 */
export function driverSlot(drivers: readonly TierDriver[], kind: DriverKind, name = ''): number {
  return drivers.findIndex((d) => d.kind === kind && d.name === name);
}
