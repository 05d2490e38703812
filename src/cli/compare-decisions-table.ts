import type { Comparison } from '../analysis/compare.js';
import type { CompareDecisions } from '../analysis/compare-decisions.js';
import { METRIC_LABELS, METRICS } from '../model/components.js';
import { formatMoney, textTable } from '../report/format.js';
import { chanceCell } from '../report/chance-words.js';
import { confidenceWords } from '../report/confidence-text.js';

/**
 * The targets and budgets of every compared scenario side by side, as `arrcast compare` prints them:
 * P(target) for each target, the budgets at the chosen confidence, and the 1-in-10 year.
 */
export function compareDecisionsTable(c: Comparison, d: CompareDecisions): string {
  const conf = confidenceWords(d.confidence).share;
  const rows: string[][] = [[`Targets and budgets (${c.scenarios[0]!.currency})`, ...c.scenarios.map((s) => s.label)]];
  // Each chance with its 95% interval, as comparison.html writes it: a 0.0% no trial reached is an estimate, not a certainty.
  d.scenarios[0]?.targets.forEach((t, i) => rows.push([`P(${t.label})`, ...d.scenarios.map((s) => chanceCell(s.targets[i]!.probability))]));
  if (d.scenarios[0]?.jointProbability) rows.push(['P(all targets in the same year)', ...d.scenarios.map((s) => (s.jointProbability ? chanceCell(s.jointProbability) : '-'))]);
  for (const m of METRICS) rows.push([`${METRIC_LABELS[m]}: budget at ${conf} confidence`, ...d.scenarios.map((s) => formatMoney(s.budgets[m].value))]);
  for (const m of METRICS) rows.push([`${METRIC_LABELS[m]}: 1-in-10 year (P10)`, ...d.scenarios.map((s) => formatMoney(s.downside[m].p10.value))]);
  return `\n${textTable(rows)}\n`;
}
