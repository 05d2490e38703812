import type { Metric } from '../model/components.js';

/**
 * Figures of a report that a year's monthly actuals file could not score, and why; every output
 * (terminal, score.json, score.csv, score.html) and the warning `score-not-scored` say it, in one
 * sentence (notScoredReason). Two causes:
 *
 * - missing tiers: the file has rows for some of the report's tiers but none for `missingTiers`, so
 *   a sum over the tiers it has would be a part of the company read as the whole (scored against the
 *   forecast of the whole it would always fall low): its tiers are scored, the company total is not
 *   (`tiers` empty);
 * - missing columns: the file has some of a metric's columns but not `missingColumns` (bookings,
 *   new_arr + renewed_arr − contraction_arr + expansion_arr, without contraction_arr and
 *   expansion_arr): that metric is scored for no tier (`tiers`, those the file has) nor the total.
 *   Before December 2026 both went without a word: the user saw fewer rows and no reason.
 */
export interface NotScored {
  /** The report's index in the list given. */
  readonly report: number;
  /** The metrics left out. */
  readonly metrics: readonly Metric[];
  /** The report's tiers the file has no row of, as the report spells them (empty for missing columns). */
  readonly missingTiers: readonly string[];
  /** The columns the file lacks that the metrics need (empty for missing tiers). */
  readonly missingColumns: readonly string[];
  /** The tiers whose figures are left out besides the company total's, as the report spells them. */
  readonly tiers: readonly string[];
}

/** As an outcomes file names the metrics. */
const metricName = (m: Metric) => (m === 'endingArr' ? 'ending_arr' : m);

/**
 * Why a report's figures are absent, in one sentence that every output and the warning share.
 *
 * @example notScoredReason({ report: 0, missingTiers: ['Ent'], missingColumns: [], tiers: [], metrics: ['revenue'] }, q) // => 'the company total (revenue) is not scored: the actuals file has no rows for tier "Ent", ...'
 */
export function notScoredReason(t: NotScored, quote: (name: string) => string): string {
  const metrics = t.metrics.map(metricName).join(', ');
  const list = (xs: readonly string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  if (t.missingColumns.length > 0) {
    const cols = list(t.missingColumns);
    return `${metrics} is not scored, for any tier or the company total: the actuals file has no ${cols} column${t.missingColumns.length === 1 ? '' : 's'}, and a year's bookings are new_arr + renewed_arr - contraction_arr + expansion_arr, all four given. Add ${t.missingColumns.length === 1 ? 'it' : 'them'} (0 in a month with none) to score ${metrics}`;
  }
  const tiers = t.missingTiers.map((name) => quote(name));
  const named = tiers.length === 1 ? `tier ${tiers[0]}` : `tiers ${list(tiers)}`;
  return `the company total (${metrics}) is not scored: the actuals file has no rows for ${named}, so the sum of the tiers it has is part of the company, not the whole the forecast's total is of; the tiers it has are scored. Add ${tiers.length === 1 ? "that tier's" : "those tiers'"} 12 months to score the total`;
}
