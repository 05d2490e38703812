import type { RepsPlan } from './new-business-plan.js';
import type { TierPlan } from './tier-plan.js';

/**
 * The fewest ramped-rep equivalents on the floor in month m when no rep can leave: the reps at the
 * start, and the hires on time at their ramp share if none can slip (a slip can push any hire past
 * the year: then only the reps at the start count).
 * Complexity: O(12).
 */
function leastRamped(reps: RepsPlan, m: number, slips: boolean): number {
  let ramped = reps.start;
  if (slips) return ramped;
  for (let h = 1; h <= m; h++) {
    const tenure = m - h;
    ramped += reps.hires[h - 1]! * (tenure < reps.ramp.length ? reps.ramp[tenure]! : 1);
  }
  return ramped;
}

/**
 * Whether the plan proves that the reps' capacity never binds in any trial: every month simulated,
 * the most demand the reps cap is no more than the fewest whole deals they can close. Then their
 * capacity, attrition and hire slips move no metric. Proven only when the demand has a finite most:
 * leads of a count with a bounded support (not a Poisson or negative binomial, no year-level mean)
 * and no market loading on lead volume, no rep-sourced deals (a Poisson; none under a leads stress
 * of -1), and no re-forecast (its cohorts are not bounded here); and when the floor has a least: no
 * attrition (a rate that can be above 0 can empty it). A month's demand is at most, over the lead
 * months whose deals can close in it (the sales cycle), each month's most leads (the count's top x
 * seasonality x the leads stress, plus one for the rounding; a deal needs a lead, conversion <= 1),
 * and every earlier lead; the floor closes at least floor(the capacity's bottom x leastRamped)
 * whole deals (its budget carries only fractions up), taken a hair lower against rounding (the
 * whole number below when it is whole). Demand that never exceeds it leaves no carry.
 * Otherwise (Poisson leads: unbounded) it is not proven, and reps are kept however slack they are:
 * their shares then read as noise within their intervals.
 *
 * @example capacityNeverBinds(tier of 10 reps x capacity 80 against a fixed 200 leads a month, no cycle) // => true
 * Complexity: O(12 x sources x cycle).
 */
export function capacityNeverBinds(tier: TierPlan): boolean {
  const nb = tier.newBusiness;
  const reps = nb?.reps;
  if (nb === undefined || reps === undefined || tier.start !== undefined) return false;
  if (reps.sourced !== undefined && tier.stress.leads > 0) return false;
  if (reps.attrition.constant !== 0) return false;
  const slips = reps.slipProbability !== undefined && reps.slipProbability.constant !== 0;
  const volume = tier.loadings.leads === 0 ? 1 : Infinity;
  const cycle = nb.salesCycle.pmf;
  const first = nb.warmStart ? 2 - cycle.length : 1;
  const earlier = nb.earlierLeads?.count ?? 0;
  for (let m = 1; m <= 12; m++) {
    let demand = earlier;
    for (const s of nb.sources)
      for (let lag = 0; lag < cycle.length; lag++) {
        const j = m - lag;
        if (!(cycle[lag]! > 0) || j < first) continue;
        // NaN (an unbounded count in a month of seasonality 0) and 0 bring no lead.
        const most = s.leadsMax * volume * s.seasonality[(((j - 1) % 12) + 12) % 12]! * (j >= 1 ? tier.stress.leads : 1);
        if (most > 0) demand += most + 1;
      }
    if (!(demand <= Math.floor(reps.capacityMin * leastRamped(reps, m, slips) - 1e-6))) return false;
  }
  return true;
}
