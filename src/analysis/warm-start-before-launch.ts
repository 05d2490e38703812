import { canBeAbove0 } from '../scenario/can-be-above-0.js';
import { leadSourceName } from '../scenario/lead-source-name.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { lagPmf } from '../model/lag-pmf.js';
import { monthList } from './month-list.js';
import type { PlausibilityWarning } from './plausibility.js';

/** What a planner writes to open a tier's year with no pipeline (README, "The sales cycle"). */
export const EMPTY_EARLIER_LEADS = 'earlierLeads: { count: 0, conversion: 0, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }';

/**
 * warm-start-before-launch: a seasonality of weight 0 in the year's first months (a tier launched
 * within the year) whose warm start still closes deals in the year. Without earlierLeads or an
 * openingPipeline, the leads of the `salesCycleMonths` months before the year are simulated with
 * this year's seasonality wrapped around (new-business-simulator.ts), so the last months' weights
 * stand for the previous year's leads and their deals close in the opening months. The simulated
 * numbers stay as they are (a lead's meaning does not change); the planner is told.
 *
 * One warning per seasonality that lead streams read: the tier's (for its own leads and every
 * lead source without one) and each lead source's own; only when some stream reading it can have
 * leads and deals (canBeAbove0), the sales cycle reaches past month 0, a wrapped month's weight is
 * above 0, and one of its deals lands in the year after the `closedMonths` of a re-forecast (whose
 * earlier months the actuals hold).
 *
 * @example warmStartBeforeLaunchWarnings(parseScenario(text).scenario)[0].code // => 'warm-start-before-launch'
 * Complexity: O(tiers x lead sources x (cycle months)^2).
 */
export function warmStartBeforeLaunchWarnings(scenario: Scenario, closedMonths = 0): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  scenario.tiers.forEach((tier, i) => {
    const n = tier.newBusiness;
    if (!n || n.earlierLeads !== undefined || n.openingPipeline !== undefined) return;
    const lags = lagPmf(n.salesCycleMonths).pmf;
    const at = ['tiers', i, 'newBusiness'];
    // The tier's seasonality, read by its own lead stream and by each source without one.
    const onTier = [
      ...(n.leadsPerMonth !== undefined && n.conversion !== undefined ? [{ leads: n.leadsPerMonth, conversion: n.conversion }] : []),
      ...(n.leadSources ?? []).filter((s) => s.seasonality === undefined).map((s) => ({ leads: s.leadsPerMonth, conversion: s.conversion })),
    ];
    if (n.seasonality !== undefined && onTier.some((s) => canBeAbove0(s.leads) && canBeAbove0(s.conversion))) {
      const w = launchWarning(n.seasonality, lags, closedMonths, `${tier.name}'s seasonality`, tier.name);
      if (w !== undefined) out.push({ ...w, path: [...at, 'seasonality'] });
    }
    n.leadSources?.forEach((s, j) => {
      if (s.seasonality === undefined || !canBeAbove0(s.leadsPerMonth) || !canBeAbove0(s.conversion)) return;
      const w = launchWarning(s.seasonality, lags, closedMonths, `${tier.name}'s lead source ${leadSourceName(s)} has a seasonality that`, tier.name);
      if (w !== undefined) out.push({ ...w, path: [...at, 'leadSources', j, 'seasonality'] });
    });
  });
  return out;
}

/**
 * The warning of one seasonality (`weights`, months 1..12) under a sales cycle of lag pmf `lags`,
 * or undefined when month 1's weight is above 0 or no wrapped lead's deal can land in the year
 * after `closedMonths`.
 */
function launchWarning(weights: readonly number[], lags: Float64Array, closedMonths: number, what: string, tierName: string): Omit<PlausibilityWarning, 'path'> | undefined {
  let zeros = 0;
  while (zeros < 12 && weights[zeros] === 0) zeros++;
  if (zeros === 0) return undefined;
  const reach = lags.length - 1;
  const closing = new Set<number>();
  const wrapped = new Set<number>();
  // A lead of month m <= 0 (fiscal month ((m - 1) mod 12) + 1 of the year before) closing at lag L
  // lands in month m + L.
  for (let m = 1 - reach; m <= 0; m++) {
    const month = ((((m - 1) % 12) + 12) % 12) + 1;
    if (!(weights[month - 1]! > 0)) continue;
    for (let lag = 1 - m; lag <= reach; lag++) {
      const close = m + lag;
      if (lags[lag]! > 0 && close <= 12 && close > closedMonths) {
        closing.add(close);
        wrapped.add(month);
      }
    }
  }
  if (closing.size === 0) return undefined;
  const opening = closing.size === 1 ? 'opening month' : 'opening months';
  return {
    code: 'warm-start-before-launch',
    message:
      `${what} is 0 in ${monthList(Array.from({ length: zeros }, (_, k) => k + 1))} (a launch within the year?), ` +
      `but with no earlierLeads or openingPipeline the warm start reads ${monthList([...wrapped])}'s weights as the previous year's leads: ` +
      `their deals close in ${closing.size} ${opening} (${monthList([...closing])}), within the sales cycle's reach of ${reach} ${reach === 1 ? 'month' : 'months'}; ` +
      `if ${tierName} sold nothing before the year, open it with no pipeline (${EMPTY_EARLIER_LEADS}), or state what is open at the start (earlierLeads, openingPipeline)`,
  };
}
