import type { ScenarioStat } from '../analysis/compare.js';
import type { Stat } from '../analysis/describe.js';
import { metricRowMoney, type RowMoney } from './interval-format.js';

/**
 * THE formatter of a compared scenario's row of a company metric (compare's terminal table,
 * comparison.html's bands and paragraph): metricRowMoney's, from the same figures `arrcast run` writes
 * that scenario's row from (the band, the P5 and their 95% intervals: ScenarioStat.row), so one
 * forecast's figure reads alike in run's outputs and compare's ("$106.1M" in both, where compare wrote
 * "106M" beside run's "106.1M" at 4,000 trials). A row without intervals (one trial): three digits.
 *
 * @example scenarioRowMoney(comparison.metrics.revenue.scenarios[0], '$')(s.percentiles.p10, 'p10') // => '$106.1M'
 */
export function scenarioRowMoney(s: ScenarioStat, symbol: string): RowMoney {
  // metricRowMoney reads the mean, its standard error, P5/P10/P50/P90 and their intervals: nothing else of a Stat.
  const stat = {
    mean: s.mean,
    sd: s.sd,
    standardError: s.standardError,
    percentiles: { ...s.percentiles, p5: s.row?.p5 ?? NaN },
    percentileIntervals: s.row?.intervals ?? null,
  } as unknown as Stat;
  return metricRowMoney(stat, symbol);
}
