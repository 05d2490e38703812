import { quoteText } from '../scenario/display-text.js';
import type { ActualsInput } from '../actuals/actuals-input.js';
import type { PlausibilityWarning } from './plausibility.js';

/**
 * A warning (code `actuals-tier-left-out`) for each tier of an actuals file that the scenario does
 * not have and whose every figure is 0, which the reader left out (read-monthly-file.ts): in the
 * words of fit's, which leaves such a tier out of the scenario it writes, so the planner sees why
 * the file's rows of it were not read. None for a plan run.
 *
 * @example leftOutTierWarnings({ file: { ...file, leftOut: [{ tier: 'Z', line: 5, rows: 3 }] }, months: 3 })[0].message // => 'tier "Z" left out of the re-forecast: ...'
 */
export function leftOutTierWarnings(input: ActualsInput | undefined): PlausibilityWarning[] {
  return (input?.file.leftOut ?? []).map((t) => ({
    code: 'actuals-tier-left-out' as const,
    message: `tier ${quoteText(t.tier)} left out of the re-forecast: the scenario has no such tier, and its ${t.rows} row${t.rows === 1 ? ' is' : 's are'} all 0 (nothing in the months: a tier fit leaves out of the scenario it writes)`,
    path: ['tier'],
    file: input!.file.path,
    line: t.line,
    column: 1,
  }));
}
