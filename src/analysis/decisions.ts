import { METRIC_COMPONENTS, METRICS, type Component, type Metric } from '../model/components.js';
import type { Simulation } from '../engine/simulate.js';
import { closedMonthsMrr } from '../actuals/start-state.js';
import type { Targets } from '../scenario/targets-schema.js';
import { metricKey, storedKey } from './columns.js';
import { OrderFigures } from './order-figures.js';
import { certainProbability, isKnownChance, probability, type Probability } from './probability.js';
import { targetThreshold } from './target-threshold.js';
import type { QuantileEstimate } from './tail.js';
import { setOwn } from '../scenario/own-key.js';
import { clashMessage, shownTargets, targetLabelClash, targetLabels } from '../scenario/target-labels.js';
import { MIN_TAIL_TRIALS, shortfallIntervalMinTrials, tailTrials } from './shortfall.js';
import { checkShare } from '../scenario/share-argument.js';

/** A target tested against the trials. */
export interface TargetResult {
  readonly label: string;
  readonly metric: Metric;
  readonly tier?: string;
  readonly value: number;
  /** P(metric >= value), with its Monte Carlo error. */
  readonly probability: Probability;
  /**
   * The metric is the same in every trial. In a year the actuals close entirely the probability, 0 or
   * 1, is then known, with an interval of no width (certainProbability), and every output writes it as
   * it is ("0.0%", not "under 0.4%"); elsewhere it is still N trials' count, its interval binomial.
   */
  readonly certain: boolean;
  /** In the trials that miss: how many, and the mean gap (value - metric). */
  readonly shortfall: { readonly trialsMissing: number; readonly meanGap: number };
  /** The metric's P10 minus the target: how far a one-in-ten bad year lands from plan. */
  readonly p10MinusTarget: number;
}

export interface MonthPlanResult {
  readonly month: number;
  readonly mrr?: { readonly plan: number; readonly probability: Probability };
  readonly cumulativeRevenue?: { readonly plan: number; readonly probability: Probability };
}

/** What finance asks of a run: budgets at a confidence, the downside, and the odds of each target. */
export interface Decisions {
  /** The confidence of the budgets: a budget is reached or beaten in this share of trials. */
  readonly confidence: number;
  readonly budgets: {
    readonly metrics: Record<Metric, QuantileEstimate>;
    readonly byTier: Record<string, Record<Metric, QuantileEstimate>>;
    readonly byComponent: Record<Metric, Partial<Record<Component, QuantileEstimate>>>;
  };
  /** Expected shortfall: the mean of the worst 5% and 10% of trials; and P10. */
  readonly downside: Record<
    Metric,
    {
      readonly p10: QuantileEstimate;
      readonly worst5Mean: number;
      readonly worst10Mean: number;
      /**
       * 95% Monte Carlo intervals of worst5Mean and worst10Mean; null when the worst 5% (10%) is a
       * single trial, at 20 (10) trials or fewer (shortfall.ts: a tail variance needs 2 trials).
       */
      readonly worst5Interval: readonly [number, number] | null;
      readonly worst10Interval: readonly [number, number] | null;
      /** Why an interval above is null (one or both), in words; absent when both are estimated. */
      readonly notEstimable?: string;
    }
  >;
  readonly targets: readonly TargetResult[];
  /** P(every target is met in the same trial). */
  readonly jointProbability?: Probability;
  readonly monthlyPlan?: readonly MonthPlanResult[];
}

/**
 * Whether any chance the decisions state is known from the actuals (a closed year's targets and their
 * joint chance; with 'all', a closed month's plan too): its caption then says so (KNOWN_CHANCE).
 */
export function someChanceKnown(d: Decisions, of: 'targets' | 'all' = 'all'): boolean {
  const chances = [
    ...d.targets.map((t) => t.probability),
    ...(d.jointProbability ? [d.jointProbability] : []),
    ...(of === 'targets' ? [] : d.monthlyPlan ?? []).flatMap((m) => [m.mrr?.probability, m.cumulativeRevenue?.probability].filter((p) => p !== undefined)),
  ];
  return chances.some(isKnownChance);
}

export interface DecisionOptions {
  /** Confidence of the budgets, in (0, 1); default 0.8 (the P20). */
  readonly confidence?: number;
  readonly targets?: Targets;
}

/**
 * The order statistics decide() reads, declared column by column: the budget quantile of every
 * headline, tier and component column, the P10 and expected shortfalls of the headline metrics, the
 * P10 of every target's column. Whoever sorts one of these columns first computes them (summarize
 * does, while it describes the column), so no column is sorted twice.
 */
export function decisionFigures(sim: Simulation, options: DecisionOptions = {}): OrderFigures {
  const confidence = options.confidence ?? 0.8;
  const figures = new OrderFigures();
  const budget = [1 - confidence];
  for (const m of METRICS) figures.want(m, { quantiles: [...budget, 0.1], shortfalls: [0.05, 0.1] });
  for (const t of sim.plan.tiers) for (const m of METRICS) figures.want(metricKey(sim, m, t.name), { quantiles: budget });
  for (const m of METRICS) for (const c of METRIC_COMPONENTS[m]) if (c !== 'openingBook') figures.want(storedKey(sim, `component.${m}.${c}`), { quantiles: budget });
  for (const t of options.targets?.metrics ?? []) figures.want(metricKey(sim, t.metric, t.tier), { quantiles: [0.1] });
  return figures;
}

/** 1 + float32's relative rounding (2^-24): how far above a sum of float32 MRRs the true sum can be. */
const FLOAT32_SUM_SLACK = 1 + 2 ** -24;

/**
 * Budgets, downside figures and target probabilities of a run.
 *
 * @example decide(sim, { confidence: 0.8, targets: { metrics: [{ metric: 'revenue', value: 120e6 }] } }).targets[0].probability.value
 * Complexity: O(trials x (metrics + tiers + components + targets)), expected.
 */
export function decide(sim: Simulation, options: DecisionOptions = {}, figures?: OrderFigures): Decisions {
  const confidence = options.confidence ?? 0.8;
  // A string ('0.9') passed, and summary.json's decisions.confidence was that string.
  checkShare(confidence, 'confidence', true);
  const n = sim.trials;
  const order = figures ?? decisionFigures(sim, { confidence, targets: options.targets });
  const budgetOf = (key: string) => order.quantile(storedKey(sim, key), sim.store.column(key)!, 1 - confidence);

  const metrics = Object.fromEntries(METRICS.map((m) => [m, budgetOf(m)])) as Record<Metric, QuantileEstimate>;
  const byTier: Record<string, Record<Metric, QuantileEstimate>> = {};
  for (const t of sim.plan.tiers) setOwn(byTier, t.name, Object.fromEntries(METRICS.map((m) => [m, budgetOf(metricKey(sim, m, t.name))])) as Record<Metric, QuantileEstimate>);
  const byComponent = Object.fromEntries(
    METRICS.map((m) => [
      m,
      Object.fromEntries(
        METRIC_COMPONENTS[m]
          .filter((c) => c !== 'openingBook')
          .map((c) => [c, budgetOf(`component.${m}.${c}`)]),
      ),
    ]),
  ) as Record<Metric, Partial<Record<Component, QuantileEstimate>>>;

  const downside = Object.fromEntries(
    METRICS.map((m) => {
      const col = sim.store.column(m)!;
      // Each mean and its interval from one estimate (centred on the mean shown).
      const w5 = order.shortfallEstimate(m, col, 0.05);
      const w10 = order.shortfallEstimate(m, col, 0.1);
      // Both intervals null (below shortfallIntervalMinTrials(0.1) trials): one sentence for the two.
      const tail = (share: number) => tailTrials(share, n);
      const reasons =
        w5.notEstimable !== undefined && w10.notEstimable !== undefined
          ? [
              `${n.toLocaleString('en-US')} trial${n === 1 ? '' : 's'}: ${tail(0.05) === tail(0.1) ? `the worst 5% and the worst 10% are ${tail(0.1)} trial${tail(0.1) === 1 ? '' : 's'} each` : `the worst 5% is ${tail(0.05)} trial${tail(0.05) === 1 ? '' : 's'} and the worst 10% ${tail(0.1)}`}, and a 95% interval of a mean needs at least ${MIN_TAIL_TRIALS}, from ${shortfallIntervalMinTrials(0.1).toLocaleString('en-US')} trials for the worst 10% and ${shortfallIntervalMinTrials(0.05).toLocaleString('en-US')} for the worst 5%`,
            ]
          : [w5.notEstimable, w10.notEstimable].filter((r) => r !== undefined);
      return [
        m,
        {
          p10: order.quantile(m, col, 0.1),
          worst5Mean: w5.value,
          worst10Mean: w10.value,
          worst5Interval: w5.interval,
          worst10Interval: w10.interval,
          ...(reasons.length > 0 ? { notEstimable: reasons.join('; ') } : {}),
        },
      ];
    }),
  ) as Decisions['downside'];

  const targets: TargetResult[] = [];
  // Every target goes by a label of its own (scenario/target-labels.ts): outputs find targets by it.
  // Labels and clashes are those of the list as given (its indices name targets); a target given
  // twice is then tested once, here where every caller's targets are decided.
  const given = options.targets?.metrics ?? [];
  const givenLabels = targetLabels(given);
  const clash = targetLabelClash(given, givenLabels);
  if (clash) throw new RangeError(`targets.metrics[${clash.index}]: ${clashMessage(clash, (i) => `targets.metrics[${i}]`)}`);
  const { targets: asked, labels } = shownTargets(given, givenLabels);
  const meetsAll = new Uint8Array(n).fill(1);
  // Every month of the year closed by actuals: what it reached is reported, not simulated.
  const yearClosed = sim.reforecast?.input.months === 12;
  for (const [index, t] of asked.entries()) {
    const key = metricKey(sim, t.metric, t.tier);
    const col = sim.store.column(key)!;
    // A tier's metric is stored as float32: compared with the target as float32 stores it.
    const threshold = targetThreshold(col, t.value);
    let hits = 0;
    let gap = 0;
    let certain = true;
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (v !== col[0]) certain = false;
      if (v >= threshold) hits++;
      else {
        gap += t.value - v;
        meetsAll[i] = 0;
      }
    }
    const missing = n - hits;
    targets.push({
      label: labels[index]!,
      metric: t.metric,
      ...(t.tier ? { tier: t.tier } : {}),
      value: t.value,
      // Known, not estimated, in a year the actuals close (its interval the value itself:
      // certainProbability). Elsewhere a metric the same in every trial is still a count of N trials:
      // 0 misses of N admits a small chance of one, and its binomial interval says so.
      probability: certain && yearClosed ? certainProbability(hits, n) : probability(hits, n),
      certain,
      shortfall: { trialsMissing: missing, meanGap: missing > 0 ? gap / missing : 0 },
      p10MinusTarget: order.quantile(key, col, 0.1).value - threshold,
    });
  }
  let all = 0;
  for (let i = 0; i < n; i++) all += meetsAll[i]!;

  const plan = options.targets?.monthly;
  let monthlyPlan: MonthPlanResult[] | undefined;
  if (plan?.mrr || plan?.cumulativeRevenue) {
    monthlyPlan = [];
    const cumulative = new Float64Array(n);
    // A re-forecast's closed months are the actuals, as the monthly bands show them (summarize):
    // compared as given, not as the float32 column rounds them (9,000,720.33 is stored 9,000,720).
    const closed = sim.reforecast ? closedMonthsMrr(sim.plan.tiers.map((t) => t.name), sim.reforecast.input.file, sim.reforecast.input.months) : [];
    let closedTotal = 0;
    for (let m = 1; m <= 12; m++) {
      let mrrHits = 0;
      let cumHits = 0;
      if (m <= closed.length) {
        closedTotal += closed[m - 1]!;
        cumulative.fill(closedTotal);
        if (plan.mrr && closed[m - 1]! >= plan.mrr[m - 1]!) mrrHits = n;
        if (plan.cumulativeRevenue && closedTotal >= plan.cumulativeRevenue[m - 1]!) cumHits = n;
      } else {
        const mrr = sim.store.column(`mrr.${m}`)!;
        // MRR is stored as float32: compared with the plan as float32 stores it (targetThreshold).
        const mrrPlan = plan.mrr ? targetThreshold(mrr, plan.mrr[m - 1]!) : 0;
        for (let i = 0; i < n; i++) {
          cumulative[i]! += mrr[i]!;
          if (plan.mrr && mrr[i]! >= mrrPlan) mrrHits++;
          // A sum of float32 MRRs, each within 2^-24 of its own size of the MRR it stores: the
          // cumulative plan is met when it could be, as MRR's plan is (month 1's sum is its MRR).
          if (plan.cumulativeRevenue && cumulative[i]! * FLOAT32_SUM_SLACK >= plan.cumulativeRevenue[m - 1]!) cumHits++;
        }
      }
      monthlyPlan.push({
        month: m,
        // A closed month's figure is the actuals', the same in every trial: its chance is certain.
        ...(plan.mrr ? { mrr: { plan: plan.mrr[m - 1]!, probability: (m <= closed.length ? certainProbability : probability)(mrrHits, n) } } : {}),
        ...(plan.cumulativeRevenue ? { cumulativeRevenue: { plan: plan.cumulativeRevenue[m - 1]!, probability: (m <= closed.length ? certainProbability : probability)(cumHits, n) } } : {}),
      });
    }
  }

  return {
    confidence,
    budgets: { metrics, byTier, byComponent },
    downside,
    targets,
    // Every target known from the actuals: so is meeting them all in one year.
    ...(targets.length > 1 ? { jointProbability: yearClosed && targets.every((t) => t.certain) ? certainProbability(all, n) : probability(all, n) } : {}),
    ...(monthlyPlan ? { monthlyPlan } : {}),
  };
}
