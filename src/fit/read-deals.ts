import { calendarMonth, decimalProblem, monthNumber, numberCell, readCsv, readCsvBytes, readsAsMonth, TierLookup, type CsvColumn, type CsvTable } from '../scenario/csv-table.js';
import { excerpt, quoteText } from '../scenario/display-text.js';
import type { HistoryCalendar } from './history-calendar.js';

/**
 * A deal list for `arrcast fit --deals`: one row per new-business deal won in the history.
 *
 * ```text
 * close_month,tier,amount
 * 2025-02,SMB,9800
 * 2025-02,Enterprise,185000
 * ```
 *
 * - `close_month` (required): the history month it closed in, on the history's timeline: 1..N
 *   when the history numbers its months, a date `YYYY-MM` (or `YYYY-MM-DD`) when it gives dates.
 * - `tier` (required): a tier of the history, ignoring case.
 * - `amount` (required): the deal's ACV, above 0, a plain number.
 *
 * Every problem at once, with file:line:column (csv-table.ts).
 */

/** One tier's deals, in file order. */
export interface TierDeals {
  readonly amounts: number[];
  /** History month (1..N) of each deal. */
  readonly months: number[];
}

const CLOSE = 0;
const TIER = 1;
const AMOUNT = 2;
const COLUMNS: readonly CsvColumn[] = [
  { name: 'close_month', required: true, reads: readsAsMonth, hints: ['month', 'closedate', 'closemonth', 'date', 'closed'] },
  { name: 'tier', required: true, hints: ['segment'] },
  { name: 'amount', required: true, amount: true, least: 0, hints: ['acv', 'arr', 'value', 'dealvalue', 'newarr'] },
];

/**
 * Validate a deals file against the history it goes with (its tiers, its months 1..`months` and
 * their calendar). Throws ScenarioError with every problem.
 *
 * @example parseDeals('close_month,tier,amount\n1,SMB,9000\n', 'd.csv', ['SMB'], 12, undefined).get('SMB')!.amounts // => [9000]
 * Complexity: O(size of the file).
 */
export function parseDeals(input: string | Buffer, file: string, tiers: readonly string[], months: number, calendar: HistoryCalendar | undefined): Map<string, TierDeals> {
  const lookup = new TierLookup(tiers, tiers, 'deals');
  const t = readCsv(input, file, COLUMNS, 'deals', 'a deals file', new Map([[TIER, (c: string) => lookup.knows(c)]]));
  const out = new Map<string, TierDeals>(tiers.map((x) => [x, { amounts: [], months: [] }]));
  for (let r = 0; r < t.rows.length; r++) {
    const tier = lookup.resolve(t, r, TIER);
    const month = closeMonth(t, r, months, calendar);
    const amount = numberCell(t, r, AMOUNT, 'is required: the deal’s ACV', 0, 1e12, (v) => (v < 0 ? `must be above 0, got ${v}` : `must be at most 1e12, got ${v}`));
    if (amount === 0) t.problem(r, AMOUNT, 'must be above 0: a lognormal ACV is fitted to the logs of the amounts (leave a deal worth nothing out)');
    if (tier < 0 || Number.isNaN(month) || !(amount > 0)) continue;
    const d = out.get(tiers[tier]!)!;
    d.amounts.push(amount);
    d.months.push(month);
  }
  t.throwIfProblems();
  return out;
}

/** Read a deals file (a regular file of at most the CSV limit), then parseDeals. */
export async function readDeals(path: string, tiers: readonly string[], months: number, calendar: HistoryCalendar | undefined): Promise<Map<string, TierDeals>> {
  return parseDeals(await readCsvBytes(path, path, undefined, undefined, 'a deals file'), path, tiers, months, calendar);
}

/** close_month of row r on the history's timeline; NaN after recording the problem. */
function closeMonth(t: CsvTable, r: number, months: number, calendar: HistoryCalendar | undefined): number {
  const cell = t.cell(r, CLOSE);
  const ym = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  const first = calendar === undefined ? 0 : calendar.firstYear * 12 + calendar.firstMonth - 1;
  const range = calendar === undefined ? `1 to ${months}` : `${ym(first)} to ${ym(first + months - 1)}`;
  if (cell === '') {
    t.problem(r, CLOSE, `is required: the history month the deal closed in (${calendar === undefined ? `1 to ${months}` : 'YYYY-MM'})`);
    return NaN;
  }
  const at = calendarMonth(cell);
  if (at !== undefined) {
    if (calendar === undefined) {
      t.problem(r, CLOSE, `${quoteText(cell)} is a date, but the history numbers its months: give the month number 1 to ${months}`);
      return NaN;
    }
    if (typeof at === 'string') {
      t.problem(r, CLOSE, at);
      return NaN;
    }
    const m = at - (calendar.firstYear * 12 + calendar.firstMonth - 1) + 1;
    if (m < 1 || m > months) {
      t.problem(r, CLOSE, `${quoteText(cell)} is outside the history, which covers ${range}`);
      return NaN;
    }
    return m;
  }
  const number = monthNumber(cell, months, (v) => (Number.isFinite(v) && !Number.isInteger(v) ? `must be a whole number, got ${excerpt(cell)}` : `must be a month of the history, ${range}; got ${quoteText(cell)}`));
  if (number === undefined) {
    t.problem(r, CLOSE, decimalProblem(cell));
    return NaN;
  }
  if (typeof number === 'string') {
    t.problem(r, CLOSE, number);
    return NaN;
  }
  const m = number;
  if (calendar !== undefined) {
    t.problem(r, CLOSE, `is a month number, but the history gives dates: write it as YYYY-MM`);
    return NaN;
  }
  return m;
}
