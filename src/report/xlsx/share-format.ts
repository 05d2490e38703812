import { formatShare } from '../money.js';
import { formatShareBeside, formatShareInterval } from '../interval-format.js';

/** The Excel number format of a percentage with `decimals` decimals: '0.0%' for one. */
export const percentFormat = (decimals: number): string => (decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%');

/** The decimals of a percentage as written ("99.97%": 2; "0.033%": 3; "100%": 0). */
const decimalsOf = (written: string): number => /\.(\d+)%/.exec(written)?.[1]!.length ?? 0;

/**
 * The Excel formats of a run of percentage cells, so the workbook shows each as report.html writes
 * it: a share alone as formatShare does (a target reached in 2,999 of 3,000 years 99.97%, not the
 * certainty 100.0% of a fixed '0.0%'; one in 3,000 0.033%, not 0.0%), a share and its 95% interval
 * (three cells: value, low, high) with the decimals the interval takes (99.88% [99.86%, 99.90%], not
 * 99.9% [99.9%, 99.9%]), each cell as report.html writes it. One decimal at least.
 *
 * @example shareFormats([0.9988, 0.99861, 0.99896]) // => ['0.00%', '0.00%', '0.00%']
 */
export function shareFormats(values: readonly number[]): string[] {
  if (values.length === 3) {
    const [v, lo, hi] = values as [number, number, number];
    const [low, high] = formatShareInterval([lo, hi], v).slice(1, -1).split(', ') as [string, string];
    return [formatShareBeside(v, [lo, hi]), low, high].map((written) => percentFormat(Math.max(1, decimalsOf(written))));
  }
  return values.map((v) => percentFormat(Math.max(1, decimalsOf(formatShare(v)))));
}
