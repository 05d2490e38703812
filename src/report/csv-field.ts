import { toFixedDecimal } from '../math/decimal-round.js';

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection): `=`,
 * `+`, `-`, `@`, and tab or carriage return, which some spreadsheets skip before looking; and the
 * single quote the guard adds, so that a cell already starting with one stays apart (`'=x` and `=x`).
 */
const GUARDED_START = /^[=+\-@\t\r']/;

/**
 * A text cell of a CSV file arrcast writes: per RFC 4180, quoted when it holds a comma, quote or
 * line break, quotes doubled; and, per OWASP's CSV-injection guidance, a cell that a spreadsheet
 * would read as a formula is prefixed with a single quote and quoted, so it shows as the text it is;
 * so is a cell that starts with a single quote, so that no two texts are written alike (a tier
 * named `'=Ent` and one named `=Ent`).
 * Every text cell of every CSV arrcast writes goes through here; numbers go through csvNumber and
 * are never touched (a negative number stays `-12.5`).
 *
 * @example csvField('Größe, EU') // => '"Größe, EU"'
 * @example csvField("=cmd|' /C calc'!A0") // => `"'=cmd|' /C calc'!A0"`
 */
export function csvField(field: string): string {
  if (GUARDED_START.test(field)) return `"'${field.replace(/"/g, '""')}"`;
  return rfc4180Field(field);
}

/**
 * A field quoted per RFC 4180 only (when it holds a comma, quote or line break, quotes doubled),
 * without csvField's formula guard: for a file arrcast reads back as written (an actuals file), where
 * a guard's quote would change the text.
 *
 * @example rfc4180Field('a "b", c') // => '"a ""b"", c"'
 */
export function rfc4180Field(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A number as a spreadsheet reads it: rounded to `decimals` places, a half of the decimal away from
 * zero as report.xlsx's cells show it (1.005 -> '1.01'; toFixed's '1' rounded the double just below),
 * trailing zeros dropped, no exponent for money-sized values; empty for a non-finite value. The CSVs
 * are read by people in spreadsheets as much as by programs, and their decimals are already a
 * rounding: so they round as every other output, not to full precision.
 *
 * @example csvNumber(132162418.3456, 2) // => '132162418.35'
 */
export function csvNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(toFixedDecimal(value, decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
