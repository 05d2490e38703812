import type { TierPlan } from './tier-plan.js';
import type { TierDriver } from './drivers/tier-drivers.js';
import { firstLag, type LagPmf } from './lag-pmf.js';
import type { Metric } from './components.js';
import { capacityNeverBinds } from './capacity-slack.js';
import { firstHireAtWork, firstRepClose, noRepsToClose } from './rep-floor-timing.js';

/*
 * Driver reach: whether a driver's value can move its tier's outcomes at all (driverReachesTier),
 * and which headline metrics (driverReachesMetric). Attribution lists only the drivers that reach
 * a metric. When in doubt a rule keeps the driver: a driver that moves a metric, left out, is worse
 * than the noise of one that does not (test/model/driver-reach-positive.test.ts checks each rule's
 * kept side against the simulator).
 */

/**
 * A lead volume that can be above 0 in some trial: a year-level draw, or a distribution whose
 * support reaches above 0 (TierDriver.canBeAbove0). Not its plan: the plan of a triangular or PERT
 * is its mode, 0 for `{ min: 0, mode: 0, max: 40 }`, whose leads average 13 a month.
 */
const someVolume = (d: TierDriver | undefined) => d !== undefined && (d.ownColumn !== undefined || d.canBeAbove0);

/**
 * Whether a rate can be above 0 in some trial: drawn; stated at 1; or stated between 0 and 1 and
 * either moved by the market (`loading`: it rises towards 1 with the factor) or above 0 after the
 * stress's `shift` (stressRate). A rate stated at 0 is certain and stays 0 under any market factor or
 * stress (trialRate): `conversion: 0` with `stress: { conversion: 0.1 }` converts nothing.
 */
function rateCanBeAbove0(d: TierDriver, loading: number, shift: number): boolean {
  if (d.ownColumn !== undefined) return true;
  const p = d.planValue;
  if (p <= 0) return false;
  if (p >= 1) return true;
  return (loading !== 0 && shift > -1) || p + shift > 0;
}

/** rateCanBeAbove0 of a rate the tier may not state (undefined: assumed to be able to). */
const canBeAbove0 = (d: TierDriver | undefined, loading: number, shift: number) => d === undefined || rateCanBeAbove0(d, loading, shift);

/**
 * Whether the tier's book has customers due to renew in a month simulated: on its calendar after the
 * closed months, or in its customer file. What contraction, expansion and price uplift act on: they
 * are renegotiated at a renewal, so a customer billed monthly sees none (customer-book-simulator),
 * and a file of multi-year contracts all ending after the year renews no one in it.
 */
function bookDueInYear(tier: TierPlan): boolean {
  const e = tier.existing;
  if (e === undefined) return true;
  const from = tier.start?.months ?? 0;
  // dueFrom[m - 1] .. dueFrom[m] - 1 are month m's due customers: months from + 1 .. 12.
  if (e.book !== undefined) return e.book.dueFrom[12]! > e.book.dueFrom[from]!;
  return e.due.some((x, m) => m >= from && x > 0);
}

/**
 * Whether the renewal rate acts in the year: customers due (bookDueInYear), or in a customer file
 * customers billed monthly, who leave any month by a hazard the renewal rate sets.
 */
function bookChurnsInYear(tier: TierPlan): boolean {
  const book = tier.existing?.book;
  return bookDueInYear(tier) || (book !== undefined && book.monthlyArr.length > 0);
}

/** The driver of `kind` and `name` the tier states (undefined: none). */
const stated = (tier: TierPlan, kind: TierDriver['kind'], name = '') => tier.plannedDrivers.find((x) => x.kind === kind && x.name === name);

/**
 * Whether the year's own leads can come in: a leads stress of -1 ("none at all", the scenario's or
 * the tier's) multiplies every month's leads of the year, and the reps' own deals, by 0
 * (leadMultiplier); the warm start's leads from before the year and a re-forecast's known counts
 * are as they came in.
 */
const yearLeadsCome = (tier: TierPlan) => tier.stress.leads > 0;

/**
 * The first month simulated in which a deal from a lead stream's leads can close (Infinity: none):
 * leads of month m (the months before the year too, with a warm start; a re-forecast's closed
 * months' cohorts still in the cycle) close at m + a sales-cycle lag. A month's leads can be there
 * when its seasonality is above 0 and, in the year, the leads stress leaves some (yearLeadsCome); a
 * closed month's count known from the actuals, for a tier of one stream, when that count is above
 * 0 (new-business-simulator's source loop). A source whose leads are 0 in every month that can
 * close in the year, or whose cycle carries every deal past month 12, signs nothing: its leads and
 * conversion move no metric. `knownLeads` 'notMoved' asks for the leads the lead volume moves: a
 * closed month's known count is as it came in, so its cohort counts as no leads (before, a
 * re-forecast's lead volume was kept, its share noise, when only closed months' leads could still
 * close in the year).
 * Complexity: O((12 + cycle) x cycle).
 */
function sourceFirstClose(tier: TierPlan, name: string, knownLeads: 'counted' | 'notMoved' = 'counted'): number {
  const nb = tier.newBusiness;
  const s = nb?.sources.find((x) => x.name === name);
  if (nb === undefined || s === undefined) return (tier.start?.months ?? 0) + 1;
  const k = tier.start?.months ?? 0;
  const cycle = nb.salesCycle.pmf;
  const first = nb.warmStart ? 2 - cycle.length : 1;
  const single = nb.sources.length === 1;
  const inYear = yearLeadsCome(tier);
  let best = Infinity;
  for (let m = first; m <= 12 && m < best; m++) {
    const known = single && m >= 1 && m <= k ? tier.start!.leads[m - 1]! : NaN;
    // A closed month's known leads are as they came in: the lead volume does not move them ('notMoved').
    const some = Number.isNaN(known) ? s.seasonality[(((m - 1) % 12) + 12) % 12]! > 0 && (m < 1 || inYear) : knownLeads === 'counted' && known > 0;
    if (!some) continue;
    for (let lag = 0; lag < cycle.length; lag++) {
      const c = m + lag;
      if (cycle[lag]! > 0 && c > k && c >= 1 && c <= 12 && c < best) best = c;
    }
  }
  return best;
}

/** Whether a lead source's leads (someVolume) and conversion (canBeAbove0) can both be above 0. */
function sourceConverts(tier: TierPlan, name: string): boolean {
  const tierWide = name === '';
  const leads = stated(tier, tierWide ? 'leadsPerMonth' : 'sourceLeadsPerMonth', name);
  const conversion = stated(tier, tierWide ? 'conversion' : 'sourceConversion', name);
  return (leads === undefined || someVolume(leads)) && canBeAbove0(conversion, tier.loadings.conversion, tier.stress.conversion);
}

/**
 * The first month simulated in which a deal of the tier's lead sources can close, before any rep
 * caps it (Infinity: none): the earliest sourceFirstClose of a source that converts (sourceConverts).
 * Complexity: O(sources x (drivers + (12 + cycle) x cycle)).
 */
function leadsFirstClose(tier: TierPlan): number {
  let first = Infinity;
  for (const s of tier.newBusiness?.sources ?? []) if (sourceConverts(tier, s.name)) first = Math.min(first, sourceFirstClose(tier, s.name));
  return first;
}

/** Whether the tier's reps source deals of their own in the year: a productivity stated, and the year's leads stress leaving some (yearLeadsCome). */
const repsSource = (tier: TierPlan) => tier.newBusiness?.reps?.sourced !== undefined && yearLeadsCome(tier);

/** Whether a re-forecast's closed months left cohorts of leads (known counts above 0) that can still close. */
const closedMonthCohorts = (tier: TierPlan) => tier.start !== undefined && tier.start.leads.some((x) => x > 0);

/** The first month simulated in which the tier's earlier leads can close (Infinity: none; close month = lag + 1). */
function earlierCloseMonth(tier: TierPlan): number {
  const from = (tier.start?.months ?? 0) + 1;
  const pmf = tier.newBusiness?.earlierLeads?.closeMonth.pmf ?? [];
  for (let m = from; m <= pmf.length; m++) if (pmf[m - 1]! > 0) return m;
  return Infinity;
}

/** Whether the tier's earlier leads can sign a deal (before any rep caps them): some, at a conversion that can be above 0, closing in a month simulated. */
function earlierLeadsConvert(tier: TierPlan): boolean {
  const earlier = tier.newBusiness?.earlierLeads;
  return earlier !== undefined && earlier.count > 0 && canBeAbove0(stated(tier, 'earlierLeadsConversion'), tier.loadings.conversion, tier.stress.conversion) && earlierCloseMonth(tier) <= 12;
}

/**
 * Whether the reps' capacity can bind (new-business-simulator's capDemand): reps able to close a
 * deal (noRepsToClose) and demand they cap: leads that can close a deal in the year at a conversion
 * that can be above 0 (leadsFirstClose), earlier leads that can (earlierLeadsConvert), a
 * re-forecast's cohorts still in the cycle, or the reps' own sourcing (repsSource); and the plan not
 * proving that demand always below what they can close (capacityNeverBinds: only a bounded demand
 * can be). Otherwise the reps' capacity, attrition and hire slips move no metric (only the opening
 * pipeline signs, uncapped, or every capped deal closes).
 * Complexity: as leadsFirstClose.
 */
function capacityCanBind(tier: TierPlan): boolean {
  const nb = tier.newBusiness;
  if (nb?.reps === undefined || noRepsToClose(tier)) return false;
  return (repsSource(tier) || closedMonthCohorts(tier) || leadsFirstClose(tier) <= 12 || earlierLeadsConvert(tier)) && !capacityNeverBinds(tier);
}

/**
 * The first month simulated in which the tier can sign a new customer (Infinity: none). `atTierAcv`:
 * only deals priced at the tier's ACV, which its ACV loading scales: not the pipeline file's
 * opportunities nor a pipeline group's, which have amounts of their own (new-business-simulator's
 * runPipeline). Routes: the demand reps cap, from the first month they can close a deal
 * (firstRepClose; the first month simulated without reps) or the month it can first close if later:
 * lead sources (leadsFirstClose: seasonality, leads stress, sales cycle), earlier leads
 * (earlierLeadsConvert, earlierCloseMonth), the reps' own deals (repsSource) and a re-forecast's
 * cohorts still in the sales cycle (these two taken to sign from the first month the reps can
 * close: a cycle pushing cohorts later is not checked, so a route may be kept that acts later);
 * then, uncapped, a pipeline group whose win probability can be above 0 and an opportunity of the
 * pipeline file that can be won, each in its close month if that is simulated. Deals of the closed
 * months are in the actuals and not counted here. O(drivers² + opportunities).
 */
function firstSigningMonth(tier: TierPlan, atTierAcv: boolean): number {
  const nb = tier.newBusiness;
  if (nb === undefined) return Infinity;
  const from = (tier.start?.months ?? 0) + 1;
  // With no rep able to close in the year, only the opening pipeline (groups, file) signs (capDemand caps the rest at 0).
  const atWork = firstRepClose(tier);
  let first = Infinity;
  if (atWork <= 12) {
    if (closedMonthCohorts(tier) || repsSource(tier)) return atWork;
    first = Math.max(atWork, leadsFirstClose(tier));
    if (earlierLeadsConvert(tier)) first = Math.min(first, Math.max(atWork, earlierCloseMonth(tier)));
  }
  const converting = (name: string) => canBeAbove0(stated(tier, 'pipelineWinProbability', name), tier.loadings.conversion, tier.stress.conversion);
  nb.pipelineGroups.forEach((g, i) => {
    if (g.count === 0 || g.closeMonth < from || g.closeMonth >= first || (atTierAcv && g.amount !== undefined)) return;
    if (converting(String(i + 1))) first = g.closeMonth;
  });
  const file = nb.pipelineFile;
  if (!atTierAcv && file !== undefined) {
    for (let i = 0; i < file.size; i++) {
      const m = file.closeMonth[i]!;
      if (m >= from && m < first && file.probability[i]! > 0) first = m;
    }
  }
  return first;
}

/**
 * Whether a new customer's expansion can fall within the year (new-business-simulator): a customer
 * expands `timing` months after it goes live, and goes live `serviceStart` months after it signs. A
 * customer signed in a simulated month m: some expansion lag and service-start lag with
 * m + lag + start <= 12. A customer signed in a closed month j (a re-forecast): live from j when its
 * service started within the closed months, its expansions after them still to come (lags over
 * k - j, up to 12 - j); else live at j + its lag, expanding from there. O(drivers² + opportunities + 12²).
 */
function expansionFallsInYear(tier: TierPlan, timing: LagPmf): boolean {
  const nb = tier.newBusiness;
  if (nb === undefined) return false;
  const service = nb.serviceStart;
  const expands = firstLag(timing);
  if (firstSigningMonth(tier, false) + firstLag(service) + expands <= 12) return true;
  const start = tier.start;
  if (start === undefined) return false;
  const k = start.months;
  const has = (lag: LagPmf, ok: (months: number) => boolean) => lag.pmf.some((x, l) => x > 0 && ok(l));
  for (let j = 1; j <= k; j++) {
    if (!(start.deals[j - 1]! > 0)) continue;
    if (has(service, (s) => s <= k - j) && has(timing, (l) => l > k - j && l <= 12 - j)) return true;
    if (has(service, (s) => s > k - j && j + s + expands <= 12)) return true;
  }
  return false;
}

/**
 * Whether a driver's market shift reaches its tier's outcomes: the volume or rate it acts with can
 * be other than 0. A conversion (tier-wide or a source's) needs its leads: drawn, or above 0 (or a
 * re-forecast's cohorts still in the sales cycle; not reps or earlier leads, which it does not convert); a lead volume
 * needs its conversion to be able to be above 0 (rateCanBeAbove0: a conversion of 0 stays 0 under a
 * stress; a volume counts as above 0 by its support, not its plan: someVolume); with reps stated
 * and none able to close a deal in the year (none at work, a capacity of 0, or too little ramped
 * capacity to reach one deal: noRepsToClose), leads and earlier leads close nothing; a contraction or expansion
 * rate or a price uplift needs customers due in the months simulated, on the calendar or in the
 * customer file (bookDueInYear), the renewal rate those or customers billed monthly
 * (bookChurnsInYear): they act at renewal; a new-customer expansion probability needs a
 * customer whose expansion can fall within the year, counting the month it can be won, its service
 * start and the expansion's lag (expansionFallsInYear); the ACV needs a deal priced at the tier's ACV
 * that can be signed in a month simulated (a pipeline file's opportunities and a group with an amount
 * of its own are priced at their own amounts); earlier leads' conversion needs some earlier leads closing
 * in a month simulated, a pipeline group's win probability some opportunities closing in one. Drivers
 * with no market loading, for their own draws (attribution lists only drivers that reach the tier):
 * a price uplift needs customers due (bookDueInYear); an existing customer's expansion size
 * those and an expansion probability that can be above 0; a new customer's expansion size what its
 * probability needs and that probability able to be above 0; a pipeline group's amount some of its
 * opportunities closing in a month simulated at odds that can be above 0; reps' attrition, capacity
 * and productivity reps able to close a deal in the year (noRepsToClose, rep-floor-timing.ts),
 * attrition and capacity a capacity that can bind (capacityCanBind), a hire slip that and a hire at work on time
 * (firstHireAtWork), productivity the year's leads stress leaving the reps' own deals (repsSource).
 * A lead source's volume and conversion need leads that can close in a month simulated
 * (sourceFirstClose: its seasonality, the leads stress and the sales cycle).
 * Other drivers: a route is assumed.
 * A tier's leads loaded on the market under a conversion of 0 give no deal at any factor (checked
 * on the same draws at -2 and +2), and neither does a conversion over 0 leads, nor a renewal rate
 * whose book renews after the year, nor a new-customer expansion in a tier that wins no customer,
 * nor an ACV loading in a tier whose only deals are a pipeline file's.
 *
 * @example driverReachesTier(planTier(zeroLeads), conversionDriver) // => false (leadsPerMonth: 0)
 * Complexity: O(drivers), O(drivers² + opportunities) for a new-customer expansion probability or the ACV.
 */
export function driverReachesTier(tier: TierPlan, d: TierDriver): boolean {
  switch (d.kind) {
    case 'conversion':
    case 'sourceConversion': {
      if (noRepsToClose(tier)) return false;
      const leads = stated(tier, d.kind === 'conversion' ? 'leadsPerMonth' : 'sourceLeadsPerMonth', d.name);
      if (leads === undefined) return true;
      // It converts its own leads only (and a re-forecast's cohorts of them still in the sales cycle):
      // reps source deals of their own and earlier leads have a conversion of their own.
      return (someVolume(leads) || closedMonthCohorts(tier)) && sourceFirstClose(tier, d.name) <= 12;
    }
    case 'leadsPerMonth':
    case 'sourceLeadsPerMonth': {
      if (noRepsToClose(tier)) return false;
      const conversion = stated(tier, d.kind === 'leadsPerMonth' ? 'conversion' : 'sourceConversion', d.name);
      if (conversion !== undefined && !rateCanBeAbove0(conversion, tier.loadings.conversion, tier.stress.conversion)) return false;
      // A re-forecast's closed months' leads are known (a tier of one lead stream): the volume moves only the open months'.
      return sourceFirstClose(tier, d.name, 'notMoved') <= 12;
    }
    case 'renewalRate':
      return bookChurnsInYear(tier);
    case 'contractionProbability':
    case 'expansionProbability':
    case 'priceUplift':
      return bookDueInYear(tier);
    case 'expansionSize':
      // The size of an expansion that happens: customers due, and an expansion probability that can be above 0.
      return bookDueInYear(tier) && canBeAbove0(stated(tier, 'expansionProbability', ''), tier.loadings.expansion, tier.stress.expansion);
    case 'newCustomerExpansionSize': {
      const timing = tier.newCustomerExpansion?.timing;
      return (timing === undefined || expansionFallsInYear(tier, timing)) && canBeAbove0(stated(tier, 'newCustomerExpansionProbability', ''), tier.loadings.expansion, tier.stress.expansion);
    }
    case 'pipelineAmount': {
      // The amount of a group's opportunities that are won: some, closing in a month simulated, at odds that can be above 0.
      const g = tier.newBusiness?.pipelineGroups[Number(d.name) - 1];
      if (g === undefined) return true;
      return g.count > 0 && g.closeMonth > (tier.start?.months ?? 0) && canBeAbove0(stated(tier, 'pipelineWinProbability', d.name), tier.loadings.conversion, tier.stress.conversion);
    }
    case 'earlierLeadsConversion':
      return !noRepsToClose(tier) && (tier.newBusiness?.earlierLeads?.count ?? 0) > 0 && earlierCloseMonth(tier) <= 12;
    case 'pipelineWinProbability': {
      // A group of no opportunity, or closing in a closed month (its deals are in the actuals), moves nothing.
      const g = tier.newBusiness?.pipelineGroups[Number(d.name) - 1];
      return g === undefined || (g.count > 0 && g.closeMonth > (tier.start?.months ?? 0));
    }
    case 'newCustomerExpansionProbability': {
      const timing = tier.newCustomerExpansion?.timing;
      return timing === undefined || expansionFallsInYear(tier, timing);
    }
    case 'acv':
      return firstSigningMonth(tier, true) <= 12;
    case 'repProductivity':
      // It sets the reps' own deals: none under a leads stress of -1 (repsSource), none closing when no rep can close one.
      return repsSource(tier) && !noRepsToClose(tier);
    case 'repAttrition':
    case 'repCapacity':
      // They change how much the floor can close: with no demand to cap, or never more than it closes, nothing (capacityCanBind).
      return tier.newBusiness?.reps === undefined || capacityCanBind(tier);
    case 'hireSlip':
      // A slip delays a hire: it moves something only if the hire works in a month simulated on time, and caps demand or sources deals.
      return tier.newBusiness?.reps === undefined || (capacityCanBind(tier) && firstHireAtWork(tier) <= 12);
    default:
      return true;
  }
}

/**
 * The first month simulated in which a new-business driver can sign a deal it acts on: a pipeline
 * group's close month; for earlier leads, leads and their conversion the month they can first close
 * (earlierCloseMonth, sourceFirstClose) or, if later, the first month the reps can close one
 * (firstRepClose); the first deal at the tier's ACV (firstSigningMonth); for the reps' capacity,
 * attrition and productivity firstRepClose, for a hire slip that or the first month a hire on time
 * is at work if later (firstHireAtWork). Undefined for a driver of the book or of new customers'
 * expansion, whose timing driverReachesTier already counts.
 */
function firstSignedMonth(tier: TierPlan, d: TierDriver): number | undefined {
  switch (d.kind) {
    case 'pipelineWinProbability':
    case 'pipelineAmount':
      return tier.newBusiness?.pipelineGroups[Number(d.name) - 1]?.closeMonth;
    case 'earlierLeadsConversion':
      return Math.max(firstRepClose(tier), earlierCloseMonth(tier));
    case 'acv':
      return firstSigningMonth(tier, true);
    case 'conversion':
    case 'sourceConversion':
      // The demand reps cap closes from the first month they can close a deal.
      return Math.max(firstRepClose(tier), sourceFirstClose(tier, d.name));
    case 'leadsPerMonth':
    case 'sourceLeadsPerMonth':
      // The same, of the leads the volume moves: not a re-forecast's closed months' known ones.
      return Math.max(firstRepClose(tier), sourceFirstClose(tier, d.name, 'notMoved'));
    case 'hireSlip':
      return Math.max(firstHireAtWork(tier), firstRepClose(tier));
    case 'repAttrition':
    case 'repCapacity':
    case 'repProductivity':
      return firstRepClose(tier);
    default:
      return undefined;
  }
}

/**
 * Whether a driver can move one metric of its tier: it reaches the tier (driverReachesTier) and, for
 * recognized revenue and ending ARR, a deal it acts on can go live within the year: signed in month
 * m, it goes live after its service-start lag, so m + the shortest lag must be 12 at most. Bookings
 * count at signing. A pipeline group closing in month 12 with a service start of 1 month or more
 * moves the tier's bookings only: its share of revenue's variance would be noise. So do a lead
 * source whose leads close late (sourceFirstClose), the demand reps cap when the first rep at work
 * is late (firstRepClose), and a hire slip of late hires (firstHireAtWork). A renewal rate acting
 * only through monthly-billed customers (none due) moves revenue and ARR, not bookings.
 *
 * @example driverReachesMetric(tier, groupClosingInMonth12, 'revenue') // => false with serviceStartLagMonths: 2
 * Complexity: as driverReachesTier.
 */
export function driverReachesMetric(tier: TierPlan, d: TierDriver, metric: Metric): boolean {
  if (!driverReachesTier(tier, d)) return false;
  // Monthly-billed customers leave by the renewal rate's hazard (revenue, ARR) but sign no renewal:
  // with no one due in the months simulated, the rate moves no bookings.
  if (d.kind === 'renewalRate' && metric === 'bookings') return bookDueInYear(tier);
  const nb = tier.newBusiness;
  if (metric === 'bookings' || nb === undefined) return true;
  const signed = firstSignedMonth(tier, d);
  return signed === undefined || signed + firstLag(nb.serviceStart) <= 12;
}
