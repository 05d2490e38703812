import { bareCurrency, currencyPrefix, currencySymbol, formatCurrency } from '../money.js';
import { statedRounding } from '../stated-figure.js';
import { toPrecisionDecimal } from '../../math/decimal-round.js';

/**
 * A text cell neutralised against formula injection: a string starting with = + - @, a tab or a
 * carriage return gets a leading apostrophe, so no spreadsheet reads it as a formula (OWASP's
 * advice for CSV, applied to every text cell of a workbook too); so does a string that starts with
 * an apostrophe, so that no two texts are written alike (`'=Ent` and `=Ent`, two tiers). Numbers are
 * never passed here.
 *
 * @example cellText('=HYPERLINK("http://x")') // => "'=HYPERLINK(\"http://x\")"
 */
export function cellText(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

/**
 * The Excel number format of amounts in a currency symbol: whole units with thousands separators,
 * the symbol quoted (so "CHF" or "kr" are text, not format codes), negatives with a minus.
 *
 * @example moneyFormat('$') // => '"$"#,##0;-"$"#,##0'
 */
export function moneyFormat(symbol: string, decimals = 0): string {
  const q = `"${currencyPrefix(symbol).replace(/"/g, '')}"`;
  const digits = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return `${q}${digits};-${q}${digits}`;
}

/**
 * Amounts the planner stated: a monthly plan's, shown with the decimals typed up to STATED_DIGITS
 * significant digits (statedAmountFormat); a target's, with every digit its label writes (targetAmountFormat).
 */
export type StatedAmount = 'plan' | 'target';

/** A column of amounts in an ISO 4217 currency: each cell's format is chosen by its amount (amountFormat). */
export interface MoneyColumn {
  readonly currency: string;
  readonly stated?: StatedAmount;
}

/** The money column of a currency (by its code, not its symbol: one source of its minor unit, Intl's). */
export const moneyColumn = (currency: string, stated?: StatedAmount): MoneyColumn => (stated ? { currency, stated } : { currency });

/** A cell's format in a money column. */
export function columnAmountFormat(value: number, column: MoneyColumn): string {
  if (column.stated === 'target') return targetAmountFormat(value, column.currency);
  if (column.stated === 'plan') return statedAmountFormat(value, column.currency);
  return amountFormat(value, column.currency);
}

/**
 * The Excel format of one amount, so that its cell reads as report.html and the terminal write it
 * (formatCurrency): from 1,000 up whole units (the text's k/M/B/T figure is coarser still); below,
 * the decimals formatCurrency writes: the minor unit's at most ($40.7, ¥43, KWD 0.001), and an amount
 * below the minor unit with its significant digits (-$0.00400), not whole units that read $41, ¥0.
 *
 * @example amountFormat(40.72, 'USD') // => '"$"#,##0.0;-"$"#,##0.0'
 */
export function amountFormat(value: number, currency: string): string {
  const symbol = currencySymbol(currency);
  if (!(Math.abs(value) < 1000)) return moneyFormat(symbol);
  const text = formatCurrency(value, bareCurrency(currency));
  // 999.996 carried to "1.00k": written whole, as 1,000.
  return moneyFormat(symbol, /[kMBT]$/.test(text) ? 0 : (text.split('.')[1]?.length ?? 0));
}

/** Percentages with one decimal. */
export const PERCENT_FORMAT = '0.0%';

/**
 * The Excel format of an amount the planner stated (a target of 40.55, a monthly plan): the decimals
 * typed (up to STATED_DIGITS significant digits, as every output echoes a stated figure), so the cell
 * reads as the target's label ("revenue >= 40.55"), not as an estimate's three digits ($40.6, a
 * figure the target is not). A figure too small for plain decimals takes amountFormat's.
 *
 * @example statedAmountFormat(40.55, 'USD') // => '"$"#,##0.00;-"$"#,##0.00'
 */
export function statedAmountFormat(value: number, currency: string): string {
  const typed = String(Math.abs(statedRounding(value).value));
  if (typed.includes('e')) return amountFormat(value, currency);
  return moneyFormat(currencySymbol(currency), typed.split('.')[1]?.length ?? 0);
}

/**
 * The Excel format of a target's amount: every decimal its label writes (exactAmount: "revenue >=
 * 40.555555", "ending ARR >= 1.234567891M"), up to the 15 significant digits a spreadsheet shows, so
 * the cell reads $40.555555 and $1,234,567.891 beside the label, not the $40.5556 and $1,234,568 of
 * a monthly plan's six digits (statedAmountFormat).
 *
 * @example targetAmountFormat(40.555555, 'USD') // => '"$"#,##0.000000;-"$"#,##0.000000'
 */
export function targetAmountFormat(value: number, currency: string): string {
  const typed = toPrecisionDecimal(Math.abs(value), 15);
  if (!Number.isFinite(typed) || typed === 0) return moneyFormat(currencySymbol(currency));
  // d.ddd x 10^e: the digits after the units' place are the mantissa's beyond the first, less e.
  const [mantissa, exponent] = typed.toExponential().split('e') as [string, string];
  return moneyFormat(currencySymbol(currency), Math.max(0, mantissa.replace('.', '').length - 1 - Number(exponent)));
}
