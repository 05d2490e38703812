import type { CurrencyMark } from './money.js';
import { MONEY_UNITS, moneyUnit, signedAmount, unitSize, unitText, type MoneyUnit } from './money.js';
import { toFixedDecimal } from '../math/decimal-round.js';

/**
 * A formatter writing every amount of a set in one unit (that of the largest) with one number of
 * decimals: one, or two when the smallest non-zero amount would round to less than 0.1 of the
 * unit; whole numbers below a thousand. So a chart's labels read alike: "$94.0M", "+$25.8M",
 * "+$5.0M", "-$0.7M" rather than "$94M", "+$25.8M", "+$5M", "-$699k".
 *
 * `moreDecimals` adds to those (the ARR bridge's, so that no bar reads against the tables' figure
 * after two roundings: agree-at-precision.ts).
 *
 * @example fixedMoney([94e6, 5e6, 3.98e6], '$')(5e6) // => '$5.0M'
 * Complexity: O(values) to build, O(1) per call.
 */
export function fixedMoney(values: readonly number[], symbol: CurrencyMark, moreDecimals = 0): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const largest = finite.length > 0 ? Math.max(...finite) : 0;
  const least = finite.length > 0 ? Math.min(...finite) : 0;
  const decimalsIn = (unit: MoneyUnit) => (unit === '' ? 0 : finite.length > 0 && least / unitSize(unit) < 0.1 ? 2 : 1);
  let [, unit] = moneyUnit(largest);
  // The largest amount as written may reach a thousand of its unit (999,960 is 1000.0k): then the
  // set is written in the next unit ("$1.0M"), as formatCurrency carries, and the tables read "$1M".
  if (unit !== 'T' && Number(toFixedDecimal(largest / unitSize(unit), decimalsIn(unit))) >= 1000)
    unit = MONEY_UNITS[MONEY_UNITS.findIndex(([u]) => u === unit) + 1]![0];
  const scale = unitSize(unit);
  const decimals = decimalsIn(unit) + moreDecimals;
  return (v: number) => {
    if (!Number.isFinite(v)) return '-';
    const text = toFixedDecimal(Math.abs(v) / scale, decimals);
    // An amount that rounds to 0 reads without a sign ('$0.0M', not '-$0.0M').
    return signedAmount(Number(text) === 0 ? 0 : v, unitText(text, unit), symbol);
  };
}
