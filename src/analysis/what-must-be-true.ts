import type { MetricTarget } from '../scenario/targets-schema.js';
import type { TargetResult } from './decisions.js';
import { valueKind } from '../scenario/option-keys.js';
import { nearestName } from '../scenario/edit-distance.js';
import { quoteText } from '../scenario/display-text.js';
import { metricMeant } from '../scenario/metric-meant.js';
import { METRICS } from '../model/components.js';
import { binMedians, medianCrossing } from './attribution/break-even.js';
import { drawnValueAt, inputPercentileAt, inputValueAt } from './attribution/input.js';
import type { AttributionDriver, AttributionInputs } from './attribution/sim-inputs.js';
import type { Sensitivity } from './sensitivity.js';
import { quantile } from './tail.js';
import { targetThreshold } from './target-threshold.js';

/** How many of the metric's top drivers (by variance share) a target looks at. */
export const TOP_DRIVERS = 5;

export interface DriverCondition {
  readonly key: string;
  readonly label: string;
  readonly unit: AttributionDriver['unit'];
  readonly tier?: string;
  /** The value the scenario states (absent for the market). */
  readonly planValue?: number;
  /** In a re-forecast, the median of the driver's own draws: what the closed months left it at, and what `value` moves it from. */
  readonly learnedValue?: number;
  /** The driver's first-order share of the metric's variance. */
  readonly varianceShare: number;
  /**
   * 'crosses': with the driver's own draw at `percentile` (others as drawn) the metric's median is
   * the target; 'always': the median reaches it across the driver's whole range; 'never': no value of
   * this driver alone gets there.
   */
  readonly reach: 'crosses' | 'always' | 'never';
  /** The own percentile where the median reaches the target (0..1). */
  readonly percentile?: number;
  /** The driver's own draw at that percentile, in its unit (z in sd for the market). */
  readonly value?: number;
  /** 'atLeast': the target is reached at that percentile or above; 'atMost': at or below. */
  readonly direction?: 'atLeast' | 'atMost';
}

/** A driver what must be true leaves out: its share of the metric's variance is not shown above 0. */
export interface NotShownDriver {
  readonly key: string;
  readonly label: string;
  readonly tier?: string;
  readonly varianceShare: number;
  readonly varianceShareInterval: readonly [number, number];
}

export interface WhatMustBeTrue {
  readonly target: string;
  readonly metric: MetricTarget['metric'];
  readonly tier?: string;
  readonly value: number;
  readonly trialsUsed: number;
  /** How many of the trials used reach the target. */
  readonly trialsReaching: number;
  /**
   * The metric's P50 as the summary states it, over all the run's trials (summarize passes it): the
   * "P50 now" of the report's line, whose drivers' conditions read the first `trialsUsed` trials only.
   * The median of those trials when it is not given.
   */
  readonly median: number;
  /**
   * True when the median misses the target and none of the drivers shown (`drivers`) alone can bring
   * it there, or no driver has uncertainty of its own. False when `drivers` is empty only because
   * the 95% filter left none (`notShown`): more trials may show one that gets there.
   */
  readonly noSingleDriver: boolean;
  /**
   * The top drivers with uncertainty of their own that `drivers` leaves out because their share's
   * 95% interval does not lie above 0 (not shown to move the metric at these trials), with that
   * share and interval, largest share first. Absent when none is left out.
   */
  readonly notShown?: readonly NotShownDriver[];
  /**
   * The top drivers that can move the metric (by variance share, among those whose share's 95%
   * interval lies above 0: shown to move it), those that reach the target
   * first, by the smallest move of their own percentile from the middle (0.5). Empty when the
   * metric's variance shares are not estimable (`notEstimable`).
   */
  readonly drivers: readonly DriverCondition[];
  /**
   * Why no driver's condition can be estimated: the trials are too few for the metric's variance
   * shares, which pick the top drivers (and for its bins, a handful of trials each). Absent when they can.
   */
  readonly notEstimable?: string;
}

/** The keys of a target (a scenario's targets.metrics[]). */
const TARGET_KEYS: readonly string[] = Object.keys({ metric: true, value: true, tier: true, label: true } as const satisfies Record<keyof MetricTarget, true>);

/** What else a decided target holds (summarize hands whatMustBeTrue decide's TargetResult): passed, not read. */
const DECISION_KEYS: readonly string[] = Object.keys({
  metric: true,
  value: true,
  tier: true,
  label: true,
  probability: true,
  certain: true,
  shortfall: true,
  p10MinusTarget: true,
} as const satisfies Record<keyof TargetResult, true>);

/**
 * Refuse (RangeError) a target whatMustBeTrue would misread: its metric not one of METRICS, its value
 * not a finite number (a misspelt `{ metric, valeu }` compared every trial with undefined, reached
 * by none, without a word), a tier that is not a name, a key that is neither a target's nor a
 * decided target's (a misspelt `teir` left the tier out: the whole company's metric, labelled as
 * the tier's by the caller). summarize hands it decide's targets, with their probability and shortfall.
 */
function checkTarget(target: unknown): asserts target is MetricTarget {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) throw new RangeError(`whatMustBeTrue: the target must be { metric, value, tier? } (got ${valueKind(target)})`);
  const { metric, value, tier } = target as Record<string, unknown>;
  if (!(METRICS as readonly unknown[]).includes(metric)) {
    // The metric meant, as a scenario's targets and --target guess it (`arr` is endingArr).
    const meant = typeof metric === 'string' ? metricMeant(metric) : undefined;
    throw new RangeError(`whatMustBeTrue: target.metric must be one of ${METRICS.join(', ')} (got ${typeof metric === 'string' ? quoteText(metric) : valueKind(metric)}${meant ? `; did you mean ${meant}?` : ''})`);
  }
  if (!(typeof value === 'number' && Number.isFinite(value))) {
    const misspelt = value === undefined ? Object.keys(target).find((k) => k !== 'value' && nearestName(k, ['value']) === 'value') : undefined;
    throw new RangeError(`whatMustBeTrue: target.value must be a finite number (got ${typeof value === 'number' ? value : valueKind(value)}${misspelt ? `; ${quoteText(misspelt)} is not a key of a target: did you mean value?` : ''})`);
  }
  if (tier !== undefined && typeof tier !== 'string') throw new RangeError(`whatMustBeTrue: target.tier must be a tier's name (got ${valueKind(tier)})`);
  const unknown = Object.keys(target).find((k) => !TARGET_KEYS.includes(k) && !DECISION_KEYS.includes(k));
  if (unknown !== undefined) {
    const near = nearestName(unknown, TARGET_KEYS);
    throw new RangeError(`whatMustBeTrue: target.${unknown} is not a key of a target${near ? ` (did you mean ${near}?)` : ''}; its keys are ${TARGET_KEYS.join(', ')}`);
  }
}

/**
 * What has to be true for a target to be the median outcome: for each top driver that can move the
 * target's metric, the smallest change of its own draw, the others as drawn, that brings the
 * metric's median to the target (medianCrossing over the driver's bins), given as an own percentile
 * and as the driver's value there (its empirical quantile; for the market, z = Φ⁻¹(percentile)).
 * `p50`: the metric's P50 over all the run's trials, when `inputs` holds only the first of them.
 *
 * @example whatMustBeTrue(inputs, revenue, sensitivity, { metric: 'revenue', value: 120e6 }, 'revenue >= 120M').drivers[0]
 * Complexity: O(TOP_DRIVERS x n).
 */
export function whatMustBeTrue(inputs: AttributionInputs, metricValues: ArrayLike<number>, sens: Sensitivity, given: MetricTarget, label: string, p50?: number): WhatMustBeTrue {
  checkTarget(given);
  const target = given;
  const n = inputs.trials;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = metricValues[i]!;
  const byKey = new Map(inputs.drivers.map((d) => [d.key, d]));
  // The summary's P50 (all trials): the median of the first 50,000 of 100,000 read 'P50 now 118.9M' under a headline P50 of 118.8M.
  const median = p50 ?? quantile(y, 0.5).value;
  // A tier's metric is stored as float32: compared with the target as float32 stores it (decide does the same).
  const threshold = targetThreshold(metricValues, target.value);
  let reaching = 0;
  for (let i = 0; i < n; i++) if (y[i]! >= threshold) reaching++;
  const head = { target: label, metric: target.metric, ...(target.tier ? { tier: sens.tier ?? target.tier } : {}), value: target.value, trialsUsed: n, trialsReaching: reaching, median };
  if (sens.notEstimable !== undefined) return { ...head, noSingleDriver: false, drivers: [], notEstimable: sens.notEstimable };
  // A driver whose share is not above 0 by its interval is not shown to move the metric: the bins'
  // medians of a driver that cannot (a renewal rate when no customer renews this year) are noise
  // around the median, and a target near it 'crosses' them at a percentile of chance.
  const own = sens.drivers.filter((s) => s.ownUncertainty);
  const top = own.filter((s) => s.varianceShareInterval![0] > 0).slice(0, TOP_DRIVERS);
  // Kept, with their intervals: with none shown, 'no driver moves it' would be false of a driver
  // the trials are too few to show (conversion at 1.3% [-0.2%, 2.7%] of 2,000 trials' variance).
  const dropped = own
    .filter((s) => !(s.varianceShareInterval![0] > 0))
    .slice(0, TOP_DRIVERS)
    .map((s): NotShownDriver => ({ key: s.key, label: s.label, ...(s.tier === undefined ? {} : { tier: s.tier }), varianceShare: s.varianceShare!, varianceShareInterval: s.varianceShareInterval! }));
  const conditions = top.map((s): DriverCondition => {
    const d = byKey.get(s.key)!;
    const input = d.input!;
    const c = medianCrossing(binMedians(y, input), threshold, (v) => inputPercentileAt(input, v), { low: inputValueAt(input, 0.01), high: inputValueAt(input, 0.99) });
    const base = {
      key: d.key,
      label: d.label,
      unit: d.unit,
      ...(d.tier === undefined ? {} : { tier: d.tier }),
      ...(d.planValue === undefined ? {} : { planValue: d.planValue }),
      ...(d.learnedValue === undefined ? {} : { learnedValue: d.learnedValue }),
      varianceShare: s.varianceShare!,
    };
    if (c.kind !== 'crosses') return { ...base, reach: c.kind };
    const value = c.value ?? inputValueAt(input, c.percentile);
    // A crossing between runs of equal draws (a discrete driver): the next value the driver can take.
    const drawn = drawnValueAt(input, value, c.direction === 'up');
    return { ...base, reach: 'crosses', percentile: drawn?.percentile ?? c.percentile, value: drawn?.value ?? value, direction: c.direction === 'up' ? 'atLeast' : 'atMost' };
  });
  const order = (c: DriverCondition) => (c.reach === 'crosses' ? Math.abs(c.percentile! - 0.5) : c.reach === 'always' ? -1 : Infinity);
  conditions.sort((a, b) => order(a) - order(b) || b.varianceShare - a.varianceShare);
  return {
    ...head,
    // None shown because the filter left none: not 'no single driver', which more trials may refute.
    noSingleDriver: median < threshold && !conditions.some((c) => c.reach === 'crosses') && (conditions.length > 0 || dropped.length === 0),
    drivers: conditions,
    ...(dropped.length === 0 ? {} : { notShown: dropped }),
  };
}
