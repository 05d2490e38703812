import type { TierPlan } from './tier-plan.js';
import type { TierDriver } from './drivers/tier-drivers.js';
import { movesWithMarket } from './drivers/planned-driver.js';

/** A lead volume that can be above 0: drawn, or stated above 0. */
const someVolume = (d: TierDriver | undefined) => d !== undefined && (d.ownColumn !== undefined || d.planValue > 0);

/**
 * Whether a driver's market shift reaches its tier's outcomes: the volume or rate it acts with can
 * be other than 0. A conversion (tier-wide or a source's) needs its leads: drawn, or above 0 (or a
 * re-forecast's cohorts still in the sales cycle, or reps or earlier leads, which it may also convert); a lead volume
 * needs its conversion: drawn, or above 0 after the stress; a renewal or contraction rate needs
 * customers due in the months simulated (or a customer file). Other drivers: a route is assumed.
 * A tier's leads loaded on the market under a conversion of 0 give no deal at any factor (checked
 * on the same draws at -2 and +2), and neither does a conversion over 0 leads, nor a renewal rate
 * whose book renews after the year.
 *
 * @example driverReachesTier(planTier(zeroLeads), conversionDriver) // => false (leadsPerMonth: 0)
 * Complexity: O(drivers).
 */
export function driverReachesTier(tier: TierPlan, d: TierDriver): boolean {
  const drivers = tier.plannedDrivers;
  const find = (kind: TierDriver['kind'], name: string) => drivers.find((x) => x.kind === kind && x.name === name);
  switch (d.kind) {
    case 'conversion':
    case 'sourceConversion': {
      const leads = find(d.kind === 'conversion' ? 'leadsPerMonth' : 'sourceLeadsPerMonth', d.name);
      if (leads === undefined) return true;
      const cohorts = tier.start !== undefined && tier.start.leads.some((x) => x > 0);
      // Other volumes it may convert are kept as routes (not checked here): reps, earlier leads.
      const others = tier.newBusiness?.reps !== undefined || tier.newBusiness?.earlierLeads !== undefined;
      return someVolume(leads) || cohorts || others;
    }
    case 'leadsPerMonth':
    case 'sourceLeadsPerMonth': {
      const conversion = find(d.kind === 'leadsPerMonth' ? 'conversion' : 'sourceConversion', d.name);
      return conversion === undefined || conversion.ownColumn !== undefined || conversion.planValue + tier.stress.conversion > 0;
    }
    case 'renewalRate':
    case 'contractionProbability': {
      const e = tier.existing;
      if (e === undefined || e.book !== undefined) return true;
      const from = tier.start?.months ?? 0;
      return e.due.some((x, m) => m >= from && x > 0);
    }
    default:
      return true;
  }
}

/**
 * Whether the market factor moves a driver of a tier and, through it, the tier's outcomes:
 * movesWithMarket (loaded, and not a rate pinned at 0 or 1 nor a volume of 0) and driverReachesTier.
 */
export function marketMovesDriver(tier: TierPlan, d: TierDriver): boolean {
  return movesWithMarket(d) && driverReachesTier(tier, d);
}

/**
 * Whether the market factor can move a tier's outcomes: some driver the tier states moves with it
 * to some effect (marketMovesDriver), or the tier has an opening pipeline file and a conversion
 * loading, which moves each opportunity's odds without a driver of its own (new-business-simulator's
 * runPipeline). A tier none of whose drivers the loadings reach, a book only when only conversion is
 * loaded, is the same in every trial whatever the market does (same seed, any factor).
 *
 * @example marketMovesTier(planTier(bookOnly, { ...zero, conversion: 0.3 })) // => false
 * Complexity: O(drivers²).
 */
export function marketMovesTier(tier: TierPlan): boolean {
  return tier.plannedDrivers.some((d) => marketMovesDriver(tier, d)) || (tier.loadings.conversion !== 0 && tier.newBusiness?.pipelineFile !== undefined);
}
