import type { TopLevelSpec } from 'vega-lite';
import { decide, type Decisions } from '../analysis/decisions.js';
import { prepareAttribution } from '../analysis/attribution/prepared.js';
import type { Targets } from '../scenario/targets-schema.js';
import { summarize, type Summary } from '../analysis/summarize.js';
import type { Simulation } from '../engine/simulate.js';
import { chartContext } from '../report/charts/chart-context.js';
import { monthlyPlanOf } from '../report/charts/chart-set.js';
import { selectedOrder } from '../report/charts/column-order.js';
import { monthlyFanSpec } from '../report/charts/monthly-fan.js';
import { marksFromSummary, REVENUE_DISTRIBUTION_PROBABILITIES, revenueDistributionSpec } from '../report/charts/revenue-distribution.js';
import { tornadoSpec } from '../report/charts/tornado.js';
import { formatPercent } from '../report/format.js';
import { currencyMark, formatCurrency, targetAmount } from '../report/money.js';
import { targetLabelShown } from './target-label-shown.js';
import { budgetMoney, metricRowMoney, type RowFigure } from '../report/interval-format.js';
import { varianceShareFormat } from '../report/variance-share-format.js';
import { chanceShort } from '../report/chance-words.js';
import { sharesPastOneNote } from '../report/shares-past-one-note.js';
import { negativeShareNote } from '../report/negative-share-note.js';

/** A number with the text the page shows for it (the number itself is kept exact, to compare with a run's summary.json). */
export interface Figure {
  readonly value: number;
  readonly text: string;
}

const signed = (f: Figure, zero: boolean): string => (zero ? '±0' : f.value > 0 ? `+${f.text}` : f.text);

/**
 * A change of a chance in percentage points, as formatPercent writes a share: '+2.3 pts', and one
 * too small for a decimal with two significant digits, '-0.010 pts' (one trial in 10,000 read
 * '-0.0 pts' or '+0.0 pts', a signed zero); '±0 pts' for none.
 *
 * @example pointsChange(-0.0001) // => '-0.010 pts'
 */
export function pointsChange(d: number): string {
  if (d === 0) return '±0 pts';
  return `${d > 0 ? '+' : '-'}${formatPercent(Math.abs(d)).replace(/%$/, ' pts')}`;
}

/** What the page shows for a state: the figures, against the plan, and three chart specs. */
export interface Answer {
  readonly scenario: string;
  readonly trials: number;
  readonly seed: string;
  readonly hash: string;
  readonly revenue: { readonly p10: Figure; readonly p50: Figure; readonly p90: Figure; readonly mean: Figure };
  readonly budget: { readonly confidence: number; readonly revenue: Figure };
  readonly targets: ReadonlyArray<{ readonly label: string; readonly value: Figure; readonly probability: Figure }>;
  /** P50 and P(target) minus the file's as written, on the same trials (common random numbers). */
  readonly againstPlan: { readonly p50: Figure; readonly targets: readonly Figure[]; readonly text: string };
  /**
   * Variance shares of revenue, largest first, and the rest (unit-level luck and interactions).
   * Too few trials to estimate them: no driver, `unexplained` null and `notEstimable` saying why.
   */
  readonly attribution: {
    readonly drivers: ReadonlyArray<{ readonly label: string; readonly share: Figure }>;
    readonly unexplained: Figure | null;
    readonly notEstimable?: string;
    /** Luck below 0 (the shares add up past 100%): the report's sentence saying why. */
    readonly unexplainedNote?: string;
    /** A driver's share shown below 0: the report's sentence saying why. */
    readonly negativeNote?: string;
  };
  readonly charts: { readonly distribution: TopLevelSpec; readonly fan: TopLevelSpec; readonly tornado?: TopLevelSpec };
  /** Server time of the answer when it was made (a kept answer keeps its own): simulating, then summarising and the chart specs. */
  readonly timing?: { readonly simulateMs: number; readonly summarizeMs: number };
}

/** Drivers listed under "what moves revenue". */
const ATTRIBUTION_SHOWN = 8;

/**
 * The page's answer for a simulated state, from the library's own summary (the numbers of `arrcast
 * run` with the same scenario, seed, trials and confidence) and chart specs (the report's), and
 * its deltas against `plan`, the file as written simulated on the same seed and trials.
 */
export function answerOf(sim: Simulation, confidence: number, plan: Simulation): Answer {
  // The page shows the company's attribution only: each tier's is left out (the same company figures).
  const summary: Summary = summarize(sim, { confidence, prepared: prepareAttribution(sim, { byTier: false }) });
  // Amounts read as report.html's: with the currency's symbol, and revenue's mean and P10/P50/P90
  // with the digits its headline row gives them (told apart within their Monte Carlo error).
  const symbol = currencyMark(summary.scenario.currency);
  const money = (value: number): Figure => ({ value, text: formatCurrency(value, symbol) });
  const revenueText = metricRowMoney(summary.metrics.revenue, symbol);
  const budget = summary.decisions.budgets.metrics.revenue;
  const shareText = varianceShareFormat(summary.sensitivity);
  const varianceShare = (value: number): Figure => ({ value, text: shareText(value) });
  const headline = (value: number, figure?: RowFigure): Figure => ({ value, text: revenueText(value, figure) });
  const targets = sim.loaded.scenario.targets;
  const planDecisions = planDecisionsOf(plan, confidence, targets);
  const planP50 = plan === sim ? summary.metrics.revenue.percentiles.p50 : summarizeP50(plan);
  const p50 = summary.metrics.revenue.percentiles;
  const dP50 = money(p50.p50 - planP50);
  const dTargets = summary.decisions.targets.map((t, i) => {
    const d = t.probability.value - planDecisions.targets[i]!.probability.value;
    return { value: d, text: pointsChange(d) };
  });
  const labels = summary.decisions.targets.map((t) => targetLabelShown(t, targets?.metrics ?? [], symbol));
  const zeroP50 = dP50.value === 0;
  const text = [
    `P50 ${signed(dP50, zeroP50)} against the plan`,
    ...labels.map((label, i) => `P(${label}) ${dTargets[i]!.text}`),
  ].join('; ');
  const ctx = chartContext(summary);
  const tornado = tornadoSpec(summary, ctx);
  const pastOne = sharesPastOneNote(summary, summary.sensitivity);
  const negative = negativeShareNote(summary.sensitivity, summary.sensitivity.drivers.slice(0, ATTRIBUTION_SHOWN));
  return {
    scenario: summary.scenario.name,
    trials: sim.trials,
    seed: sim.seed,
    hash: sim.loaded.hash,
    revenue: { p10: headline(p50.p10, 'p10'), p50: headline(p50.p50), p90: headline(p50.p90), mean: headline(summary.metrics.revenue.mean) },
    // The budget beside its interval and each chance as report.html's tables write them (formatMoneyBeside, formatShareBeside).
    budget: { confidence, revenue: { value: budget.value, text: budgetMoney(summary.metrics.revenue, budget, confidence, symbol)(budget.value) } },
    // A target no trial reaches (every trial) reads 'under 1.0%' ('over 99.0%'): an estimate from the trials, not a certain 0.0% (100.0%).
    targets: summary.decisions.targets.map((t, i) => ({ label: labels[i]!, value: { value: t.value, text: targetAmount(t.value, symbol) }, probability: { value: t.probability.value, text: chanceShort(t.probability, t.certain) } })),
    againstPlan: { p50: dP50, targets: dTargets, text },
    attribution:
      summary.sensitivity.notEstimable !== undefined
        ? { drivers: [], unexplained: null, notEstimable: summary.sensitivity.notEstimable }
        : {
            // Shares of variance at the decimals report.html's sensitivity table writes them (varianceShareFormat).
            drivers: summary.sensitivity.drivers.slice(0, ATTRIBUTION_SHOWN).map((d) => ({ label: d.label, share: varianceShare(d.varianceShare!) })),
            unexplained: varianceShare(summary.sensitivity.unexplained.value!),
            ...(pastOne === undefined ? {} : { unexplainedNote: pastOne }),
            ...(negative === undefined ? {} : { negativeNote: negative }),
          },
    charts: {
      distribution: revenueDistributionSpec(summary, selectedOrder(sim.store.column('revenue')!, REVENUE_DISTRIBUTION_PROBABILITIES), ctx, marksFromSummary(summary)),
      fan: monthlyFanSpec(summary, ctx, monthlyPlanOf(summary)),
      ...(tornado ? { tornado } : {}),
    },
  };
}

/** The plan's decisions, kept per run of the plan, confidence and targets (every answer compares with them). */
const planDecisions = new WeakMap<Simulation, Map<string, Decisions>>();
function planDecisionsOf(plan: Simulation, confidence: number, targets: Targets | undefined): Decisions {
  let kept = planDecisions.get(plan);
  if (!kept) planDecisions.set(plan, (kept = new Map()));
  const key = JSON.stringify([confidence, targets]);
  let d = kept.get(key);
  if (!d) kept.set(key, (d = decide(plan, { confidence, targets })));
  return d;
}

/** The plan's revenue P50 (kept per run of the plan: see PlanRuns). */
const planP50s = new WeakMap<Simulation, number>();
function summarizeP50(plan: Simulation): number {
  let v = planP50s.get(plan);
  if (v === undefined) {
    v = summarize(plan).metrics.revenue.percentiles.p50;
    planP50s.set(plan, v);
  }
  return v;
}
