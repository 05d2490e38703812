import type { Metric } from '../model/components.js';

/**
 * A report's company total that a year's monthly actuals file could not score: the file has rows
 * for some of the report's tiers but none for `missingTiers`, so a sum over the tiers it has would
 * be a part of the company read as the whole (scored against the forecast of the whole it would
 * always fall low). Its tiers are scored; the total is left out, and every output says why.
 */
export interface TotalNotScored {
  /** The report's index in the list given. */
  readonly report: number;
  /** The report's tiers the file has no row of, as the report spells them. */
  readonly missingTiers: readonly string[];
  /** The metrics whose total is left out (those the file's columns give). */
  readonly metrics: readonly Metric[];
}

/**
 * Why a report's total is absent, in one sentence that every output (terminal, score.json,
 * score.csv, score.html) and the warning share.
 *
 * @example totalNotScoredReason({ report: 0, missingTiers: ['Ent'], metrics: ['revenue'] }) // => 'the company total (revenue) is not scored: the actuals file has no rows for tier "Ent", ...'
 */
export function totalNotScoredReason(t: TotalNotScored, quote: (name: string) => string): string {
  const tiers = t.missingTiers.map((name) => quote(name));
  const named = tiers.length === 1 ? `tier ${tiers[0]}` : `tiers ${tiers.slice(0, -1).join(', ')} and ${tiers[tiers.length - 1]}`;
  // As an outcomes file names them.
  const metrics = t.metrics.map((m) => (m === 'endingArr' ? 'ending_arr' : m)).join(', ');
  return `the company total (${metrics}) is not scored: the actuals file has no rows for ${named}, so the sum of the tiers it has is part of the company, not the whole the forecast's total is of; the tiers it has are scored. Add ${tiers.length === 1 ? "that tier's" : "those tiers'"} 12 months to score the total`;
}
