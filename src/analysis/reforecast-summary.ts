import { closedMonthsMrr } from '../actuals/start-state.js';
import { type7Position } from '../math/type7-position.js';
import { CHUNK_SIZE } from '../model/simulate-chunk.js';
import { trialRate, volumeMultiplier } from '../model/market.js';
import type { TierPlan } from '../model/tier-plan.js';
import { chainsEffectiveSampleSize, effectiveSampleSize } from '../actuals/effective-sample-size.js';
import { intervalWidening } from './interval-widening.js';
import type { LearnedDriver } from '../actuals/learning-model.js';
import { BURN_IN, THIN } from '../actuals/posterior-draws.js';
import { MONTHLY_MEASURES, type MonthlyMeasure } from '../actuals/monthly-record.js';
import type { Reforecast } from '../actuals/reforecast.js';
import type { Simulation } from '../engine/simulate.js';
import { standardNormal } from '../random/normal.js';
import { createStream } from '../random/source.js';
import { nameKey } from '../scenario/name-key.js';
import { defaultTargetLabel, earlierDefaultLabel } from '../scenario/target-labels.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import type { Metric } from '../model/components.js';
import type { Summary } from './summarize.js';
import type { PlanMonth, PlanSummaryInput } from './plan-summary.js';
import { MARKET_COLUMN } from '../model/drivers/column-keys.js';
import { correlationSe, marketOverlapNote, tiedToMarket } from './market-overlap.js';
import { correlation } from './ranks.js';

/** Mean and the P10 / P90 of a driver's values. */
export interface Spread {
  readonly mean: number;
  readonly p10: number;
  readonly p90: number;
}

/** One learned driver: this year's value (after the market shift and stress) before and after the evidence. */
export interface LearnedDriverSummary {
  readonly tier: string;
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly prior: Spread;
  readonly posterior: Spread;
  /** Effective sample size of its posterior draws (the trials come from Markov chains). */
  readonly effectiveSampleSize: number;
  /**
   * Pearson's correlation of its own draws with the market factor's over the run's trials (absent
   * without a learned market factor or an own draw). The attribution assumes them independent.
   */
  readonly marketCorrelation?: number;
  /** The standard error of marketCorrelation, (1 - r²) / sqrt(ESS), ESS the smaller of the driver's and the factor's. */
  readonly marketCorrelationSe?: number;
  /**
   * Whether the driver is tied to the market factor enough to say so: |marketCorrelation| - 3 se >= 0.1
   * (market-overlap.ts). Its share and the market's then overlap or offset; attributionOverlap names it.
   */
  readonly tiedToMarket?: boolean;
}

/** The figures a decision reads, now and at plan time. */
export interface DecisionFigures {
  readonly budgets: Record<Metric, number>;
  /** `certain` (present when true): the metric was the same in every trial (TargetResult.certain); the chance is known only in a year the actuals close. */
  readonly targets: ReadonlyArray<{ readonly label: string; readonly probability: number; readonly certain?: true }>;
}

/** summary.json's `reforecast` section (issue 15). */
export interface ReforecastSummary {
  /** Closed months used: the forecast is of months asOf + 1 .. 12. */
  readonly asOfMonth: number;
  readonly actualsFile: string;
  /** The closed months as reported, by tier and all tiers together (index m - 1). */
  readonly actuals: {
    readonly measures: readonly MonthlyMeasure[];
    readonly byTier: Record<string, ReadonlyArray<Partial<Record<MonthlyMeasure, number>>>>;
    /** Sum over tiers of ending_arr / 12 (or reported revenue): the actual MRR line of the fan chart. */
    readonly mrr: readonly number[];
  };
  readonly method: string;
  readonly market: { readonly prior: Spread; readonly posterior: Spread; readonly effectiveSampleSize: number } | undefined;
  readonly drivers: readonly LearnedDriverSummary[];
  /**
   * When learned drivers are tied to the market factor (each driver's tiedToMarket: |correlation| - 3
   * standard errors at least 0.1, market-overlap.ts), what that does to the variance shares, in words, naming them;
   * absent when none is.
   */
  readonly attributionOverlap?: string;
  /** What each tier's closed months were used for, and what not (and why). */
  readonly evidence: ReadonlyArray<{ readonly tier: string; readonly terms: readonly string[]; readonly unused: readonly string[] }>;
  readonly sampler: {
    readonly burnIn: number;
    readonly thin: number;
    readonly chains: number;
    /** The smallest effective sample size of a learned driver or the market factor. */
    readonly minEffectiveSampleSize: number;
    /**
     * Each company figure's effective sample size in the trials (each chunk its own chain): the smaller
     * of the chains' own and what the spread of their means implies (chainsEffectiveSampleSize).
     */
    readonly metricEffectiveSampleSize: Readonly<Record<'revenue' | 'bookings' | 'endingArr', number>>;
    /**
     * About how many times too narrow the Monte Carlo intervals (percentiles, budgets, P(target),
     * standard errors), which take the trials as independent, are: sqrt(trials / effective sample),
     * the larger of the smallest driver's and (with 10 or more chains) the company figures'
     * (interval-widening.ts); 1 when the draws are as good as independent.
     */
    readonly intervalWidening: number;
    /** Which effective sample set intervalWidening: the drivers' or the company figures'. */
    readonly intervalWideningFrom: 'drivers' | 'figures';
    /** Whether there were chains enough (10) to judge the company figures' effective sample at all. */
    readonly figuresJudged: boolean;
    /** Whether the company figures' chains spread more than independent draws would (false-alarm rate 0.1%). */
    readonly figuresTooNarrow: boolean;
  };
  readonly decisions: { readonly now: DecisionFigures; readonly atPlan?: DecisionFigures };
  /** The plan's monthly bands (from --plan), for the fan chart. */
  readonly planMonthly?: readonly PlanMonth[];
  readonly planFile?: string;
  /** The plan run's trial count (from its summary.json): the Monte Carlo error of its P(target) at plan. */
  readonly planTrials?: number;
}

export type { PlanSummaryInput } from './plan-summary.js';

const spread = (xs: ArrayLike<number>): Spread => {
  const sorted = Float64Array.from(xs).filter((x) => !Number.isNaN(x)).sort();
  const n = sorted.length;
  const q = (p: number) => {
    if (n === 0) return NaN;
    const h = type7Position(n, p);
    const i = Math.floor(h);
    return sorted[i]! + (h - i) * ((sorted[Math.min(n - 1, i + 1)] ?? sorted[i]!) - sorted[i]!);
  };
  let s = 0;
  for (const x of sorted) s += x;
  return { mean: n > 0 ? s / n : NaN, p10: q(0.1), p90: q(0.9) };
};

/** Effective sample size over chunks: each chunk is its own chain. */
function chainEss(xs: ArrayLike<number>): number {
  let total = 0;
  for (let start = 0; start < xs.length; start += CHUNK_SIZE)
    total += effectiveSampleSize(Array.prototype.slice.call(xs, start, Math.min(xs.length, start + CHUNK_SIZE)) as number[]);
  return total;
}

/** A learned driver's value in a trial from its own draw and the market factor (as the simulators move it). */
function shifted(t: TierPlan, l: LearnedDriver, own: number, z: number): number {
  const { loadings, stress } = t;
  switch (l.kind) {
    case 'conversion':
      return trialRate(own, loadings.conversion, z, stress.conversion);
    case 'renewalRate':
      return trialRate(own, loadings.renewal, z, stress.renewal);
    case 'leadsPerMonth':
      return own * volumeMultiplier(loadings.leads, z) * stress.leads;
    case 'acv':
      return own * volumeMultiplier(loadings.acv, z) * stress.acv;
  }
}

/** The plan's budgets and targets, as the "at plan" column reads them (its confidence is checked equal to now's: plan-summary.ts). */
type PlanDecisions = Pick<PlanSummaryInput['summary']['decisions'], 'budgets' | 'targets'>;

const decisionFigures = (d: PlanDecisions): DecisionFigures => ({
  budgets: { revenue: d.budgets.metrics.revenue.value, bookings: d.budgets.metrics.bookings.value, endingArr: d.budgets.metrics.endingArr.value },
  targets: d.targets.map((t) => ({ label: t.label, probability: t.probability.value, ...(t.certain === true ? { certain: true as const } : {}) })),
});

/** What a target tests, for telling two targets of one label apart (a tier found without case, as tier targets are). */
const tested = (t: { metric?: string; value?: number; tier?: string }) => `${t.metric}\0${t.value}\0${nameKey(t.tier ?? '')}`;

/**
 * The plan's decisions as the "at plan" column reads them, which finds a target by its label:
 * - a plan target is the re-forecast's target of the same label, labels compared as names are
 *   (nameKey: without case, trimmed, NFC), so the 'revenue >= 600K' of a summary written by an
 *   earlier version, whose default labels wrote thousands 'K', is today's 'revenue >= 600k'; it is
 *   written under the re-forecast's spelling, so summary.json's `now` and `atPlan` read alike;
 * - a plan target whose label is a default an earlier version gave (rounded to 2 decimals: 'revenue
 *   >= 120M' for 119,996,000, earlierDefaultLabel) is also the re-forecast's target of the exact
 *   default label ('revenue >= 119.996M') that tests the same;
 * - a plan target that only shares a label with the re-forecast's is left out: a scenario's
 *   `label: Goal` moved from 120M to 110M showed the plan's P(revenue >= 120M) as Goal's chance at
 *   plan. A plan target that says what it tested is kept only when a target of its label tests
 *   the same (a summary too old to say so is matched by label alone);
 * - a plan target no target of the re-forecast is named like keeps its own label.
 */
export function comparablePlan<D extends PlanDecisions>(d: D, now: ReadonlyArray<{ label: string; metric: string; value: number; tier?: string }>): D {
  // Labels of one run that read alike without case are one target's (target-labels.ts refuses two targets that do).
  const byLabel = new Map(now.map((t) => [nameKey(t.label), t]));
  // The re-forecast's targets under their default label, each of which an earlier version may have written rounded.
  const defaults = now.filter((t) => isMetric(t.metric) && t.label === defaultTargetLabel({ metric: t.metric, value: t.value, ...(t.tier === undefined ? {} : { tier: t.tier }) }));
  return {
    ...d,
    targets: d.targets.flatMap((p) => {
      const named = byLabel.get(nameKey(p.label));
      const earlier = defaults.filter((t) => earlierDefaultLabel(p.label, { metric: t.metric as MetricTarget['metric'], value: t.value, ...(t.tier === undefined ? {} : { tier: t.tier }) }));
      const candidates = [...(named === undefined ? [] : [named]), ...earlier];
      if (candidates.length === 0) return [p];
      const current = p.metric === undefined ? candidates[0]! : candidates.find((t) => tested(p) === tested(t));
      return current === undefined ? [] : [{ ...p, label: current.label }];
    }),
  };
}

const isMetric = (m: string): m is MetricTarget['metric'] => m === 'revenue' || m === 'bookings' || m === 'endingArr';

/** The plan's bands of one month, and nothing else of it (a full month summary holds much more). */
const planMonth = (m: PlanMonth): PlanMonth => ({
  month: m.month,
  label: m.label,
  mrr: { percentiles: { p10: m.mrr.percentiles.p10, p90: m.mrr.percentiles.p90 } },
  cumulativeRevenue: { percentiles: { p10: m.cumulativeRevenue.percentiles.p10, p90: m.cumulativeRevenue.percentiles.p90 } },
});

/**
 * The re-forecast section of a summary: the closed months, each learned driver's prior against its
 * posterior (the prior from its quantile table with the market factor drawn N(0, 1), seeded; the
 * posterior from the trials' columns), the sampler's effective sample sizes, and P(target) and the
 * budgets now against at plan time.
 * Complexity: O(trials x learned drivers x chain lags).
 */
export function reforecastSummary(sim: Simulation, summary: Summary, reforecast: Reforecast, plan?: PlanSummaryInput): ReforecastSummary {
  const { model, input } = reforecast;
  const months = input.months;
  const tiers = sim.plan.tiers;
  const byTier: Record<string, Array<Partial<Record<MonthlyMeasure, number>>>> = {};
  for (const t of tiers) {
    const rows = (input.file.byTier.get(t.name) ?? []).slice(0, months);
    Object.defineProperty(byTier, t.name, { value: rows.map((r) => ({ ...r.values })), enumerable: true });
  }
  const mrr = closedMonthsMrr(tiers.map((t) => t.name), input.file, months);
  const column = (key: string | undefined) => (key === undefined ? undefined : sim.store.column(key));
  // The prior of each driver's value this year: its table's quantiles at stratified points, with a seeded market factor.
  const PRIOR = 4096;
  const normal = standardNormal(createStream('reforecast.prior-summary'));
  const zs = Float64Array.from({ length: PRIOR }, () => normal());
  const marketColumn = column(MARKET_COLUMN);
  const market = model.market < 0 || !marketColumn ? undefined : { prior: spread(zs), posterior: spread(marketColumn), effectiveSampleSize: chainEss(marketColumn) };
  const drivers = model.drivers.map((l): LearnedDriverSummary => {
    const t = tiers[l.tier]!;
    const sorted = l.table.sorted;
    const prior = Float64Array.from({ length: PRIOR }, (_, i) => shifted(t, l, sorted[Math.floor(((i + 0.5) / PRIOR) * sorted.length)]!, model.market < 0 ? model.fixedZ : zs[(i * 2654435761) % PRIOR]!));
    const used = column(l.driver.shiftedColumn);
    const own = column(l.driver.ownColumn);
    const r = market && own ? correlation(own, marketColumn!) : NaN;
    const ess = own ? chainEss(own) : sim.trials;
    const both = Math.min(ess, market?.effectiveSampleSize ?? ess);
    return {
      tier: t.name,
      key: l.driver.key,
      label: l.driver.label,
      unit: l.driver.unit,
      prior: spread(prior),
      posterior: spread(used ?? own ?? []),
      effectiveSampleSize: ess,
      ...(Number.isFinite(r) ? { marketCorrelation: r, marketCorrelationSe: correlationSe(r, both), tiedToMarket: tiedToMarket(r, both) } : {}),
    };
  });
  // What the figures shown carry of the chain's correlation: a driver's effective sample says how
  // well its posterior is drawn, not how far a company figure's interval can be trusted (unit-level
  // luck, drawn afresh each trial, dilutes it; several sticky drivers compound it).
  const metricColumnEss = (key: 'revenue' | 'bookings' | 'endingArr') => {
    const c = column(key);
    // The chains' means too (chainsEffectiveSampleSize): a chain stuck in a corner looks mixed to itself.
    return c === undefined ? sim.trials : Math.min(sim.trials, chainsEffectiveSampleSize(c, CHUNK_SIZE));
  };
  const metricEss = { revenue: metricColumnEss('revenue'), bookings: metricColumnEss('bookings'), endingArr: metricColumnEss('endingArr') };
  const chains = Math.ceil(sim.trials / CHUNK_SIZE);
  const minDriverEss = Math.min(sim.trials, ...drivers.map((d) => d.effectiveSampleSize), ...(market ? [market.effectiveSampleSize] : []));
  const widening = intervalWidening(sim.trials, chains, minDriverEss, Math.min(metricEss.revenue, metricEss.bookings, metricEss.endingArr));
  const overlap = marketOverlapNote(drivers.flatMap((d) => (d.tiedToMarket === true ? [{ label: d.label, correlation: d.marketCorrelation! }] : [])));
  return {
    asOfMonth: months,
    actualsFile: input.file.path,
    actuals: { measures: MONTHLY_MEASURES.filter((m) => input.file.measures.includes(m)), byTier, mrr },
    method:
      'posterior of the year-level draws by elliptical slice sampling on the priors\' normal scores (one chain per chunk of 1,000 trials), ' +
      'likelihood of the closed months: leads Poisson or negative binomial, deals binomial (Poisson with a sales cycle), new ARR lognormal given deals (Fenton-Wilkinson), renewals binomial (normal for a customer book)',
    market,
    drivers,
    ...(overlap === undefined ? {} : { attributionOverlap: overlap }),
    evidence: model.notes.map((n) => ({ tier: n.tier, terms: n.terms, unused: n.unused })),
    sampler: {
      burnIn: BURN_IN,
      thin: THIN,
      chains,
      minEffectiveSampleSize: minDriverEss,
      metricEffectiveSampleSize: metricEss,
      intervalWidening: widening.factor,
      intervalWideningFrom: widening.from,
      figuresJudged: widening.figuresJudged,
      figuresTooNarrow: widening.figuresTooNarrow,
    },
    decisions: { now: decisionFigures(summary.decisions), ...(plan ? { atPlan: decisionFigures(comparablePlan(plan.summary.decisions, summary.decisions.targets)) } : {}) },
    ...(plan ? { planMonthly: plan.summary.monthly.map(planMonth), planFile: plan.path, ...(plan.summary.trials === undefined ? {} : { planTrials: plan.summary.trials }) } : {}),
  };
}
