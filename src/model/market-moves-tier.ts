import type { TierPlan } from './tier-plan.js';

/**
 * Whether the market factor can move a tier's outcomes: some driver the tier states is loaded on
 * it (its signed loading is not 0), or the tier has an opening pipeline file and a conversion
 * loading, which moves each opportunity's odds without a driver of its own (new-business-simulator's
 * runPipeline). A tier none of whose drivers the loadings reach, a book only when only conversion is
 * loaded, is the same in every trial whatever the market does (same seed, any factor).
 *
 * @example marketMovesTier(planTier(bookOnly, { ...zero, conversion: 0.3 })) // => false
 * Complexity: O(drivers).
 */
export function marketMovesTier(tier: TierPlan): boolean {
  return tier.plannedDrivers.some((d) => d.loading !== 0) || (tier.loadings.conversion !== 0 && tier.newBusiness?.pipelineFile !== undefined);
}
