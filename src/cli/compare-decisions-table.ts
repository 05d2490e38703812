import type { Comparison } from '../analysis/compare.js';
import type { CompareDecisions } from '../analysis/compare-decisions.js';
import { METRIC_LABELS, METRICS } from '../model/components.js';
import { formatMoney, textTable } from '../report/format.js';
import { chanceCell } from '../report/chance-words.js';
import { confidenceWords } from '../report/confidence-text.js';

/**
 * The targets and budgets of every compared scenario side by side, as `arrcast compare` prints them:
 * P(target) for each target with its 95% interval (and all of them in the same year), the budgets
 * at the chosen confidence, the 1-in-10 year and the mean of the worst 10%: the rows of
 * comparison.html's and comparison.xlsx's targets and budgets.
 */
export function compareDecisionsTable(c: Comparison, d: CompareDecisions): string {
  const conf = confidenceWords(d.confidence).share;
  const rows: string[][] = [[`Targets and budgets (${c.scenarios[0]!.currency})`, ...c.scenarios.map((s) => s.label)]];
  // Each chance with its 95% interval, as comparison.html writes it: a 0.0% no trial reached is an estimate, not a certainty.
  d.scenarios[0]?.targets.forEach((t, i) => rows.push([`P(${t.label})`, ...d.scenarios.map((s) => chanceCell(s.targets[i]!.probability))]));
  if (d.scenarios[0]?.jointProbability) rows.push(['P(all targets in the same year)', ...d.scenarios.map((s) => (s.jointProbability ? chanceCell(s.jointProbability) : '-'))]);
  for (const m of METRICS) rows.push([`${METRIC_LABELS[m]}: budget at ${conf} confidence`, ...d.scenarios.map((s) => formatMoney(s.budgets[m].value))]);
  for (const m of METRICS) rows.push([`${METRIC_LABELS[m]}: 1-in-10 year (P10)`, ...d.scenarios.map((s) => formatMoney(s.downside[m].p10.value))]);
  // As comparison.html and comparison.xlsx give it: the downside is the mean of the worst 10% too.
  for (const m of METRICS) rows.push([`${METRIC_LABELS[m]}: mean of the worst 10%`, ...d.scenarios.map((s) => formatMoney(s.downside[m].worst10Mean))]);
  return `\n${textTable(rows)}\n`;
}
