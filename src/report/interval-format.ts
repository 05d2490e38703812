import { formatCurrency, formatShare } from './money.js';

/** The most significant digits an interval is ever written with. */
const MAX_DIGITS = 7;

/**
 * A 95% interval "[low, high]" in money, with as many significant digits (3 at least) as it takes
 * for the two ends to read differently, so a narrow interval shows its width: [$110M, $110M]
 * becomes [$109.8M, $110.1M]. Equal ends print equal.
 *
 * @example formatMoneyInterval([109.77e6, 110.08e6], '$') // => '[$109.8M, $110.1M]'
 * Complexity: O(1).
 */
export function formatMoneyInterval(interval: readonly [number, number], symbol: string): string {
  const [lo, hi] = interval;
  let digits = 3;
  while (digits < MAX_DIGITS && lo !== hi && formatCurrency(lo, symbol, digits) === formatCurrency(hi, symbol, digits)) digits++;
  return `[${formatCurrency(lo, symbol, digits)}, ${formatCurrency(hi, symbol, digits)}]`;
}

/**
 * A 95% interval of a share, one decimal or more until the ends differ: [91.0%, 91.0%] becomes [90.98%, 91.04%].
 *
 * @example formatShareInterval([0.9098, 0.9104]) // => '[90.98%, 91.04%]'
 */
export function formatShareInterval(interval: readonly [number, number]): string {
  const [lo, hi] = interval;
  if (formatShare(lo) !== formatShare(hi) || lo === hi) return `[${formatShare(lo)}, ${formatShare(hi)}]`;
  let decimals = 2;
  const pct = (v: number) => `${(v * 100).toFixed(decimals)}%`;
  while (decimals < 5 && pct(lo) === pct(hi)) decimals++;
  return `[${pct(lo)}, ${pct(hi)}]`;
}
