import type { ActualsInput } from '../actuals/actuals-input.js';
import type { PlausibilityWarning } from './plausibility.js';

/** A calendar month label of an actuals file (`2027-03`); numeric fiscal months (`3`) have no calendar. */
const CALENDAR = /^(\d{4})-(\d{2})$/;

/**
 * A warning (code `actuals-month-in-future`) when an actuals file's closed months are dated after
 * today's month: a month that has not happened cannot have closed (a typo in the year, or a plan
 * pasted as actuals), yet its figures are re-forecast from as facts. Before December 2026 the months
 * 2027-02 to 2027-06 of FY2027 ran on 2026-12-07 without a word. One warning, at the first such
 * month's row, naming today's date and how many there are. Months given as fiscal numbers (1..12)
 * have no calendar date and get none. `today` is the caller's clock (the CLI passes the run's date;
 * tests a fixed one): analysis reads no clock of its own.
 *
 * @example futureMonthsWarnings(input, new Date('2026-12-07')) // => [{ code: 'actuals-month-in-future', line: 6, ... }]
 * Complexity: O(tiers x closed months).
 */
export function futureMonthsWarnings(input: ActualsInput | undefined, today: Date | undefined): PlausibilityWarning[] {
  if (!input || !today) return [];
  const now = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const future = [...input.file.byTier.values()]
    .flatMap((rows) => rows.slice(0, input.months))
    .filter((r) => {
      const m = CALENDAR.exec(r.label);
      return m !== null && Number(m[1]) * 12 + Number(m[2]) - 1 > now;
    })
    .sort((a, b) => a.line - b.line);
  const first = future[0];
  if (!first) return [];
  const labels = [...new Set(future.map((r) => r.label))].sort();
  const span = labels.length === 1 ? labels[0]! : `${labels[0]} to ${labels[labels.length - 1]}`;
  return [
    {
      code: 'actuals-month-in-future',
      message: `month ${first.label} is after today (${today.toISOString().slice(0, 10)}): the closed months ${span} (${labels.length} month${labels.length === 1 ? '' : 's'}) have not happened yet, but are re-forecast from as facts. Check the file's months, or its --as-of`,
      path: ['month'],
      file: input.file.path,
      line: first.line,
    },
  ];
}
