import type { TierPlan } from './tier-plan.js';
import { movesWithMarket } from './drivers/planned-driver.js';

/**
 * Whether the market factor can move a tier's outcomes: some driver the tier states moves with it
 * (movesWithMarket: loaded, and not a rate pinned at 0 or 1 nor a volume of 0), or the tier has an
 * opening pipeline file and a conversion
 * loading, which moves each opportunity's odds without a driver of its own (new-business-simulator's
 * runPipeline). A tier none of whose drivers the loadings reach, a book only when only conversion is
 * loaded, is the same in every trial whatever the market does (same seed, any factor). It reads
 * drivers, so a tier whose moving driver acts through another at 0 (leads loaded, conversion 0)
 * counts as moved: its metrics are then the same in every trial, which the attribution says.
 *
 * @example marketMovesTier(planTier(bookOnly, { ...zero, conversion: 0.3 })) // => false
 * Complexity: O(drivers).
 */
export function marketMovesTier(tier: TierPlan): boolean {
  return tier.plannedDrivers.some(movesWithMarket) || (tier.loadings.conversion !== 0 && tier.newBusiness?.pipelineFile !== undefined);
}
