import { COMPONENT_LABELS, METRIC_COMPONENTS, METRIC_LABELS, METRICS } from '../model/components.js';
import type { Stat } from '../analysis/describe.js';
import type { Summary } from '../analysis/summarize.js';
import type { WhatMustBeTrue } from '../analysis/what-must-be-true.js';
import { formatCount, formatInterval, formatMoney, formatPercent, textTable } from './format.js';
import { terminalCell, terminalText } from './terminal-text.js';

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
    `${terminalCell(summary.scenario.name)}: ${summary.trials.toLocaleString('en-US')} trials, seed ${summary.seed}, ${cur}. ${summary.percentileConvention}.`,
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
    if (summary.retention.logoRenewal) ratios.push(row('Logo renewal (customers renewed / due)', summary.retention.logoRenewal, formatPercent));
    if (summary.retention.dollarRenewal) ratios.push(row('Dollar renewal (ARR renewed / due)', summary.retention.dollarRenewal, formatPercent));
    if (tiers.length > 1)
      for (const [name, t] of tiers) {
        if (t.grr) ratios.push(row(`  ${name} GRR`, t.grr, formatPercent));
        if (t.nrr) ratios.push(row(`  ${name} NRR`, t.nrr, formatPercent));
        if (t.logoRenewal) ratios.push(row(`  ${name} logo renewal`, t.logoRenewal, formatPercent));
        if (t.dollarRenewal) ratios.push(row(`  ${name} dollar renewal`, t.dollarRenewal, formatPercent));
      }
  }
  ratios.push(row('Customers won', summary.customers.won, formatCount));
  ratios.push(row('Customers lost', summary.customers.lost, formatCount));
  out.push('');
  out.push(textTable(ratios));
  for (const [name, t] of tiers) {
    const extras = Object.entries(t.extras);
    if (extras.length === 0) continue;
    out.push('');
    out.push(textTable([[`${name}: sources, reps and contracts`, ...HEADER.slice(1)], ...extras.map(([key, e]) => row(`  ${e.label}`, e.stat, extraFormat(key)))]));
  }
  out.push(...decisionTables(summary));
  // Lines outside the tables carry names too (targets, drivers): nothing unsafe reaches the terminal.
  return `${terminalText(out.join('\n'))}\n`;
}


/** How to show a tier's extra figure: money for contract values, tenths for ramped reps, else a count. */
export function extraFormat(key: string): (v: number) => string {
  if (key === 'newTcv' || key === 'pipeline.bookings') return formatMoney;
  if (key.startsWith('reps.ramped.')) return (v) => v.toFixed(1);
  return formatCount;
}

/** A driver's value as a planner reads it: rates in percent, counts whole, the market in sd. */
function driverValue(v: number, unit: 'rate' | 'count' | 'sd'): string {
  return unit === 'rate' ? formatPercent(v) : unit === 'count' ? formatCount(v) : `${(Math.abs(v) < 0.005 ? 0 : v).toFixed(2)} sd`;
}

/**
 * A target's "what must be true" as one line: the break-even values of up to four drivers, nearest
 * to plan first ("To reach revenue >= 120M at P50: Mid-market conversion >= 9.1% (plan 8.0%), or ...").
 * The printed table and report.html use the same words.
 *
 * @example whatMustBeTrueLine(summary.whatMustBeTrue[0])
 * Complexity: O(drivers).
 */
export function whatMustBeTrueLine(w: WhatMustBeTrue): string {
  if (w.trialsReaching === w.trialsUsed) return `${w.target} is reached in every one of the ${w.trialsUsed.toLocaleString('en-US')} trials looked at: nothing more has to be true.`;
  if (w.trialsReaching === 0) return `${w.target} is reached in none of the ${w.trialsUsed.toLocaleString('en-US')} trials looked at: no driver within the scenario's ranges gets there.`;
  const ways = w.drivers
    .filter((x) => x.breakEven !== undefined)
    .slice(0, 4)
    .map((x) => `${x.label} ${x.direction === 'atLeast' ? '>=' : '<='} ${driverValue(x.breakEven!, x.unit)} (plan ${driverValue(x.plan, x.unit)})`);
  return `To reach ${w.target} at P50: ${ways.length ? ways.join(', or ') : 'no single driver gets there within the range the scenario allows'}.`;
}

/** Budgets, downside, targets, sensitivity, what must be true and precision. */
function decisionTables(summary: Summary): string[] {
  const out: string[] = [];
  const d = summary.decisions;
  const conf = Math.round(d.confidence * 100);
  out.push('');
  out.push(
    textTable([
      [`Budget at ${conf}% confidence (reached or beaten in ${conf}% of trials = P${100 - conf})`, 'budget', '95% interval'],
      ...METRICS.map((m) => [METRIC_LABELS[m], formatMoney(d.budgets.metrics[m].value), formatInterval(d.budgets.metrics[m].interval, formatMoney)]),
    ]),
  );
  out.push('');
  out.push(
    textTable([
      ['Downside', 'P10', 'mean of worst 10%', 'mean of worst 5%'],
      ...METRICS.map((m) => [METRIC_LABELS[m], formatMoney(d.downside[m].p10.value), formatMoney(d.downside[m].worst10Mean), formatMoney(d.downside[m].worst5Mean)]),
    ]),
  );
  if (d.targets.length > 0) {
    const rows = [['Targets', 'P(reach)', '95% interval', 'mean gap if missed', 'P10 - target']];
    for (const t of d.targets)
      rows.push([t.label, formatPercent(t.probability.value), formatInterval(t.probability.interval, formatPercent), formatMoney(t.shortfall.meanGap), formatMoney(t.p10MinusTarget)]);
    if (d.jointProbability) rows.push(['All targets in the same year', formatPercent(d.jointProbability.value), formatInterval(d.jointProbability.interval, formatPercent), '', '']);
    out.push('');
    out.push(textTable(rows));
  }
  const sens = summary.sensitivity;
  if (sens.drivers.length > 0) {
    out.push('');
    out.push(
      textTable([
        [`What moves recognized revenue (median with the driver in its bottom / top decile)`, 'low', 'high', 'swing', 'rank corr', 'variance share'],
        ...sens.drivers
          .slice(0, 8)
          .map((x) => [`  ${x.label}`, formatMoney(x.low.metricMedian), formatMoney(x.high.metricMedian), formatMoney(x.swing), x.rankCorrelation.toFixed(2), formatPercent(x.varianceShare)]),
      ]),
    );
  }
  for (const w of summary.whatMustBeTrue) {
    out.push('');
    out.push(whatMustBeTrueLine(w));
  }
  if (summary.precision) {
    const p = summary.precision;
    const w = p.relativeHalfWidths;
    out.push('');
    out.push(
      `Precision: revenue P10/P50/P90 within ${formatPercent(w.p10)}/${formatPercent(w.p50)}/${formatPercent(w.p90)} (95% intervals) after ${p.trials.toLocaleString('en-US')} trials; asked ${formatPercent(p.target)}${p.reached ? '' : ', not reached before the cap'}.`,
    );
  }
  return out;
}
