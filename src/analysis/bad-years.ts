import type { RunTrials } from './columns.js';
import { METRIC_COMPONENTS, METRICS, type Component, type Metric } from '../model/components.js';
import { componentShortfalls, meanOverWorst, worstCut, type ComponentShortfall } from './attribution/bad-years.js';
import { meanAll } from '../math/mean-all.js';
import { movesMetric, type AttributionDriver, type AttributionInputs } from './attribution/sim-inputs.js';

/** The bad years are the worst this share of trials. */
export const BAD_YEAR_SHARE = 0.1;

export interface BadYearDriver {
  readonly key: string;
  readonly label: string;
  readonly unit: AttributionDriver['unit'];
  readonly tier?: string;
  /**
   * Mean own percentile of the driver in the bad years (0.5: no different from any year), and its
   * standard error: null when the bad years are a single trial (a sample standard deviation needs
   * 2, so 11 trials or more), `notEstimable` then saying why.
   */
  readonly meanPercentile: number;
  readonly standardError: number | null;
  readonly notEstimable?: string;
}

export interface BadYearsOfMetric {
  /** Mean of the metric over all trials and over the bad years. */
  readonly mean: number;
  readonly worstMean: number;
  /** Drivers with own uncertainty that can move the metric and the market, lowest mean percentile first. */
  readonly drivers: readonly BadYearDriver[];
  /** Each component's part of mean - worstMean (components add up to the metric; the opening book is flat). */
  readonly components: ReadonlyArray<ComponentShortfall & { readonly component: Component }>;
}

export interface BadYears {
  readonly share: number;
  readonly trialsUsed: number;
  /** How many trials are the bad years. */
  readonly trials: number;
  readonly metrics: Record<Metric, BadYearsOfMetric>;
}

/**
 * Where the bad years come from: in the worst 10% of trials of each headline metric, the mean own
 * percentile of each driver and of the market (Φ(z)), and the share of the shortfall
 * mean_all - mean_worst carried by each component.
 *
 * @example badYears(sim, inputs).metrics.revenue.components[0] // => { component: 'newBusiness', share: 0.62, ... }
 * Complexity: O(metrics x (drivers + components) x n).
 */
export function badYears(sim: RunTrials, inputs: AttributionInputs): BadYears {
  const n = inputs.trials;
  const live = inputs.drivers.filter((d) => d.input !== undefined);
  const metrics = {} as Record<Metric, BadYearsOfMetric>;
  // One bad year (10 trials or fewer): its percentile is known, not how far the mean of such years could be from it.
  const k = Math.max(1, Math.ceil(BAD_YEAR_SHARE * n));
  let min = 1;
  while (Math.ceil(BAD_YEAR_SHARE * min) < 2) min++;
  const seReason = k < 2 ? `${n.toLocaleString('en-US')} trial${n === 1 ? '' : 's'}: the worst ${Math.round(BAD_YEAR_SHARE * 100)}% is 1 trial, and a standard error needs at least 2, from ${min} trials` : undefined;
  for (const m of METRICS) {
      const y = sim.store.column(m)!.subarray(0, n);
      const cut = worstCut(y, BAD_YEAR_SHARE);
      const { worst } = cut;
      const drivers = live
        .filter((d) => movesMetric(d, m))
        .map((d): BadYearDriver => {
          const p = meanOverWorst(d.input!.percentile, cut);
          const base = { key: d.key, label: d.label, unit: d.unit, ...(d.tier === undefined ? {} : { tier: d.tier }), meanPercentile: p.mean };
          return seReason === undefined ? { ...base, standardError: p.standardError } : { ...base, standardError: null, notEstimable: seReason };
        })
        .sort((a, b) => a.meanPercentile - b.meanPercentile || a.key.localeCompare(b.key));
      const parts = METRIC_COMPONENTS[m]
        .filter((c) => c !== 'openingBook')
        .map((c) => ({ component: c, values: sim.store.column(`component.${m}.${c}`)!.subarray(0, n) }));
      const components = componentShortfalls(y, worst, parts) as Array<ComponentShortfall & { component: Component }>;
      // The mean in a function of its own: this one has no loop for V8 to compile while it runs.
      metrics[m] = { mean: meanAll(y), worstMean: meanOverWorst(y, cut).mean, drivers, components };
  }
  return { share: BAD_YEAR_SHARE, trialsUsed: n, trials: k, metrics };
}
