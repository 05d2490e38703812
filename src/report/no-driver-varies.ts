import type { Summary } from '../analysis/summarize.js';
import { varianceShareFormat } from './variance-share-format.js';

/**
 * When no driver of the scenario varies from one year to the next (none has an own draw and the
 * market moves none), the words report.html and report.xlsx give in place of a table of shares,
 * which would be a head over no rows; undefined when some driver varies or the shares are not
 * estimable (said otherwise).
 *
 * @example noDriverVariesWords(summary.sensitivity) // => 'no driver of the scenario varies ... luck (100.0%)'
 */
export function noDriverVariesWords(sens: Summary['sensitivity']): string | undefined {
  if (sens.notEstimable !== undefined || sens.drivers.some((x) => x.ownUncertainty !== false)) return undefined;
  return `no driver of the scenario varies from one year to the next (none has a year-level uncertainty of its own, and the market factor moves none from year to year); the year-to-year swing of recognized revenue is deal-by-deal and customer-by-customer luck (${varianceShareFormat(sens)(sens.unexplained.value!)})`;
}
