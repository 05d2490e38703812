import type { Simulation } from '../engine/simulate.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { metricColumn } from './columns.js';
import { driverColumns, type DriverColumn } from './drivers.js';
import { copyOf, correlation, ranks } from './ranks.js';
import { SENSITIVITY_TRIALS } from './sensitivity.js';
import { quantile } from './tail.js';

/** Bins of equal count when tracing the metric's median along a driver. */
const BINS = 20;
/** Below this rank correlation with the metric, a driver gets no break-even value. */
const MIN_CORRELATION = 0.1;

export interface DriverCondition {
  readonly key: string;
  readonly label: string;
  readonly unit: DriverColumn['unit'];
  /** The driver's median over all trials: the plan as simulated. */
  readonly plan: number;
  /** The driver's median in the trials that reach the target, and in those that miss (absent when no trial does). */
  readonly medianWhenReached?: number;
  readonly medianWhenMissed?: number;
  /** (medianWhenReached - medianWhenMissed) / the driver's sd: how far apart the two groups sit. */
  readonly shift: number;
  /**
   * The driver value at which the metric's median reaches the target, the other drivers varying as
   * they do; undefined when no value within the simulated range gets there.
   */
  readonly breakEven?: number;
  /** 'atLeast' when more of the driver helps, 'atMost' when less does. */
  readonly direction: 'atLeast' | 'atMost';
}

export interface WhatMustBeTrue {
  readonly target: string;
  readonly metric: MetricTarget['metric'];
  readonly tier?: string;
  readonly value: number;
  readonly trialsUsed: number;
  /** How many of the trials used reach the target. */
  readonly trialsReaching: number;
  /** Drivers with a break-even first, by how far it is from plan (in driver sds); then by shift. */
  readonly drivers: readonly DriverCondition[];
}

function sd(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) m += xs[i]!;
  m /= xs.length;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return Math.sqrt(s / Math.max(1, xs.length - 1));
}

/**
 * The driver value where the metric's median crosses the target: trials cut into BINS bins by the
 * driver's quantiles, the metric's median in each against the driver's median in each, interpolated
 * linearly between the two bins on either side of the target. A driver with ties (a fixed part of
 * its range) puts them in one bin.
 */
function breakEven(driver: ArrayLike<number>, metric: ArrayLike<number>, target: number): number | undefined {
  const n = driver.length;
  const sorted = copyOf(driver).sort();
  // Bin edges at the driver's quantiles; each trial goes to the bin its driver value falls in.
  const edges = Array.from({ length: BINS - 1 }, (_, b) => sorted[Math.floor(((b + 1) * n) / BINS)]!);
  const bins: Array<{ driver: number[]; metric: number[] }> = Array.from({ length: BINS }, () => ({ driver: [], metric: [] }));
  for (let i = 0; i < n; i++) {
    let b = 0;
    while (b < edges.length && driver[i]! >= edges[b]!) b++;
    bins[b]!.driver.push(driver[i]!);
    bins[b]!.metric.push(metric[i]!);
  }
  const points = bins.filter((b) => b.driver.length > 0).map((b) => [quantile(b.driver, 0.5).value, quantile(b.metric, 0.5).value] as const);
  for (let k = 0; k + 1 < points.length; k++) {
    const [x0, y0] = points[k]!;
    const [x1, y1] = points[k + 1]!;
    if ((y0 - target) * (y1 - target) <= 0 && y0 !== y1) return x0 + ((target - y0) / (y1 - y0)) * (x1 - x0);
  }
  return undefined;
}

/**
 * What has to be true for a target: the drivers of the trials that reach it against those that miss
 * it, and each driver's break-even value (where the metric's P50 equals the target).
 *
 * @example whatMustBeTrue(sim, { metric: 'revenue', value: 120e6 }).drivers[0]
 * Complexity: O(p m log m) for p drivers over m = min(trials, 50,000) trials.
 */
export function whatMustBeTrue(sim: Simulation, target: MetricTarget, label: string): WhatMustBeTrue {
  const m = Math.min(sim.trials, SENSITIVITY_TRIALS);
  const metric = metricColumn(sim, target.metric, target.tier).subarray(0, m);
  const metricRanks = ranks(metric);
  // Each driver's sd, kept to rank the break-evens by how far from plan they sit.
  const spreadOf = new Map<string, number>();
  const conditions: DriverCondition[] = driverColumns(sim).map((d) => {
    const values = d.values.subarray(0, m);
    const reached: number[] = [];
    const missed: number[] = [];
    for (let i = 0; i < m; i++) (metric[i]! >= target.value ? reached : missed).push(values[i]!);
    const spread = sd(values);
    spreadOf.set(d.key, spread);
    const medianWhenReached = reached.length ? quantile(reached, 0.5).value : undefined;
    const medianWhenMissed = missed.length ? quantile(missed, 0.5).value : undefined;
    const r = correlation(ranks(values), metricRanks);
    // A driver that barely moves the metric crosses the target only by noise: no break-even for it.
    const be = Math.abs(r) >= MIN_CORRELATION ? breakEven(values, metric, target.value) : undefined;
    return {
      key: d.key,
      label: d.label,
      unit: d.unit,
      plan: quantile(values, 0.5).value,
      ...(medianWhenReached === undefined ? {} : { medianWhenReached }),
      ...(medianWhenMissed === undefined ? {} : { medianWhenMissed }),
      shift: spread > 0 && medianWhenReached !== undefined && medianWhenMissed !== undefined ? (medianWhenReached - medianWhenMissed) / spread : 0,
      ...(be === undefined ? {} : { breakEven: be }),
      direction: r >= 0 ? 'atLeast' : 'atMost',
    };
  });
  const distance = (c: DriverCondition) => (c.breakEven === undefined ? Infinity : Math.abs(c.breakEven - c.plan) / (spreadOf.get(c.key) || 1));
  conditions.sort((a, b) => distance(a) - distance(b) || Math.abs(b.shift) - Math.abs(a.shift));
  return {
    target: label,
    metric: target.metric,
    ...(target.tier ? { tier: target.tier } : {}),
    value: target.value,
    trialsUsed: m,
    trialsReaching: countReaching(metric, target.value),
    drivers: conditions,
  };
}

function countReaching(metric: ArrayLike<number>, value: number): number {
  let n = 0;
  for (let i = 0; i < metric.length; i++) if (metric[i]! >= value) n++;
  return n;
}
