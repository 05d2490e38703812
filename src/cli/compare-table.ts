import type { Comparison, DifferenceStat, MetricComparison, ScenarioStat } from '../analysis/compare.js';
import { showsTierDifferences } from '../analysis/tier-differences.js';
import { METRIC_LABELS, METRICS } from '../model/components.js';
import { textTable } from '../report/format.js';
import { bareCurrency, formatCurrency, type CurrencyMark } from '../report/money.js';
import { differenceRowMoney } from '../report/difference-row-money.js';
import { chanceCell } from '../report/chance-words.js';
import { terminalCell, terminalText } from '../report/terminal-text.js';
import { BOOKINGS_RENEWALS_NOTE } from '../report/bookings-note.js';
import { scenarioRowMoney } from '../report/scenario-row-money.js';

const HEADER = ['mean', '± s.e.', 'P10', 'P50', 'P90'];

/** A scenario's row: its figures as `arrcast run` writes that scenario's row (scenarioRowMoney), its ± s.e. as the differences'. */
const scenarioBand = (s: ScenarioStat, mark: CurrencyMark) => {
  const row = scenarioRowMoney(s, mark);
  return [row(s.mean, 'mean'), formatCurrency(s.standardError ?? NaN, mark), row(s.percentiles.p10, 'p10'), row(s.percentiles.p50, 'p50'), row(s.percentiles.p90, 'p90')];
};

/** A per-trial difference's row, at one number of digits (differenceRowMoney), as comparison.html writes it. */
const band = (s: DifferenceStat, mark: CurrencyMark) => {
  const row = differenceRowMoney(s, mark);
  return [row(s.mean), formatCurrency(s.standardError ?? NaN, mark), row(s.percentiles.p10), row(s.percentiles.p50), row(s.percentiles.p90)];
};

/**
 * The comparison as the text `arrcast compare` prints: a legend of the scenarios, then for each
 * headline metric every scenario's mean and P10/P50/P90 side by side, the per-trial difference from
 * A with its Monte Carlo error and P(X < A), and the difference by shared tier.
 */
export function comparisonTable(c: Comparison): string {
  const a = c.scenarios[0]!;
  // Amounts without a symbol (the headings name the currency), at its minor unit's decimals.
  const mark = bareCurrency(a.currency);
  const out: string[] = [];
  out.push(
    `Comparison on common random numbers: ${c.trials.toLocaleString('en-US')} trials per scenario, seed ${terminalCell(String(c.seed))}, ${a.currency}. ${c.percentileConvention}.`,
  );
  // The legend: an empty first column indents it; label, name and file left-aligned.
  out.push(textTable(c.scenarios.map((s) => ['', s.label, s.name, s.source]), 4));
  out.push(
    'X - A is the difference trial by trial (its percentiles are of the difference, not differences of percentiles); ± s.e. is the Monte Carlo standard error of the mean.',
  );
  out.push(c.pairing);
  const reason = c.metrics.revenue.scenarios[0]?.notEstimable;
  if (reason !== undefined) out.push(`± s.e. shown as -: not estimable (${reason}).`);
  for (const m of METRICS) {
    const mc: MetricComparison = c.metrics[m];
    const rows: string[][] = [[`${METRIC_LABELS[m]} (${a.currency})`, ...HEADER, 'P(X < A)']];
    mc.scenarios.forEach((s, i) => rows.push([`${c.scenarios[i]!.label}`, ...scenarioBand(s, mark), '']));
    for (const d of mc.differences) rows.push([`${c.scenarios[d.scenario]!.label} - A, per trial`, ...band(d, mark), chanceCell(d.probabilityBelow)]);
    if (showsTierDifferences(c)) {
      rows.push([c.sameTiers ? 'by tier' : 'by shared tier']);
      for (const tier of c.sharedTiers)
        for (const d of c.byTier[tier]![m].differences)
          rows.push([`  ${tier}: ${c.scenarios[d.scenario]!.label} - A`, ...band(d, mark), chanceCell(d.probabilityBelow)]);
    }
    out.push('');
    out.push(textTable(rows));
    // Bookings and ending ARR can match in every column; said where the reader meets the second.
    if (m === 'bookings') out.push(BOOKINGS_RENEWALS_NOTE);
  }
  // The pairing note names tiers: nothing unsafe reaches the terminal.
  return `${terminalText(out.join('\n'))}\n`;
}
