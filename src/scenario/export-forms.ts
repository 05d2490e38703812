import { excerpt, quoteText } from './display-text.js';
import { MONEY_POINT } from './money-point.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from './month-names.js';
import { CURRENCY_CODE_SOURCE } from './currency-code.js';

/**
 * Numbers and dates as spreadsheets and CRMs export them (Excel in US and European locales, Google
 * Sheets, Salesforce, NetSuite), which arrcast's CSV readers refuse rather than guess: what such a
 * cell is, and how to write it instead. One rule for every reader (csv-table.ts calls these):
 *
 * - A number is a plain decimal with a point (`1234.5`, `1.2e5`). A cell that is a number in
 *   another form is refused with the plain form to write when the form has one reading (`"1,234,567"`,
 *   `"1.234,56"`, `"$1,234.50"`, `"(1,234)"` an accounting negative, `"1 234,5"`), and with both
 *   readings when it has two (`"1,234"`: a thousands separator or a decimal comma). In a money or
 *   count column a plain `12.000` has two as well (a decimal point, or a European thousands point):
 *   `amountPointProblem`. A percentage (`12,5 %`) is the caller's, with `numberReadings`.
 * - A date is `YYYY-MM` or `YYYY-MM-DD`. A cell that is a date in another form is refused with the
 *   ISO form when it has one reading (`31/01/2026`, `1/31/2026`, `Jan-2026`, `2026-01-31 00:00:00`,
 *   an Excel serial number such as 46053), and with both when it has two (`01/02/2026`, `Jan-26`).
 */

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// A group of thousands never leads with 0: `0,125` has a decimal comma, not 125 written with a separator.
const COMMA_GROUPS = /^([+-]?)([1-9]\d{0,2}(?:,\d{3})+)(\.\d+)?$/;
const DOT_GROUPS = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+)(,\d+)?$/;
const OTHER_GROUPS = /^([+-]?)([1-9]\d{0,2}(?:([ '\u00a0\u202f_])\d{3})(?:\3\d{3})*)([.,]\d+)?$/;
const DECIMAL_COMMA = /^([+-]?)(\d*),(\d+)$/;
// A currency code by currency-code.ts's rule (three capitals), at the start before the number or at its end.
const CURRENCY = new RegExp(`[$€£¥₹¤]|^${CURRENCY_CODE_SOURCE}(?=\\s*[-+(.\\d])|(?<=[\\d.)])\\s*${CURRENCY_CODE_SOURCE}$`, 'g');

/**
 * In a money or count column, a point before groups of three digits (`12.000`, `250.000`): a
 * decimal point (US) or a thousands separator (a German-locale export of 12000).
 */
const POINT_GROUPS = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;

/**
 * Whether a money or count column takes a decimal reading as written: not `1.234` (a point before
 * three digits, amountPointProblem), which no export writes money or a count in; `12` it does.
 */
const columnTakes = (reading: string) => !POINT_GROUPS.test(reading);

/**
 * Why a plain number in a money or count column (ARR, amounts, deals, leads) is refused: a point
 * before three digits there may be a European thousands separator (`12.000` beside `"1.234,50"` is
 * 12000). Undefined for any other cell; two or more groups (`1.234.567`) are no plain number and
 * `numberFormProblem`'s.
 *
 * @example amountPointProblem('12.000') // => '"12.000": has a point that is a thousands separator or a decimal point; write 12000 (a thousands separator) or 12 (a decimal point), whichever it is'
 * @example amountPointProblem('1.234') // => '"1.234": has a point that is a thousands separator or a decimal point; write 1234 (a thousands separator)'
 * Complexity: O(length of the cell).
 */
export function amountPointProblem(cell: string): string | undefined {
  const t = cell.trim();
  if (!POINT_GROUPS.test(t) || t.indexOf('.') !== t.lastIndexOf('.')) return undefined;
  const thousands = `write ${excerpt(t.replace('.', '').replace(/^\+/, ''))} (a thousands separator)`;
  // The decimal reading only as the column takes it: '1.234' is not told "or 1.234", refused again.
  const point = decimal(t.replace(/^\+/, ''));
  return `${quoteText(cell)}: has a point that is a thousands separator or a decimal point; ${columnTakes(point) ? `${thousands} or ${excerpt(point)} (a decimal point), whichever it is` : thousands}`;
}

/** A number's readings: one plain decimal, or two when the form has two. */
type Readings = { readonly plain: string; readonly other?: string; readonly mark?: 'comma' | 'point'; readonly why: string };

/**
 * The plain readings of a number written with separators (no sign of currency or percent), or
 * undefined when it is no such number.
 */
function groupedReadings(t: string): Readings | undefined {
  let m = COMMA_GROUPS.exec(t);
  if (m !== null) {
    const whole = `${m[1]}${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`;
    // One group and no decimals: `1,234` is 1234 with a thousands separator, or 1.234 with a decimal comma.
    if (m[3] === undefined && m[2]!.split(',').length === 2) return { plain: whole, other: decimal(`${m[1]}${m[2]!.replace(',', '.')}`), mark: 'comma', why: 'has a comma that is a thousands separator or a decimal comma' };
    return { plain: whole, why: 'has thousands separators' };
  }
  m = DOT_GROUPS.exec(t);
  // `1.234.567` has no decimal comma: said so, not "a decimal comma" it does not have.
  if (m !== null)
    return {
      plain: decimal(`${m[1]}${m[2]!.replace(/\./g, '')}${(m[3] ?? '').replace(',', '.')}`),
      why: m[3] === undefined ? 'is written the European way (points between thousands)' : 'is written the European way (a point between thousands, a decimal comma)',
    };
  m = OTHER_GROUPS.exec(t);
  if (m !== null) return { plain: decimal(`${m[1]}${m[2]!.replace(/[ '\u00a0\u202f_]/g, '')}${(m[4] ?? '').replace(',', '.')}`), why: 'has thousands separators' };
  m = DECIMAL_COMMA.exec(t);
  if (m !== null) return { plain: decimal(`${m[1]}${m[2] || '0'}.${m[3]}`), why: 'has a decimal comma' };
  return undefined;
}

/**
 * The plain decimal text a number is written as: `1234.5`, `0.5` (no trailing zeros after a point,
 * which could read as a thousands group; no leading zeros, `00,125` is 0.125).
 */
function decimal(text: string): string {
  const plain = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') || '0' : text;
  return plain.replace(/^([+-]?)0+(?=\d)/, '$1');
}

/**
 * The readings of a bare number (plain, or with separators: `12,5` is 12.5; `1,200` 1200 or 1.2), or
 * undefined: for the number in a percentage.
 *
 * @example numberReadings('1,200') // => { plain: '1200', other: '1.2', mark: 'comma', why: ... }
 */
export function numberReadings(t: string): Readings | undefined {
  if (PLAIN.test(t)) return { plain: t, why: '' };
  return groupedReadings(t);
}

/**
 * Why a cell that is not a plain decimal number is refused, with what to write: undefined when it
 * is no number in any export form arrcast knows (the caller says "expected a number").
 *
 * @example numberFormProblem('(1,234)') // => '"(1,234)" is an accounting negative: write -1234'
 * @example numberFormProblem('1.234,56') // => '"1.234,56" is written the European way (...): write 1234.56'
 * Complexity: O(length of the cell).
 */
export function numberFormProblem(cell: string, amount = false): string | undefined {
  return numberFormReading(cell, amount)?.problem;
}

/**
 * What numberFormProblem says of a cell, with the numbers it reads as (both, when two) and the notes
 * on its form. In a money or count column (`amount`) a cell with two readings is told to write only
 * the thousands one when the other is a point before three digits (`1,234`: 1234, not 1.234), which
 * such a column refuses as read either way (amountPointProblem), and which no export writes money in.
 */
export function numberFormReading(cell: string, amount = false): { problem: string; notes?: string; values?: number[] } | undefined {
  const q = quoteText(cell);
  let t = cell.trim();
  const notes: string[] = [];
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t) ?? /^-?\s*[$€£¥₹¤]\s*\((.*)\)$/.exec(t);
  if (paren !== null) {
    notes.push('an accounting negative');
    negative = true;
    t = t.replace(/[()]/g, '').trim();
  }
  const bare = t.replace(CURRENCY, '').trim();
  const currency = bare !== t;
  if (currency) t = bare.replace(/^([+-])\s+/, '$1');
  if (t.endsWith('%')) return undefined; // the caller's percent rule (a share is written as a decimal)
  let r = numberReadings(t.trimEnd());
  // `€1.234`, `(12.000)`: with a currency sign or in an accounting negative (formats of money), a point
  // before three digits may be a European thousands separator (the plain `-12.000` would be refused so again).
  if ((currency || negative) && r !== undefined && MONEY_POINT.test(t)) r = { plain: t.replace('.', ''), other: decimal(t), mark: 'point', why: 'has a point that is a thousands separator or a decimal point' };
  // `$ -`: the accounting format's zero.
  if (r === undefined && currency && /^[-\u2013\u2014]+$/.test(t)) return { problem: `${q} is an accounting zero: write 0`, values: [0] };
  if (r === undefined) return currency ? { problem: `${q}: no currency signs or codes` } : undefined;
  if (currency) notes.push('no currency signs or codes');
  if (r.why !== '') notes.push(r.why);
  const sign = (x: string) => (negative ? (x.startsWith('-') ? x.slice(1) : `-${x.replace(/^\+/, '')}`) : x);
  const offered = amount && r.other !== undefined && !columnTakes(r.other) ? undefined : r.other;
  const write =
    offered === undefined
      ? `write ${excerpt(sign(r.plain))}${r.other === undefined ? '' : ' (a thousands separator)'}`
      : `write ${excerpt(sign(r.plain))} (a thousands separator) or ${excerpt(sign(offered))} (a decimal ${r.mark}), whichever it is`;
  const values = [Number(sign(r.plain)), ...(r.other === undefined ? [] : [Number(sign(r.other))])];
  return { problem: `${q}: ${notes.join('; ')}; ${write}`, notes: notes.join('; '), values: values.every(Number.isFinite) ? values : undefined };
}

const MONTHS = MONTH_ABBREVIATIONS.map((m) => m.toLowerCase());
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i;
const NUMERIC_DATE = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]\.?M\.?)?)?$/i;
const MONTH_SLASH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;
const YEAR_SLASH_MONTH = /^(\d{4})[/.](\d{1,2})$/;
const MONTH_YEAR = new RegExp(`^${MONTH_WORD}[\\s\\-/,']*(\\d{2}|\\d{4})$`, 'i');
const YEAR_MONTH_WORD = new RegExp(`^(\\d{4})[\\s\\-/]*${MONTH_WORD}$`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})[\\s\\-/.]*${MONTH_WORD}[\\s\\-/,.]*(\\d{2}|\\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');

const iso = (y: number, m: number, d?: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}${d === undefined ? '' : `-${String(d).padStart(2, '0')}`}`;
const isDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** Excel's serial day numbers of 1970-01-01 and 2099-12-31: a whole number between them in a month column is taken for one. */
const FIRST_SERIAL = 25569;
const LAST_SERIAL = 73050;

/**
 * The ISO date an Excel serial day number stands for (day 1 is 1900-01-01 and Excel counts a
 * 29 February 1900 that never was, so from day 61 on, day n is n days after 1899-12-30), or
 * undefined for a number that is not a whole day from 1970 to 2099.
 *
 * @example excelSerialDate(46053) // => '2026-01-31'
 */
export function excelSerialDate(n: number): string | undefined {
  if (!Number.isInteger(n) || n < FIRST_SERIAL || n > LAST_SERIAL) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Why a cell written as a date in a form other than `YYYY-MM` or `YYYY-MM-DD` is refused, with the
 * ISO form to write (both, when the form has two readings); undefined for a cell that is no date
 * form arrcast knows. Excel serial numbers are the caller's (a number may be a month number).
 *
 * @example dateFormProblem('1/31/2026') // => '"1/31/2026": write dates as YYYY-MM-DD: 2026-01-31'
 * @example dateFormProblem('01/02/2026') // => '"01/02/2026" could be 2026-01-02 (month first, US) or 2026-02-01 (day first): write one, as YYYY-MM-DD'
 * Complexity: O(length of the cell).
 */
export function dateFormProblem(cell: string): string | undefined {
  const t = cell.trim();
  const q = quoteText(cell);
  const write = (date: string) => `${q}: write dates as YYYY-MM or YYYY-MM-DD: ${date}`;
  const notDate = `${q} is not a date`;
  const twoDigitYear = `${q} has a two-digit year: write dates as YYYY-MM or YYYY-MM-DD, with the year in full`;
  let m = DATE_TIME.exec(t);
  if (m !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isDate(y, mo, d) ? `${q} has a time of day: write the date alone, ${iso(y, mo, d)}` : notDate;
  }
  m = NUMERIC_DATE.exec(t);
  if (m !== null) {
    const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const timed = m[5] !== undefined;
    const one = (date: string) => (timed ? `${q} has a time of day: write the date alone, as YYYY-MM-DD: ${date}` : write(date));
    if (m[1]!.length === 4) return isDate(a, b, c) ? one(iso(a, b, c)) : notDate;
    if (m[4]!.length !== 4) return twoDigitYear;
    const monthFirst = isDate(c, a, b);
    const dayFirst = isDate(c, b, a);
    if (monthFirst && dayFirst && a !== b) return `${q} could be ${iso(c, a, b)} (month first, as in the US) or ${iso(c, b, a)} (day first): write the one it is, as YYYY-MM-DD`;
    if (monthFirst) return one(iso(c, a, b));
    if (dayFirst) return one(iso(c, b, a));
    return notDate;
  }
  m = MONTH_SLASH_YEAR.exec(t);
  if (m !== null) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? write(iso(Number(m[2]), Number(m[1]))) : notDate;
  m = YEAR_SLASH_MONTH.exec(t);
  if (m !== null) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? write(iso(Number(m[1]), Number(m[2]))) : notDate;
  m = MONTH_YEAR.exec(t);
  if (m !== null) {
    const mo = monthOf(m[1]!);
    if (m[2]!.length === 2) return `${q} could be ${MONTH_NAMES[mo - 1]} 20${m[2]} or ${MONTH_NAMES[mo - 1]} ${Number(m[2])} of a year not given: write YYYY-MM (20${m[2]}-${String(mo).padStart(2, '0')}) or YYYY-MM-DD`;
    return write(iso(Number(m[2]), mo));
  }
  m = YEAR_MONTH_WORD.exec(t);
  if (m !== null) return write(iso(Number(m[1]), monthOf(m[2]!)));
  m = DAY_MONTH_YEAR.exec(t);
  if (m !== null) {
    if (m[3]!.length !== 4) return twoDigitYear;
    const [y, mo, d] = [Number(m[3]), monthOf(m[2]!), Number(m[1])];
    return isDate(y, mo, d) ? write(iso(y, mo, d)) : notDate;
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m !== null) {
    const [y, mo, d] = [Number(m[3]), monthOf(m[1]!), Number(m[2])];
    return isDate(y, mo, d) ? write(iso(y, mo, d)) : notDate;
  }
  return undefined;
}

/**
 * For a whole number in a month column that is past the months the column holds: that it looks
 * like an Excel date serial number, with the date; undefined otherwise.
 *
 * @example serialDateProblem('46053') // => '46053 looks like an Excel date serial number (2026-01-31): ...'
 */
export function serialDateProblem(cell: string): string | undefined {
  const date = /^\d+$/.test(cell.trim()) ? excelSerialDate(Number(cell)) : undefined;
  return date === undefined
    ? undefined
    : `${excerpt(cell.trim())} looks like an Excel date serial number (${date}): format the column as dates written yyyy-mm-dd before saving, or write ${date.slice(0, 7)}`;
}
