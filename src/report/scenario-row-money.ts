import type { CurrencyMark } from './money.js';
import type { ScenarioStat } from '../analysis/compare.js';
import { metricRowMoney, type RowMoney } from './interval-format.js';

/**
 * THE formatter of a compared scenario's row of a company metric (compare's terminal table,
 * comparison.html's bands and paragraph, the targets and budgets table's P10): metricRowMoney's, from
 * the same figures `arrcast run` writes that scenario's row from (its mean, P5 to P90 and their 95%
 * intervals, named as summary.json names them), so one forecast's figure reads alike in run's outputs
 * and compare's ("$106.1M" in both, where compare wrote "106M" beside run's "106.1M" at 4,000
 * trials). A row without intervals (one trial): three digits.
 *
 * @example scenarioRowMoney(comparison.metrics.revenue.scenarios[0], '$')(s.percentiles.p10, 'p10') // => '$106.1M'
 */
export function scenarioRowMoney(s: ScenarioStat, symbol: CurrencyMark): RowMoney {
  return metricRowMoney(s, symbol);
}
