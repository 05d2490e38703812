import type { TierPlan } from './tier-plan.js';
import type { TierDriver } from './drivers/tier-drivers.js';
import { movesWithMarket } from './drivers/planned-driver.js';
import { firstLag } from './lag-pmf.js';
import type { Metric } from './components.js';
import { driverReachesMetric, driverReachesTier } from './driver-reach.js';

/**
 * movesWithMarket, with a volume's reach read from its support, not its plan: the market scales a
 * loaded volume's draws, so one of plan 0 that can be above 0 (a triangular of mode 0) moves with it.
 */
const shiftsWithMarket = (d: TierDriver) => movesWithMarket(d) || (d.unit !== 'rate' && d.loading !== 0 && d.canBeAbove0);

/**
 * Whether an opportunity of the tier's pipeline file closes in a month simulated with a win
 * probability that `keep` accepts. O(opportunities).
 */
function fileOpportunity(tier: TierPlan, keep: (p: number, closeMonth: number) => boolean): boolean {
  const file = tier.newBusiness?.pipelineFile;
  if (file === undefined) return false;
  const from = tier.start?.months ?? 0;
  for (let i = 0; i < file.size; i++) if (file.closeMonth[i]! > from && keep(file.probability[i]!, file.closeMonth[i]!)) return true;
  return false;
}

/**
 * Whether the market factor moves a driver of a tier and, through it, the tier's outcomes:
 * movesWithMarket (loaded, and not a rate pinned at 0 or 1 nor a volume of 0) and driverReachesTier.
 */
export function marketMovesDriver(tier: TierPlan, d: TierDriver): boolean {
  return shiftsWithMarket(d) && driverReachesTier(tier, d);
}

/**
 * Whether the market factor can move a tier's outcomes: some driver the tier states moves with it
 * to some effect (marketMovesDriver), or the tier has a conversion loading and an opening pipeline
 * file with an opportunity of uncertain odds (strictly between 0 and 1) closing in a month simulated,
 * whose odds the market moves without a driver of its own (new-business-simulator's runPipeline). A tier none of whose drivers the loadings reach, a book only when only conversion is
 * loaded, is the same in every trial whatever the market does (same seed, any factor).
 *
 * @example marketMovesTier(planTier(bookOnly, { ...zero, conversion: 0.3 })) // => false
 * Complexity: O(drivers²).
 */
export function marketMovesTier(tier: TierPlan): boolean {
  // A certain opportunity (probability 0 or 1) stays so under the market (trialRate): a file of
  // only those, or of only opportunities closing in closed months, is not moved.
  return tier.plannedDrivers.some((d) => marketMovesDriver(tier, d)) || (tier.loadings.conversion !== 0 && fileOpportunity(tier, (p) => p > 0 && p < 1));
}

/**
 * Whether the market factor can move one metric of a tier: marketMovesTier, with each driver's route
 * reaching that metric (driverReachesMetric) and, for revenue and ending ARR, a pipeline file's
 * opportunity of uncertain odds going live within the year (its close month plus the shortest
 * service-start lag at most 12). The market loaded on conversion alone, in a tier whose only deals
 * go live after the year, moves its bookings and not its revenue.
 *
 * @example marketMovesTierMetric(planTier(lateGroupOnly, { ...zero, conversion: 0.3 }), 'revenue') // => false
 * Complexity: O(drivers²).
 */
export function marketMovesTierMetric(tier: TierPlan, metric: Metric): boolean {
  const nb = tier.newBusiness;
  const lag = metric === 'bookings' || nb === undefined ? 0 : firstLag(nb.serviceStart);
  return (
    tier.plannedDrivers.some((d) => shiftsWithMarket(d) && driverReachesMetric(tier, d, metric)) ||
    (tier.loadings.conversion !== 0 && fileOpportunity(tier, (p, close) => p > 0 && p < 1 && close + lag <= 12))
  );
}
