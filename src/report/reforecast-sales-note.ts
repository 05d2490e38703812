import type { Summary } from '../analysis/summarize.js';
import { fiscalMonthNames } from '../analysis/summarize.js';
import { EXTRA_KEYS } from '../model/drivers/extra-keys.js';
import { leadSources } from './tier-extras.js';

/**
 * In a re-forecast (1 to 12 closed months), which months its sales figures count, naming only the
 * figures some tier of the scenario has: the actuals give a tier's leads, deals and bookings, not a
 * grade/channel's, the reps', a pipeline's or earlier leads', so those count the simulated months
 * only (none after 12 closed months: they read 0); the tables by tier add the closed months'
 * actuals. The total contract value counts the closed months' new ARR at the term mix's mean TCV,
 * the same in every trial (a point estimate: its spread is the simulated months' only).
 * Undefined for a plan, or a re-forecast whose tiers have none of these figures.
 *
 * @example reforecastSalesNote(summary after 5 closed months of a tier with grades, FY from Feb)
 * // => 'A re-forecast after 5 closed months: leads and deals by grade/channel count the simulated months (Jul to Jan) only, ...'
 * Complexity: O(tiers x extras).
 */
export function reforecastSalesNote(summary: Summary): string | undefined {
  const k = summary.reforecast?.asOfMonth;
  if (k === undefined || k < 1) return undefined;
  const tiers = Object.values(summary.byTier);
  const has = (key: string) => tiers.some((t) => Object.hasOwn(t.extras, key));
  const simulatedOnly = [
    ...(tiers.some((t) => leadSources(t).length > 0) ? ['leads and deals by grade/channel'] : []),
    ...(has(EXTRA_KEYS.capacityDeals) ? ['deal capacity'] : []),
    ...(has(EXTRA_KEYS.overCapacity) ? ['deals lost to capacity'] : []),
    ...(has(EXTRA_KEYS.repSourced) ? ['rep-sourced deals'] : []),
    ...(has(EXTRA_KEYS.pipelineWon) || has(EXTRA_KEYS.pipelineBookings) ? ["the opening pipeline's deals won and bookings"] : []),
    ...(has(EXTRA_KEYS.earlierLeadsDeals) ? ['the deals from earlier leads'] : []),
  ];
  const tcv = has(EXTRA_KEYS.newTcv);
  if (simulatedOnly.length === 0 && !tcv) return undefined;
  const months = fiscalMonthNames(summary.scenario.fiscalYearStartMonth);
  const parts: string[] = [];
  if (simulatedOnly.length > 0) {
    const which = k >= 12 ? 'the simulated months only, and none remain: they read 0' : `the simulated months (${months[k]} to ${months[11]}) only`;
    parts.push(`${list(simulatedOnly)} count ${which}, as the actuals give each tier's totals, not theirs; the tables by tier add the closed months' actuals`);
  }
  if (tcv)
    parts.push(
      "the total contract value counts the closed months' new ARR at the term mix's mean contract value per unit of ACV: a point estimate, the same in every trial, so its spread is the simulated months' only",
    );
  return `A re-forecast after ${k} closed month${k === 1 ? '' : 's'}: ${parts.join('; ')}.`;
}

/** ['a', 'b', 'c'] -> 'a, b and c'. */
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
