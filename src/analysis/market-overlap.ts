import { toFixedDecimal } from '../math/decimal-round.js';

/**
 * In a re-forecast the market factor and the learned drivers are drawn together from the posterior:
 * the closed months pin each driver's value this year (its own draw moved by the market), so a higher
 * factor goes with a lower own draw (SMB conversion about -0.2 with it in the example's five months).
 * The attribution's shares assume independent inputs (a plan run's are, by construction); with
 * correlated ones a driver's first-order share carries the factor's moves that go with its draws (and
 * the other way round), so the shares overlap or offset, and 1 minus their sum is not only unit-level
 * luck. In the example (five months, 10,000 trials) they offset: with each driver's draws made
 * uncorrelated with the factor (least-squares residual) Mid-market conversion's share reads 8.9%, not
 * 7.5%, SMB conversion's 1.7%, not 0.9% (seed 1; bench/RESULTS.md, sixteenth session). This says by
 * how much each learned driver is tied to the factor, and says it in words where it matters.
 */

/**
 * The smallest correlation named: a driver is named when |r| is at least 0.1 (1% of its variance
 * explained by the factor) with 3 standard errors to spare, |r| - 3 se >= 0.1, so that a correlation
 * near 0.1 by chance is not named (at 4,000 trials, seed 7, the example's Enterprise renewal rate
 * reads -0.12, 3 se 0.08 from 0; at 20,000 trials about -0.03).
 */
export const OVERLAP_CORRELATION = 0.1;

/**
 * The standard error of a correlation r from draws of effective sample size `ess` (the chains'),
 * (1 - r²) / sqrt(ess), the large-sample standard error of Pearson's r. O(1).
 */
export function correlationSe(r: number, ess: number): number {
  return (1 - r * r) / Math.sqrt(Math.max(1, ess));
}

/** Whether a correlation `r` from draws of effective sample size `ess` is named: |r| - 3 se >= OVERLAP_CORRELATION. O(1). */
export function tiedToMarket(r: number, ess: number): boolean {
  return Number.isFinite(r) && Math.abs(r) - 3 * correlationSe(r, ess) >= OVERLAP_CORRELATION;
}

/**
 * The note for a re-forecast's attribution when learned drivers are tied to the market factor, or
 * undefined when none is (named, largest first):
 * "In this re-forecast the market factor and the learned drivers are drawn together ...".
 */
export function marketOverlapNote(tied: ReadonlyArray<{ readonly label: string; readonly correlation: number }>): string | undefined {
  if (tied.length === 0) return undefined;
  const named = [...tied].sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation)).map((d) => `${d.label} ${toFixedDecimal(d.correlation, 2)}`);
  return (
    `In this re-forecast the market factor and the learned drivers are drawn together from what the closed months allow, so they are not independent (correlation with the market factor: ${named.join(', ')}). ` +
    "Their variance shares are not separate: a driver's share carries the market factor's moves that go with its draws, and the market's carries theirs, so the shares may overlap or offset, and 1 minus their sum is not only unit-level luck."
  );
}
