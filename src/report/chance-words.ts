import type { Probability } from '../analysis/probability.js';
import { formatShareBeside, formatShareInterval, formatShareIntervalEndsOutward } from './interval-format.js';

type ShareBeside = (v: number, interval: readonly [number, number] | null) => string;

/**
 * A chance estimated from the trials, short (a chart's label): as the tables write it beside its 95%
 * interval (formatShareBeside), except when no trial or every trial reached it. "0.0%" or "100.0%"
 * would then read as certain, when it is an estimate the next run could contradict: "under 0.4%"
 * ("over 99.6%"), the interval's far end at the digits the tables write it, rounded outward so the
 * claim holds (a bound of 0.128% is "under 0.2%": "under 0.1%" would claim more than the interval
 * allows). `certain`: the metric was the same in every trial (TargetResult.certain,
 * DifferenceStat.certain); the chance is written as it is only when its interval agrees, of no width
 * (a year the actuals close: certainProbability). A metric the same in each of N simulated trials is
 * still N trials' count, and the words say what its interval says ("over 99.6%" beside [99.6%, 100.0%],
 * not "100.0%" as if no year could miss); required, so no caller forgets to pass it.
 *
 * @example chanceShort(probability(0, 1000), false) // => 'under 0.4%'
 */
export function chanceShort(p: Probability, certain: boolean, shareBeside: ShareBeside = formatShareBeside): string {
  const [lo, hi] = formatShareIntervalEndsOutward(p.interval, p.value);
  // An interval of no width bounds nothing: the figure as it is.
  const known = certain && p.interval[0] === p.interval[1];
  if (!known && p.value === 0 && p.interval[1] > 0) return `under ${hi}`;
  if (!known && p.value === 1 && p.interval[0] < 1) return `over ${lo}`;
  return shareBeside(p.value, p.interval);
}

/**
 * A chance in a sentence: chanceShort, and when no trial (every trial) reached it, how many trials
 * say so: "under 0.4% (none of 1,000 simulated years)", "over 99.6% (all 1,000 simulated years)".
 *
 * @example chanceWords(probability(0, 1000), 1000, false) // => 'under 0.4% (none of 1,000 simulated years)'
 */
export function chanceWords(p: Probability, trials: number, certain: boolean, shareBeside: ShareBeside = formatShareBeside): string {
  const short = chanceShort(p, certain, shareBeside);
  return `${short}${yearsCounted(short, trials)}`;
}

/** After a chanceShort figure, how many trials say it when it is a bound: ' (none of 1,000 simulated years)', ' (all ...)', or ''. */
function yearsCounted(short: string, trials: number): string {
  const years = trials.toLocaleString('en-US');
  if (short.startsWith('under ')) return ` (none of ${years} simulated year${trials === 1 ? '' : 's'})`;
  if (short.startsWith('over ')) return ` (${trials === 1 ? 'the one simulated year' : `all ${years} simulated years`})`;
  return '';
}

/**
 * A share of years in a sentence ("below A in 97.3% of years"): chanceShort's figure, and when no
 * trial (every trial) counts, how many trials say so after it: "under 0.2% of years (none of 2,000
 * simulated years)".
 *
 * @example chanceOfYears(probability(2000, 2000), 2000, false) // => 'over 99.8% of years (all 2,000 simulated years)'
 */
export function chanceOfYears(p: Probability, trials: number, certain: boolean): string {
  const short = chanceShort(p, certain);
  return `${short} of years${yearsCounted(short, trials)}`;
}

/**
 * A chance in a table cell that has no column for its interval (the compared scenarios' targets,
 * side by side): the figure and its 95% interval, "79.5% [76.9%, 81.9%]", so a "0.0%" of no trial
 * reaching the target carries the error that says it is not certain.
 *
 * @example chanceCell(probability(0, 1000)) // => '0.0% [0.0%, 0.4%]'
 */
export function chanceCell(p: Probability): string {
  return `${formatShareBeside(p.value, p.interval)} ${formatShareInterval(p.interval, p.value)}`;
}
