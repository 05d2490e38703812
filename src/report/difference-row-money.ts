import type { DifferenceStat } from '../analysis/compare.js';
import { moneyCellsFormat } from './interval-format.js';
import type { CurrencyMark } from './money.js';

/**
 * THE formatter of a per-trial difference's row (compare's "B - A" and by-tier rows: its mean, P10,
 * P50 and P90) in compare's terminal table and comparison.html, by the rule a run's row is written
 * with (moneyCellsFormat): one number of significant digits for the row, three, or more while two
 * neighbours that differ print alike, never more than the mean's Monte Carlo error (mean -/+ 1.96
 * standard errors) can claim. Each figure rounded to three digits alone wrote a P10, P50 and P90 of
 * -1.234M, -1.238M and -1.241M as "-1.23M, -1.24M, -1.24M", two figures that differ read as one.
 *
 * @example differenceRowMoney(d, '$')(d.percentiles.p50) // => '-$17.84M'
 */
export function differenceRowMoney(d: DifferenceStat, mark: CurrencyMark): (v: number) => string {
  const se = d.standardError;
  return moneyCellsFormat(
    [
      { value: d.mean, interval: se === null || !(se > 0) ? null : [d.mean - 1.96 * se, d.mean + 1.96 * se] },
      ...(['p10', 'p50', 'p90'] as const).map((k) => ({ value: d.percentiles[k], interval: null })),
    ],
    mark,
  );
}
