import { COMPONENT_LABELS, METRIC_COMPONENTS, METRIC_LABELS, METRICS } from '../model/components.js';
import type { Stat } from '../analysis/describe.js';
import type { Summary } from '../analysis/summarize.js';
import { formatCount, formatMoney, formatPercent, textTable } from './format.js';

const SHOWN = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
const HEADER = ['', 'mean', ...SHOWN.map((p) => p.toUpperCase())];

const row = (label: string, s: Stat, fmt: (v: number) => string) => [label, fmt(s.mean), ...SHOWN.map((p) => fmt(s.percentiles[p]))];

/**
 * The run's summary as the text tables `arrcast run` prints: headline metrics, each by tier and by
 * component, retention and customers.
 */
export function summaryTable(summary: Summary): string {
  const out: string[] = [];
  const cur = summary.scenario.currency;
  out.push(
    `${summary.scenario.name}: ${summary.trials.toLocaleString('en-US')} trials, seed ${summary.seed}, ${cur}. ${summary.percentileConvention}.`,
  );
  out.push('');
  out.push(textTable([HEADER, ...METRICS.map((m) => row(METRIC_LABELS[m], summary.metrics[m], formatMoney))]));
  const tiers = Object.entries(summary.byTier);
  for (const m of METRICS) {
    out.push('');
    const rows: string[][] = [[`${METRIC_LABELS[m]} (${cur})`, ...HEADER.slice(1)]];
    if (tiers.length > 1) {
      rows.push(['by tier']);
      for (const [name, t] of tiers) rows.push(row(`  ${name}`, t[m], formatMoney));
    }
    rows.push(['by component']);
    for (const c of METRIC_COMPONENTS[m]) {
      const s = summary.byComponent[m][c];
      if (s) rows.push(row(`  ${COMPONENT_LABELS[c]}`, s, formatMoney));
    }
    out.push(textTable(rows));
  }
  const ratios: string[][] = [['Retention and customers', ...HEADER.slice(1)]];
  if (summary.retention) {
    ratios.push(row('GRR', summary.retention.grr, formatPercent));
    ratios.push(row('NRR', summary.retention.nrr, formatPercent));
    if (tiers.length > 1)
      for (const [name, t] of tiers) {
        if (t.grr) ratios.push(row(`  ${name} GRR`, t.grr, formatPercent));
        if (t.nrr) ratios.push(row(`  ${name} NRR`, t.nrr, formatPercent));
      }
  }
  ratios.push(row('Customers won', summary.customers.won, formatCount));
  ratios.push(row('Customers lost', summary.customers.lost, formatCount));
  out.push('');
  out.push(textTable(ratios));
  return `${out.join('\n')}\n`;
}
