import type { RepsPlan } from './new-business-plan.js';
import type { TierPlan } from './tier-plan.js';
import { poissonUpperTail } from '../math/poisson-tail.js';
import { normalQuantile } from '../math/normal-cdf.js';
import { trialRate } from './market.js';
import { betaUpperPoint } from '../math/beta-quantile.js';
import { betaExpectationBound } from '../math/beta-expectation-bound.js';

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
 * The chance, in a year, that the reps' capacity binds which the plan accepts as "never binds"
 * (capacityNeverBinds). Over the 50,000 trials attribution reads, it binds in any of them with a
 * chance of at most 5e-5, and then by a deal or two: the capacity's own draw moves nothing the
 * trials can show, and its share would be noise within its interval.
 */
export const CAPACITY_BINDS_AT_MOST = 1e-9;

/**
 * The chance spent on each year-level draw bounded by a point it exceeds only so often (a beta
 * conversion's, the market's): a tenth of CAPACITY_BINDS_AT_MOST, so a tier of a few such draws
 * still leaves most of it to the Poisson tails.
 */
const EACH_DRAW_ABOVE = CAPACITY_BINDS_AT_MOST / 10;

/**
 * The grid points of the nested expectation over every beta source (betaSourcesBound), in all:
 * each of L sources gets floor(NESTED_POINTS^(1/L)) steps (64 each for 2, 16 for 3), at least
 * NESTED_STEPS_AT_LEAST; sources past MOST_NESTED stay at their one-in-ten-billion point. A coarser grid
 * is a looser bound, never a wrong one.
 */
const NESTED_POINTS = 4096;
const NESTED_STEPS_AT_LEAST = 4;
const MOST_NESTED = 6;

/**
 * Whether the plan proves that the reps' capacity binds in no trial, or in a share of them below
 * CAPACITY_BINDS_AT_MOST (capacityBindChance). Then their capacity, attrition and hire slips move no
 * metric.
 *
 * @example capacityNeverBinds(tier of 10 reps x capacity 80 against a fixed 200 leads a month, no cycle) // => true
 * @example capacityNeverBinds(tier of 1 rep x capacity 300 against Poisson(200) leads, conversion 1) // => true (2.7e-11 x 12)
 * Complexity: as capacityBindChance.
 */
export function capacityNeverBinds(tier: TierPlan): boolean {
  return capacityBindChance(tier) <= CAPACITY_BINDS_AT_MOST;
}

/**
 * An upper bound on the chance that the reps' capacity binds in some month of a trial: 0 when the
 * plan proves it never does, 1 when it cannot bound it. Every month simulated, the demand the reps
 * cap against the fewest whole deals they can close: floor(the capacity's bottom x leastRamped),
 * taken a hair lower against rounding (the whole number below when it is whole; the floor's budget
 * carries only fractions up). Demand that never exceeds it leaves no carry.
 *
 * The demand of a month is at most, over the lead months whose deals can close in it (the sales
 * cycle), the sure part B: each bounded count's most leads (its top x seasonality x the leads stress,
 * plus one for the rounding; a deal needs a lead, conversion <= 1) and every earlier lead; plus the
 * deals of the Poisson counts with a stated mean (LeadSourcePlan.poissonMean), which are Poisson
 * too: leads of month j ~ Poisson(mean x seasonality x stress), each signing with the year's
 * conversion c and closing after a lag of the cycle, so the deals of month m are Poisson(Λ(c)) with
 * Λ(c) = Σ_j mean_j c pmf[m - j] (thinning), given c. Λ rises with c, and c (trialRate) with the
 * drawn conversion and with b z (b the market's loading on conversion): so with c_ε the conversion
 * at a point it exceeds with chance ε (a beta's betaUpperPoint; any other's top, never exceeded),
 * moved by the market at b z = |b| Φ^-1(1 - ε) and by the stress, P(bind) <= Σ ε (one per beta
 * source, one for the market) + Σ_m P(Poisson(Λ(c_ε)) > floor less B), ε = EACH_DRAW_ABOVE.
 * Tighter where a Poisson source's conversion is a beta: that source's ε and c_ε are replaced by
 * the expectation of the months' tails over its beta (math/beta-expectation-bound.ts), the others
 * kept at their c_ε; and, with two beta sources or more, every one's (up to MOST_NESTED) by the
 * expectation over all of them at once, nested (betaSourcesBound; before December 2026 only the
 * first was averaged over). The smallest of the bounds is returned (each holds). Taken at c_ε alone, 10
 * reps of 20 deals against Poisson(2,000) leads at a beta conversion of mean 4% (sd 0.5%) bounded
 * at 0.014, though the tails are that large only in years the beta draws once in ten billion.
 * Not bounded (1): leads with no top and not such a Poisson (a negative binomial, a year-level mean),
 * a market loading on lead volume, rep-sourced deals (none under a leads stress of -1), a
 * re-forecast (its cohorts are not bounded here), or attrition that can empty the floor.
 *
 * @example capacityBindChance(tier of 1 rep x capacity 250 against Poisson(200) leads, conversion 1) // => 12 x 3.6e-4
 * @example capacityBindChance(tier of 1 rep x capacity 100 against Poisson(200) leads, conversion beta(10, 90)) // => at most E_c[12 x P(Poisson(200 c) > 99)] + a grid step's slack
 * Complexity: O(12 x sources x cycle), plus the Poisson tails' terms (x BETA_BOUND_STEPS for a beta conversion).
 */
export function capacityBindChance(tier: TierPlan): number {
  const nb = tier.newBusiness;
  const reps = nb?.reps;
  if (nb === undefined || reps === undefined || tier.start !== undefined) return 1;
  if (reps.sourced !== undefined && tier.stress.leads > 0) return 1;
  if (reps.attrition.constant !== 0) return 1;
  const slips = reps.slipProbability !== undefined && reps.slipProbability.constant !== 0;
  const volume = tier.loadings.leads === 0 ? 1 : Infinity;
  const cycle = nb.salesCycle.pmf;
  const first = nb.warmStart ? 2 - cycle.length : 1;
  const earlier = nb.earlierLeads?.count ?? 0;
  const loading = tier.loadings.conversion;
  const zTop = -normalQuantile(EACH_DRAW_ABOVE) * Math.sign(loading);
  const marketChance = loading !== 0 && volume === 1 && nb.sources.some((s) => s.poissonMean !== undefined) ? EACH_DRAW_ABOVE : 0;
  // This trial's conversion from a drawn one: moved by the market at its one-in-ten-billion year and by the stress (<= 1: a deal needs a lead).
  const moved = (drawn: number) => Math.min(1, trialRate(Math.min(1, drawn), loading, zTop, tier.stress.conversion));
  const poissonSource = (s: (typeof nb.sources)[number]) => s.poissonMean !== undefined && volume === 1;
  // The beta source integrated over alone: the first Poisson source with a beta conversion; `nested`, every one (up to MOST_NESTED).
  const integrated = nb.sources.findIndex((s) => poissonSource(s) && s.conversionBeta !== undefined);
  const nested = [...nb.sources.keys()].filter((i) => poissonSource(nb.sources[i]!) && nb.sources[i]!.conversionBeta !== undefined).slice(0, MOST_NESTED);
  // Each source's conversion at its c_ε (a beta's betaUpperPoint) or its top; for each month, the
  // sure demand, the Poisson deals' mean at those conversions, and the integrated source's mean per unit of its conversion.
  let epsilonChance = marketChance;
  const conversions = nb.sources.map((s) => {
    if (!poissonSource(s)) return 1;
    if (s.conversionBeta === undefined) return moved(s.conversionMax);
    epsilonChance += EACH_DRAW_ABOVE;
    return moved(betaUpperPoint(EACH_DRAW_ABOVE, s.conversionBeta.alpha, s.conversionBeta.beta));
  });
  const months: { k: number; others: number; perUnit: number; atEpsilon: number; nestedOthers: number; perUnits: number[] }[] = [];
  for (let m = 1; m <= 12; m++) {
    let sure = earlier;
    let others = 0;
    let perUnit = 0;
    let nestedOthers = 0;
    const perUnits = nested.map(() => 0);
    for (const [i, s] of nb.sources.entries()) {
      for (let lag = 0; lag < cycle.length; lag++) {
        const j = m - lag;
        if (!(cycle[lag]! > 0) || j < first) continue;
        const multiplier = volume * s.seasonality[(((j - 1) % 12) + 12) % 12]! * (j >= 1 ? tier.stress.leads : 1);
        if (poissonSource(s)) {
          const mean = s.poissonMean! * multiplier * cycle[lag]!;
          if (i === integrated) perUnit += mean;
          else others += mean * conversions[i]!;
          const at = nested.indexOf(i);
          if (at >= 0) perUnits[at]! += mean;
          else nestedOthers += mean * conversions[i]!;
          continue;
        }
        // NaN (an unbounded count in a month of seasonality 0) and 0 bring no lead.
        const most = s.leadsMax * multiplier;
        if (most > 0) sure += most + 1;
      }
    }
    const floor = Math.floor(reps.capacityMin * leastRamped(reps, m, slips) - 1e-6);
    if (!(sure <= floor)) return 1;
    months.push({ k: floor - sure, others, perUnit, atEpsilon: integrated < 0 ? 0 : perUnit * conversions[integrated]!, nestedOthers, perUnits });
  }
  // Months alike (a flat seasonality) have one tail, counted as often as they recur.
  const alike = new Map<string, { month: (typeof months)[number]; times: number }>();
  for (const month of months) {
    const key = `${month.k} ${month.others} ${month.perUnit} ${month.atEpsilon} ${month.nestedOthers} ${month.perUnits.join(' ')}`;
    const seen = alike.get(key);
    if (seen) seen.times++;
    else alike.set(key, { month, times: 1 });
  }
  const tails = (mean: (month: (typeof months)[number]) => number) => {
    let sum = 0;
    for (const { month, times } of alike.values()) if (month.others + mean(month) > 0) sum += times * poissonUpperTail(month.others + mean(month), month.k);
    return sum;
  };
  const atEpsilon = Math.min(1, epsilonChance + tails((month) => month.atEpsilon));
  if (integrated < 0) return atEpsilon;
  // Over the integrated source's whole beta instead of its ε and its c_ε: g(c), the months' Poisson
  // tails given its conversion c, rises with c (the deals' mean does, and trialRate with the drawn
  // rate), so betaExpectationBound's sum of g at each grid interval's right end is never below E[g(c)].
  const { alpha, beta } = nb.sources[integrated]!.conversionBeta!;
  const overBeta = epsilonChance - EACH_DRAW_ABOVE + betaExpectationBound((c) => Math.min(1, tails((month) => month.perUnit * moved(c))), alpha, beta);
  if (nested.length < 2) return Math.min(atEpsilon, overBeta, 1);
  const betas = nested.map((i) => nb.sources[i]!.conversionBeta!);
  const overBetas = epsilonChance - nested.length * EACH_DRAW_ABOVE + betaSourcesBound([...alike.values()], betas, moved);
  return Math.min(atEpsilon, overBeta, overBetas, 1);
}

/**
 * An upper bound on E[min(1, Σ_months times x P(Poisson(nestedOthers + Σ_i perUnits[i] moved(c_i)) > k))]
 * over independent beta conversions c_i: betaExpectationBound nested, the outer source's g being the
 * inner sources' bound given its c. That inner bound is an upper sum on a grid fixed by the inner
 * betas alone, of terms that rise with every c_i, so it rises with the outer c too, and an upper
 * Riemann-Stieltjes sum of a rising function bounds its expectation: the nesting is never below the
 * expectation over all of them. Each level gets floor(NESTED_POINTS^(1/L)) steps.
 * Complexity: O(NESTED_POINTS x months alike x the Poisson tail's terms).
 */
function betaSourcesBound(
  alike: ReadonlyArray<{ readonly month: { readonly k: number; readonly nestedOthers: number; readonly perUnits: readonly number[] }; readonly times: number }>,
  betas: ReadonlyArray<{ readonly alpha: number; readonly beta: number }>,
  moved: (drawn: number) => number,
): number {
  const steps = Math.max(NESTED_STEPS_AT_LEAST, Math.floor(NESTED_POINTS ** (1 / betas.length) + 1e-9));
  const level = (l: number, means: Float64Array): number => {
    if (l === betas.length) {
      let sum = 0;
      for (const [j, { month, times }] of alike.entries()) if (means[j]! > 0) sum += times * poissonUpperTail(means[j]!, month.k);
      return Math.min(1, sum);
    }
    const next = new Float64Array(means.length);
    return betaExpectationBound(
      (c) => {
        const at = moved(c);
        for (const [j, { month }] of alike.entries()) next[j] = means[j]! + month.perUnits[l]! * at;
        return level(l + 1, next);
      },
      betas[l]!.alpha,
      betas[l]!.beta,
      steps,
    );
  };
  return level(0, Float64Array.from(alike, ({ month }) => month.nestedOthers));
}

