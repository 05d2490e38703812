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
 * The smallest correlation named: |r| >= 0.1 is at least 1% of a driver's variance explained by the
 * factor. A correlation is named only when it is also at least 3 standard errors from 0 (se about
 * (1 - r²) / sqrt(ESS), the chains' effective sample size), so that noise is not named at few trials.
 */
export const OVERLAP_CORRELATION = 0.1;

/**
 * Pearson's correlation of two columns over their first n values (two passes, centred); NaN when
 * either is constant. O(n).
 *
 * @example correlation(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1)) // => -1
 */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>, n = Math.min(a.length, b.length)): number {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}

/** Whether a correlation `r` from draws of effective sample size `ess` is worth naming (OVERLAP_CORRELATION). */
export function namedCorrelation(r: number, ess: number): boolean {
  return Number.isFinite(r) && Math.abs(r) >= OVERLAP_CORRELATION && Math.abs(r) >= (3 * (1 - r * r)) / Math.sqrt(Math.max(1, ess));
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
