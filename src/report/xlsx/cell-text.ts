import { currencyPrefix } from '../money.js';

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
export function moneyFormat(symbol: string): string {
  const q = `"${currencyPrefix(symbol).replace(/"/g, '')}"`;
  return `${q}#,##0;-${q}#,##0`;
}

/** Percentages with one decimal. */
export const PERCENT_FORMAT = '0.0%';
