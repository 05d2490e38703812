import { blockOf } from './timeline.js';

/** One tier's ARR due and ARR live, month by month (index 0 = month 1). */
export interface TermSeries {
  readonly name: string;
  readonly due: ArrayLike<number>;
  readonly ending: ArrayLike<number>;
}

/** The contract term a launched tier's calendar is built on, and what it was read from. */
export interface RenewalTerm {
  /** Months from ARR added to its coming due: 12 for annual terms, 1 for monthly, 24 for two-year. */
  readonly months: number;
  /**
   * 'other-tiers': their ARR due in their last 12 months over their ARR live 12 months before the end
   * (`turnover`: 1 on annual terms, 12 on monthly, 0.5 on two-year) read as a term of 12 / turnover.
   * 'assumed': annual, because no other tier has ARR due and live to read it from (`turnover`
   * undefined), their turnover is no single term (a mix), or that term would have brought this
   * tier's first ARR due within the history, where none came (`contradicted`).
   */
  readonly from: 'other-tiers' | 'assumed';
  readonly turnover?: number;
  readonly tiers?: readonly string[];
  /** The term the other tiers read as, when this tier's own history rules it out (its first ARR `sinceFirst` months before the end, nothing due since). */
  readonly contradicted?: { readonly months: number; readonly sinceFirst: number };
  /** The other tiers' turnover reads as no single term (12 / turnover more than 20% from a whole number of years, and 9 months or more). */
  readonly mixed?: boolean;
}

/** How far 12 / turnover may lie from a whole number of years and still read as that term. */
const TERM_TOLERANCE = 0.2;

/**
 * The renewal term of a tier launched within the history (a book with nothing due in its last 12
 * months), read from the other tiers: on T-month terms a book's ARR comes due 12 / T times a year,
 * so Σ due_arr of their last 12 months / their ARR live 12 months before the end (ending_arr then;
 * month 1's with 12 months of history) is about 12 / T (the ARR live then all comes due within a
 * year on annual terms, twelve times on monthly). A turnover of 12 / T within 20% of a whole number
 * of years reads as that many years; below 9 months, as that many months (rounded: 1 monthly, 3
 * quarterly); else the terms are mixed and annual is assumed. The tier's own history bounds it: its
 * first ARR, added `sinceFirst` months before the end, has not come due, so its term is longer than
 * `sinceFirst`; a term read from the others that is not is ruled out, and the shortest whole number
 * of years longer than `sinceFirst` is assumed (annual for a tier launched within the last year).
 *
 * @example renewalTerm([{ name: 'A', due: Array(24).fill(100), ending: Array(24).fill(100) }], 0).months // => 1 (monthly: 1,200 due a year on 100 live)
 * Complexity: O(months × tiers).
 */
export function renewalTerm(others: readonly TermSeries[], sinceFirst: number): RenewalTerm {
  let due = 0;
  let live = 0;
  const tiers: string[] = [];
  for (const s of others) {
    const n = s.due.length;
    let d = 0;
    for (let i = 0; i < n; i++) if (blockOf(i + 1, n) === 0) d += s.due[i]!;
    const start = n > 12 ? s.ending[n - 13]! : s.ending[0]!;
    if (!(d > 0) || !(start > 0)) continue;
    due += d;
    live += start;
    tiers.push(s.name);
  }
  if (tiers.length === 0) return { months: 12, from: 'assumed' };
  const turnover = due / live;
  const term = 12 / turnover;
  const years = Math.max(1, Math.round(term / 12));
  let months: number | undefined;
  if (Math.abs(term - 12 * years) <= TERM_TOLERANCE * 12 * years) months = 12 * years;
  else if (term < 9) months = Math.max(1, Math.round(term));
  if (months === undefined) return { months: 12, from: 'assumed', turnover, tiers, mixed: true };
  // Ruled out by the tier's own history: its term is longer than sinceFirst; the shortest whole
  // number of years that is (annual, as before, unless it too is ruled out: "assumed annual" beside
  // "annual would have brought it due already" contradicted itself).
  if (months <= sinceFirst) return { months: 12 * Math.max(1, Math.ceil((sinceFirst + 1) / 12)), from: 'assumed', turnover, tiers, contradicted: { months, sinceFirst } };
  return { months, from: 'other-tiers', turnover, tiers };
}
