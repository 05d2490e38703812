import { toFixedDecimal } from '../math/decimal-round.js';
import { closedMonthsDue } from '../actuals/start-state.js';
import type { LearnedDriver } from '../actuals/learning-model.js';
import type { MonthlyMeasure, MonthlyRow } from '../actuals/monthly-record.js';
import type { Reforecast } from '../actuals/reforecast.js';
import type { Simulation } from '../engine/simulate.js';
import { normalQuantile } from '../math/normal-cdf.js';
import { MARKET_COLUMN } from '../model/drivers/column-keys.js';
import type { TierPlan } from '../model/tier-plan.js';
import { selectOrderStatistics, type7, type7Positions } from './order-statistics.js';
import type { PlausibilityWarning } from './plausibility.js';

/**
 * A year-level draw whose posterior median lies where its prior puts less than this probability
 * (beyond it, on its side) is far from the plan: a year like it comes less than once in 10,000.
 */
export const FAR_FROM_PLAN = 1e-4;
/** The normal score beyond which a draw is FAR_FROM_PLAN: 3.72. */
const FAR_SCORE = -normalQuantile(FAR_FROM_PLAN);

/**
 * Warnings about a re-forecast whose closed months the plan all but rules out (code
 * `actuals-far-from-plan`). The re-forecast learns the market factor and each tier's drivers from
 * the closed months with no limit (evidence far outside the plan is learned in full), and the
 * simulated months follow: one month of SMB leads written with a digit too many put the example's
 * market factor at +15 (a 15-sigma year), and every tier's conversion, renewal and ACV with it: the
 * year's revenue went from 125M to 1.45B, and the only warnings were the run's own, placed at the
 * scenario ("the median year wins 5,914 new Mid-market customers ... check leads and conversion").
 *
 * Warned: the market factor when its posterior median is beyond +-3.72 (its prior is N(0, 1): less
 * than FAR_FROM_PLAN beyond), else each learned driver whose own draw's posterior median is at a
 * normal score beyond it (its prior's quantile table, inverted). The market comes first and alone:
 * a far market drags the learned drivers the other way, so their own warnings would name cells that
 * are right. Each warning is placed at the cell of the evidence that pulls hardest: the likelihood
 * term that gains most from the far value (against the prior's centre for that draw, every other
 * draw at its posterior median), and of that term's months the one farthest out in the direction it
 * pulls (leads over seasonality, deals over leads, new ARR over deals, renewed or churned ARR over
 * the ARR due).
 *
 * @example farFromPlanWarnings(sim) // => [] for scenarios/example-actuals.csv
 * Complexity: O(min(trials, 10,000)) per learned draw + O(learned draws x likelihood terms).
 */
export function farFromPlanWarnings(sim: Simulation): PlausibilityWarning[] {
  const r = sim.reforecast;
  if (!r) return [];
  const { model } = r;
  const point = new Float64Array(model.dimension);
  let marketFar = false;
  if (model.market >= 0) {
    const column = sim.store.column(MARKET_COLUMN);
    if (column) point[model.market] = median(column);
    marketFar = Math.abs(point[model.market]!) > FAR_SCORE;
  }
  const drivers: number[] = [];
  model.drivers.forEach((l, i) => {
    const column = l.driver.ownColumn === undefined ? undefined : sim.store.column(l.driver.ownColumn);
    if (!column) return;
    point[l.latent] = scoreOf(l, median(column));
    if (Math.abs(point[l.latent]!) > FAR_SCORE) drivers.push(i);
  });
  const out: PlausibilityWarning[] = [];
  if (marketFar) {
    const z = point[model.market]!;
    const at = pullingCell(r, point, model.market, (_, tier, term) => marketSign(tier, term));
    out.push(
      warning(
        r,
        at,
        `the closed months put the market factor at ${signed(z)} (its posterior median; the plan draws it from N(0, 1), and a year this far out comes less than once in 10,000), and every driver that moves with the market follows it, so the whole forecast does`,
      ),
    );
    return out;
  }
  for (const i of drivers) {
    const l = model.drivers[i]!;
    const at = pullingCell(r, point, l.latent, (ti, _, term) => (ti === l.tier ? termSign(term) : 0));
    const value = model.valueOf(point, i);
    out.push(
      warning(
        r,
        at,
        `the closed months put ${l.driver.label} at ${shown(value, l.driver.unit)} (the posterior median of its own draw, before the market's shift), where its plan (${shown(l.driver.planValue, l.driver.unit)}) puts less than 1 in 10,000 of its years`,
      ),
    );
  }
  return out;
}

/** The cell a warning points at: a tier's closed month and the measure whose evidence pulls. */
interface PullingCell {
  readonly tier: string;
  readonly term: string;
  readonly row: MonthlyRow | undefined;
  readonly measure: MonthlyMeasure | undefined;
}

function warning(r: Reforecast, at: PullingCell | undefined, what: string): PlausibilityWarning {
  const file = r.input.file.path;
  if (at === undefined || at.row === undefined || at.measure === undefined)
    return { code: 'actuals-far-from-plan', message: `${capital(what)}. ${CHECK}`, path: [], file };
  const column = at.row.columns?.[at.measure];
  const value = at.row.values[at.measure]!;
  const count = (x: number) => Math.round(x).toLocaleString('en-US');
  // A term read as a ratio (deals per lead, new ARR per deal) pulls through both cells: the other is named too.
  const over = RATIO_OF[at.term];
  const of = over !== undefined && at.row.values[over] !== undefined ? ` ${over === 'leads' ? 'of' : 'from'} ${count(at.row.values[over]!)} ${over}` : '';
  return {
    code: 'actuals-far-from-plan',
    message: `${at.tier} month ${at.row.label}: ${at.measure} ${count(value)}${of}: ${what}. ${at.tier}'s ${at.term} pull it the most${r.input.months > 1 ? ', and of its months this one is the farthest out' : ''}. ${CHECK}`,
    path: [at.measure],
    file,
    line: at.row.line,
    ...(column === undefined ? {} : { column }),
  };
}

const CHECK = 'Check the figure (a digit too many or too few, another month\'s or another tier\'s?); if the actuals are right, the plan\'s distributions are too narrow for this year: widen them before reading the re-forecast';

/**
 * The term whose log-likelihood gains most from latent `c` at its posterior point over the prior's
 * centre (0), every other draw at its point, and of its tier's closed months the one farthest out
 * in the direction the term pulls. `sign(tier index, tier, term)`: +1 when the term's measure rises with the
 * latent, -1 when it falls, 0 when the term does not move with it.
 */
function pullingCell(r: Reforecast, point: Float64Array, c: number, sign: (index: number, tier: TierPlan, term: string) => number): PullingCell | undefined {
  const { model, plan, input } = r;
  const names = model.termNames;
  const far = model.termValues(point);
  const centred = Float64Array.from(point);
  centred[c] = 0;
  const near = model.termValues(centred);
  let best = -1;
  for (let i = 0; i < names.length; i++) if (far[i]! - near[i]! > 0 && (best < 0 || far[i]! - near[i]! > far[best]! - near[best]!)) best = i;
  if (best < 0) return undefined;
  const { tier: ti, term } = names[best]!;
  const tier = plan.tiers[ti]!;
  const rows = (input.file.byTier.get(tier.name) ?? []).slice(0, input.months);
  const measure = termMeasure(term, input.file.measures);
  const way = Math.sign(point[c]!) * sign(ti, tier, term);
  // What came up for renewal in each closed month as the learning reads it: after an aggregate
  // book's mid-term leavers only the share still there is due (the full calendar read the months
  // after them as renewing half, and pointed at another month).
  const due = tier.existing ? closedMonthsDue(tier.existing, rows, rows.length).arr : undefined;
  let row: MonthlyRow | undefined;
  let extreme = NaN;
  rows.forEach((candidate, i) => {
    const x = way * ratio(tier, term, candidate, i, due);
    if (Number.isFinite(x) && !(x <= extreme)) {
      extreme = x;
      row = candidate;
    }
  });
  return { tier: tier.name, term, row, measure };
}

/** The cell a ratio term's figure is divided by (see `ratio`): a warning at the term's cell names it too. */
const RATIO_OF: Readonly<Record<string, MonthlyMeasure>> = { deals: 'leads', new_arr: 'deals' };

/** The column a term's warning points at. */
function termMeasure(term: string, measures: readonly MonthlyMeasure[]): MonthlyMeasure | undefined {
  switch (term) {
    case 'leads':
    case 'deals':
    case 'new_arr':
      return term;
    case 'renewals':
      return measures.includes('renewed_arr') ? 'renewed_arr' : 'churned_arr';
    case 'monthly-billed churn':
      return 'churned_arr';
    default:
      return undefined;
  }
}

/** A closed month's figure for a term, as a rate or level the month can be compared on (`dueArr`: the ARR due in each closed month, closedMonthsDue). */
function ratio(tier: TierPlan, term: string, row: MonthlyRow, i: number, dueArr: Float64Array | undefined): number {
  const v = row.values;
  switch (term) {
    case 'leads': {
      const season = tier.newBusiness?.sources.find((s) => s.name === '')?.seasonality[i % 12] ?? 1;
      return (v.leads ?? NaN) / season;
    }
    case 'deals':
      return (v.deals ?? NaN) / (v.leads ?? NaN);
    case 'new_arr':
      return (v.new_arr ?? NaN) / (v.deals ?? NaN);
    case 'renewals': {
      const due = dueArr?.[i] ?? NaN;
      return v.renewed_arr !== undefined ? v.renewed_arr / due : -(v.churned_arr ?? NaN) / due;
    }
    case 'monthly-billed churn':
      return -(v.churned_arr ?? NaN);
    default:
      return NaN;
  }
}

/** How a term's measure (as `ratio` reads it) moves with its driver's own draw. */
const termSign = (term: string): number => (term in TERM_KIND ? 1 : 0);

/** The driver kind each term weighs, for its market loading. */
const TERM_KIND: Record<string, 'leads' | 'conversion' | 'acv' | 'renewal'> = {
  leads: 'leads',
  deals: 'conversion',
  new_arr: 'acv',
  renewals: 'renewal',
  'monthly-billed churn': 'renewal',
};

/** How a term's measure moves with the market factor: the sign of its driver's loading. */
function marketSign(tier: TierPlan, term: string): number {
  const kind = TERM_KIND[term];
  return kind === undefined ? 0 : Math.sign(tier.loadings[kind]);
}

/**
 * The normal score at which a learned driver's prior reaches `value` (its quantile table, inverted by
 * bisection), within +-12 (a probability of 2e-33 beyond: every family's tail is finite there, a
 * metalog's is not at +-40). A value the prior holds with some probability (a value of a discrete or
 * empirical driver: its table is flat there over a range of scores, and interpolates across the jump
 * to the next value, so an own draw can also fall between two values) spans scores, from the lowest
 * that reaches it to the highest not beyond it: the one nearest 0 is its score, so that the tail on
 * its side counts the value itself. A value at an end of the prior is then far only if its own
 * probability is below FAR_FROM_PLAN (0.5 at weight 1 of 50,000 is, at 1 of 1,000 is not). Compared
 * as float32, the precision the own draws are stored in (0.99 is read back as 0.9900000095): a value
 * the prior holds was read as beyond its highest, scored +12 however likely
 * (an empirical renewal rate of [0.56, 0.93, 0.99, 0.99] read "99%: less than 1 in 10,000" where the
 * plan draws it one year in two).
 */
function scoreOf(l: LearnedDriver, value: number): number {
  if (Number.isNaN(value)) return -12;
  const v = Math.fround(value);
  const reaches = firstScore((s) => Math.fround(l.table.atScore(s)) >= v);
  const passes = firstScore((s) => Math.fround(l.table.atScore(s)) > v);
  return reaches > 0 ? reaches : passes < 0 ? passes : 0;
}

/** The lowest score in [-12, 12] at which `holds` (true from some score on), by bisection; 12 if it never holds. */
function firstScore(holds: (score: number) => boolean): number {
  let lo = -12;
  let hi = 12;
  if (holds(lo)) return lo;
  if (!holds(hi)) return hi;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Trials a median reads at most: evenly strided through the column (every chunk's chain), its error
 * (about 1.25 sd / 100 of the posterior) is nothing beside a threshold of 3.72 sd, and a million-trial
 * run pays for 10,000 values a draw, not a copy and a selection of all (about 20 ms at 100,000 trials).
 */
const MEDIAN_TRIALS = 10_000;

/** The type-7 median of a column's trials (at most MEDIAN_TRIALS of them, evenly strided; the column left as it is). */
function median(column: ArrayLike<number>): number {
  const stride = Math.max(1, Math.ceil(column.length / MEDIAN_TRIALS));
  const xs = new Float64Array(Math.ceil(column.length / stride));
  for (let i = 0; i < xs.length; i++) xs[i] = column[i * stride]!;
  const n = xs.length;
  if (n === 0) return NaN;
  const positions = type7Positions(n, 0.5);
  return type7(selectOrderStatistics(xs, n, positions), n, 0.5);
}

const signed = (x: number): string => `${x > 0 ? '+' : ''}${toFixedDecimal(x, 1)}`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A driver's value as its unit reads. */
function shown(x: number, unit: string): string {
  if (unit === 'rate') return `${toFixedDecimal(100 * x, 2)}%`;
  return (Number(toFixedDecimal(x, 0)) + 0).toLocaleString('en-US');
}
