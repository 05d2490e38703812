/** A fitted number with where it came from, for the comment written beside it. */
export interface Estimate {
  readonly value: number;
  /** A 95% interval for the value (lo may equal hi for an exact count; hi may be Infinity). */
  readonly lo: number;
  readonly hi: number;
  /** The observations it came from (months, deals, customers), as counted in the comment. */
  readonly n: number;
}

/** How far next year's level may drift from this year's: the second of the two layers. */
export interface YearLevel {
  /** The standard deviation of next year's level (log scale for volumes and amounts, rate scale for rates). */
  readonly sd: number;
  /** Its parts: the estimate's own standard error and the drift between years. */
  readonly standardError: number;
  readonly drift: number;
  /** Year-on-year changes of full 12-month blocks the drift was estimated from (0: judgement only). */
  readonly changes: number;
  /** The judgement pooled with them (DRIFT_PRIOR). */
  readonly prior: number;
}

/**
 * The drift between years: τ² = (Σ d² + τ0²) / (changes + 1), the year-on-year changes d of a
 * level between consecutive full 12-month blocks, pooled with one pseudo-observation τ0 of
 * judgement (so one lucky small change does not make next year look certain, and a single year of
 * history still gets a drift). The year-level sd is √(se² + τ²): the estimate's error plus drift.
 *
 * @example yearLevel(0.02, [0.1], 0.15).drift // => √((0.01 + 0.0225) / 2) = 0.1275
 * Complexity: O(changes).
 */
export function yearLevel(standardError: number, changes: readonly number[], prior: number): YearLevel {
  let ss = prior * prior;
  for (const d of changes) ss += d * d;
  const drift = Math.sqrt(ss / (changes.length + 1));
  return { sd: Math.sqrt(standardError * standardError + drift * drift), standardError, drift, changes: changes.length, prior };
}

/** Drift judgement when the history cannot tell (pseudo-observation τ0 of yearLevel). */
export const DRIFT_PRIOR = {
  /** Lead volume, log scale: about ±15% a year. */
  leads: 0.15,
  /** Conversion, relative to the rate: ±15% of it a year. */
  conversionRelative: 0.15,
  /** ACV level, log scale: ±10% a year. */
  acv: 0.1,
  /** Dollar renewal rate, points: ±3 points a year. */
  renewal: 0.03,
  /** Contraction and expansion shares of ARR renewed, relative to the share: ±25% of it a year. */
  bookShareRelative: 0.25,
} as const;
