import { canBeAbove0 } from '../scenario/can-be-above-0.js';
import { seasonalityMean } from '../scenario/field-schemas.js';
import { leadSourceName } from '../scenario/lead-source-name.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { toPrecisionDecimal } from '../math/decimal-round.js';
import type { PlausibilityWarning } from './plausibility.js';
import { monthList } from './warm-start-before-launch.js';

/** How far from 1 the written weights may average and still read as a profile about the year's average (rounded weights). */
const AVERAGE_TOLERANCE = 0.01;

/**
 * seasonality-rescaled: a seasonality with months of weight 0 whose twelve weights, as written, do
 * not average 1. A month of 0 has no leads; the weights are rescaled to average 1
 * (new-business-plan.ts), so leadsPerMonth stays the average over all twelve months and the n months
 * above 0 bring the whole year's leads: 12 / n times leadsPerMonth on average. A planner who writes
 * `[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]` for a July launch and `leadsPerMonth: 100` for the volume
 * once selling gets 200 a month (1,200 leads in the year, not 600). Weights written to average 1
 * (0 and 2 for that launch) already say the year's average, so they are not warned. The numbers stay
 * as they are (the rescaling is documented and old files keep their meaning); the planner is told.
 *
 * One warning per seasonality that a lead stream reads: the tier's (its own leads, or a lead source
 * without a seasonality of its own) and each lead source's own, when some stream reading it can
 * have leads (canBeAbove0).
 *
 * @example seasonalityRescaledWarnings(parseScenario(text).scenario)[0].code // => 'seasonality-rescaled'
 * Complexity: O(tiers x lead sources x 12).
 */
export function seasonalityRescaledWarnings(scenario: Scenario): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  scenario.tiers.forEach((tier, i) => {
    const n = tier.newBusiness;
    if (!n) return;
    const at = ['tiers', i, 'newBusiness'];
    const readers = [...(n.leadsPerMonth !== undefined ? [n.leadsPerMonth] : []), ...(n.leadSources ?? []).filter((s) => s.seasonality === undefined).map((s) => s.leadsPerMonth)];
    if (n.seasonality !== undefined && readers.some(canBeAbove0)) {
      const message = rescaledMessage(n.seasonality, `${tier.name}'s seasonality`);
      if (message !== undefined) out.push({ code: 'seasonality-rescaled', message, path: [...at, 'seasonality'] });
    }
    n.leadSources?.forEach((s, j) => {
      if (s.seasonality === undefined || !canBeAbove0(s.leadsPerMonth)) return;
      const message = rescaledMessage(s.seasonality, `${tier.name}'s lead source ${leadSourceName(s)} has a seasonality that`);
      if (message !== undefined) out.push({ code: 'seasonality-rescaled', message, path: [...at, 'leadSources', j, 'seasonality'] });
    });
  });
  return out;
}

/** The warning's words for one seasonality, or undefined when no month is 0 or the weights average 1. */
function rescaledMessage(weights: readonly number[], what: string): string | undefined {
  const zeros: number[] = [];
  weights.forEach((w, m) => {
    if (w === 0) zeros.push(m + 1);
  });
  const mean = seasonalityMean(weights);
  if (zeros.length === 0 || zeros.length === 12 || Math.abs(mean - 1) <= AVERAGE_TOLERANCE) return undefined;
  const selling = 12 - zeros.length;
  const up = toPrecisionDecimal(12 / selling, 3);
  const down = toPrecisionDecimal(selling / 12, 3);
  return (
    `${what} is 0 in ${monthList(zeros)} and its 12 weights average ${toPrecisionDecimal(mean, 3)}, not 1: they are rescaled to average 1, ` +
    `so leadsPerMonth is the average over all 12 months and the ${selling} ${selling === 1 ? 'month' : 'months'} above 0 ${selling === 1 ? 'gets' : 'get'} ${up} times it on average ` +
    `(at leadsPerMonth 100, 1,200 leads in the year, not ${(100 * selling).toLocaleString('en-US')}); ` +
    `if leadsPerMonth is meant as the volume of a month with leads, state it times ${selling}/12 (${down})`
  );
}
