import { nearestName } from './edit-distance.js';

/** The yearly metrics a target names, as targets and --target write them. */
export const TARGET_METRICS = ['revenue', 'bookings', 'endingArr'] as const;

/**
 * The metric a target's misspelt metric most likely means: another case or separator
 * (`Revenue`, `ending_arr`), `arr` (ending ARR), or a start of at least three letters (`rev`,
 * `ending`), or one within two edits (`revnue`); else undefined. For --target and a scenario's
 * `targets.metrics[].metric` alike.
 *
 * @example metricMeant('ending_arr') // => 'endingArr'
 * @example metricMeant('ARR') // => 'endingArr'
 */
export function metricMeant(written: string): string | undefined {
  const bare = written.toLowerCase().replace(/[^a-z]/g, '');
  if (bare.length < 3) return undefined;
  return TARGET_METRICS.find((metric) => metric.toLowerCase().startsWith(bare) || (bare === 'arr' && metric === 'endingArr')) ?? nearestName(written, TARGET_METRICS);
}
