import { MONEY_POINT } from './money-point.js';

/**
 * An amount as arrcast writes it into a scenario (fit's file, the studio's saved what-if), so that
 * reading it back gives the amount: String(x), with a fourth decimal where that text would be a
 * point before three digits (`12.345`), which a money field refuses as a thousands separator or a
 * decimal point (number-text.ts, human-number.ts): `12.3450` has one reading. fit wrote an ACV
 * median of 12.345 and an opening ARR of 123.456 that its own file then refused.
 *
 * @example moneyText(12.345) // => '12.3450'
 * @example moneyText(12345) // => '12345'
 */
export function moneyText(x: number): string {
  const text = String(x);
  return MONEY_POINT.test(text) ? `${text}0` : text;
}
