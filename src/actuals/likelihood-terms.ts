import { compileDistribution, lognormalParams } from '../model/distribution-sampler.js';
import { lognormalSigma2 } from '../math/distribution-params.js';
import { leadMultiplier } from '../model/lead-stress.js';
import { trialRate, volumeMultiplier } from '../model/market.js';
import type { TierPlan } from '../model/tier-plan.js';
import { driverSlot } from '../model/drivers/tier-drivers.js';
import { compileYearLevel } from '../model/year-level-plan.js';
import { createStream } from '../random/source.js';
import type { Tier } from '../scenario/scenario-schema.js';
import type { MonthlyMeasure, MonthlyRow } from './monthly-record.js';
import { bookDueShare, closedMonthsDue, tierStart } from './start-state.js';
import type { DriverKind } from '../model/drivers/driver-kinds.js';

/** The year-level drivers a re-forecast learns from the closed months, with the market factor. */
export const LEARNED_KINDS = ['conversion', 'leadsPerMonth', 'acv', 'renewalRate'] as const satisfies readonly DriverKind[];
export type LearnedKind = (typeof LEARNED_KINDS)[number];

/**
 * The terms of a re-forecast's log-likelihood, one tier at a time, each from sufficient statistics
 * of the closed months fixed when the term is made (see learning-model.ts for how they are used):
 * - leads: Poisson (sum x log(multiplier) - multiplier x sum of means) or negative binomial;
 * - deals: Binomial(leads, conversion) when deals close in their lead's month, else
 *   Poisson(conversion x exposure), exposure = cohorts' leads x P(lag), the months before the year at
 *   their mean;
 * - new_arr given deals: lognormal with the sum's mean and variance (Fenton-Wilkinson);
 * - renewals: Binomial(due, rate) for an aggregate book, normal (the customers' means and
 *   variances, grouped by renewal odds) for a customer book;
 * - a customer book's monthly-billed customers: the ARR that left them (binomial count when they are
 *   alike, else normal), see monthlyLeaversTerm.
 * Terms that would need a driver neither constant nor learned are left out, and said so.
 */

/** A term of the log-likelihood: a function of z and the tier's driver values (own draws, by slot). */
export type Term = (z: number, own: Float64Array) => number;

const rowValues = (rows: readonly MonthlyRow[], measure: MonthlyMeasure): Float64Array => Float64Array.from(rows, (r) => r.values[measure] ?? NaN);
const has = (x: Float64Array): boolean => x.length > 0 && x.every((v) => !Number.isNaN(v));

/**
 * Mean and coefficient of variation (sd / mean) of one deal's ACV at the planned level: exact for a
 * lognormal (cv^2 = expm1(sigma^2), which keeps a tiny sigma's digits), else from a seeded sample of
 * 65,536, its spread measured relative to its mean (squares of tiny ACVs would underflow).
 */
function unitMoments(spec: Tier): { mean: number; cv: number } {
  const unit = compileYearLevel(spec.newBusiness!.acv).unit;
  if (typeof unit !== 'number' && unit.dist === 'lognormal') {
    const { mu, sigma } = lognormalParams(unit);
    return { mean: Math.exp(mu + (sigma * sigma) / 2), cv: Math.sqrt(Math.expm1(sigma * sigma)) };
  }
  const draw = compileDistribution(unit).bind(makeSampleStream());
  const n = 65_536;
  const xs = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i] = draw();
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i]! / mean - 1) ** 2;
  return { mean, cv: Math.sqrt(v / n) };
}

const makeSampleStream = () => createStream('reforecast.acv-moments');

export function tierLikelihood(
  t: TierPlan,
  spec: Tier,
  rows: readonly MonthlyRow[],
  known: (kind: LearnedKind) => boolean,
): { terms: Term[]; used: string[]; unused: string[] } {
  const terms: Term[] = [];
  const used: string[] = [];
  const unused: string[] = [];
  const k = rows.length;
  const { loadings, stress } = t;
  const nb = t.newBusiness;
  const drivers = t.plannedDrivers;
  const leads = rowValues(rows, 'leads');
  const deals = rowValues(rows, 'deals');
  const newArr = rowValues(rows, 'new_arr');
  const single = nb?.sources.length === 1 ? nb.sources.find((s) => s.name === '') : undefined;
  const leadUnit = spec.newBusiness?.leadsPerMonth === undefined ? undefined : compileYearLevel(spec.newBusiness.leadsPerMonth).unit;
  const countKind = leadUnit !== undefined && typeof leadUnit !== 'number' && (leadUnit.dist === 'poisson' || leadUnit.dist === 'negativeBinomial') ? leadUnit : undefined;

  // Leads a month: mean(z, level) = plan mean x season x market x stress x level / plan.
  const levelSlot = driverSlot(drivers, 'leadsPerMonth');
  const convSlot = driverSlot(drivers, 'conversion');
  const acvSlot = driverSlot(drivers, 'acv');
  const renewalSlot = driverSlot(drivers, 'renewalRate');
  // Leads a month: mean = plan mean x season x multiplier, multiplier = market x stress x level / plan,
  // the stress only on the year's months as the simulator has it (lead-stress.ts).
  const season = (month: number) => single!.seasonality[(((month - 1) % 12) + 12) % 12]!;
  const leadsIn = (month: number, z: number, own: Float64Array): number => {
    const s = single!;
    return leadMultiplier(month, volumeMultiplier(loadings.leads, z), stress.leads, s.level ? own[levelSlot]! / s.level.plan : 1);
  };
  // Every closed month is one of the year's (month 1 stands for them all); every warm cohort is
  // before it (month 0 for them all).
  const closedLeads = (z: number, own: Float64Array): number => leadsIn(1, z, own);
  const warmLeads = (z: number, own: Float64Array): number => leadsIn(0, z, own);
  const leadsKnown = single !== undefined && countKind !== undefined && known('leadsPerMonth');
  if (leadsKnown && has(leads)) {
    const dispersion = countKind.dist === 'negativeBinomial' ? countKind.dispersion : Infinity;
    const base = Float64Array.from({ length: k }, (_, i) => countKind.mean * season(i + 1));
    let sumLeads = 0;
    let sumBase = 0;
    for (let i = 0; i < k; i++) {
      sumLeads += leads[i]!;
      sumBase += base[i]!;
    }
    if (countKind.dist === 'poisson') {
      // Poisson: sum of x log(mu) - mu = (sum x) log(multiplier) - multiplier x sum base + a constant.
      terms.push((z, own) => {
        const mult = closedLeads(z, own);
        if (!(mult > 0)) return sumLeads > 0 ? Number.NEGATIVE_INFINITY : 0;
        return sumLeads * Math.log(mult) - mult * sumBase;
      });
    } else {
      // Negative binomial (mean mu, dispersion r): r log(r / (r + mu)) + x log(mu / (r + mu)), month by month.
      terms.push((z, own) => {
        const mult = closedLeads(z, own);
        if (!(mult > 0)) return sumLeads > 0 ? Number.NEGATIVE_INFINITY : 0;
        let s = 0;
        for (let i = 0; i < k; i++) {
          const mu = base[i]! * mult;
          if (mu <= 0) continue;
          s += dispersion * Math.log(dispersion / (dispersion + mu)) + leads[i]! * Math.log(mu / (dispersion + mu));
        }
        return s;
      });
    }
    used.push('leads');
  } else if (has(leads) && nb) unused.push(single === undefined ? 'leads (the tier has lead grades or channels, or no leads)' : countKind === undefined ? 'leads (leadsPerMonth is not Poisson or negative binomial)' : 'leads');

  // Deals: only when every deal comes from the tier's leads (no reps' cap, pipeline or earlier leads).
  const leadDriven = single !== undefined && nb !== undefined && !nb.reps && nb.pipelineGroups.length === 0 && !nb.pipelineFile && !nb.earlierLeads;
  const cycle = nb?.salesCycle;
  const needsWarm = cycle !== undefined && cycle.max > 0 && nb!.warmStart;
  if (leadDriven && has(leads) && has(deals) && known('conversion') && (!needsWarm || leadsKnown)) {
    const rate = (z: number, own: Float64Array) => trialRate(own[convSlot]!, loadings.conversion, z, stress.conversion);
    if (cycle!.max === 0) {
      // Binomial(leads, p) each month: (sum deals) log p + (sum leads - deals) log(1 - p).
      let won = 0;
      let lost = 0;
      for (let i = 0; i < k; i++) {
        won += deals[i]!;
        lost += leads[i]! - deals[i]!;
      }
      terms.push((z, own) => {
        const p = rate(z, own);
        if (p <= 0) return won > 0 ? Number.NEGATIVE_INFINITY : 0;
        if (p >= 1) return lost > 0 ? Number.NEGATIVE_INFINITY : 0;
        return won * Math.log(p) + lost * Math.log(1 - p);
      });
    } else {
      // Poisson(p x exposure) each month; exposure = observed cohorts' leads x P(lag) (fixed) plus,
      // for cohorts before the year, their mean leads (base x their multiplier, without the leads stress).
      const pmf = cycle!.pmf;
      const observed = new Float64Array(k);
      const warm = new Float64Array(k);
      for (let m = 1; m <= k; m++)
        for (let lag = 0; lag <= cycle!.max; lag++) {
          const j = m - lag;
          if (pmf[lag]! === 0) continue;
          if (j >= 1) observed[m - 1]! += pmf[lag]! * leads[j - 1]!;
          else if (nb!.warmStart) warm[m - 1]! += pmf[lag]! * countKind!.mean * season(j);
        }
      terms.push((z, own) => {
        const p = rate(z, own);
        const mult = needsWarm ? warmLeads(z, own) : 0;
        let s = 0;
        for (let i = 0; i < k; i++) {
          const lambda = p * (observed[i]! + mult * warm[i]!);
          const d = deals[i]!;
          if (lambda <= 0) {
            if (d > 0) return Number.NEGATIVE_INFINITY;
            continue;
          }
          s += d * Math.log(lambda) - lambda;
        }
        return s;
      });
    }
    used.push('deals');
  } else if (has(deals) && nb)
    unused.push(
      single === undefined
        ? 'deals (the tier has lead grades or channels: the file gives their total)'
        : !leadDriven
          ? 'deals (reps, an opening pipeline or earlier leads also close deals)'
          : 'deals',
    );

  // ACV: each month's new_arr given its deals, all at the tier's ACV (no pipeline of its own amounts).
  if (nb && has(deals) && has(newArr) && nb.pipelineGroups.length === 0 && !nb.pipelineFile && known('acv')) {
    const { mean: m1, cv } = unitMoments(spec);
    const plan = nb.acvLevel?.plan ?? 1;
    // log new_arr ~ N(log(deals x M x m1) - s2 / 2, s2), s2 = log(1 + cv^2 / deals): with
    // a_i = log(new_arr) - log(deals m1) + s2 / 2 and w_i = 1 / (2 s2), the sum of -w (a - log M)^2
    // is -(W2 - 2 W1 log M + W0 log M^2): three sums, fixed.
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (let i = 0; i < k; i++) {
      const d = deals[i]!;
      const total = newArr[i]!;
      if (d <= 0 || total <= 0 || !(cv > 0 && m1 > 0)) continue;
      // The sum of d deals: its cv is the deal's over sqrt(d).
      const s2 = lognormalSigma2(cv / Math.sqrt(d));
      const a = Math.log(total) - Math.log(d * m1) + s2 / 2;
      const w = 1 / (2 * s2);
      w0 += w;
      w1 += w * a;
      w2 += w * a * a;
    }
    // A fixed ACV (no spread) says nothing a likelihood could weigh: new_arr is deals x ACV.
    if (w0 > 0) {
      terms.push((z, own) => {
        const logM = Math.log(volumeMultiplier(loadings.acv, z) * stress.acv * (nb.acvLevel ? own[acvSlot]! / plan : 1));
        return -(w2 - 2 * w1 * logM + w0 * logM * logM);
      });
      used.push('new_arr');
    }
  } else if (has(newArr) && nb) unused.push('new_arr');

  // Renewals.
  const e = t.existing;
  const renewedArr = rowValues(rows, 'renewed_arr');
  const churnedArr = rowValues(rows, 'churned_arr');
  if (e && known('renewalRate') && (has(renewedArr) || (has(churnedArr) && (!e.book || e.book.monthlyArr.length === 0)))) {
    // What came up for renewal: the file's due_arr when it gives one, else the scenario's (as the
    // closed months' counts in start-state.ts).
    const closedDue = closedMonthsDue(e, rows, k);
    const renewed = Float64Array.from({ length: k }, (_, i) => {
      const due = closedDue.arr[i]!;
      const r = has(renewedArr) ? renewedArr[i]! : Math.max(0, due - churnedArr[i]!);
      // A customer book's term weighs its own customers due that month: the file's renewed share of
      // what was due applies to the book's due ARR.
      if (!e.book) return r;
      // At most every customer due renews (the CLI refuses a file renewing more, validate-actuals.ts;
      // the library does not check): 300,000 renewed of c1's 100,000 learned the rate down, as the
      // book's renewed ARR reaches it at no rate.
      const bookDue = e.book.arrDueIn[i]!;
      // Less due than the book's customers of the month (a due_arr below it, or customers of it gone
      // mid-term before: closedMonthsDue) is that share of the group (dueShare below), not the whole
      // group renewing at the month's share.
      return due > bookDue ? Math.min(1, r / due) * bookDue : Math.min(r, due);
    });
    // A customer book's month with less due than its group: the share of the group's ARR still due.
    // Its renewed ARR is weighed against that share of the group's mean and variance (a random part
    // of the group, whichever customers they are). Before, the month's renewed share was applied to
    // the whole group: 100,000 renewed of 2 customers still due (of 3 at 100,000, one gone in month 1)
    // was read as 150,000 of 3, evidence of 3 customers from 2.
    const dueShare = Float64Array.from({ length: k }, (_, i) => bookDueShare(e, closedDue, i));
    const dueCounts = closedDue.count;
    const rate = (z: number, own: Float64Array) => trialRate(own[renewalSlot]!, loadings.renewal, z, stress.renewal);
    if (!e.book) {
      const counts = Float64Array.from(renewed, (r, i) => Math.min(dueCounts[i]!, Math.max(0, Math.round(e.averageArr > 0 ? r / e.averageArr : 0))));
      let kept = 0;
      let lost = 0;
      for (let m = 0; m < k; m++) {
        kept += counts[m]!;
        lost += dueCounts[m]! - counts[m]!;
      }
      // Binomial(due, p) each month: (sum renewed) log p + (sum churned) log(1 - p).
      terms.push((z, own) => {
        const p = rate(z, own);
        if (p <= 0) return kept > 0 ? Number.NEGATIVE_INFINITY : 0;
        if (p >= 1) return lost > 0 ? Number.NEGATIVE_INFINITY : 0;
        return kept * Math.log(p) + lost * Math.log(1 - p);
      });
    } else {
      const groups = bookGroups(e.book.dueMonth, e.book.dueArr, e.book.dueOdds, k);
      // A month with none of the book's customers due (closedMonthsDue: also where the file says nothing
      // came up, due_arr 0, whoever the book has due then) says nothing of the rate: read as 0 renewed
      // of the book's due ARR, it taught the rate that every customer due had churned.
      const nothingDue = Uint8Array.from({ length: k }, (_, i) => +(closedDue.count[i] === 0));
      terms.push((z, own) => {
        const p = rate(z, own);
        const o = p >= 1 ? Infinity : p / (1 - p);
        let s = 0;
        for (let m = 0; m < k; m++) {
          if (nothingDue[m]) continue;
          const g = groups[m]!;
          let mean = 0;
          let variance = 0;
          for (let i = 0; i < g.odds.length; i++) {
            const q = o === Infinity ? 1 : (o * g.odds[i]!) / (1 + o * g.odds[i]!);
            mean += g.arr[i]! * q;
            variance += g.arr2[i]! * q * (1 - q);
          }
          const f = dueShare[m]!;
          mean *= f;
          variance *= f;
          const r = renewed[m]! - mean;
          if (variance <= 0) {
            if (Math.abs(r) > 1e-6 * (1 + Math.abs(mean))) return Number.NEGATIVE_INFINITY;
            continue;
          }
          s += (-r * r) / (2 * variance) - Math.log(variance) / 2;
        }
        return s;
      });
    }
    used.push('renewals');
  } else if (e && (has(renewedArr) || has(churnedArr))) unused.push('renewals');

  // A customer book's monthly-billed customers: the ARR that left them in the closed months (the
  // churn beyond the due customers', as the start state reads it) says how likely they were to stay.
  const left = e?.book && e.book.monthlyArr.length > 0 && has(churnedArr) ? tierStart(t, rows, k).monthlyLeftArr : undefined;
  if (left !== undefined && known('renewalRate')) {
    terms.push(monthlyLeaversTerm(e!.book!.monthlyArr, e!.book!.monthlyOdds, left, k, (z, own) => trialRate(own[renewalSlot]!, loadings.renewal, z, stress.renewal)));
    used.push('monthly-billed churn');
  } else if (left !== undefined) unused.push('monthly-billed churn');
  return { terms, used, unused };
}

/**
 * The log-likelihood of the ARR `left` that monthly-billed customers lost in k closed months, at the
 * trial's renewal rate: customer i has left by month k with q_i = 1 - p_i^(k/12), p_i its chance of
 * staying the year (odds rate / (1 - rate) x its odds multiplier). Customers alike (one ARR, one odds
 * multiplier): the count left, round(left / ARR), is Binomial(n, q), exactly. Otherwise the ARR left
 * is taken as normal with mean sum a_i q_i and variance sum a_i^2 q_i (1 - q_i), the customers grouped
 * by odds multiplier (log-odds rounded to 0.01), as a customer book's renewed ARR.
 */
function monthlyLeaversTerm(arr: Float64Array, odds: Float64Array, left: number, k: number, rate: (z: number, own: Float64Array) => number): Term {
  const share = k / 12;
  const alike = arr.every((a) => a === arr[0]) && odds.every((o) => o === odds[0]);
  if (alike) {
    const n = arr.length;
    const gone = arr[0]! > 0 ? Math.min(n, Math.round(left / arr[0]!)) : 0;
    return (z, own) => {
      const r = rate(z, own);
      // ln p^(k/12) = -(k/12) ln(1 + 1 / (o x odds)); ln q = ln(1 - p^(k/12)).
      const logStay = r >= 1 ? 0 : r <= 0 ? Number.NEGATIVE_INFINITY : -share * Math.log1p((1 - r) / (r * odds[0]!));
      const logGone = Math.log(-Math.expm1(logStay));
      return (gone > 0 ? gone * logGone : 0) + (n - gone > 0 ? (n - gone) * logStay : 0);
    };
  }
  const groups = new Map<number, { odds: number; arr: number; arr2: number }>();
  for (let i = 0; i < arr.length; i++) {
    const key = Math.round(Math.log(odds[i]!) * 100);
    const g = groups.get(key) ?? { odds: Math.exp(key / 100), arr: 0, arr2: 0 };
    g.arr += arr[i]!;
    g.arr2 += arr[i]! * arr[i]!;
    groups.set(key, g);
  }
  const list = [...groups.values()];
  return (z, own) => {
    const r = rate(z, own);
    let mean = 0;
    let variance = 0;
    for (const g of list) {
      const stay = r >= 1 ? 1 : r <= 0 ? 0 : Math.exp(-share * Math.log1p((1 - r) / (r * g.odds)));
      mean += g.arr * (1 - stay);
      variance += g.arr2 * stay * (1 - stay);
    }
    const d = left - mean;
    if (variance <= 0) return Math.abs(d) > 1e-6 * (1 + Math.abs(mean)) ? Number.NEGATIVE_INFINITY : 0;
    return (-d * d) / (2 * variance) - Math.log(variance) / 2;
  };
}

/** A customer book's customers due in each closed month grouped by odds multiplier (log-odds rounded to 0.01): sums of ARR and of ARR squared. */
function bookGroups(dueMonth: Int32Array, dueArr: Float64Array, dueOdds: Float64Array, k: number) {
  const maps = Array.from({ length: k }, () => new Map<number, { odds: number; arr: number; arr2: number }>());
  for (let i = 0; i < dueMonth.length; i++) {
    const m = dueMonth[i]!;
    if (m > k) break;
    const key = Math.round(Math.log(dueOdds[i]!) * 100);
    const g = maps[m - 1]!.get(key) ?? { odds: Math.exp(key / 100), arr: 0, arr2: 0 };
    g.arr += dueArr[i]!;
    g.arr2 += dueArr[i]! * dueArr[i]!;
    maps[m - 1]!.set(key, g);
  }
  return maps.map((map) => {
    const list = [...map.values()];
    return { odds: Float64Array.from(list, (g) => g.odds), arr: Float64Array.from(list, (g) => g.arr), arr2: Float64Array.from(list, (g) => g.arr2) };
  });
}

