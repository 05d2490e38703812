import { describe, expect, it } from 'vitest';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';
import { readPipelines } from '../../src/scenario/pipeline-file.js';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { parseDeals } from '../../src/fit/read-deals.js';
import { parseRenewalOutcomes } from '../../src/fit/read-renewal-outcomes.js';
import { parseOutcomes } from '../../src/scoring/outcomes-file.js';
import { excelSerialDate } from '../../src/scenario/export-forms.js';
import { numberCell, readCsv } from '../../src/scenario/csv-table.js';
import { scenarioErrorLines } from '../helpers/fixtures.js';

/**
 * Files as finance exports them (Excel in US and European locales, Google Sheets, CRMs), fed to
 * every CSV reader arrcast has. The rule, one for every reader (export-forms.ts, csv-table.ts):
 * read it when it has one reading and arrcast's format allows it (a byte-order mark, CRLF or CR,
 * `,,,` rows and empty fields past the header, header case and spaces), else refuse it with the
 * line, the column and what to write. Before, `"1,234"` was said to be 1234 with no word of the
 * decimal-comma reading, `"1.234,56 €"` was to be written `1.23456` (a thousand times too small),
 * `(1,234)`, `1.234,56`, `Jan-2026`, `2026-01-31 00:00:00` and an Excel serial day (46053) got no
 * hint at all (the serial: "month 46053 is more than 10 years after the fiscal year starts"),
 * `01/02/2026` was not said to be ambiguous, a title row above the header was reported as a header
 * of unknown columns, and a row with `,,,` past the header's fields was refused.
 */

/** Each reader, with a template putting `num` in a money column and `date` in a month column of line 2. */
interface Reader {
  readonly name: string;
  readonly file: (num: string, date: string) => string;
  readonly read: (input: string | Buffer) => unknown;
  /** The money column's name, and what it says of a value below its least (before ", got x"). */
  readonly money: { readonly name: string; readonly below: string };
  /** The month column's name; absent for a reader with no month column. */
  readonly month?: { readonly name: string };
}

const q = (cell: string) => (/[,"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const CAL = { year: 2026, startMonth: 1 };
const REPORT = [{ dir: 'plan', tiers: ['SMB'] }];

const READERS: readonly Reader[] = [
  {
    name: 'customer book',
    file: (num, date) => `id,tier,arr,next_renewal,term_months\nc1,SMB,${q(num)},${q(date)},12\n`,
    read: (input) => readCustomerBooks(input, 'f.csv', ['SMB'], ['SMB'], CAL),
    money: { name: 'arr', below: 'must be at least 0' },
    month: { name: 'next_renewal' },
  },
  {
    name: 'pipeline',
    file: (num, date) => `id,tier,amount,probability,close_month\no1,SMB,${q(num)},0.5,${q(date)}\n`,
    read: (input) => readPipelines(input, 'f.csv', ['SMB'], ['SMB'], CAL, undefined),
    money: { name: 'amount', below: 'must be at least 0' },
    month: { name: 'close_month' },
  },
  {
    name: 'actuals',
    file: (num, date) => `tier,new_arr,month\nSMB,${q(num)},${q(date)}\n`,
    read: (input) => parseMonthlyFile(input, 'f.csv', { kind: 'actuals', calendar: CAL }),
    money: { name: 'new_arr', below: 'must be at least 0' },
    month: { name: 'month' },
  },
  {
    name: 'history',
    file: (num, date) => `tier,new_arr,month\nSMB,${q(num)},${q(date)}\n`,
    read: (input) => parseMonthlyFile(input, 'f.csv', { kind: 'history', minMonths: 1 }),
    money: { name: 'new_arr', below: 'must be at least 0' },
    month: { name: 'month' },
  },
  {
    name: 'deals',
    file: (num, date) => `tier,amount,close_month\nSMB,${q(num)},${q(date)}\n`,
    read: (input) => parseDeals(input, 'f.csv', ['SMB'], 12, { firstYear: 2026, firstMonth: 1, fiscalYear: 2027, fiscalYearStartMonth: 1 }),
    money: { name: 'amount', below: 'must be above 0' },
    month: { name: 'close_month' },
  },
  {
    name: 'renewal outcomes',
    file: (num) => `id,tier,arr,renewed\nc1,SMB,${q(num)},1\n`,
    read: (input) => parseRenewalOutcomes(input, 'f.csv', ['SMB']),
    money: { name: 'arr', below: 'must be at least 0' },
  },
  {
    name: 'outcomes',
    file: (num) => `tier,metric,value\ntotal,revenue,${q(num)}\n`,
    read: (input) => parseOutcomes(input, 'f.csv', REPORT),
    money: { name: 'value', below: "must be at least 0: a year's revenue cannot be negative" },
  },
];

const GOOD_NUMBER = '1200';

/** The 1-based column of line 2 where a marker put in place of a cell is: where that cell starts (its opening quote when quoted). */
const columnOf = (file: string, marker: string) => file.split('\n')[1]!.indexOf(marker) + 1;
const GOOD_DATE = '2026-01';

/** Number cells of exports, and what every reader says of each, written out by hand. */
const NUMBERS: readonly [string, string][] = [
  ['1,234,567', '"1,234,567": has thousands separators; write 1234567'],
  ['1,234.50', '"1,234.50": has thousands separators; write 1234.50'],
  // Only the thousands reading: 1.234 is itself refused in a money column (as '1.234' is below), and no export writes money to the thousandth.
  ['1,234', '"1,234": has a comma that is a thousands separator or a decimal comma; write 1234 (a thousands separator)'],
  ['1.234,56', '"1.234,56": is written the European way (a point between thousands, a decimal comma); write 1234.56'],
  ['1.234.567', '"1.234.567": is written the European way (points between thousands); write 1234567'],
  ['1234,5', '"1234,5": has a decimal comma; write 1234.5'],
  ['1 234 567', '"1 234 567": has thousands separators; write 1234567'],
  ['1\u00a0234,50', '"1\u00a0234,50": has thousands separators; write 1234.5'],
  ["1'234.5", `"1'234.5": has thousands separators; write 1234.5`],
  ['$1,234.50', '"$1,234.50": no currency signs or codes; has thousands separators; write 1234.50'],
  ['1.234,56 €', '"1.234,56 €": no currency signs or codes; is written the European way (a point between thousands, a decimal comma); write 1234.56'],
  ['€1.234', '"€1.234": no currency signs or codes; has a point that is a thousands separator or a decimal point; write 1234 (a thousands separator)'],
  // A point before three digits in a money column: a US decimal point or a European thousands separator.
  ['12.000', '"12.000": has a point that is a thousands separator or a decimal point; write 12000 (a thousands separator) or 12 (a decimal point), whichever it is'],
  ['250.000', '"250.000": has a point that is a thousands separator or a decimal point; write 250000 (a thousands separator) or 250 (a decimal point), whichever it is'],
  ['1.234', '"1.234": has a point that is a thousands separator or a decimal point; write 1234 (a thousands separator)'],
  ['USD 1200', '"USD 1200": no currency signs or codes; write 1200'],
  ['1200 EUR', '"1200 EUR": no currency signs or codes; write 1200'],
  ['12%', '"12%": write a share as a decimal, not a percentage: 0.12'],
  ['12.5 %', '"12.5 %": write a share as a decimal, not a percentage: 0.125'],
  ['12,5 %', '"12,5 %": write a share as a decimal, not a percentage: 0.125'],
  ['12,5%', '"12,5%": write a share as a decimal, not a percentage: 0.125'],
  ['1,200%', '"1,200%": write a share as a decimal, not a percentage: 12 (a thousands separator) or 0.012 (a decimal comma), whichever it is'],
  ['$ -', '"$ -" is an accounting zero: write 0'],
  ['1.2.3', 'expected a number, got "1.2.3"'],
];

/**
 * Accounting negatives in a money column, which no reader takes below 0: what each reads as and
 * the reader's own bound, at once (they were told to write -1234, which was then refused).
 */
const NEGATIVES: readonly [string, string, number][] = [
  ['(1234)', '"(1234)" reads -1234 (an accounting negative)', -1234],
  ['(1,234.5)', '"(1,234.5)" reads -1234.5 (an accounting negative; has thousands separators)', -1234.5],
  ['(12.000)', '"(12.000)" reads -12000 or -12 (an accounting negative; has a point that is a thousands separator or a decimal point)', -12000],
  ['$(1,234)', '"$(1,234)" reads -1234 or -1.234 (an accounting negative; no currency signs or codes; has a comma that is a thousands separator or a decimal comma)', -1234],
  // A negative percentage was told to write -0.12, then refused as below 0.
  ['-12%', '"-12%" reads -0.12 (a percentage, as a share)', -0.12],
];

/** Date cells of exports, and what every reader with a month column says of each. */
const DATES: readonly [string, string][] = [
  ['1/31/2026', '"1/31/2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['31/01/2026', '"31/01/2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['31.01.2026', '"31.01.2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['31-01-2026', '"31-01-2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['2026/01/31', '"2026/01/31": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['2026/3', '"2026/3": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['03/2026', '"03/2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['3/2026', '"3/2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['13/2026', '"13/2026" is not a date'],
  // A month and year with a point reads as a decimal number (3.2026): said as the date it is.
  ['03.2026', '"03.2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['3.2026', '"3.2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['2026.03', '"2026.03": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['13.2026', '"13.2026" is not a date'],
  ['3/15/2026 12:00 AM', '"3/15/2026 12:00 AM" has a time of day: write the date alone, as YYYY-MM-DD: 2026-03-15'],
  ['15/03/2026 00:00', '"15/03/2026 00:00" has a time of day: write the date alone, as YYYY-MM-DD: 2026-03-15'],
  ['03/04/2026 00:00', '"03/04/2026 00:00" could be 2026-03-04 (month first, as in the US) or 2026-04-03 (day first): write the one it is, as YYYY-MM-DD'],
  ['01/02/2026', '"01/02/2026" could be 2026-01-02 (month first, as in the US) or 2026-02-01 (day first): write the one it is, as YYYY-MM-DD'],
  ['2/2/2026', '"2/2/2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-02-02'],
  ['1/31/26', '"1/31/26" has a two-digit year: write dates as YYYY-MM or YYYY-MM-DD, with the year in full'],
  ['2/30/2026', '"2/30/2026" is not a date'],
  ['Jan-2026', '"Jan-2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01'],
  ['January 2026', '"January 2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01'],
  ['Sept. 2026', '"Sept. 2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-09'],
  ['2026 Mar', '"2026 Mar": write dates as YYYY-MM or YYYY-MM-DD: 2026-03'],
  ['31-Jan-2026', '"31-Jan-2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['January 31, 2026', '"January 31, 2026": write dates as YYYY-MM or YYYY-MM-DD: 2026-01-31'],
  ['Jan-26', '"Jan-26" could be January 2026 or January 26 of a year not given: write YYYY-MM (2026-01) or YYYY-MM-DD'],
  ['2026-01-31 00:00:00', '"2026-01-31 00:00:00" has a time of day: write the date alone, 2026-01-31'],
  ['2026-01-31T00:00:00Z', '"2026-01-31T00:00:00Z" has a time of day: write the date alone, 2026-01-31'],
  ['2026-01-31T23:59:59.5+01:00', '"2026-01-31T23:59:59.5+01:00" has a time of day: write the date alone, 2026-01-31'],
  ['46053', '46053 looks like an Excel date serial number (2026-01-31): format the column as dates written yyyy-mm-dd before saving, or write 2026-01'],
];

describe('number cells as exports write them: the same message from every reader, with the line, the column and what to write', () => {
  const cases = READERS.flatMap((r) => NUMBERS.map(([cell, message]) => ({ reader: r.name, cell, r, message })));
  it.each(cases)('$reader: $cell', ({ r, cell, message }) => {
    expect(scenarioErrorLines(() => r.read(r.file(cell, GOOD_DATE)))).toEqual([`f.csv:2:${columnOf(r.file('\u0001', GOOD_DATE), '\u0001')} ${r.money.name}: ${message}`]);
  });

  const negatives = READERS.flatMap((r) => NEGATIVES.map(([cell, reads, value]) => ({ reader: r.name, cell, r, reads, value })));
  it.each(negatives)('$reader: $cell is refused as below 0', ({ r, cell, reads, value }) => {
    expect(scenarioErrorLines(() => r.read(r.file(cell, GOOD_DATE)))).toEqual([`f.csv:2:${columnOf(r.file('\u0001', GOOD_DATE), '\u0001')} ${r.money.name}: ${reads}: ${r.money.below}, got ${value}`]);
  });

  it.each(READERS.map((r) => ({ reader: r.name, r })))('$reader: 1.2E+05 is 120000 (scientific notation is a plain number)', ({ r }) => {
    // The same result as the file with 120000 written out, and not that of 1.2 (the mantissa alone);
    // each written in 7 characters, so the columns a reader records for the cells after it agree.
    expect(r.read(r.file('1.2E+05', GOOD_DATE))).toEqual(r.read(r.file('+120000', GOOD_DATE)));
    expect(r.read(r.file('1.2E+05', GOOD_DATE))).not.toEqual(r.read(r.file('1.20000', GOOD_DATE)));
  });
});

describe('date cells as exports write them: the same message from every reader with a month column', () => {
  const cases = READERS.filter((r) => r.month !== undefined).flatMap((r) => DATES.map(([cell, message]) => ({ reader: r.name, cell, r, message })));
  it.each(cases)('$reader: $cell', ({ r, cell, message }) => {
    expect(scenarioErrorLines(() => r.read(r.file(GOOD_NUMBER, cell)))).toEqual([`f.csv:2:${columnOf(r.file(GOOD_NUMBER, '\u0001'), '\u0001')} ${r.month!.name}: ${message}`]);
  });
});

describe('whole files as exports write them', () => {
  const plain = (r: Reader) => r.file(GOOD_NUMBER, GOOD_DATE);
  /** Read right: the same result as the plain file. */
  const readRight: readonly [string, (text: string) => string | Buffer][] = [
    ['a UTF-8 byte-order mark', (t) => Buffer.from(`\uFEFF${t}`)],
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['lone CR line ends', (t) => t.replace(/\n/g, '\r')],
    ['no line end after the last line', (t) => t.replace(/\n$/, '')],
    ['trailing empty rows, blank and ",,,"', (t) => `${t},,,\n\n,,,,,\n`],
    // Excel's used range as a rectangle: the header and every row end in the same empty cells.
    ['a header and rows ending in empty cells (Excel\'s rectangle)', (t) => t.replace(/\n/g, ',,,\n')],
    ['a header ending in empty cells, a row in fewer', (t) => t.replace('\n', ',,,\n').replace(/\n$/, ',\n')],
    ['header cells in upper case, spaced, with no-break spaces', (t) => t.replace(/^[^\n]*/, (h) => h.split(',').map((c) => ` \u00a0${c.toUpperCase().replace('_', '\u00a0')} `).join(','))],
  ];
  const cases = READERS.flatMap((r) => readRight.map(([what, change]) => ({ reader: r.name, what, r, change })));
  it.each(cases)('$reader, $what: read as the plain file is', ({ r, change }) => {
    expect(r.read(change(plain(r)))).toEqual(r.read(plain(r)));
  });

  /** Refused with the line and what to do. */
  const refused: readonly [string, (r: Reader) => string | Buffer, string][] = [
    ['UTF-16 LE with a byte-order mark (Excel\'s "Unicode text")', (r) => Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(plain(r).replace(/,/g, '\t'), 'utf16le')]), 'f.csv:1:1 is UTF-16 text: save it as "CSV UTF-8"'],
    ['UTF-16 LE without a byte-order mark', (r) => Buffer.from(plain(r), 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    // `é` as UTF-16 is E9 00: not UTF-8, and was reported as "not UTF-8 (byte 0xe9)".
    ['UTF-16 LE without a byte-order mark, a name with an accent', (r) => Buffer.from(plain(r).replace(/\n(\w+),/, '\nSoci\u00e9t\u00e9,'), 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    // Text beyond Latin-1 in the first characters: every other byte was not zero, and the file was
    // refused as 'binary (it holds a NUL byte)' or 'not UTF-8 (byte 0xa2 here)'.
    ['UTF-16 LE without a byte-order mark, a Cyrillic title row', (r) => Buffer.from(`\u0412\u044b\u0433\u0440\u0443\u0437\u043a\u0430 2026\n${plain(r)}`, 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    ['UTF-16 BE without a byte-order mark, a CJK title row', (r) => Buffer.from(`\u5ba2\u6237\u5bfc\u51fa\n${plain(r)}`, 'utf16le').swap16(), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    ['UTF-16 LE without a byte-order mark, a CJK first field', (r) => Buffer.from(plain(r).replace(/\n(\w+),/, '\n\u5ba2\u6237\u4e00,'), 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    // With no line end, or with a control character (read as binary before December 2026's looksUtf16
    // asked for a line end and no control character): 'binary (it holds a NUL byte)'.
    ['UTF-16 LE without a byte-order mark, the header row alone and no line end', (r) => Buffer.from(plain(r).split('\n')[0]!, 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    ['UTF-16 BE without a byte-order mark, a DOS end-of-file Ctrl-Z last', (r) => Buffer.from(`${plain(r)}\x1a`, 'utf16le').swap16(), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    ['UTF-16 LE without a byte-order mark, a Cyrillic title row and a form feed', (r) => Buffer.from(`\u0412\u044b\u0433\u0440\u0443\u0437\u043a\u0430 2026\f\n${plain(r)}`, 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    // No line end in the first 64 KB and a non-Latin script, its commas under an eighth of the text
    // (fields of eight CJK characters or more): 'binary (it holds a NUL byte)' until the nineteenth session.
    ['UTF-16 LE without a byte-order mark, a CJK header row of long names and no line end', () => Buffer.from('\u5ba2\u6237\u540d\u79f0\u548c\u5730\u5740\u4fe1\u606f,'.repeat(4000), 'utf16le'), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    ['UTF-16 BE without a byte-order mark, a Cyrillic header row alone, no line end', () => Buffer.from('\u041d\u0430\u0437\u0432\u0430\u043d\u0438\u0435\u041a\u043b\u0438\u0435\u043d\u0442\u0430,\u0421\u0443\u043c\u043c\u0430', 'utf16le').swap16(), 'f.csv:1:1 is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"'],
    ['semicolons and decimal commas (European Excel)', (r) => r.file(GOOD_NUMBER, GOOD_DATE).replace(/,/g, ';').replace('1200', '1200,5'), 'f.csv:1:1 separates fields with ";": arrcast reads comma-separated files (save as "CSV UTF-8 (comma delimited)")'],
    ['tabs', (r) => plain(r).replace(/,/g, '\t'), 'f.csv:1:1 separates fields with tabs: arrcast reads comma-separated files (save as "CSV UTF-8 (comma delimited)")'],
  ];
  const refusedCases = READERS.flatMap((r) => refused.map(([what, file, message]) => ({ reader: r.name, what, r, file, message })));
  it.each(refusedCases)('$reader, $what: refused', ({ r, file, message }) => {
    expect(scenarioErrorLines(() => r.read(file(r)))).toEqual([message]);
  });

  it.each(READERS.map((r) => ({ reader: r.name, r })))('$reader: a Windows-1252 byte (Société) is refused at its line and column, not read as U+FFFD', ({ r }) => {
    const text = plain(r).replace(/\n(\w+),/, '\nSoci\u00e9t\u00e9,');
    const column = text.split('\n')[1]!.indexOf('\u00e9') + 1;
    expect(scenarioErrorLines(() => r.read(Buffer.from(text, 'latin1')))).toEqual([`f.csv:2:${column} is not UTF-8 text (byte 0xe9 here): save it as "CSV UTF-8"`]);
  });

  it.each(READERS.map((r) => ({ reader: r.name, r })))('$reader: a title and notes above the header are refused, naming the header line', ({ r }) => {
    const [header, ...rest] = plain(r).split('\n');
    const text = ['Export for FY2026,,', 'Generated 2026-01-31', header, ...rest].join('\n');
    const lines = scenarioErrorLines(() => r.read(text));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^f\.csv:1:1 the header row must come first, and line 3 looks like it \(it names [a-z_, ]+\): delete the 2 lines above it \(a title or notes\)$/);
  });

  // The row's field count shows the comma, and joining two fields gives a number in a money column:
  // the row was refused as "has 6 fields but the header has 5: put a value that contains a comma in
  // quotes ("Acme, Inc")", naming neither the number nor its column.
  it.each(READERS.map((r) => ({ reader: r.name, r })))('$reader: an unquoted 86,500 in the money column is named at its column, with the fix', ({ r }) => {
    const text = r.file('86500', GOOD_DATE).replace('86500', '86,500');
    const width = text.split('\n')[0]!.split(',').length;
    expect(scenarioErrorLines(() => r.read(text))).toEqual([
      `f.csv:2:${columnOf(text, '86,500')} column ${r.money.name} holds one number split by its unquoted comma into 2 fields (the row has ${width + 1} values for ${width} columns): "86,500": has a comma that is a thousands separator or a decimal comma; write 86500 (a thousands separator) or 86.5 (a decimal comma), whichever it is`,
    ]);
  });

  // "-41,421" unquoted in a column at least 0 was told to write -41421 or -41.421, both refused next.
  // The outcomes' value has no least of its own (bookings may be negative): the advice stands there.
  it.each(READERS.map((r) => ({ reader: r.name, r })))('$reader: an unquoted -41,421 in the money column is refused at its bound when it has one', ({ r }) => {
    const text = r.file('-41421', GOOD_DATE).replace('-41421', '-41,421');
    const width = text.split('\n')[0]!.split(',').length;
    const fix =
      r.name === 'outcomes'
        ? 'has a comma that is a thousands separator or a decimal comma; write -41421 (a thousands separator)'
        : `"-41,421" reads -41421 or -41.421 (has a comma that is a thousands separator or a decimal comma): ${r.money.name} must be at least 0, got -41421`;
    expect(scenarioErrorLines(() => r.read(text))).toEqual([
      `f.csv:2:${columnOf(text, '-41,421')} column ${r.money.name} holds one number split by its unquoted comma into 2 fields (the row has ${width + 1} values for ${width} columns): ${r.name === 'outcomes' ? `"-41,421": ${fix}` : fix}`,
    ]);
  });

  it('a number split twice, past a header ending in empty cells (Excel\'s rectangle), is named too', () => {
    const r = READERS[0]!;
    const text = r.file('1286500.5', GOOD_DATE).replace('\n', ',,,\n').replace('1286500.5', '1,286,500.5');
    expect(scenarioErrorLines(() => r.read(text))).toEqual([
      `f.csv:2:${columnOf(text, '1,286')} column arr holds one number split by its unquoted commas into 3 fields (the row has 7 values for 5 columns): "1,286,500.5": has thousands separators; write 1286500.5`,
    ]);
  });

  // Two amounts of one row split by their unquoted commas: the row got the generic message (which
  // comma is whose was not looked for past one amount), naming neither number.
  it('two numbers of one row split by unquoted thousands commas are each named, with their readings', () => {
    const text = 'month,tier,new_arr,ending_arr\n1,SMB,86,500,1,286,000\n';
    expect(scenarioErrorLines(() => parseMonthlyFile(text, 'f.csv', { kind: 'actuals', calendar: CAL }))).toEqual([
      'f.csv:2:7 columns new_arr and ending_arr each hold one number split by its unquoted commas (the row has 7 values for 4 columns): new_arr "86,500": has a comma that is a thousands separator or a decimal comma; write 86500 (a thousands separator) or 86.5 (a decimal comma), whichever it is; ending_arr "1,286,000": has thousands separators; write 1286000',
    ]);
    // A number column between them, read in place: deals 3.
    const between = 'month,tier,new_arr,deals,ending_arr\n1,SMB,12,000,3,1,286,000\n';
    expect(scenarioErrorLines(() => parseMonthlyFile(between, 'f.csv', { kind: 'actuals', calendar: CAL }))[0]).toMatch(
      /^f\.csv:2:7 columns new_arr and ending_arr each hold one number split by its unquoted commas \(the row has 8 values for 5 columns\): new_arr "12,000": .*; ending_arr "1,286,000": has thousands separators; write 1286000$/,
    );
  });

  // Several readings: the row got the generic 'put a value that contains a comma in quotes', as if
  // the comma were a name's; it is said to look like amounts with thousands commas, each reading shown.
  it('where two money cells could be the split one, the row names each reading at the first of them; where none, no number', () => {
    const text = 'tier,month,new_arr,churned_arr\nSMB,1,12,500,100\n';
    expect(scenarioErrorLines(() => parseMonthlyFile(text, 'f.csv', { kind: 'actuals', calendar: CAL }))).toEqual([
      'f.csv:2:7 has 5 values for 4 columns and looks like amounts written with thousands commas, which read 2 ways: churned_arr 500,100; or new_arr 12,500: write each amount without its commas (or a value that contains a comma in quotes)',
    ]);
    // The reviewer's rows: one extra field two ways (74,790 in deals or 790,163 in new_arr), two extra three ways.
    const header = 'month,tier,leads,deals,new_arr,churned_arr,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr\n';
    expect(scenarioErrorLines(() => parseMonthlyFile(`${header}1,SMB,2241,74,790,163,396000,23355,41421,1104000,1500000,18444649\n`, 'f.csv', { kind: 'actuals', calendar: CAL }))).toEqual([
      'f.csv:2:12 has 12 values for 11 columns and looks like amounts written with thousands commas, which read 2 ways: new_arr 790,163; or deals 74,790: write each amount without its commas (or a value that contains a comma in quotes)',
    ]);
    expect(scenarioErrorLines(() => parseMonthlyFile(`${header}1,SMB,2241,1074,790,163,396,000,23355,41421,1104000,1500000,18444649\n`, 'f.csv', { kind: 'actuals', calendar: CAL }))).toEqual([
      'f.csv:2:17 has 13 values for 11 columns and looks like amounts written with thousands commas, which read 3 ways: churned_arr 163,396,000; or new_arr 790,163 and churned_arr 396,000; or new_arr 790,163,396: write each amount without its commas (or a value that contains a comma in quotes)',
    ]);
    // Three amount columns, one extra field: 12,500 / 500,100 / 100,200.
    expect(scenarioErrorLines(() => parseMonthlyFile('month,tier,new_arr,churned_arr,expansion_arr\n1,SMB,12,500,100,200\n', 'f.csv', { kind: 'actuals', calendar: CAL }))[0]).toMatch(
      /^f\.csv:2:7 has 6 values for 5 columns and looks like amounts written with thousands commas, which read 3 ways: /,
    );
    const book = 'id,tier,arr,next_renewal,term_months\nAcme, Inc,SMB,86500,2026-03,12\n';
    expect(scenarioErrorLines(() => READERS[0]!.read(book))).toEqual(['f.csv:2:29 has 6 fields but the header has 5: put a value that contains a comma in quotes ("Acme, Inc")']);
  });

  // An unquoted company name's comma first: joining 12,500 in the money column reads the other columns
  // shifted ("SMB" as next_renewal, "2026-03" as term_months), so the comma is the name's (it was
  // "column arr holds one number split ..."). Joined so that they read, the split amount is named.
  it.each<[string, (row: string) => unknown, string, string, string]>([
    ['customer book', (row) => readCustomerBooks(`id,tier,next_renewal,term_months,arr\n${row}\n`, 'f.csv', ['SMB'], ['SMB'], CAL), 'Acme, Inc,SMB,2026-03,12,500', 'f.csv:2:26 has 6 fields but the header has 5', 'c1,SMB,2026-03,12,12,500'],
    ['pipeline', (row) => readPipelines(`id,tier,probability,close_month,amount,stage\n${row}\n`, 'f.csv', ['SMB'], ['SMB'], CAL, undefined), 'Big Co, Ltd,SMB,0.5,3,750,proposal', 'f.csv:2:27 has 7 fields but the header has 6', 'o1,SMB,0.5,3,1,750,proposal'],
    ['renewal outcomes', (row) => parseRenewalOutcomes(`id,tier,renewed,arr\n${row}\n`, 'f.csv', ['SMB']), 'Acme, Inc,SMB,1,500', 'f.csv:2:17 has 5 fields but the header has 4', 'c1,SMB,1,1,500'],
    // Only the tier column shifts: "Inc" is no tier of the scenario.
    ['customer book, the tier shifted', (row) => readCustomerBooks(`id,tier,arr,next_renewal,term_months\n${row}\n`, 'f.csv', ['SMB'], ['SMB'], CAL), 'Acme, Inc,12,500,3,12', 'f.csv:2:20 has 6 fields but the header has 5', 'c1,SMB,12,500,3,12'],
    ['pipeline, the tier shifted', (row) => readPipelines(`id,tier,amount,probability,close_month\n${row}\n`, 'f.csv', ['SMB'], ['SMB'], CAL, undefined), 'Big Co, Ltd,1,750,0.5,3', 'f.csv:2:23 has 6 fields but the header has 5', 'o1,SMB,1,750,0.5,3'],
  ])('%s: a company name with an unquoted comma is refused as one, not as a split amount', (_, read, nameRow, message, splitRow) => {
    expect(scenarioErrorLines(() => read(nameRow))).toEqual([`${message}: put a value that contains a comma in quotes ("Acme, Inc")`]);
    expect(scenarioErrorLines(() => read(splitRow))[0]).toMatch(/^f\.csv:2:\d+ column (arr|amount) holds one number split by its unquoted comma into 2 fields/);
  });

  // A tier name's comma ('Tier, 1') shifting a number into the money column: only the tier column,
  // read against the caller's tiers, tells it from a split amount.
  it.each<[string, () => unknown]>([
    ['deals', () => parseDeals('tier,amount,close_month\nTier, 1,500,3\n', 'f.csv', ['SMB'], 12, { firstYear: 2026, firstMonth: 1, fiscalYear: 2027, fiscalYearStartMonth: 1 })],
    ['actuals', () => parseMonthlyFile('tier,new_arr,month\nTier, 1,500,3\n', 'f.csv', { kind: 'actuals', calendar: CAL, tiers: ['SMB'] })],
    ['outcomes', () => parseOutcomes('tier,value,metric\nTier, 1,500,revenue\n', 'f.csv', REPORT)],
  ])("%s: a tier that is none of the caller's, joined, keeps the comma in a value's message", (_, read) => {
    expect(scenarioErrorLines(read)).toEqual(['f.csv:2:13 has 4 fields but the header has 3: put a value that contains a comma in quotes ("Acme, Inc")']);
  });

  it('a row with a value past the header is still refused (only empty fields past it are cut off)', () => {
    const r = READERS[0]!;
    expect(scenarioErrorLines(() => r.read(plain(r).replace(/\n$/, ',,x\n')))).toEqual(['f.csv:2:24 has 7 fields but the header has 5: put a value that contains a comma in quotes ("Acme, Inc")']);
  });

  // An unquoted thousands comma beside an empty last column: as many fields as the header plus one,
  // the last empty. Read with the extra field cut off, `12,000` would be 12 and the next column
  // would get `000`; it is refused, as a row with any extra field is past a header not ending in
  // empty cells; at the money column it is in, with both readings (was: 'has 5 fields but the header has
  // 4: put a value that contains a comma in quotes ("Acme, Inc")', naming neither).
  it.each<[string, () => unknown, string, string]>([
    ['actuals', () => parseMonthlyFile('month,tier,new_arr,deals\n1,SMB,12,000,\n', 'f.csv', { kind: 'actuals', calendar: CAL }), 'f.csv:2:7 column new_arr', 'the row has 5 values for 4 columns'],
    ['history', () => parseMonthlyFile('month,tier,new_arr,deals\n1,SMB,12,000,\n', 'f.csv', { kind: 'history', minMonths: 1 }), 'f.csv:2:7 column new_arr', 'the row has 5 values for 4 columns'],
    ['pipeline', () => readPipelines('id,tier,probability,close_month,amount,stage\no1,SMB,0.5,3,12,000,\n', 'f.csv', ['SMB'], ['SMB'], CAL, undefined), 'f.csv:2:14 column amount', 'the row has 7 values for 6 columns'],
    ['customer book', () => readCustomerBooks('id,tier,next_renewal,term_months,arr,health\nc1,SMB,3,12,12,000,\n', 'f.csv', ['SMB'], ['SMB'], CAL), 'f.csv:2:13 column arr', 'the row has 7 values for 6 columns'],
  ])('%s: an unquoted "12,000" before an empty last column is refused at its column with both readings, not read as 12', (_, read, start, count) => {
    expect(scenarioErrorLines(read)).toEqual([
      `${start} holds one number split by its unquoted comma into 2 fields (${count}): "12,000": has a comma that is a thousands separator or a decimal comma; write 12000 (a thousands separator) or 12 (a decimal comma), whichever it is`,
    ]);
  });

  // When the row's field count cannot show the comma (a header ending in empty cells, or the split figure
  // in the last column), a round figure's thousands `000` in the next number column gives it away.
  it.each<[string, () => unknown, string]>([
    ['customer book, header ending in empty cells', () => readCustomerBooks('id,tier,next_renewal,term_months,arr,health,,\nc1,SMB,3,12,86,000,,\n', 'f.csv', ['SMB'], ['SMB'], CAL), 'f.csv:2:16 health: "000" after "86"'],
    ['customer book, the split figure before the last column', () => readCustomerBooks('id,tier,next_renewal,term_months,arr,health\nc1,SMB,3,12,86,000\n', 'f.csv', ['SMB'], ['SMB'], CAL), 'f.csv:2:16 health: "000" after "86"'],
    ['actuals', () => parseMonthlyFile('month,tier,new_arr,deals,,\n1,SMB,12,000,,\n', 'f.csv', { kind: 'actuals', calendar: CAL }), 'f.csv:2:10 deals: "000" after "12"'],
  ])('%s: an unquoted round "N,000" is refused, not read as N and 0', (_, read, start) => {
    const figure = start.replace(/^.*"000" after "(\d+)"$/, '$1');
    expect(scenarioErrorLines(read)).toEqual([
      `${start} looks like one number split by an unquoted comma: "${figure},000": has a comma that is a thousands separator or a decimal comma; write ${figure}000 (a thousands separator) or ${figure} (a decimal comma), whichever it is`,
    ]);
  });

  it('a cell such as "000" after a cell that is not one to three digits is read as a number (nothing split)', () => {
    const table = readCsv('name,money\nc1,000\n', 'f.csv', [{ name: 'name' }, { name: 'money', amount: true }], 'rows');
    expect(numberCell(table, 0, 1, 'empty', 0, 10, () => 'out of range')).toBe(0);
  });

  it('past a header ending in empty cells: a value in those cells, or more fields than the raw header, is refused', () => {
    const r = READERS[0]!;
    const rect = plain(r).replace(/\n/g, ',,\n'); // header and row: 7 fields, 5 named
    expect(scenarioErrorLines(() => r.read(rect.replace(/,,\n$/, ',x,\n')))).toEqual(['f.csv:2:24 has a value in field 6, past the header\'s 5 named columns: put a value that contains a comma in quotes ("Acme, Inc")']);
    expect(scenarioErrorLines(() => r.read(rect.replace(/,,\n$/, ',,,\n')))).toEqual(['f.csv:2:26 has 8 fields but the header has 7: put a value that contains a comma in quotes ("Acme, Inc")']);
  });
});

describe('a point before three digits: ambiguous in money and count columns, a decimal point in others', () => {
  it('is refused at its bound, not told which reading to write, when both readings are beyond it', () => {
    // "-12.500" in money at least 0 was told to write -12500 or -12.5, each refused next.
    const table = readCsv('money\n-12.500\n12.500\n', 'f.csv', [{ name: 'money', amount: true }], 'rows');
    const problems: string[] = [];
    const t = Object.assign(Object.create(Object.getPrototypeOf(table) as object) as typeof table, table, { problem: (_r: number, _c: number, m: string) => problems.push(m) });
    expect(numberCell(t, 0, 0, 'empty', 0, 1e12, (v) => `must be at least 0, got ${v}`)).toBeNaN();
    // The "got" is the first reading named, as for "(12.000)" (reads -12000 or -12: got -12000).
    expect(problems).toEqual(['"-12.500" reads -12500 or -12.5: must be at least 0, got -12500']);
    // One reading allowed (12.5 below a most of 100, 12500 not): still ambiguous, both readings named.
    expect(numberCell(t, 1, 0, 'empty', 0, 100, (v) => `must be at most 100, got ${v}`)).toBeNaN();
    expect(problems[1]).toBe('"12.500": has a point that is a thousands separator or a decimal point; write 12500 (a thousands separator) or 12.5 (a decimal point), whichever it is');
  });

  // One file, each cell in a rate column (no flag) and a money column (amount: true), read by numberCell.
  const ambiguous = (cell: string, thousands: string, point: string) =>
    `${cell}: has a point that is a thousands separator or a decimal point; write ${thousands} (a thousands separator) or ${point} (a decimal point), whichever it is`;
  const cases: readonly [string, number | string, number | string][] = [
    ['0.5', 0.5, 0.5],
    ['0.500', 0.5, 0.5],
    // Only the thousands reading: 666.667 as written is what the money column refuses, and 666.6670 only slips past that check.
    ['666.667', 666.667, '"666.667": has a point that is a thousands separator or a decimal point; write 666667 (a thousands separator)'],
    ['12.000', 12, ambiguous('"12.000"', '12000', '12')],
    ['250.000', 250, ambiguous('"250.000"', '250000', '250')],
    ['-12.500', -12.5, ambiguous('"-12.500"', '-12500', '-12.5')],
    ['1234.567', 1234.567, 1234.567],
    ['1.2345', 1.2345, 1.2345],
    ['1e6', 1e6, 1e6],
    ['1.2E+05', 120000, 120000],
    ['.5', 0.5, 0.5],
    ['5.', 5, 5],
    ['+5', 5, 5],
    ['1.234.567', '"1.234.567": is written the European way (points between thousands); write 1234567', '"1.234.567": is written the European way (points between thousands); write 1234567'],
  ];
  const text = `rate,money\n${cases.map(([c]) => `${c},${c}`).join('\n')}\n`;
  const table = readCsv(text, 'f.csv', [{ name: 'rate' }, { name: 'money', amount: true }], 'rows');
  it.each(cases.map((c, i) => [...c, i] as const))('%s: rate column %s, money column %s', (_, rate, money, row) => {
    for (const [col, expected] of [[0, rate], [1, money]] as const) {
      const problems: string[] = [];
      const t = Object.assign(Object.create(Object.getPrototypeOf(table) as object) as typeof table, table, { problem: (_r: number, _c: number, m: string) => problems.push(m) });
      const v = numberCell(t, row, col, 'empty', -1e15, 1e15, () => 'out of range');
      if (typeof expected === 'number') expect([v, problems]).toEqual([expected, []]);
      else expect([v, problems]).toEqual([NaN, [expected]]);
    }
  });
});

describe('excelSerialDate: Excel serial day numbers from 1970 to 2099', () => {
  // Known serials (Excel: =DATEVALUE("1970-01-01") is 25569, "2000-01-01" 36526, "2026-01-31" 46053, "2099-12-31" 73050).
  it.each<[number, string | undefined]>([
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [36585, '2000-02-29'],
    [46053, '2026-01-31'],
    [73050, '2099-12-31'],
    [25568, undefined],
    [73051, undefined],
    [46053.5, undefined],
  ])('%d is %s', (n, date) => {
    expect(excelSerialDate(n)).toBe(date);
  });
});

describe("advice to write a number is given only when the column accepts it", () => {
  const actuals = (text: string) => scenarioErrorLines(() => parseMonthlyFile(text, 'f.csv', { kind: 'actuals' }));
  it('a percentage in a count column is refused as not whole, not told to write its share', () => {
    expect(actuals('month,tier,deals\n1,SMB,12%\n')).toEqual(['f.csv:2:7 deals: "12%" reads 0.12 (a percentage, as a share): must be a whole number, got 0.12']);
  });

  it('a round figure split by an unquoted comma is worded by the bound of the column the figure is in', () => {
    // "-12" is new_arr's, "000" lands in deals: -12000 and -12 are both below new_arr's least of 0.
    expect(actuals('month,tier,new_arr,deals,leads\n1,SMB,-12,000,3\n')).toEqual([
      'f.csv:2:7 new_arr: must be at least 0, got -12',
      'f.csv:2:11 deals: "000" after "-12" looks like one number split by an unquoted comma: "-12,000" reads -12000 or -12 (has a comma that is a thousands separator or a decimal comma): new_arr must be at least 0, got -12000',
    ]);
  });

  it("an outcome metric that may be negative (bookings) is still told to write the negative", () => {
    const lines = (cell: string) => scenarioErrorLines(() => parseOutcomes(`tier,metric,value\ntotal,bookings,${cell}\n`, 'f.csv', REPORT));
    expect(lines('(1234)')).toEqual(['f.csv:2:16 value: "(1234)": an accounting negative; write -1234']);
    expect(lines('-12%')).toEqual(['f.csv:2:16 value: "-12%": write a share as a decimal, not a percentage: -0.12']);
  });
});
