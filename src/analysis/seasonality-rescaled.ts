import { canBeAbove0 } from '../scenario/can-be-above-0.js';
import { seasonalityMean } from '../scenario/field-schemas.js';
import { leadSourceName } from '../scenario/lead-source-name.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { splitYearLevel } from '../scenario/year-level.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import { toFixedDecimal, toPrecisionDecimal } from '../math/decimal-round.js';
import { monthList } from './month-list.js';
import type { PlausibilityWarning } from './plausibility.js';

/** How far from 1 the written weights may average and still read as a profile about the year's average (rounded weights). */
const AVERAGE_TOLERANCE = 0.01;

/**
 * seasonality-rescaled: a seasonality with months of weight 0 whose twelve weights, as written, do
 * not average 1. A month of 0 has no leads; the weights are rescaled to average 1
 * (new-business-plan.ts), so leadsPerMonth stays the average over all twelve months and the n months
 * above 0 bring the whole year's leads: 12 / n times leadsPerMonth on average. A planner who writes
 * `[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]` for a July launch and `leadsPerMonth: 100` for the volume
 * once selling gets 200 a month (1,200 leads in the year, not 600). Read as written, weights are
 * multiples of leadsPerMonth (month m has leadsPerMonth x its weight), so the warning's "not" figure
 * is leadsPerMonth x the weights' sum and its advice is leadsPerMonth times the weights' written
 * average (n / 12 for weights of 0 and 1), which gives each month that. Weights written to average 1
 * (0 and 2 for that launch) already say the year's average, so they are not warned. The numbers stay
 * as they are (the rescaling is documented and old files keep their meaning); the planner is told.
 *
 * The figures are at the planned leadsPerMonth of the streams reading the seasonality (their sum),
 * over the months simulated: after a re-forecast's `closedMonths` (the earlier months are actuals);
 * none when those months are all 0 (no leads either way).
 *
 * One warning per seasonality that a lead stream reads: the tier's (its own leads, or a lead source
 * without a seasonality of its own) and each lead source's own, when some stream reading it can
 * have leads (canBeAbove0).
 *
 * @example seasonalityRescaledWarnings(parseScenario(text).scenario)[0].code // => 'seasonality-rescaled'
 * Complexity: O(tiers x lead sources x 12).
 */
export function seasonalityRescaledWarnings(scenario: Scenario, closedMonths = 0): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  scenario.tiers.forEach((tier, i) => {
    const n = tier.newBusiness;
    if (!n) return;
    const at = ['tiers', i, 'newBusiness'];
    const readers = [...(n.leadsPerMonth !== undefined ? [n.leadsPerMonth] : []), ...(n.leadSources ?? []).filter((s) => s.seasonality === undefined).map((s) => s.leadsPerMonth)].filter(canBeAbove0);
    if (n.seasonality !== undefined && readers.length > 0) {
      const message = rescaledMessage(n.seasonality, readers, closedMonths, `${tier.name}'s seasonality`);
      if (message !== undefined) out.push({ code: 'seasonality-rescaled', message, path: [...at, 'seasonality'] });
    }
    n.leadSources?.forEach((s, j) => {
      if (s.seasonality === undefined || !canBeAbove0(s.leadsPerMonth)) return;
      const message = rescaledMessage(s.seasonality, [s.leadsPerMonth], closedMonths, `${tier.name}'s lead source ${leadSourceName(s)} has a seasonality that`);
      if (message !== undefined) out.push({ code: 'seasonality-rescaled', message, path: [...at, 'leadSources', j, 'seasonality'] });
    });
  });
  return out;
}

/**
 * The warning's words for one seasonality read by the lead volumes `readers`, or undefined when no
 * month is 0, the weights average 1, or the months after `closedMonths` are all 0.
 */
function rescaledMessage(weights: readonly number[], readers: readonly YearLevelSpec[], closedMonths: number, what: string): string | undefined {
  const zeros: number[] = [];
  let simulatedWeight = 0;
  weights.forEach((w, m) => {
    if (w === 0) zeros.push(m + 1);
    if (m >= closedMonths) simulatedWeight += w;
  });
  const mean = seasonalityMean(weights);
  if (zeros.length === 0 || zeros.length === 12 || Math.abs(mean - 1) <= AVERAGE_TOLERANCE || simulatedWeight === 0) return undefined;
  const selling = 12 - zeros.length;
  const up = toPrecisionDecimal(12 / selling, 3);
  const perMonth = readers.reduce<number>((sum, r) => sum + splitYearLevel(r).plan, 0);
  const stated = readers.length === 1 ? `at leadsPerMonth ${leads(perMonth)}` : `at the ${readers.length} lead streams' leadsPerMonth, ${leads(perMonth)} together`;
  const span = closedMonths === 0 ? 'in the year' : `in ${monthList(Array.from({ length: 12 - closedMonths }, (_, k) => closedMonths + k + 1))}, the months simulated`;
  const average = toPrecisionDecimal(mean, 3);
  return (
    `${what} is 0 in ${monthList(zeros)} and its 12 weights average ${average}, not 1: they are rescaled to average 1, ` +
    `so leadsPerMonth is the average over all 12 months and the ${selling} ${selling === 1 ? 'month' : 'months'} above 0 ${selling === 1 ? 'gets' : 'get'} ${up} times it on average ` +
    `(${stated}, ${leads((perMonth * simulatedWeight) / mean)} leads ${span}, not the ${leads(perMonth * simulatedWeight)} of the weights as written); ` +
    `if each month is meant to have leadsPerMonth times its weight as written, state leadsPerMonth times ${average}, the weights' average`
  );
}

/** A lead count for the words: whole from 100 up (1,200), else three significant digits (2.5). */
function leads(x: number): string {
  return (x >= 100 ? Number(toFixedDecimal(x, 0)) : toPrecisionDecimal(x, 3)).toLocaleString('en-US');
}
