import type { CompareDecisions } from '../analysis/compare-decisions.js';
import { METRIC_LABELS, METRICS } from '../model/components.js';
import { chanceCell } from './chance-words.js';
import { confidenceWords } from './confidence-text.js';
import { moneyCellsFormat, type MoneyCell } from './interval-format.js';

/**
 * The rows of the compared scenarios' targets and budgets, as `arrcast compare` prints them (symbol
 * '') and comparison.html writes them: P(target) with its 95% interval (chanceCell), and each row of
 * budgets, 1-in-10 years and worst-10% means side by side with the digits that tell them apart
 * within their Monte Carlo error (moneyCellsFormat). The terminal wrote these rows with one decimal a
 * unit ("111.4M") where comparison.html wrote "$111M" for the same budget.
 *
 * @example compareDecisionRows(d, '$')[0] // => ['P(revenue >= 120M)', '45.8% [44.2%, 47.3%]', ...]
 * Complexity: O(scenarios x (targets + metrics)).
 */
export function compareDecisionRows(d: CompareDecisions, symbol: string): string[][] {
  const conf = confidenceWords(d.confidence).share;
  const rows: string[][] = [];
  d.scenarios[0]?.targets.forEach((t, i) => rows.push([`P(${t.label})`, ...d.scenarios.map((s) => chanceCell(s.targets[i]!.probability))]));
  if (d.scenarios[0]?.jointProbability) rows.push(['P(all targets in the same year)', ...d.scenarios.map((s) => (s.jointProbability ? chanceCell(s.jointProbability) : '-'))]);
  const sideBySide = (label: string, cells: MoneyCell[]) => {
    const fmt = moneyCellsFormat(cells, symbol);
    rows.push([label, ...cells.map((cell) => fmt(cell.value))]);
  };
  for (const m of METRICS) sideBySide(`${METRIC_LABELS[m]}: budget at ${conf} confidence`, d.scenarios.map((s) => ({ value: s.budgets[m].value, interval: s.budgets[m].interval })));
  for (const m of METRICS) sideBySide(`${METRIC_LABELS[m]}: 1-in-10 year (P10)`, d.scenarios.map((s) => ({ value: s.downside[m].p10.value, interval: s.downside[m].p10.interval })));
  for (const m of METRICS) sideBySide(`${METRIC_LABELS[m]}: mean of the worst 10%`, d.scenarios.map((s) => ({ value: s.downside[m].worst10Mean, interval: s.downside[m].worst10Interval })));
  return rows;
}
