import { canonicalJson } from '../scenario/parse.js';

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
 * @example forecastIdentity(summarize(await simulate(loaded, { seed: 1 }))) === forecastIdentity(summarize(await simulate(loaded, { seed: 8 }))) // true
 */
export function forecastIdentity(summary: unknown): string | undefined {
  const s = summary !== null && typeof summary === 'object' ? (summary as { scenario?: unknown; reforecast?: unknown }) : {};
  const scenario = s.scenario !== null && typeof s.scenario === 'object' ? (s.scenario as { hash?: unknown; forecastHash?: unknown }) : {};
  const law =
    typeof scenario.forecastHash === 'string' && scenario.forecastHash !== ''
      ? `forecast:${scenario.forecastHash}`
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
