import type { Comparison } from '../analysis/compare.js';
import type { CompareDecisions } from '../analysis/compare-decisions.js';
import { textTable } from '../report/format.js';
import { compareDecisionRows } from '../report/compare-decision-rows.js';
import { bareCurrency } from '../report/money.js';

/**
 * The targets and budgets of every compared scenario side by side, as `arrcast compare` prints them:
 * P(target) for each target with its 95% interval (and all of them in the same year), the budgets
 * at the chosen confidence, the 1-in-10 year and the mean of the worst 10%: the rows of
 * comparison.html's and comparison.xlsx's targets and budgets.
 */
export function compareDecisionsTable(c: Comparison, d: CompareDecisions): string {
  const rows: string[][] = [[`Targets and budgets (${c.scenarios[0]!.currency})`, ...c.scenarios.map((s) => s.label)], ...compareDecisionRows(c, d, bareCurrency(c.scenarios[0]!.currency))];
  return `\n${textTable(rows)}\n`;
}
