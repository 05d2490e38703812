import { SAME_LAW, sameForecastPair } from '../scenario/one-forecast.js';
import type { LoadedScenario } from '../scenario/parse.js';

/** Two of the scenarios given to compare are one forecast (the CLI exits 2 with its message). */
export class OneForecastError extends Error {
  override readonly name = 'OneForecastError';
}

/**
 * Refuse scenarios to compare of which two are one forecast (sameForecastPair): every one runs on A's
 * seed and trials against A's targets, so such a pair would show the same figures twice, a
 * difference of exactly 0. `named(i)` says which is the i-th ('B (copy.yaml)'). The CLI's compare
 * (before any run) and the library's compareSimulations both refuse through this, in these words.
 *
 * @example refuseOneForecast([plan, plan], (i) => 'AB'[i]) // throws OneForecastError('B forecasts what A does (...)')
 */
export function refuseOneForecast(loaded: readonly Pick<LoadedScenario, 'scenario' | 'files'>[], named: (index: number) => string): void {
  const same = sameForecastPair(loaded);
  if (same === undefined) return;
  throw new OneForecastError(
    `${named(same[1])} forecasts what ${named(same[0])} does (${SAME_LAW}): compare runs every scenario on one seed and trial count against A's targets, so it would show one forecast twice; give scenarios that differ in a driver`,
  );
}
