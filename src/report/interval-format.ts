import { decimalsBelowWhole, formatCurrency, formatShare } from './money.js';

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
  const digits = moneyIntervalDigits(interval, symbol);
  return `[${formatCurrency(interval[0], symbol, digits)}, ${formatCurrency(interval[1], symbol, digits)}]`;
}

/** The significant digits formatMoneyInterval writes an interval with: 3, or more until its ends read differently. */
export function moneyIntervalDigits([lo, hi]: readonly [number, number], symbol: string): number {
  let digits = 3;
  while (digits < MAX_DIGITS && lo !== hi && formatCurrency(lo, symbol, digits) === formatCurrency(hi, symbol, digits)) digits++;
  // Ends that differ in the last bits only (783,333.33 summed two ways) read alike at any digits: three, as equal ends.
  return formatCurrency(lo, symbol, digits) === formatCurrency(hi, symbol, digits) ? 3 : digits;
}

/**
 * A value shown beside its 95% interval, with the digits the interval is written with: three
 * digits would put $111.78M at "$112M", outside its own "[$111.7M, $111.8M]".
 *
 * @example formatMoneyBeside(111.78e6, [111.7e6, 111.8e6], '$') // => '$111.8M'
 */
export function formatMoneyBeside(value: number, interval: readonly [number, number] | null, symbol: string): string {
  return formatCurrency(value, symbol, interval === null ? 3 : moneyIntervalDigits(interval, symbol));
}

/**
 * A 95% interval of a share, one decimal or more until the ends differ: [91.0%, 91.0%] becomes [90.98%, 91.04%].
 *
 * @example formatShareInterval([0.9098, 0.9104]) // => '[90.98%, 91.04%]'
 */
export function formatShareInterval(interval: readonly [number, number]): string {
  const [lo, hi] = interval;
  const decimals = shareIntervalDecimals(interval);
  if (decimals === undefined) return `[${formatShare(lo)}, ${formatShare(hi)}]`;
  return `[${percentWith(lo, decimals)}, ${percentWith(hi, decimals)}]`;
}

const percentWith = (v: number, decimals: number) => `${(v * 100).toFixed(decimals)}%`;

/** The decimals formatShareInterval needs beyond formatShare's: undefined when formatShare tells the ends apart (or they are equal). */
function shareIntervalDecimals([lo, hi]: readonly [number, number]): number | undefined {
  if (formatShare(lo) !== formatShare(hi) || lo === hi) return undefined;
  // From the decimals formatShare gave the ends (more than 2 just below 100%: 1 - 1e-9 is 99.9999999%),
  // so no end below 1 reads 100.00000% again.
  let decimals = Math.max(2, decimalsBelowWhole(lo), decimalsBelowWhole(hi));
  const most = Math.max(5, decimals + 3);
  while (decimals < most && percentWith(lo, decimals) === percentWith(hi, decimals)) decimals++;
  return decimals;
}

/**
 * A share shown beside its 95% interval, with the decimals the interval is written with, so it
 * never reads as outside it (91.02% as "91.0%" beside "[91.01%, 91.04%]").
 *
 * @example formatShareBeside(0.9102, [0.9101, 0.9104]) // => "91.02%"
 */
export function formatShareBeside(value: number, interval: readonly [number, number] | null): string {
  const decimals = interval === null ? undefined : shareIntervalDecimals(interval);
  return decimals === undefined ? formatShare(value) : percentWith(value, decimals);
}
