import { parse } from 'csv-parse/sync';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { editDistance } from './edit-distance.js';
import { excerpt, quoteText } from './display-text.js';
import { unknownTierWords } from './unknown-tier.js';
import { MAX_BOOK_BYTES, MAX_BOOK_ROWS, MAX_ISSUES_PER_NAMED_FILE } from './limits.js';
import { readFileBytes, type FileKind } from './read-file.js';
import { isTrimmed, Locator, textPosition } from './csv-locator.js';
import { firstInvalidUtf8, looksUtf16, startsUtf16 } from './read-text.js';
import { evenRecords, restoreRecords } from './csv-even-records.js';
import { plainRecords } from './csv-plain-records.js';
import { amountPointProblem, dateFormProblem, numberFormProblem, numberFormReading, numberReadings, serialDateProblem } from './export-forms.js';
import { nameKey } from './name-key.js';
import { splitAmounts } from './split-amount.js';
import { indefiniteArticle } from './indefinite-article.js';
import { MONTH_NAMES } from './month-names.js';

/**
 * Reading the CSV files a scenario names (customer books, opening pipelines): bytes to validated,
 * header-mapped rows, and the cell parsers and issue collection the readers share.
 *
 * The format: comma-separated, UTF-8 (a byte-order mark is dropped), CRLF, LF or CR line ends (even
 * mixed), fields with commas, quotes or line breaks in double quotes (`"Acme, Inc"`, a quote doubled
 * inside), spaces around fields ignored, rows with nothing in them (blank lines, `,,,,`) skipped. The
 * first row is a header naming the columns, matched ignoring case, spaces, `-` and `_` (`Next
 * Renewal` is `next_renewal`). Parsing is csv-parse's.
 *
 * As spreadsheets write it: empty cells that END the header (Excel's used range, `id,tier,arr,,,`)
 * are dropped, and a row may then have as many fields as the raw header, those past the named
 * columns empty; a row with more fields than the raw header, or a value past the named columns, is
 * refused (most likely a value with an unquoted comma). A title row or notes above the header (the
 * first row names no column, one of the next HEADER_SEARCH names two or more) are refused, naming
 * the header's line (`headerBelow`). Numbers and dates in other forms: export-forms.ts.
 *
 * Positions: every issue about a cell has `line` (1-based line of the file) and `column`, the
 * 1-based CHARACTER column (Unicode code points; a tab counts as one) where the cell's value starts
 * in that line; for a value in quotes, the column of the opening quote. A cell after a quoted line
 * break is on a later line than its row's first. The text is scanned once for its records (where
 * each starts, its line and its width: csv-locator.ts, about 10 ms for 100,000 rows), then each reported
 * row again for its cells' columns.
 */

export { MAX_BOOK_BYTES, MAX_BOOK_ROWS } from './limits.js';

/**
 * At most this many issues are listed; a last one says how many more there were. Each may quote a
 * short excerpt of the file (display-text.ts), so this also bounds how much of a file a message shows.
 */
export const MAX_ISSUES = MAX_ISSUES_PER_NAMED_FILE;

/** A column a reader knows. */
export interface CsvColumn {
  /** Canonical name, as written in messages: `next_renewal`. */
  readonly name: string;
  readonly required?: boolean;
  /**
   * Columns sharing a group: at least one of them must be present (e.g. probability or stage).
   * The value names the group in the message.
   */
  readonly oneOf?: string;
  /** Other names people give this column, normalized (see `normalizeHeader`): a "did you mean" hint only, never accepted. */
  readonly hints?: readonly string[];
  /**
   * Names of a column that means this one's opposite, normalized (a `churned` flag where `renewed`
   * is wanted), with what to do: renaming it alone would read every row backwards, so the message
   * says so instead of "did you mean".
   */
  readonly opposites?: { readonly names: readonly string[]; readonly fix: string };
  /**
   * Money or a count (ARR, amounts, deals): a point before three digits (`12.000`) is refused with
   * both readings, as a European export writes 12000 so (export-forms.ts `amountPointProblem`).
   */
  readonly amount?: boolean;
  /**
   * Whether a cell could be this column's value at all (a month holds a digit; a number starts as
   * one), loosely: a row with one field too many names a split amount (`86,500`) only when its other
   * columns, so joined, read (split-amount.ts); a name's comma (`Acme, Inc`) shifts them. Amount
   * columns read as numbers without it.
   */
  readonly reads?: (cell: string) => boolean;
  /**
   * The least value the column's reader accepts, and whether only whole numbers: readCsv does not
   * know the reader's bounds, so a row holding an amount split by unquoted commas (`-41,421`) is told
   * what the amount reads as and the bound, not to write a number that is then refused. Absent when
   * the bound depends on another column (an outcome's value) or there is none.
   */
  readonly least?: number;
  readonly whole?: boolean;
}

/** Whether a cell could be a number, loosely (as an export writes one: `-12`, `(1,200)`, `$86`, `.5`, `12%`), or is empty. */
export const readsAsNumber = (cell: string): boolean => cell === '' || /^[-+(]?\s*[$\u20ac\u00a3]?\s*\.?\d/.test(cell);

/** Whether a cell could be a month, loosely (`3`, `2026-03`, `Mar 2026`, `3/1/2026`, `46053`: each holds a digit), or is empty. */
export const readsAsMonth = (cell: string): boolean => cell === '' || /\d/.test(cell);

/**
 * A CSV file's data rows, validated for shape (header, field counts), with the positions needed to
 * report problems in them. Collects the issues the reader finds (`problem`), then throws them all at
 * once (`throwIfProblems`).
 *
 * Columns are referred to by their index in the `columns` given to `readCsv`.
 */
export class CsvTable {
  /** @internal Use `readCsv`. */
  constructor(
    readonly file: string,
    private readonly columns: readonly CsvColumn[],
    /** Field index of each column, -1 when the file has no such column. */
    private readonly fields: Int32Array,
    /** Data rows that have as many fields as the header (the others were reported). */
    readonly rows: readonly (readonly string[])[],
    /** Record (0-based, counting every line csv-parse returned) of each row, for positions. */
    private readonly rowRecord: Int32Array,
    private readonly where: Locator,
    private readonly issues: ScenarioIssue[],
    private total: number,
  ) {}

  /** Whether column `col` holds money or a count (CsvColumn.amount). */
  isAmount(col: number): boolean {
    return this.columns[col]!.amount === true;
  }

  /** Whether column `col` is in the file. */
  has(col: number): boolean {
    return this.fields[col]! >= 0;
  }

  /** The (trimmed) text of column `col` in row `row`; '' when empty or when the file has no such column. */
  cell(row: number, col: number): string {
    const f = this.fields[col]!;
    return f < 0 ? '' : this.rows[row]![f]!;
  }

  /** The (trimmed) field just before column `col`'s in row `row`, in the file's own order; '' when there is none. */
  /** The column read at the field before column `col`'s, if any (whose number a split amount is). */
  columnBefore(col: number): CsvColumn | undefined {
    const i = this.fields.indexOf(this.fields[col]! - 1);
    return this.fields[col]! < 1 || i < 0 ? undefined : this.columns[i];
  }

  fieldBefore(row: number, col: number): string {
    const f = this.fields[col]!;
    return f < 1 ? '' : this.rows[row]![f - 1]!;
  }

  /** The line row `row` starts on. */
  lineOf(row: number): number {
    return this.where.at(this.rowRecord[row]!, 0).line;
  }

  /** The 1-based character column where the cell of column `col` in row `row` starts (the row's first when the file has no such column). */
  columnOf(row: number, col: number): number {
    return this.where.at(this.rowRecord[row]!, Math.max(this.fields[col]!, 0)).column;
  }

  /** Record a problem with the cell of column `col` in row `row` (path: the column's name). */
  problem(row: number, col: number, message: string): void {
    if (++this.total > MAX_ISSUES) return;
    const at = this.where.at(this.rowRecord[row]!, Math.max(this.fields[col]!, 0));
    this.issues.push({ path: [this.columns[col]!.name], message, line: at.line, column: at.column });
  }

  /** Record a problem that is not about one row (path: the column's name, or none). */
  fileProblem(col: number | undefined, message: string): void {
    if (++this.total <= MAX_ISSUES) this.issues.push({ path: col === undefined ? [] : [this.columns[col]!.name], message });
  }

  /** Whether any problem has been recorded. */
  get failed(): boolean {
    return this.total > 0;
  }

  /** Throw every recorded problem, in file order, as one ScenarioError (at most MAX_ISSUES listed). */
  throwIfProblems(): void {
    if (this.total === 0) return;
    const listed = this.issues
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i)
      .map(({ issue }) => issue);
    const more = this.total - listed.length;
    if (more > 0) listed.push({ path: [], message: `… and ${more} more problem${more === 1 ? '' : 's'}` });
    throw new ScenarioError(this.file, listed);
  }
}

/**
 * Every line break (CRLF, LF or CR, even mixed) ends a record outside quotes; blank lines come back
 * as [''] records (skipped by `readCsv`, and kept by csv-parse so its record numbers match `Locator`'s).
 */
const csvOptions = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  relax_quotes: true,
  trim: true,
};

/**
 * Decode and parse a CSV (text, or the bytes of a file) against the columns a reader knows. Throws
 * ScenarioError naming `file` for: bytes that are not UTF-8, binary content, broken quoting, a
 * header with unknown, repeated or missing columns, and a file with no data rows ("has no
 * `noun`"). Rows with the wrong number of fields are recorded as problems on the returned table
 * (and left out of its rows), so the reader can report them with its own.
 *
 * @example readCsv('id,arr\nc1,1200\n', 'b.csv', [{ name: 'id', required: true }, { name: 'arr' }], 'customers').cell(0, 1) // => '1200'
 * `reads` gives, by column index, what a column's cell reads as where the reader knows more than its
 * CsvColumn says (the scenario's tiers: TierLookup.knows), to tell a split amount from a name's comma.
 * Complexity: O(size of the input).
 */
export function readCsv(
  input: string | Buffer,
  file: string,
  columns: readonly CsvColumn[],
  noun: string,
  kind: string = BOOK_KIND,
  reads?: ReadonlyMap<number, (cell: string) => boolean>,
): CsvTable {
  const fail = (message: string, at?: { line: number; column: number }): never => {
    throw new ScenarioError(file, [{ path: [], message, ...at }]);
  };
  let text = '';
  if (typeof input === 'string') text = input;
  else {
    if (startsUtf16(input)) fail('is UTF-16 text: save it as "CSV UTF-8"', { line: 1, column: 1 });
    // Before decoding: `é` as UTF-16 (E9 00) is not UTF-8, and would be reported as such.
    if (looksUtf16(input)) fail('is UTF-16 text without a byte-order mark: save it as "CSV UTF-8"', { line: 1, column: 1 });
    try {
      text = utf8.decode(input);
    } catch {
      // Where the first bad byte is: the bytes before it are UTF-8, decoded as the whole file would be.
      const bad = firstInvalidUtf8(input);
      const before = bad >= 0 ? utf8.decode(input.subarray(0, bad)) : undefined;
      fail(
        bad >= 0 ? `is not UTF-8 text (byte 0x${input[bad]!.toString(16).padStart(2, '0')} here): save it as "CSV UTF-8"` : 'is not UTF-8 text: save it as "CSV UTF-8"',
        before === undefined ? undefined : textPosition(before, before.length),
      );
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail('is binary (it holds a NUL byte), not a CSV file', textPosition(text, nul));
  const where = new Locator(text);

  // Stop at the limit + 1 (the header, MAX_BOOK_ROWS rows, one more): every record costs about
  // 1 KB until it is read into columns, so a longer file is refused before it is all parsed. Blank
  // lines before the header are not rows after it: up to MAX_BOOK_ROWS of them (each a record of
  // one empty field, tens of bytes) are read past the limit too.
  const lead = Math.min(leadingBlankLines(text), MAX_BOOK_ROWS);
  const limit = lead + MAX_BOOK_ROWS + 2;
  const parseRecords = (source: string | Buffer) => parse(source, { ...csvOptions, to: limit }) as string[][];
  const csvParseRecords = (): string[][] => {
    try {
      // Records of uneven widths (blank lines, rows short of or past the header) are parsed evened
      // out (csv-even-records.ts); should that not give the original's records, or fail, the original
      // text is parsed, and its error reported.
      const even = evenRecords(text, where);
      let evened: string[][] | undefined;
      if (even !== undefined) {
        try {
          evened = restoreRecords(parseRecords(even.text), even, limit);
        } catch {
          evened = undefined;
        }
      }
      return evened ?? parseRecords(typeof input === 'string' ? text : input);
    } catch (err) {
      const e = err as { code?: string; message?: string; column?: unknown; records?: unknown };
      const at = where.at(typeof e.records === 'number' ? e.records : 0, typeof e.column === 'number' ? e.column : 0);
      return fail(
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field is never closed: its `"` opens a field that runs to the end of the file'
          : e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
            ? 'a quoted field has text after its closing quote: quote the whole field and double any quote inside it ("5"" monitor")'
            : `is not valid CSV: ${excerpt((e.message ?? String(err)).split('\n')[0] ?? '', 120)}`,
        at,
      );
    }
  };
  // A text without quotes is split here (csv-plain-records.ts): the same records, without csv-parse.
  const records = plainRecords(text, limit) ?? csvParseRecords();

  if (records.length > lead + MAX_BOOK_ROWS + 1)
    fail(
      `has more than ${MAX_BOOK_ROWS.toLocaleString('en-US')} rows after the header (blank lines count); ${kind} may hold at most ${MAX_BOOK_ROWS.toLocaleString('en-US')}`,
      where.at(lead + MAX_BOOK_ROWS + 1, 0),
    );
  let h = 0;
  while (h < records.length && isBlank(records[h]!)) h++;
  const header = records[h];
  if (header === undefined) return fail(`is empty: it has no ${noun} (expected a header row naming the columns, then one row per ${singular(noun)})`);
  const below = headerBelow(records, h, columns);
  if (below !== undefined) {
    const line = where.at(below, 0).line;
    fail(`the header row must come first, and line ${line} looks like it (it names ${knownNames(records[below]!, columns).join(', ')}): delete the ${line - where.at(h, 0).line === 1 ? 'line' : `${line - where.at(h, 0).line} lines`} above it (a title or notes)`, where.at(h, 0));
  }
  // Excel writes its used range as a rectangle: when formatted cells lie right of the data, the
  // header ends in empty cells (`id,tier,arr,,,`) and every row in as many fields. Those header
  // cells are dropped; a row may then have up to the raw header's fields, those past the named
  // columns empty (cut off). Past a header that does not end so, a row's extra field is refused:
  // it is most likely half of a value with an unquoted comma (`1,SMB,12,000,`).
  const rawWidth = header.length;
  let width = rawWidth;
  while (width > 1 && header[width - 1] === '') width--;
  const fields = readHeader(file, width < rawWidth ? header.slice(0, width) : header, columns, (field) => where.at(h, field), fail);

  // Data rows: those with the header's number of fields; the others are problems.
  const issues: ScenarioIssue[] = [];
  const amountFields = new Set(columns.flatMap((c, i) => (c.amount === true && fields[i]! >= 0 ? [fields[i]!] : [])));
  const fieldReads = new Map(columns.flatMap((c, i) => {
    const read = reads?.get(i) ?? c.reads ?? (c.amount === true ? readsAsNumber : undefined);
    return read !== undefined && fields[i]! >= 0 ? [[fields[i]!, read] as const] : [];
  }));
  let total = 0;
  const rows: string[][] = [];
  const rowRecord: number[] = [];
  for (let r = h + 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.length > width && record.length <= rawWidth && isBlank(record, width)) record.length = width;
    if (record.length === width) {
      if (isBlank(record)) continue;
      rows.push(record);
      rowRecord.push(r);
      continue;
    }
    if (isBlank(record) || ++total > MAX_ISSUES) continue;
    const extra = record.length > width;
    // Within the raw header's width, the first field past the named columns that is not empty.
    let past = width;
    if (extra && record.length <= rawWidth) while (record[past] === '') past++;
    else if (extra) past = rawWidth;
    // One amount split by its unquoted thousands commas (`86,500`): named, with the fix, at its first field.
    // Past a header ending in empty cells, a row's empty fields past its named columns are padding;
    // past one that does not, an empty last field is a column's (`1,SMB,12,000,`: deals is empty).
    let filled = record.length;
    if (rawWidth > width) while (filled > width && record[filled - 1] === '') filled--;
    const readings = extra ? splitAmounts(record, width, filled - width, amountFields, fieldReads) : undefined;
    if (readings !== undefined && readings.count === 1) {
      const splits = readings.first[0]!;
      const at = where.at(r, splits[0]!.field);
      const count = `(the row has ${filled} values for ${width} columns)`;
      // The fix a quoted "86,500" gets, within the column's bounds (splitAdvice): quoting it alone would be refused next.
      const fix = (s: { joined: string; field: number }) => splitAdvice(s.joined, splitColumn(columns, fields, s.field));
      const [only] = splits;
      issues.push({
        path: [],
        message:
          splits.length === 1
            ? `column ${header[only!.field]!} holds one number split by its unquoted comma${filled - width > 1 ? 's' : ''} into ${filled - width + 1} fields ${count}: ${fix(only!)}`
            : `columns ${listWords(splits.map((s) => header[s.field]!))} each hold one number split by its unquoted commas ${count}: ${splits.map((s) => `${header[s.field]!} ${fix(s)}`).join('; ')}`,
        line: at.line,
        column: at.column,
      });
      continue;
    }
    if (readings !== undefined) {
      // Several readings: which comma is a number's cannot be told, but the row is still one of
      // amounts written with thousands commas, not a name's comma; each reading is shown.
      const at = where.at(r, Math.min(...readings.first.map((splits) => splits[0]!.field)));
      const reading = (splits: readonly { field: number; joined: string }[]) => splits.map((s) => `${header[s.field]!} ${s.joined}`).join(' and ');
      const shown = readings.first.map(reading).join('; or ');
      const ways = !readings.complete
        ? `at least ${readings.count} ways, the first ${readings.first.length}: ${shown}`
        : readings.count > readings.first.length
          ? `${readings.count} ways, the first ${readings.first.length}: ${shown}`
          : `${readings.count} ways: ${shown}`;
      issues.push({
        path: [],
        message: `has ${filled} values for ${width} columns and looks like amounts written with thousands commas, which read ${ways}: write each amount without its commas (or a value that contains a comma in quotes)`,
        line: at.line,
        column: at.column,
      });
      continue;
    }
    const at = where.at(r, extra ? past : 0);
    issues.push({
      path: [],
      message: !extra
        ? `has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${width}`
        : record.length > rawWidth
          ? `has ${record.length} fields but the header has ${rawWidth}: put a value that contains a comma in quotes ("Acme, Inc")`
          : `has a value in field ${past + 1}, past the header's ${width} named columns: put a value that contains a comma in quotes ("Acme, Inc")`,
      line: at.line,
      column: extra ? at.column : 1,
    });
  }
  if (rows.length === 0 && total === 0) fail(`has no ${noun}: it has only a header row`, { line: where.at(h, 0).line, column: 1 });
  return new CsvTable(file, columns, fields, rows, Int32Array.from(rowRecord), where, issues, total);
}

/**
 * How many records at the start of the text are blank lines (nothing but characters the reader
 * trims), each ended by CRLF, LF or CR. Complexity: O(those lines).
 */
function leadingBlankLines(text: string): number {
  let lines = 0;
  for (let p = text.charCodeAt(0) === 0xfeff ? 1 : 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) lines++;
    else if (c === 13) {
      lines++;
      if (text.charCodeAt(p + 1) === 10) p++;
    } else if (!isTrimmed(c)) return lines;
  }
  return lines;
}

/** A record whose fields (from field `from` on) are all empty: a blank line, or `,,,` from a spreadsheet. */
function isBlank(record: readonly string[], from = 0): boolean {
  for (let i = from; i < record.length; i++) if (record[i] !== '') return false;
  return true;
}

/**
 * The header of a CSV text's first lines, as `readCsv` finds it: the first line with text, or, when
 * that names none of `columns`, a line within the next HEADER_SEARCH that names two or more (the
 * header under a title row). Fields are split at every comma, quotes around one dropped: for telling
 * which kind of file a text is before reading it (score --actuals), not for reading it.
 *
 * @example headerFields('Export FY2026\nmonth,tier,new_arr\n', [{ name: 'month' }, { name: 'tier' }]) // => ['month', 'tier', 'new_arr']
 * Complexity: O(length of the text).
 */
export function headerFields(text: string, columns: readonly CsvColumn[]): readonly string[] {
  const records = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, HEADER_SEARCH + 1)
    .map((l) => l.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')));
  if (records.length === 0) return [];
  return records[headerBelow(records, 0, columns) ?? 0]!;
}

/** Header rows looked for below a first row that names no column (a title or notes above the header). */
const HEADER_SEARCH = 10;

/** The columns a record names, canonically. */
function knownNames(record: readonly string[], columns: readonly CsvColumn[]): string[] {
  const names = new Map(columns.map((c) => [normalizeHeader(c.name), c.name]));
  return [...new Set(record.flatMap((f) => names.get(normalizeHeader(f)) ?? []))];
}

/**
 * When record h (the first that is not blank) names none of the columns, the record within the
 * next HEADER_SEARCH that names two of them or more (a header under a title row or notes), or undefined.
 */
function headerBelow(records: readonly (readonly string[])[], h: number, columns: readonly CsvColumn[]): number | undefined {
  if (knownNames(records[h]!, columns).length > 0) return undefined;
  const wanted = Math.min(2, columns.length);
  for (let r = h + 1; r < Math.min(records.length, h + 1 + HEADER_SEARCH); r++) if (knownNames(records[r]!, columns).length >= wanted) return r;
  return undefined;
}

/** What the limits' messages call a file, unless its reader says (an actuals file, a deals file, ...): customer books and pipeline files. */
export const BOOK_KIND = 'a customer or pipeline file';

const csvFile = (maxBytes: number, kind: string): FileKind => ({
  maxBytes,
  noun: 'a CSV file',
  tooLarge: (size, more) => `is ${more}${size} bytes; ${kind} may be at most ${megabytes(maxBytes)} (${maxBytes} bytes)`,
});

/**
 * Read a CSV file's bytes as every file arrcast reads is read (read-file.ts: non-blocking, a
 * regular file of at most `maxBytes`, checked through its handle; `check` is the path policy's check
 * of what was opened). Throws ScenarioError naming `file` otherwise.
 *
 * Complexity: O(size of the file).
 */
export async function readCsvBytes(
  path: string,
  file: string,
  maxBytes = MAX_BOOK_BYTES,
  check?: (opened: string) => Promise<string | undefined>,
  kind: string = BOOK_KIND,
): Promise<Buffer> {
  return readFileBytes(path, file, csvFile(maxBytes, kind), check);
}

// ---------------------------------------------------------------------------------------------
// Cells

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the same numbers, but a run of digits has one reading, so a long
// cell that is not a number fails in linear time (the other splits the run in every way first).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A plain decimal number (`1200`, `-3.5`, `.25`, `1e6`); NaN for anything else, including ''. No
 * thousands separators, currency signs, percent signs, `Infinity` or hex.
 *
 * @example parseDecimal('1.5e3') // => 1500
 */
export function parseDecimal(cell: string): number {
  // Fast path, exact: a whole number of up to 9 digits (months, terms, counts).
  const n = cell.length;
  if (n > 0 && n <= 9) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = cell.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === n) return v;
  }
  return DECIMAL.test(cell) ? Number(cell) : NaN;
}

/**
 * Why a non-empty cell is not a plain decimal number, with the fix.
 *
 * Number forms of exports (`"1,234,567"`, `1.234,56`, `$1,234`, `(1,234)`) are export-forms.ts's:
 * refused with the plain number to write, or both readings when there are two.
 *
 * @example decimalProblem('12,000,000') // => '"12,000,000": has thousands separators: write 12000000'
 */
export function decimalProblem(cell: string, amount = false): string {
  const q = quoteText(cell);
  const t = cell.trim();
  if (t.endsWith('%')) {
    // `12,5 %` (a European percent) is 0.125; `1,200%` is 12 or 0.012.
    const r = numberReadings(t.slice(0, -1).trim());
    const share = (x: string) => formatShare(Number(x) / 100);
    if (r === undefined) return `${q} is not a number`;
    const write = r.other === undefined ? share(r.plain) : `${share(r.plain)} (a thousands separator) or ${share(r.other)} (a decimal ${r.mark}), whichever it is`;
    return `${q}: write a share as a decimal, not a percentage: ${write}`;
  }
  return numberFormProblem(cell, amount) ?? `expected a number, got ${q}`;
}

/**
 * The number in column `col` of row `row`: a plain decimal within [min, max], whole when `integer`.
 * An empty cell gives `whenEmpty`, or, when that is a string, records it as the problem. Otherwise
 * records the problem (`outOfRange(value)` for one outside the bounds) and returns NaN.
 *
 * @example numberCell(table, 0, ARR, 'is required', 0, 1e12, (v) => `must be at least 0`) // => 1200
 */
export function numberCell(
  table: CsvTable,
  row: number,
  col: number,
  whenEmpty: number | string,
  min: number,
  max: number,
  outOfRange: (value: number) => string,
  integer = false,
): number {
  const cell = table.cell(row, col);
  if (cell === '') {
    if (typeof whenEmpty === 'number') return whenEmpty;
    table.problem(row, col, whenEmpty);
    return NaN;
  }
  const v = parseDecimal(cell);
  const ambiguous = Number.isNaN(v) || !table.isAmount(col) ? undefined : amountPointProblem(cell);
  const bounds: Bounds = { min, max, outOfRange, integer };
  const split = Number.isNaN(v) ? undefined : splitThousandsProblem(table, row, col);
  if (Number.isNaN(v)) table.problem(row, col, exportFormProblem(cell, bounds, table.isAmount(col)));
  else if (split !== undefined) table.problem(row, col, split);
  // Both readings of "-12.500" (-12500 and -12.5) below a least of 0: say so, not which to write.
  else if (ambiguous !== undefined) table.problem(row, col, refusedReadings(cell, [Number(cell.trim().replace('.', '')), v], undefined, bounds) ?? ambiguous);
  else if (!Number.isFinite(v)) table.problem(row, col, `${quoteText(cell)} is beyond the largest number there is (about 1.8e308): ${outOfRange(v).replace(/got -?Infinity/, `got ${excerpt(cell)}`)}`);
  else if (integer && !Number.isInteger(v)) table.problem(row, col, `must be a whole number, got ${excerpt(cell)}`);
  else if (v < min || v > max) table.problem(row, col, outOfRange(v));
  else return v === 0 ? 0 : v; // no -0
  return NaN;
}

/** A number cell's bounds, as numberCell is given them. */
interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly outOfRange: (value: number) => string;
  readonly integer: boolean;
}

/**
 * The refusal of a cell every reading of which (`values`, the first being the one advice lists
 * first) breaks the bounds: what it reads as and the first reading's bound, so the "got" of a
 * message is always its first reading. Undefined when some reading is accepted (the advice to write
 * it then stands) or there is none.
 *
 * @example refusedReadings('(41421)', [-41421], 'an accounting negative', atLeast0) // => '"(41421)" reads -41421 (an accounting negative): must be at least 0, got -41421'
 */
function refusedReadings(cell: string, values: readonly number[] | undefined, notes: string | undefined, b: Bounds): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const refused = (x: number) => x < b.min || x > b.max || (b.integer && !Number.isInteger(x));
  if (!values.every(refused)) return undefined;
  const x = values[0]!;
  const shown = values.map((v) => excerpt(formatShare(v)));
  const why = x < b.min || x > b.max ? b.outOfRange(x) : `must be a whole number, got ${shown[0]}`;
  return `${quoteText(cell)} reads ${shown.join(' or ')}${notes ? ` (${notes})` : ''}: ${why}`;
}

/**
 * Why a cell that is not a plain decimal is refused: decimalProblem's advice, unless every number
 * the cell reads as (a percentage as its share) is refused too, when the bound it breaks is said at
 * once. "(41421)" in a column of money at least 0 was told to write -41421, which was then refused as
 * below 0; deals of "12%" were told to write 0.12, then refused as not whole.
 *
 * @example exportFormProblem('(41421)', atLeast0) // => '"(41421)" reads -41421 (an accounting negative): must be at least 0, got -41421'
 */
function exportFormProblem(cell: string, b: Bounds, amount: boolean): string {
  const t = cell.trim();
  if (t.endsWith('%')) {
    const r = numberReadings(t.slice(0, -1).trim());
    const values = r && [r.plain, ...(r.other === undefined ? [] : [r.other])].map((x) => Number(x) / 100);
    return refusedReadings(cell, values?.every(Number.isFinite) ? values : undefined, 'a percentage, as a share', b) ?? decimalProblem(cell, amount);
  }
  const reading = numberFormReading(cell, amount);
  return refusedReadings(cell, reading?.values, reading?.notes || undefined, b) ?? decimalProblem(cell, amount);
}

/** The column read at field `field` of a row, if any. */
function splitColumn(columns: readonly CsvColumn[], fields: Int32Array, field: number): CsvColumn | undefined {
  const i = fields.indexOf(field);
  return i < 0 ? undefined : columns[i];
}

/**
 * The fix for an amount split by unquoted commas, once joined (`-41,421`): the fix a quoted one gets
 * (numberFormProblem: quoting it alone would be refused next), or, when the column's least value
 * (CsvColumn.least) or wholeness refuses every reading of it, what it reads as and that bound.
 */
function splitAdvice(joined: string, column: CsvColumn | undefined, commas = 'commas'): string {
  const reading = numberFormReading(joined, column?.amount === true);
  const values = reading?.values ?? [Number(joined.replace(/,/g, ''))];
  const refused = column?.least === undefined && column?.whole !== true ? undefined : refusedReadings(joined, values.every(Number.isFinite) ? values : undefined, reading?.notes || undefined, {
    min: column.least ?? -Infinity,
    max: Infinity,
    integer: column.whole === true,
    outOfRange: (v) => `${column.name} must be at least ${column.least}, got ${formatShare(v)}`,
  });
  return refused ?? reading?.problem ?? `write ${quoteText(joined)} without its ${commas}`;
}

/** Three digits with a leading zero (`000`, `050`): what follows the comma of a round thousands figure. */
const THOUSANDS_GROUP = /^0\d\d$/;
/** One to three digits, perhaps signed or after a currency sign: what precedes that comma. */
const LEADING_GROUP = /^-?\s*[$\u20ac\u00a3]?\s*\d{1,3}$/;

/**
 * A number cell that reads as the thousands of a figure split by an unquoted comma (`86,000` in a file
 * whose row width cannot show it: `86` in one column, `000` in the next), or undefined. No export writes
 * a number as `000` or `050`, so such a cell right after a cell of one to three digits is refused,
 * naming both, rather than read as 0 or 50 with the figure before it a thousand times too small.
 * Only round figures are caught (a split `86,500` reads as two plausible numbers): readCsv refuses
 * the rows whose field count shows the comma.
 */
function splitThousandsProblem(table: CsvTable, row: number, col: number): string | undefined {
  const cell = table.cell(row, col);
  if (!THOUSANDS_GROUP.test(cell)) return undefined;
  const before = table.fieldBefore(row, col).trim();
  if (!LEADING_GROUP.test(before)) return undefined;
  // The fix a quoted "86,000" gets (numberFormProblem): quoting it alone would be refused next.
  const joined = `${before},${cell}`;
  // The number is the column before's: its least value words the advice (splitAdvice).
  return `${quoteText(cell)} after ${quoteText(before)} looks like one number split by an unquoted comma: ${splitAdvice(joined, table.columnBefore(col), 'comma')}`;
}

/** `0.95` for 0.95000000001 (the result of 95 / 100). */
const formatShare = (v: number) => String(Number(v.toPrecision(12)));

const DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;

/** The fiscal year a file's dates are placed in. */
export interface FiscalCalendar {
  /** Calendar year the fiscal year starts in; needed for dates. */
  readonly year?: number;
  /** Calendar month (1..12) the fiscal year starts in. */
  readonly startMonth: number;
}

/** What a month column accepts and how to say it does not. */
export interface MonthRule {
  /** Last fiscal month accepted. */
  readonly max: number;
  /** For a date before the fiscal year starts: `what` is the quoted cell, `start` the first month (`2027-02`). */
  readonly beforeStart: (what: string, start: string) => string;
  /** For a month number (`what`: `month 13`) or date (`"2028-03"`) past `max`. */
  readonly afterMax: (what: string, start: string) => string;
}

/**
 * A month number from a month column's cell: the whole number 1..max, or a problem: for a whole
 * number past max that is an Excel serial day (export-forms.ts), that with its date, else
 * `wrong(n)`; undefined when the cell is no number (a date, the caller's). The one check of a month
 * number every month column makes (fiscal months, history months, deals' close months).
 *
 * @example monthNumber('46053', 12, (n) => `month ${n}`) // => '46053 looks like an Excel date serial number (2026-01-31): ...'
 */
export function monthNumber(cell: string, max: number, wrong: (n: number) => string): number | string | undefined {
  const n = parseDecimal(cell);
  if (Number.isNaN(n)) return undefined;
  if (Number.isInteger(n) && n >= 1 && n <= max) return n;
  // A month and year with a point (03.2026, 2026.03, as a European export writes them) reads as a
  // decimal number: said as the date it is.
  return (n > max ? serialDateProblem(cell) : undefined) ?? (Number.isInteger(n) ? undefined : dateFormProblem(cell)) ?? wrong(n);
}

/**
 * A fiscal month from a cell: a whole number 1..rule.max (1 = the first month of the fiscal year),
 * or a date `YYYY-MM` or `YYYY-MM-DD` in the fiscal year's calendar (the day is not used): fiscal
 * month = (y - year) * 12 + (m - startMonth) + 1. Returns the month, or a message saying what is
 * wrong. The cell must not be empty.
 *
 * @example fiscalMonth('2027-03', { year: 2027, startMonth: 2 }, rule) // => 2
 */
export function fiscalMonth(cell: string, calendar: FiscalCalendar, rule: MonthRule): number | string {
  const n = monthNumber(cell, rule.max, (v) =>
    !Number.isInteger(v) || v < 1
      ? `must be a fiscal month from 1 to ${rule.max} (1 = the first month of the fiscal year) or a date YYYY-MM or YYYY-MM-DD; got ${quoteText(cell)}`
      : rule.afterMax(`month ${v}`, fiscalStart(calendar)),
  );
  if (n !== undefined) return n;
  const d = DATE.exec(cell);
  if (d === null) {
    return dateFormProblem(cell) ?? `expected a fiscal month from 1 to ${rule.max} or a date YYYY-MM or YYYY-MM-DD, got ${quoteText(cell)}`;
  }
  const y = Number(d[1]);
  const m = Number(d[2]);
  const day = d[3] === undefined ? 1 : Number(d[3]);
  if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return `${quoteText(cell)} is not a date`;
  if (calendar.year === undefined) return 'dates need fiscalYear in the scenario; or give the fiscal month number';
  const month = (y - calendar.year) * 12 + (m - calendar.startMonth) + 1;
  if (month < 1) return rule.beforeStart(quoteText(cell), fiscalStart(calendar));
  if (month > rule.max) return rule.afterMax(quoteText(cell), fiscalStart(calendar));
  return month;
}

/**
 * A date cell `YYYY-MM` or `YYYY-MM-DD` as a month count (year x 12 + month - 1): undefined when the
 * cell is not written as a date at all, a problem when it is written as one but is none (month 13,
 * 2025-02-30) or is a date in another form (`1/31/2026`, `Jan-2026`: export-forms.ts, with the
 * ISO form to write). The one check every reader of dated months uses.
 *
 * @example calendarMonth('2025-03') // => 24302
 * @example calendarMonth('2025-02-30') // => '"2025-02-30" is not a date'
 */
export function calendarMonth(cell: string): number | string | undefined {
  const d = DATE.exec(cell);
  if (d === null) return dateFormProblem(cell);
  const y = Number(d[1]);
  const m = Number(d[2]);
  const day = d[3] === undefined ? 1 : Number(d[3]);
  if (m < 1 || m > 12 || day < 1 || day > daysInMonth(y, m)) return `${quoteText(cell)} is not a date`;
  return y * 12 + m - 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1]!);

/** `2027-02` for the fiscal year starting February 2027; `February` without a year. */
function fiscalStart(calendar: FiscalCalendar): string {
  if (calendar.year === undefined) return MONTH_NAMES[calendar.startMonth - 1] ?? `month ${calendar.startMonth}`;
  return `${calendar.year}-${String(calendar.startMonth).padStart(2, '0')}`;
}

/** A tier name as a cell is matched: trimmed, without case, in NFC form (a file may write "Café" with e + U+0301 where the scenario has é). */
const tierCellKey = nameKey;

/**
 * Resolves the tier column of a book or pipeline file: names matched ignoring case and surrounding
 * spaces (and Unicode form), reported under their canonical spelling.
 */
export class TierLookup {
  private readonly index = new Map<string, number>();
  private readonly other = new Set<string>();

  constructor(
    /** Tiers that take their rows from this file, canonical names. */
    readonly tiers: readonly string[],
    private readonly allTiers: readonly string[],
    /** 'book' or 'pipeline', for "does not take its book from this file". */
    private readonly what: string,
  ) {
    tiers.forEach((t, i) => this.index.set(tierCellKey(t), i));
    for (const t of allTiers) if (!this.index.has(tierCellKey(t))) this.other.add(tierCellKey(t));
  }

  /** Whether a cell names a tier of the scenario (or is empty): what a tier column reads as (CsvColumn.reads). */
  knows(cell: string): boolean {
    return cell === '' || this.index.has(tierCellKey(cell)) || this.other.has(tierCellKey(cell));
  }

  /** Index in `tiers` of the tier in the cell, or -1 after recording the problem on `table`. */
  resolve(table: CsvTable, row: number, col: number): number {
    const cell = table.cell(row, col);
    const i = this.index.get(tierCellKey(cell));
    if (i !== undefined) return i;
    if (cell === '') table.problem(row, col, `is required: one of ${this.tiers.join(', ')}`);
    else if (this.other.has(tierCellKey(cell))) {
      const name = this.allTiers.find((t) => tierCellKey(t) === tierCellKey(cell)) ?? cell;
      table.problem(row, col, `tier ${quoteText(name)} does not take its ${this.what} from this file`);
    } else {
      table.problem(row, col, unknownTierWords(cell, this.tiers, { meant: closest, candidates: this.allTiers, listed: 'the tiers using this file' }));
    }
    return -1;
  }
}

/** The candidate closest to `value` (ignoring case, spaces, `-` and `_`) within a small edit distance, if any. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const v = normalizeHeader(value);
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.max(1, v.length - 2));
  for (const c of candidates) {
    const d = editDistance(v, normalizeHeader(c));
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** A header name as matched: lower case, without spaces, `-` and `_`. */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(HEADER_NOISE, '');
}
const HEADER_NOISE = /[\s_-]/g;

// ---------------------------------------------------------------------------------------------
// Columnar output

/** A Float64Array of `n` over a SharedArrayBuffer (worker threads share it without copying). */
export const sharedFloat64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT));
/** An Int32Array of `n` over a SharedArrayBuffer. */
export const sharedInt32 = (n: number) => new Int32Array(new SharedArrayBuffer(n * Int32Array.BYTES_PER_ELEMENT));

/**
 * The rows of each group, in file order: `group[r]` is row r's group, 0..groups-1 (rows with a
 * negative group are left out).
 *
 * @example rowsByGroup(Int32Array.of(1, 0, 1, -1), 2) // => [Int32Array [1], Int32Array [0, 2]]
 */
export function rowsByGroup(group: Int32Array, groups: number): Int32Array[] {
  const counts = new Int32Array(groups);
  for (let r = 0; r < group.length; r++) if (group[r]! >= 0) counts[group[r]!]!++;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(groups);
  for (let r = 0; r < group.length; r++) {
    const g = group[r]!;
    if (g >= 0) out[g]![fill[g]!++] = r;
  }
  return out;
}

/**
 * `source` at `rows` (distinct rows in increasing order, as rowsByGroup gives them), into a new shared
 * array of the same type. Rows as many as the source's are every row in order (a file of one tier):
 * one native copy.
 */
export function pick<T extends Float64Array | Int32Array>(source: T, rows: Int32Array): T {
  const out = (source instanceof Float64Array ? sharedFloat64(rows.length) : sharedInt32(rows.length)) as T;
  if (rows.length === source.length) out.set(source);
  else for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]!]!;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Internals

const utf8 = new TextDecoder('utf-8', { fatal: true });

function singular(noun: string): string {
  // The word that is plural: 'closed months' and 'months of history' give 'closed month' and 'month of history'.
  return noun === 'opportunities' ? 'opportunity' : noun.replace(/s\b/, '');
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/** Field index of each column (-1 when absent); throws ScenarioError for a header it cannot use. */
function readHeader(
  file: string,
  header: readonly string[],
  columns: readonly CsvColumn[],
  at: (field: number) => { line: number; column: number },
  fail: (message: string, at?: { line: number; column: number }) => never,
): Int32Array {
  const names = columns.map((c) => c.name).join(', ');
  if (header.length === 1) {
    const sep = [';', '\t', '|'].find((s) => header[0]!.includes(s));
    if (sep !== undefined)
      fail(`separates fields with ${sep === '\t' ? 'tabs' : JSON.stringify(sep)}: arrcast reads comma-separated files (save as "CSV UTF-8 (comma delimited)")`, at(0));
  }
  const byName = new Map(columns.map((c, i) => [normalizeHeader(c.name), i]));
  const byHint = new Map<string, number>();
  columns.forEach((c, i) => c.hints?.forEach((h) => byHint.set(h, i)));
  const fields = new Int32Array(columns.length).fill(-1);
  // The fields with a problem (repeated or unknown), in file order; only the first MAX_ISSUES get a
  // message and a position (each `at` walks the line from its start), the rest are counted.
  const flagged: number[] = [];
  let unflagged = 0;
  let unknown = 0;
  const flag = (f: number) => (flagged.length < MAX_ISSUES ? flagged.push(f) : unflagged++);
  header.forEach((raw, f) => {
    const col = byName.get(normalizeHeader(raw));
    if (col === undefined) {
      unknown++;
      flag(f);
    } else if (fields[col]! >= 0) flag(f);
    else fields[col] = f;
  });
  const known = header.length - unknown;
  // Suggest only columns the header does not have already.
  const absent = columns.filter((_, i) => fields[i]! < 0).map((c) => c.name);
  const issues: ScenarioIssue[] = [];
  for (const f of flagged) {
    const raw = header[f]!;
    const col = byName.get(normalizeHeader(raw));
    if (col !== undefined) {
      issues.push({ path: [], message: `column ${quoteText(raw)} appears twice (also field ${fields[col]! + 1})`, ...at(f) });
      continue;
    }
    if (raw === '') {
      issues.push({ path: [], message: `field ${f + 1} of the header row has no column name; the columns are: ${names}`, ...at(f) });
      continue;
    }
    const opposite = columns.find((c) => c.opposites?.names.includes(normalizeHeader(raw)));
    if (opposite !== undefined) {
      issues.push({ path: [], message: `unknown column ${quoteText(raw)}: it means the opposite of ${quoteText(opposite.name)}; ${opposite.opposites!.fix}`, ...at(f) });
      continue;
    }
    const hinted = byHint.get(normalizeHeader(raw));
    const near = hinted !== undefined && fields[hinted]! < 0 ? columns[hinted]!.name : closest(raw, absent);
    issues.push({
      path: [],
      message: `unknown column ${quoteText(raw)}${near ? ` (did you mean ${quoteText(near)}?)` : `; the columns are: ${names}`}`,
      ...at(f),
    });
  }
  if (known === 0 && header.length > 1)
    fail(`the first row must be a header naming the columns (${names}); got ${quoteText(header.join(','))}`, at(0));
  const present = quoteText(header.join(','));
  columns.forEach((c, i) => {
    if (c.required && fields[i]! < 0)
      issues.push({ path: [c.name], message: `required column is missing (the header row has: ${present})`, line: at(0).line, column: 1 });
  });
  const groups = new Set(columns.flatMap((c) => (c.oneOf === undefined ? [] : [c.oneOf])));
  for (const g of groups) {
    const members = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.oneOf === g);
    if (members.every(({ i }) => fields[i]! < 0))
      issues.push({ path: [], message: `needs ${members.map(({ c }) => `${indefiniteArticle(c.name)} ${JSON.stringify(c.name)}`).join(' or ')} column (${g})`, line: at(0).line, column: 1 });
  }
  const total = issues.length + unflagged;
  if (total === 0) return fields;
  // In file order (a quoted header field may start on a later line), at most MAX_ISSUES, the rest counted.
  const listed = issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).slice(0, MAX_ISSUES);
  const more = total - listed.length;
  if (more > 0) listed.push({ path: [], message: `… and ${more} more problem${more === 1 ? '' : 's'}` });
  throw new ScenarioError(file, listed);
}

/**
 * Record row r's id in `seen`, reporting an empty id or one used before (naming the first line).
 * Complexity: O(1) per row.
 */
export function checkUniqueId(t: CsvTable, r: number, col: number, seen: Map<string, number>, what: string): void {
  const id = t.cell(r, col);
  if (id === '') t.problem(r, col, `is required: a name or number for the ${what}, unique in the file`);
  else {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, r);
    else t.problem(r, col, `${quoteText(id)} is used twice (also line ${t.lineOf(first)})`);
  }
}

/** Names as a reader lists them: 'a', 'a and b', 'a, b and c'. */
function listWords(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}
