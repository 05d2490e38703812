import type { Probability } from '../analysis/probability.js';
import { formatShareBeside, formatShareInterval, formatShareIntervalEnds } from './interval-format.js';

/**
 * A chance estimated from the trials, in a sentence: as the tables write it beside its 95% interval
 * (formatShareBeside), except when no trial or every trial reached it. "0.0%" or "100.0%" would then
 * read as certain, when it is an estimate from `trials` simulated years that the next run could
 * contradict; the words give the interval's far end and the count instead: "under 0.4% (none of
 * 1,000 simulated years)", "over 99.6% (all 1,000 simulated years)", the end written as the
 * interval in the tables writes it.
 *
 * @example chanceWords(probability(0, 1000), 1000) // => 'under 0.4% (none of 1,000 simulated years)'
 */
export function chanceWords(p: Probability, trials: number, shareBeside: (v: number, interval: readonly [number, number] | null) => string = formatShareBeside): string {
  const years = trials.toLocaleString('en-US');
  const [lo, hi] = formatShareIntervalEnds(p.interval);
  // An interval of no width (no trials) bounds nothing: the figure as it is.
  if (p.value === 0 && p.interval[1] > 0) return `under ${hi} (none of ${years} simulated year${trials === 1 ? '' : 's'})`;
  if (p.value === 1 && p.interval[0] < 1) return `over ${lo} (${trials === 1 ? 'the one simulated year' : `all ${years} simulated years`})`;
  return shareBeside(p.value, p.interval);
}

/**
 * A chance in a table cell that has no column for its interval (the compared scenarios' targets,
 * side by side): the figure and its 95% interval, "79.5% [76.9%, 81.9%]", so a "0.0%" of no trial
 * reaching the target carries the error that says it is not certain.
 *
 * @example chanceCell(probability(0, 1000)) // => '0.0% [0.0%, 0.4%]'
 */
export function chanceCell(p: Probability): string {
  return `${formatShareBeside(p.value, p.interval)} ${formatShareInterval(p.interval)}`;
}
