import { forecastHash } from './forecast-hash.js';
import type { LoadedScenario } from './parse.js';

/** Why two scenarios are one forecast, for messages (scenario/forecast-hash.ts: what it leaves out). */
export const SAME_LAW = 'the same scenario and data, but for its seed, trials, name, description or targets';

/**
 * The first two of `loaded` (by position) that are one forecast (one forecastHash: a file given
 * twice, a copy of it, or one that changes only its seed, trials, name, description or targets), as
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
