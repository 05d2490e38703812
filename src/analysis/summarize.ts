import { CHANCE_INTERVAL, KNOWN_CHANCE } from './probability.js';
import { closedMonthsMrr } from '../actuals/start-state.js';
import { checkUnchangedSinceLoaded } from '../engine/unchanged-since-loaded.js';
import { checkWholeRun } from '../engine/whole-run.js';
import type { z } from 'zod';
import { checkOptions, type AgreesWithSchema } from '../engine/options-schema.js';
import { summaryOptionsSchema } from './summary-options.js';
import { checkedTargets } from './targets-option.js';
import { RunOptionError } from '../engine/errors.js';
import { COMPONENTS, METRIC_COMPONENTS, METRICS, type Component, type Metric } from '../model/components.js';
import type { Simulation } from '../engine/simulate.js';
import { constantStat, copyAtMost, moments, statOfSelected, statOfValues, statRanks, type Stat } from './describe.js';
import { selectRanks } from './rank-select.js';
import type { CountTally } from '../engine/count-tally.js';
import { decide, decisionFigures, someChanceKnown, type Decisions } from './decisions.js';
import { sensitivity, type Sensitivity } from './sensitivity.js';
import { whatMustBeTrue, type WhatMustBeTrue } from './what-must-be-true.js';
import type { BadYears } from './bad-years.js';
import { prepareAttribution, type PreparedAttribution } from './attribution/prepared.js';
import { attributionBytesAtMost } from './attribution/sim-inputs.js';
import { metricColumn, storedKey } from './columns.js';
import { nameKey } from '../scenario/name-key.js';
import type { Targets } from '../scenario/targets-schema.js';
import type { PrecisionReport } from './precision.js';
import { tierKey } from '../model/column-key.js';
import { setOwn } from '../scenario/own-key.js';
import type { PlausibilityWarning } from './plausibility.js';

import { FORECAST_HASH_VERSION, forecastHash } from '../scenario/forecast-hash.js';
import { reforecastSummary, type PlanSummaryInput, type ReforecastSummary } from './reforecast-summary.js';
import { MONTH_ABBREVIATIONS } from '../scenario/month-names.js';
import { planIdentityIssues } from './plan-summary.js';
import { ArgumentRangeError } from '../scenario/argument-error.js';
import { formatPath } from '../scenario/scenario-error.js';

export const PERCENTILE_CONVENTION = 'Px = x% chance of coming in below';

/** The calendar month name of each fiscal month, e.g. a February start: ['Feb', ..., 'Jan']. */
export function fiscalMonthNames(startMonth: number): string[] {
  return Array.from({ length: 12 }, (_, i) => MONTH_ABBREVIATIONS[(startMonth - 1 + i) % 12]!);
}

export interface TierSummary {
  readonly revenue: Stat;
  readonly bookings: Stat;
  readonly endingArr: Stat;
  readonly openingArr: number;
  readonly grr?: Stat;
  readonly nrr?: Stat;
  /** Customers renewed / customers due this year (kept by tier for books read from a file, or a single tier). */
  readonly logoRenewal?: Stat;
  /** ARR renewed (after contraction, before uplift and expansion) / ARR due this year. */
  readonly dollarRenewal?: Stat;
  readonly customersWon?: Stat;
  readonly customersLost?: Stat;
  readonly leads?: Stat;
  /**
   * ARR a customer book's multi-year escalators add in each fiscal month (12 values; a plan fact,
   * the same in every trial), present when any steps up this year: ARR without a signature, which the
   * model does not book, so that `arrcast score` can leave it out of a closed year's bookings too.
   */
  readonly escalationArr?: readonly number[];
  /** Mean of each component of each metric in this tier (per-trial values are not kept by tier x component). */
  readonly componentMeans: Record<Metric, Partial<Record<Component, number>>>;
  /** The trial-level drivers that vary, by key (e.g. 'conversion', 'conversion.A', 'reps.attrition'). */
  readonly drivers: Record<string, Stat>;
  /** The tier's further per-trial figures (lead grades, reps, pipeline, contract value), by key. */
  readonly extras: Record<string, { readonly label: string; readonly stat: Stat }>;
}

export interface MonthSummary {
  readonly month: number;
  /** Calendar month name of this fiscal month. */
  readonly label: string;
  /** Monthly recurring revenue: live ARR / 12 in that month. */
  readonly mrr: Stat;
  /** Recognized revenue from the start of the year to the end of this month. */
  readonly cumulativeRevenue: Stat;
}

/**
 * Everything a run says, as plain data. The keys `trials`, `seed` and `metrics.{revenue, bookings,
 * endingArr}.{mean, sd, min, max, percentiles.p1..p99}` are a contract other tools read; keep them.
 */
export interface Summary {
  /** `generator`: the id of the random numbers the trials were drawn with (random/source.ts, GENERATOR_ID). */
  readonly tool: { readonly name: 'arrcast'; readonly summaryVersion: 1; readonly generator: string };
  readonly scenario: {
    readonly name: string;
    readonly hash: string;
    /**
     * What defines the forecast (scenario/forecast-hash.ts): `hash` without the seed, trials, name,
     * description, targets and data files' paths. Equal for a run made again with another seed.
     */
    readonly forecastHash: string;
    /** Which way forecastHash was computed (FORECAST_HASH_VERSION): hashes of different versions are not compared. */
    readonly forecastHashVersion: string;
    readonly currency: string;
    readonly fiscalYearStartMonth: number;
    /**
     * The fiscal year the scenario states (`fiscalYear:`), only when it states one (so summaries of
     * scenarios without it are as before December 2026): --plan and report.html's stress table
     * read it to tell last year's forecast from this year's, whose months and currency are alike.
     */
    readonly fiscalYear?: number;
  };
  readonly trials: number;
  readonly seed: string;
  readonly percentileConvention: typeof PERCENTILE_CONVENTION;
  readonly metrics: Record<Metric, Stat>;
  readonly openingArr: number;
  readonly byTier: Record<string, TierSummary>;
  readonly byComponent: Record<Metric, Partial<Record<Component, Stat>>>;
  /** Logo and dollar renewal are absent when no customer is due this year. */
  readonly retention?: { readonly grr: Stat; readonly nrr: Stat; readonly logoRenewal?: Stat; readonly dollarRenewal?: Stat };
  readonly customers: { readonly won: Stat; readonly lost: Stat };
  readonly monthly: readonly MonthSummary[];
  readonly drivers: { readonly market?: Stat };
  /** Level of every percentile interval and probability interval in this summary. */
  readonly monteCarlo: { readonly confidenceLevel: 0.95; readonly percentileIntervals: string; readonly probabilityIntervals: string };
  /** Budgets at the chosen confidence, the downside and the targets. */
  readonly decisions: Decisions;
  /** Which drivers move recognized revenue most: variance shares on independent inputs and the tornado. */
  readonly sensitivity: Sensitivity;
  /** The same for each tier's recognized revenue, from that tier's drivers and the market (two tiers or more). */
  readonly sensitivityByTier?: Record<string, Sensitivity>;
  /** For each target: how far each top driver that can move its metric must go for the target to be the median. */
  readonly whatMustBeTrue: readonly WhatMustBeTrue[];
  /** Where the worst 10% of years come from: drivers' mean percentiles and each component's part of the shortfall. */
  readonly badYears: BadYears;
  /** Present when the run used --precision: how many trials it took. */
  readonly precision?: PrecisionReport;
  /** Inputs a planner would double-check (see `plausibility.ts`); the CLI adds them, those silenced by --no-warn left out. */
  readonly warnings?: readonly PlausibilityWarning[];
  /** Present when the run re-forecast from actuals (issue 15): the closed months, what the evidence changed, now against at plan. */
  readonly reforecast?: ReforecastSummary;
}

/** What to test the run against, beyond the scenario's own targets. */
export interface SummaryOptions {
  /** Confidence of the budgets; default 0.8 (a budget reached or beaten in 80% of trials: P20). */
  readonly confidence?: number;
  /** Targets; default: the scenario's `targets`. */
  readonly targets?: Targets;
  /** How a `--precision` run got to its trial count, to report with the results. */
  readonly precision?: PrecisionReport;
  /** The attribution computed while the run went on (prepareAttribution); used when it is this run's store's. */
  readonly prepared?: PreparedAttribution;
  /** A re-forecast's plan (the CLI's --plan): its decisions and monthly bands set beside the re-forecast's in `reforecast`. */
  readonly plan?: PlanSummaryInput;
}

// The schema is the source of truth for the keys (summary-options.ts): the interface, which carries
// each option's documentation, must name the same (checked here by the compiler).
void (true satisfies AgreesWithSchema<SummaryOptions, z.infer<typeof summaryOptionsSchema>>);

/**
 * Summarize a run: headline metrics, breakdowns by tier and by component, retention, customers,
 * monthly bands and the trial-level drivers. Deterministic for a given run (no worker count, no
 * timing inside), so the same seed gives a byte-identical summary.json.
 *
 * Complexity: O(columns x trials): of each column, only the ranks its Stat reads are selected
 * (rank-select.ts); of a column the decisions read shortfalls of, also its lowest values, sorted.
 */
export function summarize(sim: Simulation, options: SummaryOptions = {}): Summary {
  checkOptions('summarize', summaryOptionsSchema, options, true);
  checkWholeRun(sim, 'summarize reads a whole run');
  checkUnchangedSinceLoaded(sim.loaded, 'its summary', sim.runHash);
  if (options.plan !== undefined && !sim.reforecast) throw new RunOptionError('plan', "is a re-forecast's plan to compare it with: this run has no actuals", true);
  const { store, plan, loaded } = sim;
  const scenario = loaded.scenario;
  const col = (key: string) => store.column(key);
  /** True when the run has values of `key`: a column, or a tally (TrialStoreOptions.tallyCounts). */
  const kept = (key: string) => col(key) !== undefined || store.tally(key) !== undefined;
  // The scenario's were checked as it loaded; a caller's are checked here (targets-option.ts).
  const targets = options.targets === undefined ? scenario.targets : checkedTargets(options.targets);
  // Every column is described once: its Stat is kept by stored column (aliases share it), and the
  // order statistics the decisions read of it are computed from the same selection.
  const figures = decisionFigures(sim, { confidence: options.confidence, targets });
  // The attribution computed while the run went on, when the run had it prepared for this store.
  const given = options.prepared?.store === store ? options.prepared : undefined;
  // Without it, one block serves the scratch (below) and then, once it is done with, the attribution's
  // inputs (InputArena), so the two are never held at once beside the store: at a million trials
  // 8 MB of scratch inside 22 MB of inputs, not beside them. Untouched bytes take no memory.
  const n = sim.trials;
  const block = given ? undefined : new ArrayBuffer(Math.max(8 * n, attributionBytesAtMost(sim)));
  // One column's worth of float64 scratch, for the lowest values of a column (sorted), the monthly
  // running total in turn (8 MB at a million trials).
  let scratch: Float64Array<ArrayBuffer> | undefined = block && new Float64Array(block, 0, n);
  /** True while `scratch` holds the monthly running total. */
  let summing = false;
  const stats = new Map<string, Stat | undefined>();
  const stat = (key: string): Stat | undefined => {
    const stored = storedKey(sim, key);
    if (stats.has(stored)) return stats.get(stored);
    const c = col(stored);
    const tally = c ? undefined : store.tally(stored);
    const s = c ? describeInto(c, stored) : tally ? describeTally(tally, stored) : undefined;
    stats.set(stored, s);
    return s;
  };
  // A count kept as a tally (TrialStoreOptions.tallyCounts): its moments folded as its chunks came in,
  // its order statistics read from the tally: the numbers its values would give.
  const describeTally = (tally: CountTally, key: string): Stat | undefined => {
    const m = store.momentsOf(key)?.result();
    if (!m) return undefined;
    const wanted = figures.needs(key);
    if (wanted && figures.needsOrder(key)) throw new Error(`${key} is kept as a tally: an expected shortfall needs its values`);
    const selected = tally.select([...statRanks(m.n), ...(wanted ? figures.ranks(key, m.n) : [])]);
    if (wanted) figures.recordAt(key, (rank) => selected.get(rank)!, m.n);
    return statOfSelected(m, selected);
  };
  // Of each column only the ranks its Stat and the decisions' quantiles read are selected; of a column
  // the decisions read an expected shortfall of, also its lowest values, sorted (the shortfall adds them in order).
  const describeInto = (values: ArrayLike<number>, key?: string): Stat | undefined => {
    // A stored column's moments were folded in as its chunks came in (TrialStore.momentsOf): the same numbers.
    const folded = key === undefined ? undefined : store.momentsOf(key);
    const m = folded ? folded.result() : moments(values);
    if (!m) return undefined;
    if (key === undefined || m.n !== values.length || !figures.needs(key)) return statOfValues(m, values);
    if (!figures.needsOrder(key)) {
      const selected = selectRanks(values, [...statRanks(m.n), ...figures.ranks(key, m.n)], { count: m.n, min: m.min, max: m.max });
      figures.recordAt(key, (rank) => selected.get(rank)!, m.n);
      return statOfSelected(m, selected);
    }
    // The value at the highest rank the shortfalls add, then every value up to it (ties included),
    // sorted: the lowest values in the order a sort of the whole column gives them (-0 before +0).
    const k = figures.lowestNeeded(key, m.n);
    const selected = selectRanks(values, [...statRanks(m.n), ...figures.ranks(key, m.n), k - 1], { count: m.n, min: m.min, max: m.max });
    const below = selected.get(k - 1)!;
    // The shared buffer, unless it holds the monthly running total just now.
    const into = summing ? new Float64Array(sim.trials) : (scratch ??= new Float64Array(sim.trials));
    const lowest = into.subarray(0, copyAtMost(values, below, into)).sort();
    figures.recordLowest(key, (rank) => selected.get(rank)!, lowest, m.n);
    return statOfSelected(m, selected);
  };
  const must = (key: string): Stat => {
    const s = stat(key);
    if (!s) throw new Error(`no per-trial values for ${key}`);
    return s;
  };

  const metrics = Object.fromEntries(METRICS.map((m) => [m, must(m)])) as Record<Metric, Stat>;
  const openingArr = plan.tiers.reduce((a, t) => a + (t.existing?.openingArr ?? 0), 0);
  // A re-forecast's closed months' revenue as reported, beyond what their ARR gives, is in the
  // opening book's share of revenue (simulate-chunk.ts), the same in every trial: the company's
  // opening-book revenue carries it, as each tier's does, so the components add up to revenue.
  const revenueAdjustment = plan.tiers.reduce((a, t) => a + (t.start?.revenueAdjustment ?? 0), 0);

  const byComponent = Object.fromEntries(
    METRICS.map((m) => [
      m,
      Object.fromEntries(
        METRIC_COMPONENTS[m].map((c) => [
          c,
          c === 'openingBook' ? constantStat(m === 'revenue' ? openingArr + revenueAdjustment : openingArr) : must(`component.${m}.${c}`),
        ]),
      ),
    ]),
  ) as Record<Metric, Partial<Record<Component, Stat>>>;

  const sums = store.componentSums();
  const byTier: Record<string, TierSummary> = {};
  plan.tiers.forEach((tier, t) => {
    const single = plan.tiers.length === 1;
    const key = (what: string) => (single ? what : tierKey(tier.name, what));
    const componentMeans = Object.fromEntries(
      METRICS.map((m, mi) => [
        m,
        Object.fromEntries(
          METRIC_COMPONENTS[m].map((c) => [c, sums[(t * METRICS.length + mi) * COMPONENTS.length + COMPONENTS.indexOf(c)]! / sim.trials]),
        ),
      ]),
    ) as Record<Metric, Partial<Record<Component, number>>>;
    const drivers = Object.fromEntries(tier.plannedDrivers.flatMap((d) => (d.shiftedColumn ? [[d.key, must(d.shiftedColumn)]] : [])));
    const extras = Object.fromEntries(tier.extras.map((e) => [e.key, { label: e.label, stat: must(tierKey(tier.name, e.key)) }]));
    const hasBook = (tier.existing?.openingArr ?? 0) > 0;
    setOwn(byTier, tier.name, {
      revenue: must(key('revenue')),
      bookings: must(key('bookings')),
      endingArr: must(key('endingArr')),
      openingArr: tier.existing?.openingArr ?? 0,
      ...(hasBook ? { grr: must(key('grr')), nrr: must(key('nrr')) } : {}),
      ...(hasBook && kept(key('logoRenewal')) ? { logoRenewal: must(key('logoRenewal')), dollarRenewal: must(key('dollarRenewal')) } : {}),
      ...(tier.newBusiness ? { customersWon: must(key('customersWon')) } : {}),
      ...(tier.newBusiness && tier.newBusiness.sources.length > 0 ? { leads: must(tierKey(tier.name, 'leads')) } : {}),
      ...(tier.existing ? { customersLost: must(key('customersLost')) } : {}),
      ...(tier.existing?.book?.escalation.some((x) => x > 0) ? { escalationArr: Array.from(tier.existing.book.escalation) } : {}),
      componentMeans,
      drivers,
      extras,
    });
  });

  const names = fiscalMonthNames(scenario.fiscalYearStartMonth);
  scratch ??= new Float64Array(sim.trials);
  const cumulative = scratch.fill(0);
  summing = true;
  const monthly: MonthSummary[] = [];
  // A re-forecast's closed months are the actuals, the same in every trial: their MRR is the
  // actuals' own (float64), not the float32 column's rounding of it, so that monthly.csv, the
  // workbook and the page show the closed months exactly as given.
  const closed = sim.reforecast ? closedMonthsMrr(plan.tiers.map((t) => t.name), sim.reforecast.input.file, sim.reforecast.input.months) : [];
  let closedTotal = 0;
  for (let m = 1; m <= 12; m++) {
    if (m <= closed.length) {
      closedTotal += closed[m - 1]!;
      cumulative.fill(closedTotal);
      monthly.push({ month: m, label: names[m - 1]!, mrr: constantStat(closed[m - 1]!), cumulativeRevenue: constantStat(closedTotal) });
      continue;
    }
    const mrr = col(`mrr.${m}`)!;
    for (let i = 0; i < cumulative.length; i++) cumulative[i]! += mrr[i]!;
    monthly.push({ month: m, label: names[m - 1]!, mrr: stat(`mrr.${m}`)!, cumulativeRevenue: describeInto(cumulative)! });
  }

  summing = false;
  const decisions = decide(sim, { confidence: options.confidence, targets }, figures);
  const grr = stat('grr');
  const nrr = stat('nrr');
  const market = stat('driver.market');
  // Attribution: every input ranked once, shared by every metric and target; computed while the run
  // went on when the run had it prepared for this store, else now, in the block the sorts are done with.
  // From here on the block is the attribution's inputs: no stat, sort or selection may follow (they
  // would write over what the sensitivities below read).
  const prepared = given ?? prepareAttribution(sim, { reuse: block });
  const { inputs } = prepared;
  const revenueSensitivity = prepared.revenue;
  const tierSensitivity = (tier: string) => sensitivity(inputs, metricColumn(sim, 'revenue', tier), 'revenue', tier);
  const sensitivityByTier = prepared.byTier;
  const targetSensitivity = (metric: Metric, tier: string | undefined) => {
    const name = tier === undefined || plan.tiers.length === 1 ? undefined : plan.tiers.find((t) => nameKey(t.name) === nameKey(tier))?.name;
    if (metric === 'revenue') return name === undefined ? revenueSensitivity : (sensitivityByTier?.[name] ?? tierSensitivity(name));
    return sensitivity(inputs, metricColumn(sim, metric, tier), metric, name);
  };
  // The P50 the summary states for a target's metric, computed above (no stat may be computed here:
  // the block is the attribution's): a one-tier scenario's tier is the company (metricKey).
  const statedP50 = (metric: Metric, tier: string | undefined) => {
    const name = tier === undefined || plan.tiers.length === 1 ? undefined : plan.tiers.find((t) => nameKey(t.name) === nameKey(tier))!.name;
    return (name === undefined ? metrics[metric] : byTier[name]![metric]).percentiles.p50;
  };
  const summary: Summary = {
    tool: { name: 'arrcast', summaryVersion: 1, generator: sim.generator },
    scenario: {
      name: scenario.name,
      hash: sim.runHash,
      forecastHash: forecastHash(loaded),
      forecastHashVersion: FORECAST_HASH_VERSION,
      currency: scenario.currency,
      fiscalYearStartMonth: scenario.fiscalYearStartMonth,
      ...(scenario.fiscalYear === undefined ? {} : { fiscalYear: scenario.fiscalYear }),
    },
    trials: sim.trials,
    seed: sim.seed,
    percentileConvention: PERCENTILE_CONVENTION,
    metrics,
    openingArr,
    byTier,
    byComponent,
    ...(grr && nrr ? { retention: { grr, nrr, ...(kept('logoRenewal') ? { logoRenewal: must('logoRenewal'), dollarRenewal: must('dollarRenewal') } : {}) } } : {}),
    customers: { won: must('customersWon'), lost: must('customersLost') },
    monthly,
    drivers: market ? { market } : {},
    monteCarlo: {
      confidenceLevel: 0.95,
      percentileIntervals:
        'distribution-free, from order statistics (binomial ranks n p -/+ 1.96 sqrt(n p (1 - p)); exact binomial ranks, each end missing at most 2.5%, where n p (1 - p) < 9; null where the interval would reach beyond the lowest or highest trial)',
      probabilityIntervals: `${CHANCE_INTERVAL}: Wilson score interval; with 0 to 3 hits or 0 to 3 misses, each end the wider of Wilson's and the exact Clopper-Pearson end${someChanceKnown(decisions) ? `; ${KNOWN_CHANCE}: its interval is the chance itself` : ''}`,
    },
    decisions,
    sensitivity: revenueSensitivity,
    ...(sensitivityByTier ? { sensitivityByTier } : {}),
    // One beside each decided target (decide() tests a target given twice once).
    whatMustBeTrue: decisions.targets.map((t) =>
      // With the P50 of the same column the summary states (the headline's, or the tier's), not the median of the first ATTRIBUTION_TRIALS.
      whatMustBeTrue(inputs, metricColumn(sim, t.metric, t.tier), targetSensitivity(t.metric, t.tier), t, t.label, statedP50(t.metric, t.tier)),
    ),
    badYears: prepared.badYears,
    ...(options.precision ? { precision: options.precision } : {}),
  };
  // A re-forecast's summary says so (its closed months, what they changed): writeReport tells its
  // report from a plan's by it, and a report of it reads as a re-forecast's.
  if (options.plan !== undefined) checkPlanOfReforecast(options.plan, summary);
  return sim.reforecast ? { ...summary, reforecast: reforecastSummary(sim, summary, sim.reforecast, options.plan) } : summary;
}

/**
 * Refuse a re-forecast's `plan` (the library's) that is not of the re-forecast's scenario, currency,
 * fiscal year and confidence, by the rule --plan's summary.json is read by (planIdentityIssues): the
 * "at plan" column showed a plan in euros, of July's months or at 50% confidence under the
 * re-forecast's "$" and "80% confidence". Throws ArgumentRangeError naming the plan's field.
 */
function checkPlanOfReforecast(plan: PlanSummaryInput, summary: Summary): void {
  const given = (plan as { summary?: { scenario?: unknown; decisions?: { confidence?: unknown } } }).summary;
  const s = summary.scenario;
  const identity = { name: s.name, currency: s.currency, fiscalYearStartMonth: s.fiscalYearStartMonth, ...(s.fiscalYear === undefined ? {} : { fiscalYear: s.fiscalYear }), confidence: summary.decisions.confidence };
  const issues = planIdentityIssues(given?.scenario, given?.decisions?.confidence, identity);
  if (issues.length === 0) return;
  const where = (path: ReadonlyArray<string | number>) => formatPath(['options', 'plan', 'summary', ...path]);
  throw ArgumentRangeError.withMessage('summarize', ['options', 'plan', 'summary', ...issues[0]!.path], `summarize: ${issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ')}`);
}
