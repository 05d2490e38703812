import type { RepsPlan } from './new-business-plan.js';
import type { TierPlan } from './tier-plan.js';

/*
 * When a tier's sales floor can first close a deal it caps, read from the plan (driver-reach.ts asks).
 * The simulator (new-business-simulator's capDemand) adds ramped reps x capacity to a budget each
 * month simulated and closes whole deals of it; until the budget reaches one deal nothing capped
 * closes. Its most: every rep on the floor (the reps at the start fully ramped, every hire on time
 * or, slipped, at the best ramp share it can have by then), none leaving, the capacity at the top of
 * its support. Attrition and slips only lower it, so a floor whose most never reaches one deal in
 * the year closes nothing: reps none of whom is at work, a capacity of 0, or one hire in month 12 at
 * a ramp of 0.2 and a capacity of 2 (0.4 of a deal).
 */

/** The simulator's whole deal is 1 - 1e-9 of budget; this is looser, so a floor at the edge is kept. */
const ONE_DEAL = 1 - 1e-6;

/**
 * The most ramped-rep equivalents a floor can have in month m: the reps at the start, and each
 * hire of a month h <= m at the highest ramp share of tenures 0..m - h (a slip starts it later, at
 * a lower tenure; with a ramp that rises, as ramps do, that is the on-time share).
 * Complexity: O(12 x ramp).
 */
function mostRamped(reps: RepsPlan, m: number): number {
  let ramped = reps.start;
  for (let h = 1; h <= m; h++) {
    const n = reps.hires[h - 1]!;
    if (!(n > 0)) continue;
    let best = 0;
    for (let tenure = 0; tenure <= m - h && best < 1; tenure++) best = Math.max(best, tenure < reps.ramp.length ? reps.ramp[tenure]! : 1);
    ramped += n * best;
  }
  return ramped;
}

/**
 * The first month simulated in which the tier's reps can close a deal they cap (Infinity: none in
 * the year): the first whose most budget (this file's comment) reaches one deal. Without reps
 * nothing is capped: the first month simulated.
 *
 * @example firstRepClose(tierWithOneHireInMonth12AtRamp02Capacity2) // => Infinity
 * Complexity: O(12² x ramp).
 */
export function firstRepClose(tier: TierPlan): number {
  const reps = tier.newBusiness?.reps;
  const from = (tier.start?.months ?? 0) + 1;
  if (reps === undefined) return from;
  const top = reps.capacityMax;
  if (!(top > 0)) return Infinity;
  let budget = 0;
  for (let m = from; m <= 12; m++) {
    const ramped = mostRamped(reps, m);
    // An unbounded capacity makes any rep at work able to close.
    if (top === Infinity ? ramped > 0 : (budget += ramped * top) >= ONE_DEAL) return m;
  }
  return Infinity;
}

/**
 * Whether a tier has reps and they can close nothing in the year (firstRepClose): the demand they
 * cap (leads, earlier leads, reps' own) signs no deal; the opening pipeline, which they do not cap,
 * still can.
 */
export function noRepsToClose(tier: TierPlan): boolean {
  return tier.newBusiness?.reps !== undefined && firstRepClose(tier) > 12;
}

/**
 * The first month simulated in which a planned hire is on the floor at a ramp above 0 if it starts
 * on time (Infinity: none). A slip only delays a hire (1 to 24 months): a hire that adds nothing in
 * the months simulated when on time (planned for month 12 under a ramp whose first month is 0)
 * adds nothing late either, so its slip moves nothing in expectation. (With attrition, a hire that
 * slips draws fewer leave uniforms from the shared stream, so later reps' leavers reshuffle: the
 * same trial's metric can differ, as noise, not as the slip's effect.)
 * Complexity: O(12²).
 */
export function firstHireAtWork(tier: TierPlan): number {
  const reps = tier.newBusiness?.reps;
  const from = (tier.start?.months ?? 0) + 1;
  if (reps === undefined) return from;
  let best = Infinity;
  for (let m = 1; m <= 12; m++) {
    if (!(reps.hires[m - 1]! > 0)) continue;
    for (let t = Math.max(m, from); t <= 12 && t < best; t++) {
      const tenure = t - m;
      if ((tenure < reps.ramp.length ? reps.ramp[tenure]! : 1) > 0) best = t;
    }
  }
  return best;
}
