import type { Summary } from '../analysis/summarize.js';
import { varianceShareFormat } from './variance-share-format.js';

/**
 * The one sentence every place that writes "unit-level luck and interactions" (the terminal,
 * report.html, report.xlsx, the tornado chart's caption, the studio) puts beside it when it prints
 * below 0; undefined otherwise. The drivers' own shares are independent inputs' and add up to at
 * most 100% (Var(E[Y | X1]) + Var(E[Y | X2]) <= Var(Y)), but from a few dozen trials each is
 * estimated with a wide interval and their sum can come out far past 100% (-91% of luck at 12
 * trials); in a re-forecast the learned drivers' overlap with the market factor can do it too.
 * Only the terminal said so: report.html wrote "(-91.1%)" with no word.
 *
 * @example sharesPastOneNote(summary, summary.sensitivity) // => 'Luck and interactions below 0: ... by chance at 12 trials (...).'
 */
export function sharesPastOneNote(summary: Pick<Summary, 'reforecast'>, sens: Summary['sensitivity']): string | undefined {
  if (sens.notEstimable !== undefined || sens.drivers.length === 0 || sens.unexplained.value === null) return undefined;
  // As every place prints it: a remainder that rounds to 0.0% is not said to be below 0.
  if (!varianceShareFormat(sens)(sens.unexplained.value).startsWith('-')) return undefined;
  const overlap = summary.reforecast?.attributionOverlap !== undefined;
  return `Luck and interactions below 0: the shares add up to more than 100%, ${overlap ? 'by chance or by the overlap of the learned drivers with the market' : 'by chance'} at ${sens.trialsUsed.toLocaleString('en-US')} trials (independent inputs' shares add up to at most 100%; each interval says how far a share may be off).`;
}
