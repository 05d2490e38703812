import { moneyUnit, unitSize } from './money.js';
import { toFixedDecimal } from '../math/decimal-round.js';

/** "CHF" and other letter codes need a space before the amount; "$" and "€" do not. */
const prefix = (symbol: string) => (/[A-Za-z]$/.test(symbol) ? `${symbol} ` : symbol);

/**
 * A formatter writing every amount of a set in one unit (that of the largest) with one number of
 * decimals: one, or two when the smallest non-zero amount would round to less than 0.1 of the
 * unit; whole numbers below a thousand. So a chart's labels read alike: "$94.0M", "+$25.8M",
 * "+$5.0M", "-$0.7M" rather than "$94M", "+$25.8M", "+$5M", "-$699k".
 *
 * @example fixedMoney([94e6, 5e6, 3.98e6], '$')(5e6) // => '$5.0M'
 * Complexity: O(values) to build, O(1) per call.
 */
export function fixedMoney(values: readonly number[], symbol: string): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const largest = finite.length > 0 ? Math.max(...finite) : 0;
  const [, unit] = moneyUnit(largest);
  const scale = unitSize(unit);
  const smallest = finite.length > 0 ? Math.min(...finite) / scale : 1;
  const decimals = unit === '' ? 0 : smallest < 0.1 ? 2 : 1;
  return (v: number) => {
    if (!Number.isFinite(v)) return '-';
    const text = toFixedDecimal(Math.abs(v) / scale, decimals);
    const zero = Number(text) === 0;
    return `${v < 0 && !zero ? '-' : ''}${prefix(symbol)}${text}${unit}`;
  };
}
