import {
  calendarMonth,
  closest,
  fiscalMonth,
  monthNumber,
  numberCell,
  readCsv,
  readCsvBytes,
  type CsvColumn,
  type CsvTable,
  type FiscalCalendar,
  type MonthRule,
  readsAsMonth,
} from '../scenario/csv-table.js';
import { quoteText } from '../scenario/display-text.js';
import { unknownTierWords } from '../scenario/unknown-tier.js';
import { MAX_UNITS_PER_MONTH } from '../model/model-limit-error.js';
import { MONTHLY_MEASURES, type LeftOutTier, type MonthlyColumn, type MonthlyFile, type MonthlyMeasure, type MonthlyRow } from './monthly-record.js';
import { nameKey, readAlikeWhy } from '../scenario/name-key.js';
import { checkMonthlyFileOptions } from './monthly-file-options.js';

/**
 * Reading a monthly actuals or history file: one row per tier and month.
 *
 * ```csv
 * month,tier,leads,deals,new_arr,ending_arr
 * 1,SMB,1010,24,290000,31400000
 * 1,Enterprise,60,2,410000,52000000
 * 2,SMB,990,22,265000,31520000
 * ```
 *
 * - `month` (required):
 *   - in an **actuals** file, a closed month of the scenario's fiscal year: the fiscal month 1..12,
 *     or a date `YYYY-MM` (or `YYYY-MM-DD`) placed with the scenario's `fiscalYear` and
 *     `fiscalYearStartMonth`;
 *   - in a **history** file, the months before the plan, numbered 1..N from the oldest, or dates
 *     `YYYY-MM` (month 1 is the earliest date in the file). One form per file.
 * - `tier` (required): the tier's name; matched ignoring case when the caller gives the tiers.
 *   Without them, a tier must be spelled one way in the file ("SMB" and "smb" are refused). With
 *   them, a tier not among them whose every figure is 0 is left out (`leftOut`: a tier fit left out
 *   of the scenario, with nothing left, as an export of every tier still lists it); any other row of
 *   a tier not among them is refused.
 * - at least one measure column (monthly-record.ts: leads, deals, new_arr, churned_arr,
 *   contraction_arr, expansion_arr, renewed_arr, due_arr, ending_arr, revenue). A column in the
 *   header needs a value in every row (write 0 for none). Counts (leads, deals) are whole numbers;
 *   money is at least 0.
 *
 * Rules for the file as a whole: each tier's rows come in month order, no (tier, month) twice, and
 * every tier covers the same consecutive months from month 1 (a missing month is named). The file
 * is checked alone here; what depends on the scenario's model (a measure the re-forecast needs, a
 * tier that is not forecast from actuals) is the caller's to check.
 *
 * Every problem is collected and thrown at once as a ScenarioError with file:line:column.
 */

export type MonthlyFileKind = 'actuals' | 'history';

export interface MonthlyFileOptions {
  readonly kind: MonthlyFileKind;
  /** Needed for dates in an actuals file (the scenario's fiscal year). */
  readonly calendar?: FiscalCalendar;
  /** When given, every row's tier must be one of these (ignoring case) and is reported under its spelling here. */
  readonly tiers?: readonly string[];
  /** Fewest months the file must cover (default: 1 for actuals, 12 for history). */
  readonly minMonths?: number;
  /** Most months the file may cover (default: 12 for actuals, 36 for history). */
  readonly maxMonths?: number;
  /**
   * Actuals only: use the first `asOf` months (`--as-of`). The later rows are read and checked, but
   * not kept, and need not cover every tier: a tier whose latest month has not closed yet is no
   * reason to refuse a re-forecast from the months before it.
   */
  readonly asOf?: number;
}

/** An actuals or history file is small: 36 months of a few tiers. 1 MB is thousands of tier-months. */
export const MAX_MONTHLY_FILE_BYTES = 1024 * 1024;

/** Money cells are at most this (as other files' amounts). */
const MAX_MONEY = 1e12;
/** Count cells are at most this. */
const MAX_COUNT = 1e9;
/**
 * Deals of one tier in one month are at most this: the model draws each deal's ACV, and stops a
 * trial past MAX_UNITS_PER_MONTH deals in a month (model-limit-error.ts). A quarter of it leaves
 * room for the year-level draw above the history's level and seasonality, so a scenario fitted from
 * (or re-forecast with) a file this reader accepts can be run.
 */
export const MAX_DEALS_PER_MONTH = MAX_UNITS_PER_MONTH / 4;

const MONTH = 0;
const TIER = 1;
const FIRST_MEASURE = 2;

const MEASURE_HINTS: Partial<Record<MonthlyMeasure, readonly string[]>> = {
  leads: ['lead', 'newleads', 'mqls', 'mql'],
  deals: ['deal', 'won', 'wins', 'newdeals', 'dealswon', 'closedwon'],
  new_arr: ['newbusinessarr', 'newbookings', 'bookings', 'newacv', 'acv'],
  churned_arr: ['churn', 'churnarr', 'lostarr'],
  contraction_arr: ['contraction', 'downsell', 'downsellarr'],
  expansion_arr: ['expansion', 'upsell', 'upsellarr'],
  renewed_arr: ['renewed', 'renewals', 'renewalarr'],
  due_arr: ['due', 'renewalsdue', 'duearr', 'upforrenewal'],
  ending_arr: ['arr', 'endarr', 'closingarr', 'arrend'],
  revenue: ['recognizedrevenue', 'recognisedrevenue', 'rev'],
};

const COLUMNS: readonly CsvColumn[] = [
  { name: 'month', required: true, reads: readsAsMonth, hints: ['date', 'period', 'fiscalmonth', 'monthnumber'] },
  { name: 'tier', required: true, hints: ['segment', 'plan', 'tiername'] },
  ...MONTHLY_MEASURES.map((name) => ({ name, oneOf: 'a measure of the month', hints: MEASURE_HINTS[name], amount: true, least: 0, whole: name === 'leads' || name === 'deals' })),
];

/** The columns of a monthly file: month, tier, then the measures (score --actuals tells a monthly file by them). */
export const MONTHLY_COLUMNS = COLUMNS;

const COUNTS: ReadonlySet<MonthlyMeasure> = new Set(['leads', 'deals']);

/**
 * Read and validate a monthly file from disk (non-blocking, regular files only, at most
 * MAX_MONTHLY_FILE_BYTES; `check` is the path policy's check of what was opened).
 *
 * Complexity: O(size of the file).
 */
export async function readMonthlyFile(
  path: string,
  file: string,
  options: MonthlyFileOptions,
  check?: (opened: string) => Promise<string | undefined>,
  asOfName = 'asOf',
): Promise<MonthlyFile> {
  checkMonthlyFileOptions(options, 'readMonthlyFile');
  const bytes = await readCsvBytes(path, file, MAX_MONTHLY_FILE_BYTES, check, monthlyKind(options.kind));
  return parseMonthlyFile(bytes, file, options, asOfName);
}

/**
 * Validate the text (or bytes) of a monthly file. Throws ScenarioError naming `file` with every
 * problem found (at most MAX_ISSUES listed).
 *
 * @example parseMonthlyFile('month,tier,leads\n1,SMB,900\n', 'a.csv', { kind: 'actuals' }).byTier.get('SMB')![0]!.values.leads // => 900
 * Complexity: O(size of the input + rows log rows).
 */
export function parseMonthlyFile(input: string | Buffer, file: string, options: MonthlyFileOptions, asOfName = 'asOf'): MonthlyFile {
  // The asOf option as the caller names it: the CLI's `--as-of 4`, the library's `asOf: 4`.
  const asOfSaid = (n: number) => (asOfName.startsWith('-') ? `${asOfName} ${n}` : `${asOfName}: ${n}`);
  checkMonthlyFileOptions(options, 'parseMonthlyFile');
  const kind = options.kind;
  const minMonths = options.minMonths ?? (kind === 'actuals' ? 1 : 12);
  const maxMonths = options.maxMonths ?? (kind === 'actuals' ? 12 : 36);
  // With the caller's tiers, a tier cell reads only as one of them (a split amount is told from a name's comma by it).
  const tierKeys = options.tiers === undefined ? undefined : new Set(options.tiers.map(nameKey));
  const reads = tierKeys && new Map([[TIER, (c: string) => c === '' || tierKeys.has(nameKey(c))]]);
  const table = readCsv(input, file, COLUMNS, kind === 'actuals' ? 'closed months' : 'months of history', monthlyKind(kind), reads);
  const n = table.rows.length;

  const measures = MONTHLY_MEASURES.filter((_, i) => table.has(FIRST_MEASURE + i));

  // Months: an actuals file's are fiscal months; a history file's are 1..N or dates, made relative.
  const month = kind === 'actuals' ? actualsMonths(table, options.calendar, maxMonths) : historyMonths(table, maxMonths);
  // A dated file's months are named as it writes them (2025-03), not by their place in the file or
  // the fiscal year ("month 9" of a history from 2024-07 was 2025-03).
  let base: number | undefined;
  for (let r = 0; r < n && base === undefined; r++) {
    const at = calendarMonth(table.cell(r, MONTH));
    if (typeof at === 'number' && !Number.isNaN(month[r]!)) base = at - (month[r]! - 1);
  }
  const dateOf = (m: number): string => {
    const a = base! + m - 1;
    return `${Math.floor(a / 12)}-${String((a % 12) + 1).padStart(2, '0')}`;
  };
  const monthName = (m: number): string => (base === undefined ? `month ${m}` : dateOf(m));

  // Tiers: exact text (trimmed by the reader), or resolved against the caller's names ignoring case.
  const canonical = new Map<string, string>();
  // Matched in NFC form too: a file may write "Café" with e + U+0301 where the scenario has é.
  for (const t of options.tiers ?? []) canonical.set(nameKey(t), t);
  const spelling = new TierSpelling();
  const tierOf: (string | undefined)[] = new Array(n);
  // Rows of a tier the caller does not have, by its name as read (nameKey): left out when all 0.
  const unknown = new Map<string, { name: string; rows: number[] }>();
  for (let r = 0; r < n; r++) {
    const cell = table.cell(r, TIER);
    if (cell === '') {
      table.problem(r, TIER, 'is required: the tier the row is about');
      continue;
    }
    if (options.tiers === undefined) {
      const problem = spelling.check(cell);
      if (problem === undefined) tierOf[r] = cell;
      else if (problem !== '') table.problem(r, TIER, problem);
      continue;
    }
    const name = canonical.get(nameKey(cell));
    if (name !== undefined) tierOf[r] = name;
    else {
      const key = nameKey(cell);
      const group = unknown.get(key) ?? { name: cell, rows: [] };
      group.rows.push(r);
      unknown.set(key, group);
      // A tier the caller does not have is written one way, as a file read without the caller's
      // tiers (score's) requires: "Z" and "z" are refused, whether its rows are left out or not.
      const problem = spelling.check(cell);
      if (problem !== undefined && problem !== '') table.problem(r, TIER, problem);
    }
  }
  // The caller's tiers no row names: a tier left out must not be one of them misspelt.
  const named = new Set(tierOf.filter((t): t is string => t !== undefined));
  const withoutRows = (options.tiers ?? []).filter((t) => !named.has(t));

  // Values.
  const values: Partial<Record<MonthlyMeasure, number>>[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const v: Partial<Record<MonthlyMeasure, number>> = {};
    measures.forEach((m) => {
      const col = FIRST_MEASURE + MONTHLY_MEASURES.indexOf(m);
      const count = COUNTS.has(m);
      const max = m === 'deals' ? MAX_DEALS_PER_MONTH : count ? MAX_COUNT : MAX_MONEY;
      const x = numberCell(
        table,
        r,
        col,
        `is empty: every row needs a value in each column the header names (write 0 for none, or drop the column)`,
        0,
        max,
        (value) =>
          value < 0
            ? `must be at least 0, got ${value}`
            : m === 'deals'
              ? `must be at most ${MAX_DEALS_PER_MONTH.toLocaleString('en-US')} deals in a month, got ${value}: the model draws each deal, and a tier of more could not be simulated`
              : `must be at most ${max.toExponential()}, got ${value}`,
        count,
      );
      if (!Number.isNaN(x)) v[m] = x;
    });
    const renewed = v.renewed_arr;
    const due = v.due_arr;
    // More renewed than came up: early renewals (customers due in a later month renewing now) are
    // the likeliest reading, but the file does not say how much of the month's renewals were early,
    // nor whether its later due_arr still counts them: read as more due here, the later due shrinks
    // (closedMonthsDue), read as a typo it does not. Refused with the way the re-forecast and fit
    // read them right: counted in this month's due_arr (customers coming up early, taken off the
    // calendar after: test/actuals/came-up-early.test.ts) and not again where they were first due.
    if (renewed !== undefined && due !== undefined && renewed > due)
      table.problem(r, FIRST_MEASURE + MONTHLY_MEASURES.indexOf('renewed_arr'), `is ${renewed}, more than the ${due} that came up for renewal (due_arr) that month: ${EARLY_RENEWALS}`);
    values[r] = v;
  }

  // A tier the caller does not have whose every figure is 0 had nothing in the months: left out, as
  // fit leaves such a tier out of the scenario it writes (a book run down, no new business), so an
  // export of every tier re-forecasts that scenario. Before, its zero rows were refused ("no tier is
  // named"). With any figure not 0 (or not read), or when it reads as a misspelling of a tier of the
  // caller's that no row names (closest: "Enterprse" for "Enterprise", whose year would otherwise go
  // unread), each of its rows is refused as before, with the did-you-mean. Left-out rows are checked
  // for order and duplicates as the others are (leftOutOrder below).
  const leftOut: LeftOutTier[] = [];
  const leftOutRows = new Map<string, number[]>();
  for (const { name, rows: rs } of unknown.values()) {
    const nothing = measures.length > 0 && rs.every((r) => measures.every((m) => values[r]![m] === 0));
    if (nothing && closest(name, withoutRows) === undefined) {
      leftOut.push({ tier: name, line: table.lineOf(rs[0]!), rows: rs.length });
      leftOutRows.set(name, rs);
    } else for (const r of rs) table.problem(r, TIER, unknownTierWords(table.cell(r, TIER), options.tiers!, { meant: closest, listed: "the scenario's tiers" }));
  }
  // Nothing but left-out tiers: nothing of the caller's to read. Refused at each such tier's first
  // row, naming it, as score refuses such a file (outcomes-from-actuals.ts). Before, it read as a
  // file of no months ("covers 0 months"), which named neither the tier nor a line.
  if (leftOut.length > 0 && named.size === 0)
    for (const t of leftOut)
      table.problem(leftOutRows.get(t.tier)![0]!, TIER, `${unknownTierWords(t.tier, options.tiers!, { meant: closest, listed: "the scenario's tiers" })}; its ${t.rows} row${t.rows === 1 ? ' is' : 's are'} all 0, and the file has no row of a tier the scenario has: nothing to re-forecast`);

  // Order, duplicates and gaps, per tier; order and duplicates of a left-out tier's rows too (under
  // the name its first row writes; they are not read, but a file repeating a month is wrong).
  const byTier = new Map<string, { row: number; month: number }[]>();
  const leftOutOrder = new Map<string, { row: number; month: number }[]>();
  const leftOutName = new Map<number, string>();
  for (const [name, rs] of leftOutRows) for (const r of rs) leftOutName.set(r, name);
  for (let r = 0; r < n; r++) {
    const tier = tierOf[r] ?? leftOutName.get(r);
    const m = month[r]!;
    if (tier === undefined || Number.isNaN(m)) continue;
    const lists = tierOf[r] === undefined ? leftOutOrder : byTier;
    let list = lists.get(tier);
    if (list === undefined) lists.set(tier, (list = []));
    const last = list[list.length - 1];
    if (last !== undefined && m === last.month) {
      const same = list.find((x) => x.month === m)!;
      table.problem(r, MONTH, `${monthName(m)} of tier ${quoteText(tier)} appears twice (first on line ${table.lineOf(same.row)})`);
      continue;
    }
    if (last !== undefined && m < last.month) {
      const same = list.find((x) => x.month === m);
      table.problem(
        r,
        MONTH,
        same !== undefined
          ? `${monthName(m)} of tier ${quoteText(tier)} appears twice (first on line ${table.lineOf(same.row)})`
          : `${monthName(m)} of tier ${quoteText(tier)} comes after its ${monthName(last.month)} (line ${table.lineOf(last.row)}): give each tier's months in order`,
      );
      continue;
    }
    list.push({ row: r, month: m });
  }

  let months = 0;
  for (const list of byTier.values()) months = Math.max(months, list[list.length - 1]!.month);
  // asOf beyond the file's months is refused (fewer months than asked were returned without a word).
  if (options.asOf !== undefined && options.asOf > months && !table.failed)
    table.fileProblem(undefined, `covers months 1 to ${months}, but ${asOfName} asks for ${options.asOf} closed months`);
  if (options.asOf !== undefined) months = Math.min(months, options.asOf);
  // The months every tier has from month 1 on: what a re-forecast could use when only later months are missing.
  let common = months;
  for (const list of byTier.values()) {
    let k = 0;
    while (k < list.length && list[k]!.month === k + 1) k++;
    common = Math.min(common, k);
  }
  if (!table.failed) {
    for (const [tier, list] of byTier) {
      const missing: number[] = [];
      let next = 1;
      let last = 0;
      for (const x of list) {
        if (x.month > months) break;
        last = x.month;
        for (; next < x.month; next++) missing.push(next);
        next = x.month + 1;
      }
      for (; next <= months; next++) missing.push(next);
      // Only the latest months missing (a tier whose books close later): say which months would do.
      const asOf = kind === 'actuals' && common >= 1 && missing[0]! > last ? `; or re-forecast from the ${common} month${common === 1 ? '' : 's'} every tier has (${asOfSaid(common)})` : '';
      // A gap before a month the tier has is placed at that month's row (the first after the gap):
      // the file's place to fix. Months missing only at the end have no row to point at.
      const after = missing.length > 0 ? list.find((x) => x.month > missing[0]! && x.month <= months) : undefined;
      const report = (message: string) => (after ? table.problem(after.row, MONTH, message) : table.fileProblem(MONTH, message));
      if (missing.length > 0)
        report(
          base === undefined
            ? `tier ${quoteText(tier)} has no row for month${missing.length === 1 ? '' : 's'} ${listMonths(missing)}: every tier needs months 1 to ${months}, in order${asOf}`
            : `tier ${quoteText(tier)} has no row for ${listMonths(missing, dateOf)}: every tier needs ${dateOf(1)} to ${dateOf(months)}, in order${asOf}`,
        );
    }
    if (months < minMonths)
      table.fileProblem(MONTH, `covers ${months} month${months === 1 ? '' : 's'}; ${kind === 'history' ? 'a history file needs' : 'this needs at least'} ${minMonths}`);
  }
  table.throwIfProblems();

  const rows = new Map<string, MonthlyRow[]>();
  for (const [tier, list] of byTier)
    rows.set(
      tier,
      list.filter((x) => x.month <= months).map(({ row, month: m }) => ({ month: m, label: table.cell(row, MONTH), tier, line: table.lineOf(row), values: values[row]!, columns: columnsOf(table, row, measures) })),
    );
  return { path: file, measures, tiers: [...rows.keys()], months, byTier: rows, ...(leftOut.length > 0 ? { leftOut } : {}) };
}

/**
 * The way out for renewed_arr above due_arr (early renewals): an aggregate book reads due_arr above its
 * calendar as customers coming up early and takes them off its later months; a customer book takes each
 * customer's month from its customers file.
 */
export const EARLY_RENEWALS =
  "if customers due in a later month renewed early, they came up this month: add them to this month's due_arr and leave them out of the due_arr of the month they were due (they are not due again; a customer book: give each its month in the customers file)";

/** What the limits' messages call the file. */
const monthlyKind = (kind: MonthlyFileKind): string => (kind === 'actuals' ? 'an actuals file' : 'a history file');

/**
 * Tier names as a file without the caller's tiers spells them. Tiers are matched ignoring case
 * everywhere else (a scenario's names are unique ignoring case), so "SMB" and "smb" in one file are
 * one tier spelled twice: taken as two, one tier's rows would be read as another tier's.
 */
class TierSpelling {
  private readonly first = new Map<string, string>();
  private readonly reported = new Set<string>();

  /**
   * undefined when `name` is the first spelling of its tier; else the problem, once per spelling
   * ('' after that, for a spelling already reported).
   *
   * @example new TierSpelling().check('SMB') // => undefined
   * Complexity: O(length of the name).
   */
  check(name: string): string | undefined {
    // As they read (nameKey): "Café" with é and with e + U+0301, "Big Co" with a no-break space or two
    // spaces read alike, and a scenario refuses them as two tiers.
    const key = nameKey(name);
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, name);
      return undefined;
    }
    if (first === name) return undefined;
    if (this.reported.has(name)) return '';
    this.reported.add(name);
    return `tier ${quoteText(name)} is tier ${quoteText(first)} spelled differently${name.toLowerCase() !== first.toLowerCase() ? ` (other Unicode characters that read the same: ${readAlikeWhy(first, name)})` : ''}: write each tier's name one way`;
  }
}

/** Where each cell of row `r` starts (character column), for messages about it. */
function columnsOf(table: CsvTable, r: number, measures: readonly MonthlyMeasure[]): Partial<Record<MonthlyColumn, number>> {
  const out: Partial<Record<MonthlyColumn, number>> = { month: table.columnOf(r, MONTH), tier: table.columnOf(r, TIER) };
  for (const m of measures) out[m] = table.columnOf(r, FIRST_MEASURE + MONTHLY_MEASURES.indexOf(m));
  return out;
}

/** `3`, `3 and 5`, `3, 5 and 7`, `3 to 9` for a run; at most 8 listed. */
function listMonths(months: readonly number[], name: (m: number) => string = String): string {
  if (months.length > 2 && months[months.length - 1]! - months[0]! === months.length - 1) return `${name(months[0]!)} to ${name(months[months.length - 1]!)}`;
  const shown = months.slice(0, 8).map(name);
  if (months.length > 8) return `${shown.join(', ')} and ${months.length - 8} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Fiscal month of each row of an actuals file; NaN (problem recorded) where it is not one. */
function actualsMonths(table: CsvTable, calendar: FiscalCalendar | undefined, maxMonths: number): Float64Array {
  const rule: MonthRule = {
    max: maxMonths,
    beforeStart: (what, start) => `${what} is before the fiscal year (which starts ${start}): an actuals file holds the closed months of the year being forecast`,
    afterMax: (what, start) => `${what} is after the fiscal year's month ${maxMonths} (the year starts ${start})`,
  };
  const cal = calendar ?? { startMonth: 1 };
  const out = new Float64Array(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) {
    const cell = table.cell(r, MONTH);
    const m = cell === '' ? 'is required: the fiscal month (1-12) or YYYY-MM' : fiscalMonth(cell, cal, rule);
    if (typeof m === 'string') {
      table.problem(r, MONTH, m);
      out[r] = NaN;
    } else out[r] = m;
  }
  return out;
}

/** Month 1..N of each row of a history file (numbers as given, or dates relative to the earliest); NaN where invalid. */
function historyMonths(table: CsvTable, maxMonths: number): Float64Array {
  const n = table.rows.length;
  const out = new Float64Array(n).fill(NaN);
  const absolute = new Float64Array(n).fill(NaN);
  let numbers = 0;
  let dates = 0;
  let firstForm = -1;
  for (let r = 0; r < n; r++) {
    const cell = table.cell(r, MONTH);
    if (cell === '') {
      table.problem(r, MONTH, 'is required: the month number (1 = the oldest month) or YYYY-MM');
      continue;
    }
    const v = monthNumber(cell, maxMonths, () => `must be a month number from 1 to ${maxMonths} (1 = the oldest month) or YYYY-MM; got ${quoteText(cell)}`);
    if (v !== undefined) {
      if (typeof v === 'string') {
        table.problem(r, MONTH, v);
        continue;
      }
      if (dates > 0) {
        table.problem(r, MONTH, `is a month number, but line ${table.lineOf(firstForm)} gives a date: use one form in the file`);
        continue;
      }
      if (numbers++ === 0 && firstForm < 0) firstForm = r;
      out[r] = v;
      continue;
    }
    const at = calendarMonth(cell);
    if (at === undefined) {
      table.problem(r, MONTH, `expected a month number or a date YYYY-MM, got ${quoteText(cell)}`);
      continue;
    }
    if (typeof at === 'string') {
      table.problem(r, MONTH, at);
      continue;
    }
    if (numbers > 0) {
      table.problem(r, MONTH, `is a date, but line ${table.lineOf(firstForm)} gives a month number: use one form in the file`);
      continue;
    }
    if (dates++ === 0 && firstForm < 0) firstForm = r;
    absolute[r] = at;
  }
  if (dates > 0) {
    let first = Infinity;
    for (let r = 0; r < n; r++) if (!Number.isNaN(absolute[r]!)) first = Math.min(first, absolute[r]!);
    for (let r = 0; r < n; r++) {
      if (Number.isNaN(absolute[r]!)) continue;
      const m = absolute[r]! - first + 1;
      if (m > maxMonths) table.problem(r, MONTH, `${quoteText(table.cell(r, MONTH))} is more than ${maxMonths} months after the earliest month in the file`);
      else out[r] = m;
    }
  }
  return out;
}
