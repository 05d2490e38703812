import type { Summary } from '../analysis/summarize.js';
import { csvField, csvNumber } from './csv-field.js';
import { currencyMinorDigits } from './money.js';

/** The percentiles monthly.csv gives, after the mean. */
export const MONTHLY_PERCENTILES = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;

/** The header of monthly.csv. */
export const MONTHLY_CSV_HEADER = ['month', 'label', 'metric', 'mean', ...MONTHLY_PERCENTILES] as const;

/**
 * monthly.csv: per fiscal month (1-12, with the calendar month's name) the mean and P5..P95 of
 * MRR (live ARR / 12 in that month) and of cumulative recognized revenue to the month's end, to
 * the currency's minor unit (the cent, the yen). Px = x% chance of coming in below.
 *
 * @example monthlyCsv(summary).split('\n')[0] // => 'month,label,metric,mean,p5,p10,p25,p50,p75,p90,p95'
 * Complexity: O(months).
 */
export function monthlyCsv(summary: Summary): string {
  const lines: string[] = [MONTHLY_CSV_HEADER.map(csvField).join(',')];
  const money = currencyMinorDigits(summary.scenario.currency);
  for (const m of summary.monthly)
    for (const metric of ['mrr', 'cumulativeRevenue'] as const) {
      const s = m[metric];
      lines.push(
        [String(m.month), csvField(m.label), csvField(metric), csvNumber(s.mean, money), ...MONTHLY_PERCENTILES.map((p) => csvNumber(s.percentiles[p], money))].join(','),
      );
    }
  return `${lines.join('\n')}\n`;
}
