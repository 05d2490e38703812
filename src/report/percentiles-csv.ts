import { PERCENTILES, type Stat } from '../analysis/describe.js';
import type { Summary } from '../analysis/summarize.js';
import { METRIC_COMPONENTS, METRICS } from '../model/components.js';
import { csvField, csvNumber } from './csv-field.js';
import { currencyMinorDigits } from './money.js';

/** The header of percentiles.csv. */
export const PERCENTILES_CSV_HEADER = ['metric', 'tier', 'component', 'statistic', 'value'] as const;

/** Decimals written: ratios to 6 places, counts to 2; money to its currency's minor unit (currencyMinorDigits). */
const DECIMALS = { ratio: 6, count: 2 } as const;

/**
 * percentiles.csv, long format for a spreadsheet's pivot table: one row per metric x tier x
 * component x statistic, where tier is a tier's name or "all", component a component or "total",
 * and statistic is mean, sd or p1..p99 (Px = x% chance of coming in below). Tier x component
 * rows have the mean only: per-trial values are not kept by tier and component. Retention (grr,
 * nrr, logoRenewal, dollarRenewal) and customer counts (customersWon, customersLost, leads) follow, with
 * component "total", then each tier's further figures by key (leads.A, deals.A, reps.ramped.1, ...).
 *
 * @example percentilesCsv(summary).split('\n')[1] // => 'revenue,all,total,mean,132162418.35'
 * Complexity: O(tiers x components x percentiles).
 */
export function percentilesCsv(summary: Summary): string {
  const lines: string[] = [PERCENTILES_CSV_HEADER.map(csvField).join(',')];
  // To the cent in dollars, the yen in yen, the fils in dinars: no digits the currency does not have.
  const money = currencyMinorDigits(summary.scenario.currency);
  const put = (metric: string, tier: string, component: string, statistic: string, value: number, decimals: number) =>
    lines.push([csvField(metric), csvField(tier), csvField(component), csvField(statistic), csvNumber(value, decimals)].join(','));
  const stat = (metric: string, tier: string, component: string, s: Stat | undefined, decimals: number) => {
    if (!s) return;
    put(metric, tier, component, 'mean', s.mean, decimals);
    // Not estimable from one trial: an empty field, as for any missing number.
    put(metric, tier, component, 'sd', s.sd ?? NaN, decimals);
    for (const p of PERCENTILES) put(metric, tier, component, `p${p}`, s.percentiles[`p${p}`], decimals);
  };
  const tiers = Object.entries(summary.byTier);
  for (const m of METRICS) {
    stat(m, 'all', 'total', summary.metrics[m], money);
    for (const [name, t] of tiers) stat(m, name, 'total', t[m], money);
    for (const c of METRIC_COMPONENTS[m]) stat(m, 'all', c, summary.byComponent[m][c], money);
    for (const [name, t] of tiers)
      for (const c of METRIC_COMPONENTS[m]) {
        const mean = t.componentMeans[m][c];
        if (mean !== undefined) put(m, name, c, 'mean', mean, money);
      }
  }
  for (const r of ['grr', 'nrr', 'logoRenewal', 'dollarRenewal'] as const) {
    stat(r, 'all', 'total', summary.retention?.[r], DECIMALS.ratio);
    for (const [name, t] of tiers) stat(r, name, 'total', t[r], DECIMALS.ratio);
  }
  stat('customersWon', 'all', 'total', summary.customers.won, DECIMALS.count);
  for (const [name, t] of tiers) stat('customersWon', name, 'total', t.customersWon, DECIMALS.count);
  stat('customersLost', 'all', 'total', summary.customers.lost, DECIMALS.count);
  for (const [name, t] of tiers) stat('customersLost', name, 'total', t.customersLost, DECIMALS.count);
  for (const [name, t] of tiers) stat('leads', name, 'total', t.leads, DECIMALS.count);
  // A tier's further figures (lead grades, reps, pipeline, contract value), named by their key.
  for (const [name, t] of tiers) for (const [key, e] of Object.entries(t.extras)) stat(key, name, 'total', e.stat, DECIMALS.count);
  return `${lines.join('\n')}\n`;
}
