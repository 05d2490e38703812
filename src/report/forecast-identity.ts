import { canonicalJson } from '../scenario/parse.js';
import { FORECAST_HASH_VERSION } from '../scenario/forecast-hash.js';

/**
 * Which forecast a summary is of (summarize's, or a report's summary.json as parsed): what defines
 * the forecast, never its draws nor where its files were. Two summaries with one identity forecast
 * the same year from the same law (a report and a copy of it, the same run made again with another
 * seed or trial count, a copy of the scenario file elsewhere): `arrcast score` and parseOutcomes
 * (ScoredReport.forecastIdentity) refuse a row that would score them both, which counted the one
 * forecast twice in every mean, the coverage and the KS test.
 *
 * It is the summary's `scenario.forecastHash` (scenario/forecast-hash.ts: the scenario without its
 * seed, trials, name, description and targets, and its data files' content, not their paths), and
 * for a re-forecast its closed months (asOfMonth, the measures and values as reported, the learning
 * method), not the actuals file's path nor anything simulated. A summary written before
 * forecastHash gives its scenario hash instead (seed and trials in it: such a run made again reads as
 * another forecast); a reforecast section without its closed months is taken whole, never read as
 * another's. Undefined when the summary states neither hash.
 *
 * The hash's version (`scenario.forecastHashVersion`, 1 when a forecastHash has none) is part of the
 * identity: one forecast hashed by two versions hashes apart, so two identities of different versions
 * (forecastIdentityVersion) cannot tell whether their reports are one forecast. `forecastHash`, when
 * given, stands for the summary's (computed afresh, this version's, from the report's scenario.json).
 *
 * @example forecastIdentity(summarize(await simulate(loaded, { seed: 1 }))) === forecastIdentity(summarize(await simulate(loaded, { seed: 8 }))) // true
 */
export function forecastIdentity(summary: unknown, forecastHash?: string): string | undefined {
  const s = summary !== null && typeof summary === 'object' ? (summary as { scenario?: unknown; reforecast?: unknown }) : {};
  const scenario = s.scenario !== null && typeof s.scenario === 'object' ? (s.scenario as { hash?: unknown; forecastHash?: unknown }) : {};
  const version = forecastHash !== undefined ? FORECAST_HASH_VERSION : statedForecastHashVersion(summary);
  const hash = forecastHash ?? scenario.forecastHash;
  const law =
    typeof hash === 'string' && hash !== ''
      ? `forecast:${version}:${hash}`
      : typeof scenario.hash === 'string' && scenario.hash !== ''
        ? `scenario:${scenario.hash}`
        : undefined;
  if (law === undefined) return undefined;
  const reforecast = s.reforecast;
  if (reforecast === undefined || reforecast === null) return JSON.stringify([law, null]);
  const r = reforecast as { asOfMonth?: unknown; method?: unknown; actuals?: { measures?: unknown; byTier?: unknown } | null };
  const closed =
    typeof r === 'object' && typeof r.asOfMonth === 'number' && r.actuals !== null && typeof r.actuals === 'object' && r.actuals.byTier !== null && typeof r.actuals.byTier === 'object'
      ? { asOfMonth: r.asOfMonth, measures: r.actuals.measures ?? null, byTier: r.actuals.byTier, method: r.method ?? null }
      : { whole: reforecast };
  return JSON.stringify([law, canonicalJson(closed)]);
}

/** The forecastHash version a summary states (`scenario.forecastHashVersion`; "1" for a forecastHash without one), undefined when it states no forecastHash. */
export function statedForecastHashVersion(summary: unknown): string | undefined {
  const scenario = (summary as { scenario?: { forecastHash?: unknown; forecastHashVersion?: unknown } } | null)?.scenario;
  if (scenario === null || typeof scenario !== 'object' || typeof scenario.forecastHash !== 'string' || scenario.forecastHash === '') return undefined;
  return typeof scenario.forecastHashVersion === 'string' ? scenario.forecastHashVersion : '1';
}

/** Which way an identity's hash was computed: `forecast:<version>` or `scenario` (a summary before forecastHash). */
export function forecastIdentityVersion(identity: string): string {
  const law = (JSON.parse(identity) as [string, unknown])[0];
  return law.startsWith('forecast:') ? law.slice(0, law.indexOf(':', 'forecast:'.length)) : 'scenario';
}
