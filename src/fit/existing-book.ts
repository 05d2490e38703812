import type { MonthlyMeasure, MonthlyRow } from '../actuals/monthly-record.js';
import type { ScenarioIssue } from '../scenario/scenario-error.js';
import { quoteText } from '../scenario/display-text.js';
import { fitRenewal, fitRenewalFromOutcomes, renewalChanges, type OutcomeRenewalFit, type RenewalFit } from './renewal.js';
import { blockOf, fiscalMonthOf } from './timeline.js';
import type { TierOutcomes } from './read-renewal-outcomes.js';
import { fitBookShare, type BookShareFit } from './book-share.js';
import type { PooledRenewalFit } from './pooled-renewal.js';
import type { PooledBookShareFit } from './pooled-book-share.js';
import { renewalTerm, type RenewalTerm, type TermSeries } from './renewal-term.js';
import { yearEquivalent, type YearEquivalent } from './year-equivalent.js';

/** A tier's existing book, fitted. */
export interface ExistingFit {
  /** ending_arr of the last month. */
  readonly openingArr: number;
  /** Customers live: openingArr / a customer's typical ARR, and where that came from. */
  readonly customers: number;
  readonly customersFrom: string;
  /** Share of opening ARR renewing in each fiscal month, from the last 12 months' due_arr. */
  readonly calendar: readonly number[];
  readonly dueShare: number;
  readonly renewal: RenewalFit | OutcomeRenewalFit | PooledRenewalFit;
  /** 'pooled': nothing of the tier's was due in its last 12 months; its rate is the other tiers' (pooled-renewal.ts). */
  readonly renewalFrom: 'history' | 'customers' | 'pooled';
  /** With a pooled rate: the ARR live 12 months before the end, none of which came due in a year (taken to renew after the fitted year). */
  readonly notDueArr?: number;
  /** With a pooled rate: how many months before the history's end its first ARR was live. */
  readonly sinceFirst?: number;
  /** With a pooled rate: the contract term its calendar is built on, and what it was read from. */
  readonly term?: RenewalTerm;
  /**
   * On terms shorter than a year read from the history (renewal-term.ts: ARR due in a year over ARR
   * live is 12 / term), each dollar comes due 12 / term times a year, and the rate fitted is a
   * renewal's; a book of aggregates renews each dollar once a year, so the scenario's rate is the
   * year's, rate^(12 / term). That term, when shorter than a year.
   */
  readonly subAnnualTerm?: RenewalTerm;
  /**
   * With subAnnualTerm: the year's dollar renewal, contraction and expansion, what its renewals a
   * year compound to (year-equivalent.ts), the one place they are computed: the file and the
   * terminal read them. Its renewal is undefined when the rate is a year's already (--customers
   * outcomes: each customer's renewal over the year).
   */
  readonly yearEquivalent?: YearEquivalent;
  /** Why the tier's renewal outcomes were given but not used (the rate is then the history's). */
  readonly outcomesUnused?: string;
  /**
   * churned_arr of the last 12 months beyond what their ARR due did not renew (customers leaving
   * outside a renewal: monthly-billed, mid-term), when churned_arr is given and some was.
   */
  readonly lostOutsideRenewal?: number;
  /** ARR due in the last 12 months (what that loss is set against). */
  readonly dueLastYear: number;
  /** contraction_arr / renewed_arr and expansion_arr / renewed_arr of the last 12 months, when the history has them and some ARR renewed. */
  readonly contraction?: BookShareFit | PooledBookShareFit;
  readonly expansion?: BookShareFit | PooledBookShareFit;
}

/** What fitting a tier's existing book reads. */
export interface ExistingBookInput {
  readonly name: string;
  /** The tier's rows, month 1..months. */
  readonly rows: readonly MonthlyRow[];
  readonly months: number;
  /** Whether the history has a measure. */
  readonly has: (m: MonthlyMeasure) => boolean;
  /** The tier's renewal outcomes (--customers), when given, and their file for the comments. */
  readonly outcomes?: TierOutcomes;
  readonly outcomesFile?: string;
  /** Mean ACV of new deals, to size customers when there are no outcomes. */
  readonly meanAcv?: number;
  /** The other tiers' renewal pooled, for a book with nothing due in its last 12 months (undefined: none has any). */
  readonly pool?: PooledRenewalFit;
  /** The other tiers' contraction and expansion shares of ARR renewed, pooled for such a book (pooled-book-share.ts). */
  readonly contractionPool?: PooledBookShareFit;
  readonly expansionPool?: PooledBookShareFit;
  /** Every tier's ARR due and live, to read such a book's contract term from the others' (renewal-term.ts). */
  readonly termSeries?: readonly TermSeries[];
}

/**
 * Fit a tier's existing book from ending_arr, due_arr and renewed_arr (and renewal outcomes when
 * given): the opening ARR (the last ending_arr), a customer count (opening ARR over a typical ARR:
 * the mean ARR due in the outcomes, else the mean ACV of new deals; an estimate the comment says
 * to replace), the renewal calendar (each fiscal month's share of the last 12 months' ARR due,
 * scaled to ARR due / ARR live 12 months before the end), the dollar renewal rate (renewal.ts) and
 * the contraction and expansion shares of ARR renewed (book-share.ts).
 *
 * A book with nothing due or renewed in its last 12 months and no outcomes (a tier launched within
 * them: ARR live, none yet up for renewal) has no renewal of its own to fit: its rate is `pool`, the
 * other tiers' (pooled-renewal.ts, its sd widened by how far tiers differ), and its calendar the ARR
 * it added in each month (each month's rise in ending_arr), due a contract term later, the term read
 * from the other tiers where they allow (renewal-term.ts), else annual. Refused before (fit exit 2, "drop ending_arr, due_arr and renewed_arr": every
 * tier's book with it). Returns the issue instead when there is no pool (no tier has ARR due).
 *
 * Complexity: O(months + customers).
 */
export function fitExistingBook(input: ExistingBookInput): ExistingFit | ScenarioIssue {
  const { name, rows, months: n, has, outcomes, outcomesFile, meanAcv } = input;
  const series = (m: MonthlyMeasure) => Float64Array.from(rows, (r) => r.values[m] ?? 0);
  const lastYear = rows.filter((r) => blockOf(r.month, n) === 0);
  const due = series('due_arr');
  const renewedArr = series('renewed_arr');
  const ending = series('ending_arr');
  const dueLastYear = lastYear.reduce((a, r) => a + (r.values.due_arr ?? 0), 0);
  const openingArr = ending[n - 1]!;
  const outcomesUnused = outcomes === undefined ? undefined : unusableOutcomes(outcomes, outcomesFile);
  const useOutcomes = outcomes !== undefined && outcomes.arr.length > 0 && outcomesUnused === undefined;
  // (No ARR renews without some due: the reader refuses renewed_arr above due_arr, month by month.)
  if (dueLastYear === 0 && !useOutcomes && input.pool !== undefined) return pooledBook(input, input.pool, ending, lastYear, outcomesUnused);
  if (dueLastYear === 0 && !useOutcomes)
    return {
      path: ['due_arr'],
      ...(lastYear[0] ? { line: lastYear[0].line, column: 1 } : {}),
      message: `tier ${quoteText(name)} has no ARR due for renewal in its last 12 months, nor has any other tier to take a rate from: the renewal rate cannot be fitted (give --customers outcomes of its customers due)${outcomesUnused !== undefined ? `; ${outcomesUnused}` : ''}`,
    };
  // Customers due (and renewing) as the scenario's customer count implies (ARR / the mean ACV of new
  // deals): the units of a rate's interval where its months agree exactly; without deals, none.
  const perCustomer = !useOutcomes && meanAcv !== undefined && meanAcv > 0 ? meanAcv : undefined;
  const renewal = useOutcomes ? fitRenewalFromOutcomes(outcomes.arr, outcomes.renewed, renewalChanges(due, renewedArr)) : fitRenewal(due, renewedArr, perCustomer && dueLastYear / perCustomer);
  // The ARR live at the start of the last year: ending_arr 12 months before the end (or month 1's).
  const startArr = n > 12 ? ending[n - 13]! : ending[0]!;
  const dueShare = startArr > 0 ? Math.min(1, dueLastYear / startArr) : 1;
  const calendar = new Array<number>(12).fill(0);
  for (const r of lastYear) calendar[fiscalMonthOf(r.month, n) - 1] = dueLastYear > 0 ? ((r.values.due_arr ?? 0) / dueLastYear) * dueShare : dueShare / 12;
  const typical = useOutcomes && (renewal as OutcomeRenewalFit).meanArr > 0 ? (renewal as OutcomeRenewalFit).meanArr : meanAcv;
  // At least 1 and at most 1e9, the scenario's bounds.
  const customers = Math.min(1e9, typical !== undefined && typical > 0 ? Math.max(1, Math.round(openingArr / typical)) : Math.max(1, Math.round(openingArr / 12_000)));
  const customersFrom =
    useOutcomes && typical !== undefined
      ? `opening ARR / the mean ARR of the ${outcomes.arr.length} customers due in ${outcomesFile ?? 'the renewal outcomes'}`
      : meanAcv !== undefined
        ? 'opening ARR / the mean ACV of new deals (the history has no customer count: replace it with the real one)'
        : 'opening ARR / 12,000, a placeholder: the history has no customer count and no deals; replace it with the real one';
  const renewedLastYear = lastYear.reduce((a, r) => a + (r.values.renewed_arr ?? 0), 0);
  const customersRenewed = typical !== undefined && typical > 0 ? renewedLastYear / typical : undefined;
  const share = (m: 'contraction_arr' | 'expansion_arr') => (has(m) && renewedLastYear > 0 ? fitBookShare(series(m), renewedArr, m === 'contraction_arr' ? 'contraction' : 'expansion', customersRenewed) : undefined);
  // A book of aggregates loses ARR only at a renewal: churn beyond what the ARR due did not renew
  // has no place in the scenario, and was dropped without a word.
  let lostOutsideRenewal = 0;
  if (has('churned_arr')) for (const r of lastYear) lostOutsideRenewal += Math.max(0, (r.values.churned_arr ?? 0) - Math.max(0, (r.values.due_arr ?? 0) - (r.values.renewed_arr ?? 0)));
  const contraction = share('contraction_arr');
  const expansion = share('expansion_arr');
  return {
    openingArr,
    customers,
    customersFrom,
    calendar,
    dueShare,
    dueLastYear,
    ...(lostOutsideRenewal > 0.5 ? { lostOutsideRenewal } : {}),
    renewal,
    renewalFrom: useOutcomes ? 'customers' : 'history',
    ...subAnnual(renewalTerm([{ name, due, ending }], 0), useOutcomes ? undefined : { rate: renewal.rate.value, year: renewal.year, fallback: renewal.zeroVariance !== undefined }, contraction, expansion),
    ...(outcomesUnused !== undefined ? { outcomesUnused } : {}),
    ...(contraction !== undefined ? { contraction } : {}),
    ...(expansion !== undefined ? { expansion } : {}),
  };
}

/**
 * Why a tier's renewal outcomes cannot give its dollar renewal rate (Σ ARR renewed / Σ ARR due, with
 * a standard error over customers), or undefined when they can or when the file has none of the
 * tier's customers (the tier's rate is then the history's, as without the file): it takes two
 * customers or more (one has no spread), and some ARR due (customers all at 0 would read as a rate
 * of 0, however many renewed).
 *
 * @example unusableOutcomes({ arr: [0, 0], renewed: [true, true] }, 'c.csv') // => 'c.csv has no ARR due for this tier (every arr is 0)'
 * Complexity: O(customers).
 */
export function unusableOutcomes(outcomes: TierOutcomes, file = 'the renewal outcomes'): string | undefined {
  const n = outcomes.arr.length;
  if (n === 0) return undefined;
  if (n === 1) return `${file} has one customer of this tier, and a rate needs two or more`;
  if (!outcomes.arr.some((a) => a > 0)) return `${file} has no ARR due for this tier (every arr is 0)`;
  return undefined;
}

/**
 * A book with nothing due in its last 12 months, its rate the other tiers' (`pool`): the ARR it
 * added in each month (the rise in ending_arr from the month before, 0 before the first) comes due
 * T months later, in the fitted year's fiscal month it falls in, as a share of the opening ARR
 * (scaled to at most 1 in all when ending_arr also fell); T is the term read from the other tiers
 * (renewal-term.ts: annual where they do not tell). On terms shorter than a year each dollar is due
 * once a year, 1/12 a month, as fit writes such tiers' calendars. ARR live 12 months before the end
 * not due within the year (on annual terms: all of it, none having come due in a year) is taken to
 * renew after the fitted year (notDueArr). Customers: opening
 * ARR / the mean ACV of new deals, as for any book. Contraction and expansion at renewal are the
 * other tiers' pooled (`contractionPool`, `expansionPool`), when the history has the columns.
 */
function pooledBook(input: ExistingBookInput, pool: PooledRenewalFit, ending: Float64Array, lastYear: readonly MonthlyRow[], outcomesUnused: string | undefined): ExistingFit {
  const { months: n, meanAcv } = input;
  const openingArr = ending[n - 1]!;
  const first = ending.findIndex((x) => x > 0);
  const sinceFirst = first < 0 ? 0 : n - (first + 1);
  const term = renewalTerm(input.termSeries ?? [], sinceFirst);
  const rise = (k: number) => Math.max(0, ending[k - 1]! - (k > 1 ? ending[k - 2]! : 0));
  const calendar = new Array<number>(12).fill(0);
  const startArr = n > 12 ? ending[n - 13]! : 0;
  let notDueArr = startArr;
  if (term.months >= 12) {
    // The ARR added in month k comes due in month k + T: fiscal month k + T - n when within the year.
    for (let k = 1; k <= n; k++) {
      const j = k + term.months - n;
      if (j < 1 || j > 12 || !(rise(k) > 0)) continue;
      calendar[j - 1]! += rise(k);
      if (blockOf(k, n) > 0) notDueArr -= rise(k);
    }
  } else calendar.fill(openingArr / 12); // Due more than once a year: each dollar once, spread evenly, as the other tiers' calendars then are.
  const added = calendar.reduce((a, x) => a + x, 0);
  // Shares of the opening ARR: at most 1 in all (a book that also lost ARR added more than it ends with).
  const scale = openingArr > 0 ? 1 / Math.max(openingArr, added) : 0;
  for (let f = 0; f < 12; f++) calendar[f]! *= scale;
  notDueArr = Math.max(0, notDueArr);
  let lostOutsideRenewal = 0;
  if (input.has('churned_arr')) for (const r of lastYear) lostOutsideRenewal += Math.max(0, r.values.churned_arr ?? 0);
  return {
    openingArr,
    customers: Math.min(1e9, meanAcv !== undefined && meanAcv > 0 ? Math.max(1, Math.round(openingArr / meanAcv)) : Math.max(1, Math.round(openingArr / 12_000))),
    customersFrom:
      meanAcv !== undefined
        ? 'opening ARR / the mean ACV of new deals (the history has no customer count: replace it with the real one)'
        : 'opening ARR / 12,000, a placeholder: the history has no customer count and no deals; replace it with the real one',
    calendar,
    // Rounded: shares that add up to the whole in floating point read 99.99999999999999%.
    dueShare: Number(calendar.reduce((a, x) => a + x, 0).toPrecision(12)),
    dueLastYear: 0,
    ...(lostOutsideRenewal > 0.5 ? { lostOutsideRenewal } : {}),
    renewal: pool,
    renewalFrom: 'pooled',
    ...subAnnual(term, { rate: pool.rate.value, year: pool.year, between: { tierRates: pool.tierRates, betweenPrior: pool.betweenPrior }, fallback: pool.zeroVariance !== undefined }, input.contractionPool, input.expansionPool),
    // Nothing of its own has renewed, so no contraction or expansion of its own: the other tiers', pooled as the rate.
    ...(input.contractionPool ? { contraction: input.contractionPool } : {}),
    ...(input.expansionPool ? { expansion: input.expansionPool } : {}),
    ...(notDueArr > 0 ? { notDueArr } : {}),
    term,
    sinceFirst,
    ...(outcomesUnused !== undefined ? { outcomesUnused } : {}),
  };
}

/**
 * The term when it is shorter than a year and read from the data (not assumed): its renewals a year
 * compound, and the year's rate and shares with it (year-equivalent.ts; `rate` undefined: a year's already).
 */
function subAnnual(term: RenewalTerm, rate: Parameters<typeof yearEquivalent>[1], contraction: BookShareFit | undefined, expansion: BookShareFit | undefined): { subAnnualTerm?: RenewalTerm; yearEquivalent?: YearEquivalent } {
  if (!(term.from === 'other-tiers' && term.months < 12)) return {};
  // A zero-variance share's sd is a fallback (zero-variance.ts): it must not move the year's mean.
  const share = (f: BookShareFit | undefined) => f && { share: f.share.value, sd: f.year.sd, fallback: f.zeroVariance !== undefined || f.unboundedZeroVariance !== undefined };
  return { subAnnualTerm: term, yearEquivalent: yearEquivalent(12 / term.months, rate, share(contraction), share(expansion)) };
}
