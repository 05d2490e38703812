import type { z } from 'zod';
import type { DriverKind } from '../model/drivers/driver-kinds.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import {
  amountWithYearLevel,
  countWithYearLevelMedian,
  nonNegativeCountDistribution,
  priceUpliftDistribution,
  rateDistribution,
  shareWithYearLevel,
  volumeWithYearLevel,
} from '../scenario/field-schemas.js';
import { recentre } from './recentre.js';

/**
 * The schema of each driver's field, as the scenario schema checks it (scenario-schema.ts,
 * reps-schema.ts, lead-sources-schema.ts, pipeline-schema.ts): a rate must stay in [0, 1], a price
 * uplift, a volume or an amount >= 0, and each family has its own checks (a beta's sd below
 * sqrt(mean (1 - mean)), a metalog's stated values strictly inside its bounds). A Record, so a new
 * driver kind cannot be left out.
 */
const FIELD_SCHEMAS: Record<DriverKind, z.ZodType> = {
  conversion: rateDistribution,
  renewalRate: rateDistribution,
  contractionProbability: rateDistribution,
  expansionProbability: rateDistribution,
  newCustomerExpansionProbability: rateDistribution,
  priceUplift: priceUpliftDistribution,
  sourceConversion: rateDistribution,
  earlierLeadsConversion: rateDistribution,
  pipelineWinProbability: rateDistribution,
  repAttrition: rateDistribution,
  repCapacity: nonNegativeCountDistribution,
  hireSlip: rateDistribution,
  repProductivity: countWithYearLevelMedian,
  leadsPerMonth: volumeWithYearLevel,
  sourceLeadsPerMonth: volumeWithYearLevel,
  acv: amountWithYearLevel,
  expansionSize: shareWithYearLevel,
  newCustomerExpansionSize: amountWithYearLevel,
  pipelineAmount: amountWithYearLevel,
};

/** The schema a driver kind's field is checked with. */
export const fieldSchema = (kind: DriverKind): z.ZodType => FIELD_SCHEMAS[kind];

/**
 * Whether the field takes the studio's move of its distribution: `field` as the file writes it,
 * with the distribution at `inner` inside it (`[]`: the field itself; `['mean']`, `['median']`: a
 * year-level layer) recentred at `central` with its spread times `spread` (recentre.ts), checked by
 * the field's own schema, as a state's scenario is.
 */
export function fieldTakes(kind: DriverKind, field: unknown, inner: readonly string[], central: number, spread: number): boolean {
  const at = inner.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], field) as DistributionSpec;
  let moved: unknown;
  try {
    moved = recentre(at, central, spread);
  } catch {
    return false;
  }
  if (inner.length > 0) {
    const copy = structuredClone(field) as Record<string, unknown>;
    let into = copy;
    for (const k of inner.slice(0, -1)) into = into[k] as Record<string, unknown>;
    into[inner[inner.length - 1]!] = moved;
    moved = copy;
  }
  return fieldSchema(kind).safeParse(moved).success;
}

/**
 * For each central value, the index in `spreads` (ascending) of the widest spread the field takes
 * there: the largest j such that every spread up to spreads[j] is taken; -1 when not even the
 * narrowest is. `planIndex`, the file as written, offers at least spread 1 (that state moves nothing).
 *
 * @example widestSpreads('priceUplift', { dist: 'pert', min: 0, mode: 0.04, max: 0.07 }, [], [0.02, 0.04], 1, [0.5, 1, 2]) // => [0, 1] (a PERT's min stays >= 0: min = central - 0.04 × spread)
 * Complexity: O(values × spreads) schema checks.
 */
export function widestSpreads(kind: DriverKind, field: unknown, inner: readonly string[], values: readonly number[], planIndex: number, spreads: readonly number[]): number[] {
  return values.map((central, i) => {
    let j = -1;
    while (j + 1 < spreads.length && fieldTakes(kind, field, inner, central, spreads[j + 1]!)) j++;
    return i === planIndex ? Math.max(j, spreads.indexOf(1)) : j;
  });
}
