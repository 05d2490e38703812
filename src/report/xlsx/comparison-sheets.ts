import type { Comparison, DifferenceStat } from '../../analysis/compare.js';
import { CHANCE_INTERVAL } from '../../analysis/probability.js';
import { showsTierDifferences } from '../../analysis/tier-differences.js';
import type { CompareDecisions } from '../../analysis/compare-decisions.js';
import { METRIC_LABELS, METRICS } from '../../model/components.js';
import { moneyColumn, PERCENT_FORMAT } from './cell-text.js';
import type { SheetData } from './workbook.js';
import { confidenceWords, simulatedYears } from '../confidence-text.js';
import { BOOKINGS_RENEWALS_NOTE } from '../bookings-note.js';
import { sideBySideLabels } from '../side-by-side-labels.js';

/** A difference's cells: mean, P10, P50, P90, P(X < A) and its interval's ends. */
const differenceCells = (x: DifferenceStat): number[] => [
  x.mean,
  x.percentiles.p10,
  x.percentiles.p50,
  x.percentiles.p90,
  x.probabilityBelow.value,
  x.probabilityBelow.interval[0],
  x.probabilityBelow.interval[1],
];

/**
 * The sheets of comparison.xlsx: the scenarios, their bands side by side, the per-trial differences
 * from A with P(X < A) (and by tier, as the terminal prints them), and the targets and budgets of
 * each scenario.
 *
 * Complexity: O(scenarios x (metrics + targets)).
 */
export function comparisonSheets(c: Comparison, d: CompareDecisions): SheetData[] {
  const cur = c.scenarios[0]!.currency;
  const money = moneyColumn(cur);
  const stamp = `${simulatedYears(c.trials)} per scenario, seed ${c.seed}. ${c.percentileConvention}.`;
  const labels = c.scenarios.map((s) => s.label);
  const scenarios: SheetData = {
    name: 'Scenarios',
    preamble: ['Scenarios compared on common random numbers; A is the baseline.', c.pairing],
    header: ['Scenario', 'Name', 'File', 'Hash'],
    rows: c.scenarios.map((s) => [s.label, s.name, s.source, s.hash]),
    formats: ['', '', '', ''],
    widths: [10, 36, 40, 66],
  };
  const bands: SheetData = {
    name: 'Side by side',
    // One trial: SD written n/a, and why. Bookings beside ending ARR, as the terminal and comparison.html say why they can match.
    preamble: [
      `Each scenario's distribution, ${cur}. ${stamp}`,
      BOOKINGS_RENEWALS_NOTE,
      ...(c.metrics.revenue.scenarios[0]?.notEstimable === undefined ? [] : [`SD written n/a: not estimable (${c.metrics.revenue.scenarios[0].notEstimable}).`]),
    ],
    header: ['Metric', 'Scenario', 'Mean', 'SD', 'P10', 'P50', 'P90'],
    rows: METRICS.flatMap((m) => c.metrics[m].scenarios.map((s, i) => [METRIC_LABELS[m], labels[i]!, s.mean, s.sd ?? 'n/a', s.percentiles.p10, s.percentiles.p50, s.percentiles.p90])),
    formats: ['', '', money, money, money, money, money],
    widths: [20, 10, 14, 14, 14, 14, 14],
  };
  const diffs: SheetData = {
    name: 'Differences',
    preamble: [`The per-trial difference X - A (percentiles of the difference) and P(X < A) with its 95% interval, ${cur}. ${stamp}`],
    header: ['Metric', 'Difference', 'Mean', 'P10', 'P50', 'P90', 'P(X < A)', 'P low', 'P high'],
    rows: METRICS.flatMap((m) =>
      c.metrics[m].differences.map((x) => [METRIC_LABELS[m], `${labels[x.scenario]} vs A`, ...differenceCells(x)]),
    ),
    formats: ['', '', money, money, money, money, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT],
    widths: [20, 12, 14, 14, 14, 14, 12, 10, 10],
  };
  // By tier, as the terminal prints it: with more than one shared tier, or tiers that differ (then by shared tier).
  const byTier: SheetData | undefined =
    showsTierDifferences(c)
      ? {
          name: 'Differences by tier',
          preamble: [`The per-trial difference X - A of each ${c.sameTiers ? '' : 'shared '}tier's figure and P(X < A) with its 95% interval, ${cur}. ${stamp}`],
          header: ['Metric', 'Tier', 'Difference', 'Mean', 'P10', 'P50', 'P90', 'P(X < A)', 'P low', 'P high'],
          rows: METRICS.flatMap((m) =>
            c.sharedTiers.flatMap((tier) =>
              c.byTier[tier]![m].differences.map((x) => [METRIC_LABELS[m], tier, `${labels[x.scenario]} vs A`, ...differenceCells(x)]),
            ),
          ),
          formats: ['', '', '', money, money, money, money, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT],
          widths: [20, 20, 12, 14, 14, 14, 14, 12, 10, 10],
        }
      : undefined;
  const conf = confidenceWords(d.confidence).share;
  const tRows: Array<Array<string | number>> = [];
  // Each chance with its 95% interval, as the targets sheet of report.xlsx gives it: a 0% no trial
  // reached is an estimate from the trials, not a certainty.
  d.scenarios[0]?.targets.forEach((t, i) => {
    for (const s of d.scenarios) {
      const p = s.targets[i]!.probability;
      tRows.push([`P(${t.label})`, s.label, p.value, p.interval[0], p.interval[1]]);
    }
  });
  if (d.scenarios[0]?.jointProbability)
    for (const s of d.scenarios) if (s.jointProbability) tRows.push(['P(all targets in the same year)', s.label, s.jointProbability.value, s.jointProbability.interval[0], s.jointProbability.interval[1]]);
  const moneyRows: Array<Array<string | number>> = [];
  for (const m of METRICS)
    for (const s of d.scenarios) {
      moneyRows.push([sideBySideLabels.budget(m, d.confidence), s.label, s.budgets[m].value]);
      moneyRows.push([sideBySideLabels.p10(m), s.label, s.downside[m].p10.value]);
      moneyRows.push([sideBySideLabels.worst10(m), s.label, s.downside[m].worst10Mean]);
    }
  const targets: SheetData = {
    name: 'Chances of targets',
    preamble: [`The same targets for every scenario (A's own and --target), each chance with its ${CHANCE_INTERVAL}. ${stamp}`],
    header: ['Target', 'Scenario', 'Chance', 'Chance low', 'Chance high'],
    rows: tRows,
    formats: ['', '', PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT],
    widths: [40, 10, 12, 12, 12],
  };
  const budgets: SheetData = {
    name: 'Budgets and downside',
    preamble: [`Budgets at ${conf} confidence and the downside of every scenario, ${cur}. ${stamp}`],
    header: ['Figure', 'Scenario', 'Value'],
    rows: moneyRows,
    formats: ['', '', money],
    widths: [44, 10, 16],
  };
  return [scenarios, bands, diffs, ...(byTier ? [byTier] : []), targets, budgets];
}
