import { forecastHash } from './forecast-hash.js';
import type { LoadedScenario } from './parse.js';

/**
 * Why two scenarios (or reports) are one forecast, for every message that says so (compare,
 * --with-stress, score): one general sentence, true of every pair forecastHash joins, with README's
 * forecastHash entry listing each way. A list here was never complete (a value's order in a
 * discrete, an empirical beside a discrete of equal weights, a pipeline's stage map, a source's
 * seasonality equal to its tier's), and score built its own, false for pairs version 3 joins.
 */
export const SAME_LAW = 'one law drawn from: the same scenario and data but for what the law does not depend on (seed, trials, name, description and targets, where the data files are) and the way one law is written (order, spelling, scale; README lists each, under forecastHash)';

/**
 * The first two of `loaded` (by position) that are one forecast (one forecastHash: a file given
 * twice, a copy of it, or one that differs only as SAME_LAW says), as
 * [earlier, later] indices; undefined when every one forecasts something of its own. Commands that
 * run several scenarios on one seed and trial count (compare and compareSimulations through
 * analysis/one-forecast-compared.ts; --with-stress, the plan first) would show such a
 * pair's figures twice, a difference of exactly zero, as if a change had been compared.
 *
 * @example sameForecastPair([plan, copyOfPlan]) // => [0, 1]
 */
export function sameForecastPair(loaded: readonly Pick<LoadedScenario, 'scenario' | 'files'>[]): [number, number] | undefined {
  const first = new Map<string, number>();
  for (let i = 0; i < loaded.length; i++) {
    const hash = forecastHash(loaded[i]!);
    const earlier = first.get(hash);
    if (earlier !== undefined) return [earlier, i];
    first.set(hash, i);
  }
  return undefined;
}
