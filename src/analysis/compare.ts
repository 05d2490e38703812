import { nameKey, readAlikeWhy } from '../scenario/name-key.js';
import { checkUnchangedSinceLoaded } from '../engine/unchanged-since-loaded.js';
import { toFixedDecimal } from '../math/decimal-round.js';
import type { Simulation } from '../engine/simulate.js';
import { checkWholeRun } from '../engine/whole-run.js';
import { METRICS, type Metric } from '../model/components.js';
import { describe } from './describe.js';
import { PERCENTILE_CONVENTION } from './summarize.js';
import { probability, type Probability } from './probability.js';
import { tierKey } from '../model/column-key.js';
import { setOwn } from '../scenario/own-key.js';
import { refuseOneForecast } from './one-forecast-compared.js';
import { closedMonthsKey, reforecastNote } from './reforecast-pairing.js';
import { differentFiscalYears, fiscalYearWords } from './fiscal-years.js';

/** Percentiles a comparison reports. Px = x% chance of coming in below. */
export interface Band {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** One scenario's distribution of a metric. */
export interface ScenarioStat {
  readonly mean: number;
  /** Null from a single trial, as is the standard error (`notEstimable` says why). */
  readonly sd: number | null;
  /** Monte Carlo standard error of the mean: sd / sqrt(trials). */
  readonly standardError: number | null;
  /** P10, P50, P90, and the P5 `arrcast run` writes this metric's row with (summary.json's percentiles.p5). */
  readonly percentiles: Band & { readonly p5: number };
  /**
   * The 95% intervals of the P5, P10, P50 and P90, named and shaped as summary.json's
   * percentileIntervals (null each where not estimable; null from a single trial), so compare writes
   * the scenario's row with run's digits (report's metricRowMoney).
   */
  readonly percentileIntervals: Readonly<Record<'p5' | 'p10' | 'p50' | 'p90', readonly [number, number] | null>> | null;
  readonly notEstimable?: string;
}

/** The per-trial difference X - A of a metric between scenario X and the baseline A. */
export interface DifferenceStat {
  /** Index of X in `Comparison.scenarios` (A is 0). */
  readonly scenario: number;
  /** Mean of X[i] - A[i] over the trials (equal to mean X - mean A). */
  readonly mean: number;
  /** Standard deviation of the per-trial difference: small when the scenarios share their random numbers. Null from one trial. */
  readonly sd: number | null;
  /** Monte Carlo standard error of the mean difference: sd / sqrt(trials). Null from one trial. */
  readonly standardError: number | null;
  /** Percentiles of the per-trial difference (not differences of percentiles). */
  readonly percentiles: Band;
  /** P(X < A): the share of trials where X comes in below A, with its binomial standard error sqrt(p(1-p)/n). */
  /** P(X < A) with its 95% interval (probability.ts: CHANCE_INTERVAL) and binomial standard error. */
  readonly probabilityBelow: Probability;
  /** Trials where X and A are exactly equal (every random number they use the same, and nothing changed). */
  readonly identicalTrials: number;
}

export interface MetricComparison {
  /** Each scenario's distribution, in the order given (A first). */
  readonly scenarios: readonly ScenarioStat[];
  /** Each later scenario against A: differences[k] is scenario k + 1 minus A. */
  readonly differences: readonly DifferenceStat[];
}

/** Several scenarios run on the same random numbers, compared with the first (A). */
export interface Comparison {
  readonly tool: { readonly name: 'arrcast'; readonly comparisonVersion: 1 };
  readonly percentileConvention: typeof PERCENTILE_CONVENTION;
  readonly trials: number;
  readonly seed: string;
  readonly scenarios: ReadonlyArray<{
    /** A, B, C, ... in the order given; A is the baseline. */
    readonly label: string;
    readonly name: string;
    readonly source: string;
    readonly hash: string;
    readonly currency: string;
    /** The base scenarios it extends, nearest first (see scenario/extends.ts). */
    readonly bases: readonly string[];
    readonly tiers: readonly string[];
  }>;
  /** Tiers every scenario has (same name): their random numbers are paired trial by trial. */
  readonly sharedTiers: readonly string[];
  /** True when every scenario has the same tiers. */
  readonly sameTiers: boolean;
  /** What the per-trial pairing means for these scenarios, in words. */
  readonly pairing: string;
  readonly metrics: Readonly<Record<Metric, MetricComparison>>;
  /** The same for each shared tier's revenue, bookings and ending ARR. */
  readonly byTier: Readonly<Record<string, Readonly<Record<Metric, MetricComparison>>>>;
}

import { MAX_COMPARED, scenarioLabel } from './compare-limits.js';

export { MAX_COMPARED, scenarioLabel };

/**
 * Compare simulations of several scenarios run with the same seed and trial count. Every driver of
 * every tier draws from its own stream seeded by (seed, chunk, tier, driver), so trial i of each
 * scenario shares every random number that the changes between them do not touch (common random
 * numbers): the per-trial difference X - A measures the change, not sampling noise. Pure.
 *
 * Throws RangeError for fewer than 2 or more than MAX_COMPARED simulations, or ones that differ in
 * seed or trial count (their trials would not be paired) or in currency (before December 2026 a
 * difference of dollars and euros was returned without a word); OneForecastError for two of one forecast
 * (one simulation given twice, or two of one forecastHash), in the CLI's words.
 *
 * @example compareSimulations([plan, downside]).metrics.revenue.differences[0].probabilityBelow.value // => 0.99...
 * Complexity: O(scenarios x (1 + shared tiers) x trials), plus the percentile selections.
 */
export function compareSimulations(sims: readonly Simulation[]): Comparison {
  if (sims.length < 2 || sims.length > MAX_COMPARED) throw new RangeError(`compare needs 2 to ${MAX_COMPARED} simulations (got ${sims.length})`);
  const first = sims[0]!;
  for (const sim of sims) checkWholeRun(sim, 'compareSimulations reads whole runs');
  // Each is named by the hash its run was made under (runHash): a scenario edited in place since would show beside it.
  for (const sim of sims) checkUnchangedSinceLoaded(sim.loaded, 'its comparison', sim.runHash);
  // One forecast given twice (the same run, or two runs of one forecastHash): refused as the CLI refuses it.
  // A plan and its re-forecast (or re-forecasts from other closed months) are other forecasts of one scenario.
  const closed = sims.map(closedMonthsKey);
  for (const key of new Set(closed)) {
    const group = sims.flatMap((_, i) => (closed[i] === key ? [i] : []));
    refuseOneForecast(group.map((i) => sims[i]!.loaded), (k) => `${scenarioLabel(group[k]!)} (${sims[group[k]!]!.loaded.source})`);
  }
  for (const sim of sims)
    if (sim.seed !== first.seed || sim.trials !== first.trials)
      throw new RangeError(
        `compared simulations must share seed and trial count to pair their trials: ${first.loaded.source} has seed ${first.seed} and ${first.trials} trials, ${sim.loaded.source} has seed ${sim.seed} and ${sim.trials} trials`,
      );
  // A difference X - A of dollars and euros means nothing: refused, as the CLI refuses such scenarios before their runs.
  for (const sim of sims)
    if (sim.loaded.scenario.currency !== first.loaded.scenario.currency)
      throw new RangeError(
        `compared simulations must be in one currency, as their differences X - A are in money: ${first.loaded.source} is in ${first.loaded.scenario.currency}, ${sim.loaded.source} in ${sim.loaded.scenario.currency}; compare scenarios in one currency`,
      );
  const n = first.trials;
  const tierNames = sims.map((s) => s.plan.tiers.map((t) => t.name));
  // Tiers pair by their exact name, as their random streams are keyed (namePart(plan.name)): "Big Co"
  // and "Big\u00a0Co" read alike but draw other numbers, so they do not pair (pairingNote says why).
  const sharedTiers = tierNames[0]!.filter((name) => tierNames.every((names) => names.includes(name)));
  const sameTiers = tierNames.every((names) => names.length === sharedTiers.length);
  const scratch = new Float64Array(n);
  const difference = new Float64Array(n);

  const compareColumns = (columns: ReadonlyArray<ArrayLike<number>>): MetricComparison => {
    const a = columns[0]!;
    const scenarios = columns.map((c) => scenarioStat(c, scratch));
    const differences = columns.slice(1).map((x, k): DifferenceStat => {
      let below = 0;
      let identical = 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i]!;
        const ai = a[i]!;
        difference[i] = xi - ai;
        // Totals equal but for the rounding of their sum (the same tiers summed in another order
        // differ in their last bit or two) are a tie, not X below A.
        if (xi < ai && ai - xi > ROUNDING_TIE * Math.max(Math.abs(xi), Math.abs(ai))) below++;
        if (Object.is(xi, ai)) identical++;
      }
      // A difference has no row of `arrcast run` to read as: no P5 or intervals (comparison.json as before).
      const { percentiles: { p5: _p5, ...band }, percentileIntervals: _intervals, ...rest } = scenarioStat(difference, scratch);
      const stat = { ...rest, percentiles: band };
      return {
        scenario: k + 1,
        ...stat,
        probabilityBelow: probability(below, n),
        identicalTrials: identical,
      };
    });
    return { scenarios, differences };
  };

  const metrics = Object.fromEntries(METRICS.map((m) => [m, compareColumns(sims.map((s) => requireColumn(s, m)))])) as Record<Metric, MetricComparison>;
  const byTier: Record<string, Record<Metric, MetricComparison>> = {};
  // Tier breakdowns are stored as float32; a one-tier scenario's tier is its float64 total, rounded
  // the same way when compared with a breakdown so that identical tiers compare as identical.
  const float32 = sims.some((s) => s.plan.tiers.length > 1);
  for (const tier of sharedTiers)
    setOwn(byTier, tier, Object.fromEntries(METRICS.map((m) => [m, compareColumns(sims.map((s) => tierColumn(s, tier, m, float32)))])) as Record<Metric, MetricComparison>);

  return {
    tool: { name: 'arrcast', comparisonVersion: 1 },
    percentileConvention: PERCENTILE_CONVENTION,
    trials: n,
    seed: first.seed,
    scenarios: sims.map((s, i) => ({
      label: scenarioLabel(i),
      name: s.loaded.scenario.name,
      source: s.loaded.source,
      hash: s.runHash,
      currency: s.loaded.scenario.currency,
      bases: s.loaded.bases ?? [],
      tiers: tierNames[i]!,
    })),
    sharedTiers,
    sameTiers,
    pairing:
      // A re-forecast pairs with nothing: the pairing and market notes, which say what is paired, are not said beside it.
      (reforecastNote(sims) || pairingNote(tierNames, sharedTiers, sameTiers, sims.map((s) => s.loaded.scenario.market?.factor)) + marketNote(sims.map((s) => s.loaded.scenario.market?.factor))) +
      yearNote(sims.map((s) => ({ startMonth: s.loaded.scenario.fiscalYearStartMonth, year: s.loaded.scenario.fiscalYear }))) +
      sameYearNote(metrics, n),
    metrics,
    byTier,
  };
}

/**
 * The per-trial difference x[i] - a[i] of two columns of the same length, as float64.
 *
 * @example pairedDifference(Float64Array.of(1, 2), Float64Array.of(1, 5)) // => Float64Array [0, 3]
 * Complexity: O(n).
 */
export function pairedDifference(a: ArrayLike<number>, x: ArrayLike<number>): Float64Array {
  if (a.length !== x.length) throw new RangeError(`columns of different lengths (${a.length} and ${x.length}) cannot be paired`);
  return Float64Array.from({ length: a.length }, (_, i) => x[i]! - a[i]!);
}

function scenarioStat(values: ArrayLike<number>, scratch: Float64Array<ArrayBuffer>): ScenarioStat {
  const s = describe(values, scratch);
  if (!s) return { mean: NaN, sd: NaN, standardError: NaN, percentiles: { p5: NaN, p10: NaN, p50: NaN, p90: NaN }, percentileIntervals: null };
  const pi = s.percentileIntervals;
  return {
    mean: s.mean,
    sd: s.sd,
    standardError: s.standardError,
    percentiles: { p5: s.percentiles.p5, p10: s.percentiles.p10, p50: s.percentiles.p50, p90: s.percentiles.p90 },
    percentileIntervals: pi === null ? null : { p5: pi.p5, p10: pi.p10, p50: pi.p50, p90: pi.p90 },
    ...(s.notEstimable === undefined ? {} : { notEstimable: s.notEstimable }),
  };
}

function requireColumn(sim: Simulation, key: string): ArrayLike<number> {
  const column = sim.store.column(key);
  if (!column) throw new Error(`${sim.loaded.source}: no per-trial column ${key}`);
  return column;
}

/** A tier's metric per trial: its own column, or the headline one when it is the only tier (as float32 if asked). */
function tierColumn(sim: Simulation, tier: string, metric: Metric, float32: boolean): ArrayLike<number> {
  if (sim.plan.tiers.length > 1) return requireColumn(sim, tierKey(tier, metric));
  const total = requireColumn(sim, metric);
  return float32 ? Float32Array.from(total) : total;
}

/**
 * A fixed market factor as a note prints it: at most 3 decimals, trailing zeros dropped (-1.28,
 * -0.524 for the studio's "a P30 year", Φ⁻¹(0.3) = -0.5244005127080407), so a factor computed
 * rather than typed does not print 16 digits. 0.001 of a standard deviation moves nothing visible.
 *
 * @example formatMarketFactor(-0.5244005127080407) // => '-0.524'
 */
export function formatMarketFactor(z: number): string {
  const rounded = Number(toFixedDecimal(z, 3));
  return String(rounded === 0 ? 0 : rounded); // never "-0"
}

/**
 * What the pairing does not cover when some scenarios fix the market factor (a stress year) and
 * others draw it: trial i of a drawn scenario sits in a market year of its own, so its difference
 * with a fixed one carries that year's market swing. Empty when every scenario draws it, or all fix it.
 *
 * @example marketNote([undefined, -1.28]) // => ' B fixes the market factor (Z = -1.28) that A draws ...'
 */
export function marketNote(factors: ReadonlyArray<number | undefined>): string {
  const fixed = factors.flatMap((f, i) => (f === undefined ? [] : [`${scenarioLabel(i)} (Z = ${formatMarketFactor(f)})`]));
  const drawn = factors.flatMap((f, i) => (f === undefined ? [scenarioLabel(i)] : []));
  if (fixed.length === 0 || drawn.length === 0) return '';
  const list = (xs: string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
  return ` The market factor is not paired: ${list(fixed)} ${fixed.length === 1 ? 'fixes' : 'fix'} it where ${list(drawn)} ${drawn.length === 1 ? 'draws' : 'draw'} it in each trial, so a difference between a fixed and a drawn scenario includes the drawn one's year-to-year market swing, not the other changes alone; its P(X < A) is the chance the fixed year comes in below a drawn year.`;
}


/**
 * What the comparison is of when the scenarios forecast different fiscal years (years that start
 * in different months, or two stated years): each column is its own year, so X - A compares two
 * years, not one year under two plans. Empty when they may all be one year (a scenario that
 * states no year is taken to be of the others').
 *
 * @example yearNote([{ startMonth: 2, year: 2027 }, { startMonth: 2, year: 2028 }]) // => ' The scenarios forecast different fiscal years (A: FY2027, from February; B: FY2028, from February): ...'
 */
export function yearNote(years: ReadonlyArray<{ readonly startMonth: number; readonly year?: number | undefined }>): string {
  if (!differentFiscalYears(years)) return '';
  const list = years.map((y, i) => `${scenarioLabel(i)}: ${fiscalYearWords(y)}`).join('; ');
  return ` The scenarios forecast different fiscal years (${list}): each is its own year's forecast, so a difference X - A compares two years, not one year under two plans.`;
}

/**
 * Scenarios that hash apart yet gave A's year in every trial (a change that moves nothing the model
 * draws, as `stress: { leads: 0 }`): known only after the run, and every X - A is then 0, which the
 * tables would show without a word. Empty when each differs from A in some trial.
 *
 * @example sameYearNote(metrics, 1000) // => ' A and B gave the same year in every trial: one forecast, so every B - A is 0.'
 */
export function sameYearNote(metrics: Readonly<Record<Metric, MetricComparison>>, trials: number): string {
  const same = metrics.revenue.differences
    .map((d) => d.scenario)
    .filter((k) => METRICS.every((m) => metrics[m].differences[k - 1]!.identicalTrials === trials))
    .map(scenarioLabel);
  return same.map((x) => ` A and ${x} gave the same year in every trial: one forecast, so every ${x} - A is 0.`).join('');
}

/**
 * Relative gap under which two per-trial figures count as a tie in P(X < A): a float64 sum of the
 * same tier figures in another order differs by a few units in the last place (2.5e-16 of revenue
 * with example.yaml's tiers listed in reverse, which read P(B < A) = 13.9% for two equal scenarios).
 * A change a scenario makes is many orders above it: 1e-12 of 100M is a ten-thousandth of a cent.
 */
const ROUNDING_TIE = 1e-12;

/**
 * Tiers of two scenarios that read alike (nameKey) but are spelt otherwise: they look like one tier
 * in every table, yet draw unpaired. Says so, and why, for the first such tier of each scenario.
 */
function spellingNote(tierNames: ReadonlyArray<readonly string[]>, shared: readonly string[]): string {
  const notes: string[] = [];
  tierNames.forEach((names, i) => {
    if (i === 0) return;
    for (const name of names) {
      if (shared.includes(name)) continue;
      const first = tierNames[0]!.find((other) => other !== name && nameKey(other) === nameKey(name));
      if (first === undefined) continue;
      notes.push(`${scenarioLabel(i)}'s tier ${JSON.stringify(name)} reads as ${scenarioLabel(0)}'s ${JSON.stringify(first)} but is spelt otherwise (${readAlikeWhy(first, name)}); a tier's random numbers are keyed by its exact name, so spell it alike to pair it.`);
      break;
    }
  });
  return notes.length ? ` ${notes.join(' ')}` : '';
}

/**
 * Which draws trial i of each scenario shares: a tier's streams are keyed by its exact name, so only
 * tiers of the same name pair; the market factor's stream ('market') is common to all of them, tiers
 * in common or not, and pairs unless some fix the factor and others draw it (marketNote says so).
 */
function pairingNote(tierNames: ReadonlyArray<readonly string[]>, shared: readonly string[], same: boolean, factors: ReadonlyArray<number | undefined>): string {
  if (same)
    return 'Every scenario has the same tiers: trial i of each shares every random number that the changes between them do not touch, so the per-trial differences are the changes\' effect, not sampling noise.';
  const lists = tierNames.map((names, i) => `${scenarioLabel(i)}: ${names.join(', ') || 'none'}`).join('; ');
  const marketPaired = factors.every((f) => f === undefined) || factors.every((f) => f !== undefined);
  const market = marketPaired ? ' The market factor is drawn on the same numbers in every scenario, tiers in common or not.' : '';
  return `The scenarios' tiers differ (${lists}). Trial-by-trial pairing holds only for the tiers they share (${shared.join(', ') || 'none'}); the other tiers draw unpaired, so the differences of the totals include them as independent noise.${spellingNote(tierNames, shared)}${market}`;
}
