import type { Tier } from '../scenario/scenario-schema.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { splitYearLevel } from '../scenario/year-level.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import { distributionCentre } from './distribution-centre.js';
import type { ScenarioPlan } from './scenario-plan.js';
import type { TierPlan } from './tier-plan.js';

/**
 * Draws a tier makes per trial whatever its volumes: its rates, a count per month and source, the
 * month splits of its sales cycle and service start, its reps month by month.
 */
export const FIXED_DRAWS_PER_TIER = 200;

/**
 * The expected number of draws one trial makes, from the plan's typical values (distributionCentre):
 * the work of a trial is the units drawn one by one, so it is about
 *   sum over tiers of  FIXED_DRAWS_PER_TIER
 *     + expected new deals (12 x leads per month x conversion, per lead source; deals from earlier
 *       leads, pipeline groups, pipeline-file opportunities, rep-sourced deals), each with its ACV
 *       and its new-customer expansion drawn
 *     + customers of a customer book (each drawn every trial), or for a book in aggregate the
 *       customers contracting and expanding (each size drawn).
 * An estimate, not a bound: a heavy-tailed lead volume or conversion can make a trial slower.
 *
 * @example workPerTrial(planScenario(scenario)).draws // => about 4,100 for scenarios/example.yaml
 * Complexity: O(tiers x lead sources).
 */
export function workPerTrial(plan: ScenarioPlan): TrialWork {
  let draws = 0;
  let peakMonthlyUnits = 0;
  plan.scenario.tiers.forEach((tier, i) => {
    const work = tierWork(tier, plan.tiers[i]!);
    draws += work.draws;
    peakMonthlyUnits = Math.max(peakMonthlyUnits, work.peakMonthlyUnits);
  });
  return { draws, peakMonthlyUnits };
}

/** The work of one trial: its expected draws, and the most units one tier expects to draw in a month. */
export interface TrialWork {
  readonly draws: number;
  readonly peakMonthlyUnits: number;
}

/**
 * The typical value of a driver, of one layer or two: with a year-level layer, the unit-level
 * centre scaled by the level's centre over its plan (the draws are scaled by L / plan).
 */
function centre(spec: DistributionSpec | YearLevelSpec): number {
  const split = splitYearLevel(spec as YearLevelSpec);
  const unit = distributionCentre(split.unit);
  return split.level === undefined ? unit : (unit * distributionCentre(split.level)) / split.plan;
}

function tierWork(tier: Tier, plan: TierPlan): TrialWork {
  const c = centre;
  let draws = FIXED_DRAWS_PER_TIER;
  let peak = 0;
  const nb = tier.newBusiness;
  if (nb) {
    let deals = 0;
    if (nb.leadsPerMonth !== undefined && nb.conversion !== undefined) deals += 12 * c(nb.leadsPerMonth) * c(nb.conversion);
    for (const s of nb.leadSources ?? []) {
      const monthly = c(s.leadsPerMonth) * c(s.conversion);
      peak = Math.max(peak, monthly);
      deals += 12 * monthly;
    }
    if (nb.leadsPerMonth !== undefined && nb.conversion !== undefined) peak = Math.max(peak, c(nb.leadsPerMonth) * c(nb.conversion));
    if (nb.earlierLeads) deals += nb.earlierLeads.count * c(nb.earlierLeads.conversion);
    for (const g of nb.openingPipeline?.groups ?? []) deals += g.count * c(g.winProbability);
    deals += plan.newBusiness?.pipelineFile?.size ?? 0;
    if (nb.reps?.sourcedDealsPerMonth !== undefined) deals += 12 * c(nb.reps.sourcedDealsPerMonth) * (plan.newBusiness?.reps?.maxReps ?? 0);
    draws += Math.max(0, deals) * (tier.newCustomerExpansion ? 2 : 1);
  }
  const e = plan.existing;
  if (e?.book) draws += e.book.customers;
  else if (e && tier.existing) {
    const contraction = tier.existing.contraction ? c(tier.existing.contraction.probability) : 0;
    const expansion = tier.existing.expansion ? c(tier.existing.expansion.probability) : 0;
    draws += e.customers * Math.max(0, contraction + expansion);
  }
  return { draws, peakMonthlyUnits: peak };
}
