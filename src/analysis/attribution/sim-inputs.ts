import type { RunTrials } from '../columns.js';
import { shiftedColumnKey } from '../../model/drivers/column-keys.js';
import type { DriverUnit, PlannedDriver } from '../../model/drivers/planned-driver.js';
import { binCount, InputArena, inputValueAt, prepareInput, type PreparedInput } from './input.js';
import { finishSteps } from '../steps.js';
import { driverReachesMetric, driverReachesTier } from '../../model/driver-reach.js';
import { marketMovesDriver, marketMovesTier, marketMovesTierMetric } from '../../model/market-moves-tier.js';
import { METRICS, type Metric } from '../../model/components.js';

/**
 * Attribution uses at most this many trials (the first ones; trials are independent, so any block is
 * a fair sample). At 50,000 a variance share is known to about -/+ 0.5 percentage points (its jackknife
 * interval says how well), a tornado end holds 5,000 trials, and the analysis of the example's 17
 * drivers stays within 0.3 s at 100,000 trials (bench/attribution.mjs).
 */
export const ATTRIBUTION_TRIALS = 50_000;

/** The key and label of the market factor among the drivers. */
export const MARKET_KEY = 'driver.market';
export const MARKET_LABEL = 'Market';

/** A driver as the analysis sees it: what a planner calls it, and its own draw prepared once. */
export interface AttributionDriver {
  /** 'driver.<tier>.<key>', or 'driver.market'. */
  readonly key: string;
  readonly label: string;
  readonly unit: DriverUnit | 'market';
  /** Its tier; undefined for the market, which has none (it moves the tiers whose drivers are loaded on it: marketTiers). */
  readonly tier: string | undefined;
  /** The value the scenario states (undefined for the market, whose plan is an average year). */
  readonly planValue: number | undefined;
  /**
   * In a re-forecast, the median of its own draws: the value the closed months left it at (its own
   * percentile 50%, the point its percentiles are counted from). Undefined in a plan run, where the
   * own draws are centred on the plan.
   */
  readonly learnedValue?: number;
  readonly loading: number;
  /** Its own draw (z for the market), prepared; undefined when it has no own uncertainty. */
  readonly input: PreparedInput | undefined;
  /**
   * The headline metrics of its tier it can move (driverReachesMetric), when not all of them: a
   * pipeline group closing in month 12 with a service-start lag moves bookings only. Absent: all.
   */
  readonly metrics?: readonly Metric[];
}

export interface AttributionInputs {
  /** Trials used: the first min(trials, ATTRIBUTION_TRIALS). */
  readonly trials: number;
  /** The market first (when it moves some tier), then every tier's drivers in plan order. */
  readonly drivers: readonly AttributionDriver[];
  /**
   * The tiers the market can move (marketMovesTier: a driver of theirs is loaded on it and acts on
   * something), in plan order; a tier's metric is attributed to the market only when it is one of
   * them. Absent (inputs a library caller builds itself, as before it existed): every tier.
   */
  readonly marketTiers?: readonly string[];
  /**
   * Of marketTiers, those whose each headline metric the market can move (marketMovesTierMetric):
   * a tier whose only loaded route is deals going live after the year is in bookings' list alone.
   * Absent: marketTiers for every metric.
   */
  readonly marketTiersByMetric?: Readonly<Record<Metric, readonly string[]>>;
}

/**
 * The independent inputs of a run: the market factor z (column `driver.market`) and each planned
 * driver's own year-level draw (column `own.<tier>.<key>`), from the registry's planned drivers
 * (model/drivers). Each is ranked once here. A driver with no own uncertainty but a market loading
 * is listed without an input (its share is the market's); one that never varies, or that acts on
 * nothing whatever its draw (driverReachesTier: a conversion of 0 leads), is left out. So is
 * the market when it never varies (a stress case's `market.factor` fixes z in every trial), or when
 * it moves no tier (loadings only on what no tier states, e.g. renewal with no customer book): it then
 * has no percentile, no tornado bar and no part in the bad years, and a driver that only it moves
 * never varies either.
 *
 * Complexity: O(drivers x n log n), one sort per driver.
 */
export function attributionInputs(sim: RunTrials): AttributionInputs {
  return finishSteps(attributionInputSteps(sim));
}

/**
 * attributionInputs in steps: the generator pauses after each input it ranks (about 10 ms at 50,000
 * trials), so a caller on the main thread can answer its workers between them (stepsInTurns). Run to
 * its end it returns what attributionInputs returns.
 */
export function* attributionInputSteps(sim: RunTrials, reuse?: ArrayBuffer): Generator<void, AttributionInputs, void> {
  const n = Math.min(sim.trials, ATTRIBUTION_TRIALS);
  const cut = (c: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }) => c.subarray(0, n);
  const stored = sim.store.column(MARKET_KEY);
  const marketTiers = sim.plan.tiers.filter(marketMovesTier).map((t) => t.name);
  const z = stored && marketTiers.length > 0 && varies(stored, n) ? stored : undefined;
  const drivers: AttributionDriver[] = [];
  // A plan run draws z from N(0, 1): its percentile is Φ(z). A re-forecast's z are draws from the
  // posterior given the closed months, concentrated where the evidence puts them (z near -0.6 for the
  // example: Φ(z) within 0.2 to 0.35 in every trial), so they are ranked like an own draw: their P10
  // is the run's P10, and 50% its ordinary year.
  const reforecast = sim.plan.horizon !== undefined && sim.plan.horizon.startMonth > 1;
  // The inputs' arrays in one block (see InputArena): the market's and each own draw's.
  const inputs = (z ? 1 : 0) + sim.plan.tiers.reduce((k, tier) => k + tier.plannedDrivers.filter((d) => ownValues(sim, d, n) !== undefined && driverReachesTier(tier, d)).length, 0);
  const arena = new InputArena(n, inputs, reuse);
  const marketTiersByMetric = Object.fromEntries(
    METRICS.map((m) => [m, sim.plan.tiers.filter((t) => marketTiers.includes(t.name) && marketMovesTierMetric(t, m)).map((t) => t.name)]),
  ) as Record<Metric, string[]>;
  const marketMetrics = METRICS.filter((m) => marketTiersByMetric[m].length > 0);
  if (z)
    drivers.push({
      key: MARKET_KEY,
      label: MARKET_LABEL,
      unit: 'market',
      tier: undefined,
      planValue: undefined,
      loading: 1,
      input: prepareInput(cut(z), reforecast ? 'own' : 'market', binCount(n), arena),
      ...(marketMetrics.length < METRICS.length ? { metrics: marketMetrics } : {}),
    });
  yield;
  for (const tier of sim.plan.tiers) {
    for (const d of tier.plannedDrivers) {
      // A driver that acts on nothing moves nothing, however much its own draw varies (a conversion
      // of 0 leads, a price uplift of a book that renews after the year): not listed, else its
      // share and tornado bar would be noise and its bad years' percentile a coin's.
      if (!driverReachesTier(tier, d)) continue;
      const own = ownValues(sim, d, n);
      // A driver that never varies (no own draw, and no market loading or a value the market cannot
      // move: a rate of 0 or 1, a volume of 0), or whose market shift acts on nothing (a conversion
      // of 0 leads: marketMovesDriver), moves nothing: not listed.
      if (!own && (!marketMovesDriver(tier, d) || !z)) continue;
      const input = own ? prepareInput(own, 'own', binCount(n), arena) : undefined;
      if (input) yield;
      const metrics = METRICS.filter((m) => driverReachesMetric(tier, d, m));
      drivers.push({
        key: d.shiftedColumn ?? shiftedColumnKey(d.tier, d.key),
        label: d.label,
        unit: d.unit,
        tier: d.tier,
        planValue: Number.isFinite(d.planValue) ? d.planValue : own ? mean(own) : undefined,
        ...(reforecast && input ? { learnedValue: inputValueAt(input, 0.5) } : {}),
        loading: d.loading,
        input,
        ...(metrics.length < METRICS.length ? { metrics } : {}),
      });
    }
  }
  return { trials: n, drivers, marketTiers: z ? marketTiers : [], ...(z ? { marketTiersByMetric } : {}) };
}

/**
 * At most how many bytes the inputs' arrays of a run take (InputArena): the market's and every
 * driver's with an own draw (attributionInputSteps leaves out those that never vary).
 */
export function attributionBytesAtMost(sim: RunTrials): number {
  const inputs = 1 + sim.plan.tiers.reduce((k, tier) => k + tier.plannedDrivers.filter((d) => d.ownColumn !== undefined).length, 0);
  return inputs * InputArena.bytesPerInput(Math.min(sim.trials, ATTRIBUTION_TRIALS));
}

/**
 * The drivers that can move a metric: all for the company's; for a tier's, its own and the market
 * when the market moves that tier (a tier of a book only, with only conversion loaded, is the same
 * whatever the market does: its share there would be noise around 0, and what must be true could
 * name it).
 */
export function driversMoving(inputs: AttributionInputs, tier: string | undefined, metric?: string): AttributionDriver[] {
  const reaches = (d: AttributionDriver) => movesMetric(d, metric);
  if (tier === undefined) return inputs.drivers.filter(reaches);
  const byMetric = (METRICS as readonly string[]).includes(metric!) ? inputs.marketTiersByMetric?.[metric as Metric] : undefined;
  const market = (inputs.marketTiers === undefined || inputs.marketTiers.includes(tier)) && (byMetric === undefined || byMetric.includes(tier));
  return inputs.drivers.filter((d) => (d.tier === undefined ? market : d.tier === tier) && reaches(d));
}

/** Whether a driver can move a metric ('revenue', 'bookings', 'endingArr'; any other, or none given: true). */
export function movesMetric(d: AttributionDriver, metric: string | undefined): boolean {
  return d.metrics === undefined || metric === undefined || !(METRICS as readonly string[]).includes(metric) || (d.metrics as readonly string[]).includes(metric);
}

/**
 * Whether the first n values are not all the same. One trial counts as varying: what a single trial
 * can tell is left to the estimators' own rules (not estimable), not to which inputs are listed.
 */
function varies(v: ArrayLike<number>, n: number): boolean {
  if (n < 2) return true;
  for (let i = 1; i < n; i++) if (v[i] !== v[0]) return true;
  return false;
}

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
};

/**
 * The driver's own draws (its `own.` column, first n trials: a view, read as the numbers they are);
 * undefined for a driver with no own uncertainty.
 */
function ownValues(sim: RunTrials, d: PlannedDriver, n: number): Float64Array | Float32Array | undefined {
  if (d.ownColumn === undefined) return undefined;
  // An own draw is a float32 column (only counts are kept as uint16: trial-store.ts).
  return (sim.store.column(d.ownColumn) as Float32Array | undefined)?.subarray(0, n);
}
