import { checkReaderOptions, valueKind } from '../scenario/option-keys.js';
import { quoteText } from '../scenario/display-text.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import type { MonthlyFileOptions } from './read-monthly-file.js';

/** Every key of MonthlyFileOptions: any other is refused by name. */
const KEYS: readonly string[] = Object.keys({ kind: true, calendar: true, tiers: true, minMonths: true, maxMonths: true } as const satisfies Record<keyof MonthlyFileOptions, true>);

/**
 * Check the options of parseMonthlyFile and readMonthlyFile (`what`) before the file is read, as a
 * ScenarioError, the class of everything else they refuse. From JavaScript each was read without a
 * check: a `kind` other than 'actuals' (`'actual'`) read the file as a history (its months 1 to 36,
 * not the fiscal months of the year), `{ tier: [...] }` or `{ maxMonth: 24 }` were ignored (the rows'
 * tiers unchecked, 12 months at most), and minMonths or maxMonths given as a string were compared
 * as numbers.
 *
 * @example checkMonthlyFileOptions({ kind: 'actual' }, 'parseMonthlyFile') // ScenarioError: parseMonthlyFile kind: must be "actuals" or "history" (got "actual")
 */
export function checkMonthlyFileOptions(options: unknown, what: string): asserts options is MonthlyFileOptions {
  checkReaderOptions(options, KEYS, what);
  const o = (options ?? {}) as Record<string, unknown>;
  const refuse = (key: string, message: string) => {
    throw new ScenarioError(what, [{ path: [key], message }]);
  };
  if (o.kind !== 'actuals' && o.kind !== 'history') refuse('kind', `must be "actuals" or "history" (got ${typeof o.kind === 'string' ? quoteText(o.kind) : o.kind === undefined ? 'none' : valueKind(o.kind)})`);
  for (const key of ['minMonths', 'maxMonths']) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) refuse(key, `must be a whole number of months, at least 1 (got ${typeof v === 'number' ? v : valueKind(v)})`);
  }
  const tiers = o.tiers;
  if (tiers !== undefined && !(Array.isArray(tiers) && tiers.every((t) => typeof t === 'string')))
    refuse('tiers', `must be a list of tier names (got ${Array.isArray(tiers) ? `a list holding ${valueKind(tiers.find((t) => typeof t !== 'string'))}` : valueKind(tiers)})`);
  if (o.calendar !== undefined && (o.calendar === null || typeof o.calendar !== 'object')) refuse('calendar', `must be a fiscal calendar (got ${valueKind(o.calendar)})`);
}
