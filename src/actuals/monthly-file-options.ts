import { checkReaderOptions, optionKeysProblem, valueKind } from '../scenario/option-keys.js';
import type { FiscalCalendar } from '../scenario/csv-table.js';
import { quoteText } from '../scenario/display-text.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { MonthlyFileOptions } from './read-monthly-file.js';

/** Every key of MonthlyFileOptions: any other is refused by name. */
const KEYS: readonly string[] = Object.keys({ kind: true, calendar: true, tiers: true, minMonths: true, maxMonths: true, asOf: true } as const satisfies Record<keyof MonthlyFileOptions, true>);

/**
 * Check the options of parseMonthlyFile and readMonthlyFile (`what`) before the file is read, as a
 * ScenarioError, the class of everything else they refuse. From JavaScript each was read without a
 * check: a `kind` other than 'actuals' (`'actual'`) read the file as a history (its months 1 to 36,
 * not the fiscal months of the year), `{ tier: [...] }` or `{ maxMonth: 24 }` were ignored (the rows'
 * tiers unchecked, 12 months at most), minMonths or maxMonths given as a string were compared
 * as numbers, and a calendar was only checked to be an object (checkCalendar).
 *
 * @example checkMonthlyFileOptions({ kind: 'actual' }, 'parseMonthlyFile') // ScenarioError: parseMonthlyFile kind: must be "actuals" or "history" (got "actual")
 */
export function checkMonthlyFileOptions(options: unknown, what: string): asserts options is MonthlyFileOptions {
  checkReaderOptions(options, KEYS, what);
  const o = (options ?? {}) as Record<string, unknown>;
  const refuse = (key: string, message: string, inner?: string): never => {
    throw new ScenarioError(what, [{ path: inner === undefined ? [key] : [key, inner], message }]);
  };
  if (o.kind !== 'actuals' && o.kind !== 'history') refuse('kind', `must be "actuals" or "history" (got ${typeof o.kind === 'string' ? quoteText(o.kind) : o.kind === undefined ? 'none' : valueKind(o.kind)})`);
  for (const key of ['minMonths', 'maxMonths']) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) refuse(key, `must be a whole number of months, at least 1 (got ${typeof v === 'number' ? v : valueKind(v)})`);
  }
  const asOf = o.asOf;
  if (asOf !== undefined && !(o.kind === 'actuals' && typeof asOf === 'number' && Number.isInteger(asOf) && asOf >= 1 && asOf <= 12))
    refuse('asOf', o.kind !== 'actuals' ? 'goes with kind "actuals" only' : `must be a whole number of closed months from 1 to 12 (got ${typeof asOf === 'number' ? asOf : valueKind(asOf)})`);
  const tiers = o.tiers;
  if (tiers !== undefined && !(Array.isArray(tiers) && tiers.every((t) => typeof t === 'string')))
    refuse('tiers', `must be a list of tier names (got ${Array.isArray(tiers) ? `a list holding ${valueKind(tiers.find((t) => typeof t !== 'string'))}` : valueKind(tiers)})`);
  if (o.calendar !== undefined) checkCalendar(o.calendar, (key, message) => refuse('calendar', message, key));
}

/**
 * A fiscal calendar `{ year, startMonth }` checked by name: `{ fiscalYear: 2027, startMonth: 4 }`
 * said the dates needed fiscalYear in the scenario, `{ year: 2027, startmonth: 4 }` read a file of
 * 0 months, `{ startMonth: 13 }` placed dates in a year starting "2027-13".
 */
function checkCalendar(calendar: unknown, refuse: (key: string | undefined, message: string) => never): void {
  if (calendar === null || typeof calendar !== 'object' || Array.isArray(calendar)) refuse(undefined, `must be a fiscal calendar { year, startMonth } (got ${valueKind(calendar)})`);
  const keys = optionKeysProblem(calendar, CALENDAR_KEYS, 'a fiscal calendar');
  if (keys) refuse(keys.key, keys.message);
  const { year, startMonth } = calendar as { year?: unknown; startMonth?: unknown };
  const got = (v: unknown) => (typeof v === 'number' ? v : v === undefined ? 'none' : typeof v === 'string' ? `the string ${quoteText(v)}` : valueKind(v));
  if (!(typeof startMonth === 'number' && Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12))
    refuse('startMonth', `must be the calendar month the fiscal year starts in, a whole number from 1 to 12 (got ${got(startMonth)})`);
  if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year))) refuse('year', `must be the calendar year the fiscal year starts in, a whole number (got ${got(year)})`);
}

/** Every key of FiscalCalendar. */
const CALENDAR_KEYS: readonly string[] = Object.keys({ year: true, startMonth: true } as const satisfies Record<keyof FiscalCalendar, true>);
