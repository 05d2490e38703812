import type { DriverSensitivity } from '../analysis/sensitivity.js';
import type { Summary } from '../analysis/summarize.js';
import { varianceShareFormat } from './variance-share-format.js';

/**
 * The one sentence every place that writes drivers' shares of variance (the terminal, report.html,
 * report.xlsx, the tornado chart's caption, the studio) puts under them when one of the drivers it
 * shows prints below 0; undefined otherwise. A share is net of what a driver with no effect explains
 * by chance (the adjusted R²), so such a driver can come out just below 0. Only the terminal said so.
 *
 * @example negativeShareNote(summary.sensitivity, shownDrivers) // => 'A negative share: no effect beyond chance (...).'
 */
export function negativeShareNote(sens: Summary['sensitivity'], shown: readonly DriverSensitivity[]): string | undefined {
  if (sens.notEstimable !== undefined) return undefined;
  const pct = varianceShareFormat(sens);
  return shown.some((x) => x.ownUncertainty && x.varianceShare !== null && pct(x.varianceShare).startsWith('-'))
    ? 'A negative share: no effect beyond chance (shares are net of what a driver with no effect explains by chance, so such a one can fall just below 0).'
    : undefined;
}
