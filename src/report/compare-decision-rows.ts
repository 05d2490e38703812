import type { CurrencyMark } from './money.js';
import type { Comparison } from '../analysis/compare.js';
import type { CompareDecisions } from '../analysis/compare-decisions.js';
import { METRICS } from '../model/components.js';
import { sideBySideLabels } from './side-by-side-labels.js';
import { chanceCell } from './chance-words.js';
import { budgetMoney, formatMoneyBeside } from './interval-format.js';
import { scenarioRowMoney } from './scenario-row-money.js';

/**
 * The rows of the compared scenarios' targets and budgets, as `arrcast compare` prints them (symbol
 * '') and comparison.html writes them: P(target) with its 95% interval (chanceCell), and each
 * scenario's budget, 1-in-10 year and worst-10% mean as `arrcast run` writes that scenario's
 * (budgetMoney, its row's P10 by scenarioRowMoney, formatMoneyBeside), so one figure reads one way in
 * run's outputs, compare's bands row and this table. Side by side at shared digits
 * (moneyCellsFormat) they read otherwise: bookings' P10 "104M" here beside "104.3M" in the bands row,
 * the worst-10% mean "102.3M" beside run's "102M".
 *
 * @example compareDecisionRows(c, d, '$')[0] // => ['P(revenue >= 120M)', '45.8% [44.2%, 47.3%]', ...]
 * Complexity: O(scenarios x (targets + metrics)).
 */
export function compareDecisionRows(c: Comparison, d: CompareDecisions, symbol: CurrencyMark): string[][] {
  const rows: string[][] = [];
  d.scenarios[0]?.targets.forEach((t, i) => rows.push([`P(${t.label})`, ...d.scenarios.map((s) => chanceCell(s.targets[i]!.probability))]));
  if (d.scenarios[0]?.jointProbability) rows.push(['P(all targets in the same year)', ...d.scenarios.map((s) => (s.jointProbability ? chanceCell(s.jointProbability) : '-'))]);
  const stat = (m: (typeof METRICS)[number], i: number) => c.metrics[m].scenarios[i]!;
  for (const m of METRICS) rows.push([sideBySideLabels.budget(m, d.confidence), ...d.scenarios.map((s, i) => budgetMoney(stat(m, i), s.budgets[m], d.confidence, symbol)(s.budgets[m].value))]);
  for (const m of METRICS) rows.push([sideBySideLabels.p10(m), ...d.scenarios.map((s, i) => scenarioRowMoney(stat(m, i), symbol)(s.downside[m].p10.value, 'p10'))]);
  for (const m of METRICS) rows.push([sideBySideLabels.worst10(m), ...d.scenarios.map((s) => formatMoneyBeside(s.downside[m].worst10Mean, s.downside[m].worst10Interval, symbol))]);
  return rows;
}
