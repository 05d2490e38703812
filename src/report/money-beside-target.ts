import { unitSize, type MoneyUnit } from './money.js';

/**
 * The amount a money text reads as: '$139.97M' -> 139,970,000, '-CHF 1.2k' -> -1,200, '140.0M' ->
 * 140,000,000 (a sign first, then any symbol, the digits and a unit letter); NaN for '-' and the like.
 *
 * @example shownAmount('-$1.25M') // => -1250000
 */
export function shownAmount(text: string): number {
  const m = /^(-?)\D*?(\d[\d,]*(?:\.\d+)?)([kMBT]?)$/.exec(text);
  if (!m) return NaN;
  return (m[1] === '-' ? -1 : 1) * Number(m[2]!.replace(/,/g, '')) * unitSize(m[3] as MoneyUnit);
}

/** The most digits `finer` is asked for beyond `money`'s: a part in 10^10 of the amount. */
const MOST_MORE = 10;

/**
 * An amount written beside the targets it is compared with (a median against the targets it must
 * reach) so that it reads on the side of each target it lies on: `money(value)` when it does, else
 * `finer(value, k)` with the fewest more digits k that do. Rounded alone, a median of 139.97M
 * against a target of 139.99M read "P50 now 140.0M", as if above the target it is below; a
 * median below a target must read below it (not equal), one at or above it at or above it. Every
 * target the one amount is written beside, so it reads alike in each line (118.24M beside a target
 * of 118.2355M read 118.2M in the next line, beside 118.24M).
 *
 * @example moneyBesideTarget(139_969_675, [139_990_000], formatMoney, formatMoneyWith) // => '139.97M'
 * Complexity: O(MOST_MORE x targets) at most.
 */
export function moneyBesideTarget(value: number, targets: readonly number[], money: (v: number) => string, finer: (v: number, more: number) => string): string {
  const compared = targets.filter(Number.isFinite);
  const rightSide = (text: string) => {
    const shown = shownAmount(text);
    return compared.every((target) => (value >= target ? shown >= target : shown < target));
  };
  const first = money(value);
  if (!Number.isFinite(value) || rightSide(first)) return first;
  for (let more = 1; more <= MOST_MORE; more++) {
    const text = finer(value, more);
    if (rightSide(text)) return text;
  }
  return finer(value, MOST_MORE);
}
