import { forecastHash } from './forecast-hash.js';
import type { LoadedScenario } from './parse.js';

/**
 * Why two scenarios are one forecast, for messages: every way forecastHash lets two files differ
 * (scenario/forecast-hash.ts), so the words are true of each pair refused (they named only the
 * fields left out, and a copy with its tiers reordered or a tier's name in lower case was refused
 * "but for its seed, trials, name, description or targets").
 */
export const SAME_LAW = 'the same scenario and data, but for its seed, trials, name, description or targets, where its data files are, the order of its tiers, lead sources, terms, pipeline groups and data rows, how its names are spelt (case, spaces, Unicode forms, invisible characters) and how a law is written (weights to any scale, a fixed value as its number, a seasonality to any scale, a stress of 0)';

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
