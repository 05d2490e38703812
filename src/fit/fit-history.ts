import { lookKey } from '../scenario/name-key.js';
import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from '../actuals/monthly-record.js';

import { ScenarioError, type ScenarioIssue } from '../scenario/scenario-error.js';
import { MAX_TIERS } from '../scenario/limits.js';
import { tierSchema } from '../scenario/scenario-schema.js';
import { quoteText } from '../scenario/display-text.js';
import { checkReaderOptions, valueKind } from '../scenario/option-keys.js';
import { fitLeadVolume, type LeadVolumeFit } from './lead-volume.js';
import { sellingFrom } from './selling-from.js';
import { fitConversion, type ConversionFit } from './conversion.js';
import { fitAcvFromDeals, fitAcvFromTotals, type AcvFit } from './acv.js';
import { fitExistingBook, type ExistingFit } from './existing-book.js';
import { fitPooledRenewal } from './pooled-renewal.js';
import { fitPooledBookShare } from './pooled-book-share.js';
import { historyCalendar, monthLabel, type HistoryCalendar } from './history-calendar.js';
import { blockOf } from './timeline.js';
import { MAX_DEALS_PER_MONTH } from '../actuals/read-monthly-file.js';
import { writtenBeta } from './written-beta.js';
import { MAX_ACV_SIGMA, writtenAcv } from './written-acv.js';
import { MAX_MAGNITUDE } from '../scenario/distribution-schema.js';
import type { TierDeals } from './read-deals.js';
import type { TierOutcomes } from './read-renewal-outcomes.js';

export type { ExistingFit } from './existing-book.js';

/** What `arrcast fit` reads. */
export interface FitInputs {
  readonly history: MonthlyFile;
  /** Each tier's deals (`--deals`), keyed by the history's tier names. */
  readonly deals?: ReadonlyMap<string, TierDeals>;
  /** Each tier's renewal outcomes (`--customers`). */
  readonly outcomes?: ReadonlyMap<string, TierOutcomes>;
  /** File names for the comments. */
  readonly dealsFile?: string;
  readonly outcomesFile?: string;
}

/** A tier's new business, fitted. */
export interface NewBusinessFit {
  readonly leads: LeadVolumeFit;
  readonly conversion: ConversionFit;
  readonly acv: AcvFit;
}

export interface TierFit {
  readonly name: string;
  readonly newBusiness?: NewBusinessFit;
  readonly existing?: ExistingFit;
  /** What could not be fitted for this tier, and why. */
  readonly notes: readonly string[];
}

export interface HistoryFit {
  readonly source: string;
  readonly months: number;
  readonly calendar?: HistoryCalendar;
  readonly tiers: readonly TierFit[];
  /** Tiers left out of the scenario (a book run down with no new business: nothing to forecast), each with why. */
  readonly skipped?: readonly SkippedTier[];
  /** What the fit-command says on stderr, beside the comments in the file (e.g. --customers rows not used). */
  readonly warnings?: readonly string[];
  readonly dealsFile?: string;
  readonly outcomesFile?: string;
}

/** A tier of the history not written to the scenario, and why (the file's comment and the warning say it). */
export interface SkippedTier {
  readonly name: string;
  readonly reason: string;
}

/**
 * A book is run down when its ending_arr at the end is below this share of its largest ending_arr in
 * the history (0 always is): 1 dollar left of a book of 1,150,000 is not a customer to renew but
 * rounding, and was fitted as one customer of ARR 1, counted as a logo lost in most trials.
 */
export const RUN_DOWN_SHARE = 0.001;

/** Whether a tier's book has run down by the end: none live, or less than RUN_DOWN_SHARE of its peak. */
export function bookRunDown(ending: ArrayLike<number>): boolean {
  let peak = 0;
  for (let i = 0; i < ending.length; i++) peak = Math.max(peak, ending[i]!);
  const last = ending.length > 0 ? ending[ending.length - 1]! : 0;
  return last === 0 || last < RUN_DOWN_SHARE * peak;
}

/** Every key of FitInputs: any other is refused by name. */
const FIT_INPUT_KEYS: readonly string[] = Object.keys({ history: true, deals: true, outcomes: true, dealsFile: true, outcomesFile: true } as const satisfies Record<keyof FitInputs, true>);

/**
 * Refuse, by name (a ScenarioError, as fitHistory's other refusals), inputs it would misread: a key
 * it does not read (`{ deal: ... }` fitted ACV from new_arr / deals without a word, the deals left
 * out), no history, or deals or outcomes that are not a Map by tier (an object keyed by tier failed
 * as 'get is not a function').
 */
function checkFitInputs(inputs: unknown): asserts inputs is FitInputs {
  checkReaderOptions(inputs, FIT_INPUT_KEYS, 'fitHistory');
  const o = (inputs ?? {}) as Record<string, unknown>;
  const h = o.history as { measures?: unknown; byTier?: unknown } | null | undefined;
  const refuse = (key: string, message: string) => {
    throw new ScenarioError('fitHistory', [{ path: [key], message }]);
  };
  if (h === null || typeof h !== 'object' || !Array.isArray(h.measures) || !(h.byTier instanceof Map))
    refuse('history', `must be a history as readMonthlyFile or parseMonthlyFile return it with { kind: 'history' } (got ${h !== null && typeof h === 'object' ? 'an object of another shape' : valueKind(h)})`);
  for (const key of ['deals', 'outcomes'])
    if (o[key] !== undefined && !(o[key] instanceof Map)) refuse(key, `must be a Map from each tier's name to its ${key} (got ${valueKind(o[key])})`);
}

const NEW_BUSINESS: readonly MonthlyMeasure[] = ['leads', 'deals'];
const EXISTING: readonly MonthlyMeasure[] = ['ending_arr', 'due_arr', 'renewed_arr'];

/** A run of zero-lead first months is read as a tier not selling yet only below this Poisson probability at its later level. */
const NOT_SELLING_YET_P = 0.01;
/** The fewest selling months a launched tier's lead volume is fitted from (selling-from.ts). */
const MIN_SELLING_MONTHS = 6;

/**
 * Fit every tier of a history (see the estimators: lead-volume.ts, conversion.ts, acv.ts,
 * renewal.ts). A tier gets new business when the history has leads and deals (and new_arr, or a
 * deals file), an existing book when it has ending_arr, due_arr and renewed_arr. Throws
 * ScenarioError naming the history for a tier with nothing to fit, or with no deals (or no ARR
 * due) in its last 12 months, or more deals than leads there, where rates cannot be estimated; and
 * for what the scenario written could not hold (more than MAX_TIERS tiers, a name the schema
 * refuses, an ACV whose lognormal mean is above MAX_MAGNITUDE, more deals a month than the model
 * draws).
 *
 * Complexity: O(months × tiers + deals + customers).
 */
export function fitHistory(inputs: FitInputs): HistoryFit {
  checkFitInputs(inputs);
  const { history } = inputs;
  const has = (m: MonthlyMeasure) => history.measures.includes(m);
  const issues: ScenarioIssue[] = [];
  const tiers: TierFit[] = [];
  const n = history.months;
  // A scenario's tier names are unique as they read (lookKey): "SMB" and "smb", "Big Co" and
  // "Big\u00a0Co" or "Big  Co" in a history are one tier spelled twice. Refused here, at the file's
  // line, not by the fitted scenario's own check (exit 1, 'the fitted scenario does not validate').
  const seenNames = new Map<string, string>();
  for (const name of history.tiers) {
    const other = seenNames.get(lookKey(name));
    const first = history.byTier.get(name)![0];
    if (other !== undefined)
      issues.push({ path: ['tier'], message: `tier ${quoteText(name)} is tier ${quoteText(other)} spelled differently: write each tier's name one way`, ...(first ? { line: first.line, column: 1 } : {}) });
    else seenNames.set(lookKey(name), name);
    if (name.length > 60) issues.push({ path: ['tier'], message: `tier ${quoteText(name)} has more than 60 characters, the most a scenario's tier name may have`, ...(first ? { line: first.line, column: 1 } : {}) });
    else {
      // Every other rule a scenario has for a tier's name (not `total` or `all`, the company's words in the outputs).
      const refused = tierSchema.shape.name.safeParse(name);
      if (!refused.success) issues.push({ path: ['tier'], message: refused.error.issues[0]!.message, ...(first ? { line: first.line, column: 1 } : {}) });
    }
  }
  if (history.tiers.length > MAX_TIERS) {
    const first = history.byTier.get(history.tiers[MAX_TIERS]!)![0];
    issues.push({ path: ['tier'], message: `has ${history.tiers.length} tiers; a scenario has at most ${MAX_TIERS}: fit at most ${MAX_TIERS} tiers from one file`, ...(first ? { line: first.line, column: 1 } : {}) });
  }
  if (issues.length > 0) throw new ScenarioError(history.path, issues);
  const tierSeries = (name: string, m: MonthlyMeasure) => Float64Array.from(history.byTier.get(name)!, (r) => r.values[m] ?? 0);
  // Books run down by the end (bookRunDown): not fitted, and not pooled for another tier either (a
  // book's last renewals as it ran down are no guide to a new one's).
  const runDown = new Set(EXISTING.every(has) ? history.tiers.filter((name) => bookRunDown(tierSeries(name, 'ending_arr'))) : []);
  const live = history.tiers.filter((name) => !runDown.has(name));
  // Every tier's ARR due and renewed, pooled for a book with none due of its own (a tier launched
  // within the last 12 months): its renewal is not in the history, the other tiers' is.
  const pool = EXISTING.every(has) ? fitPooledRenewal(live.map((name) => ({ name, due: tierSeries(name, 'due_arr'), renewed: tierSeries(name, 'renewed_arr') }))) : undefined;
  // Their contraction and expansion over their ARR renewed, pooled the same way for that tier.
  const sharePool = (kind: 'contraction' | 'expansion') =>
    pool && has(`${kind}_arr`) ? fitPooledBookShare(live.map((name) => ({ name, part: tierSeries(name, `${kind}_arr`), renewed: tierSeries(name, 'renewed_arr') })), kind) : undefined;
  const contractionPool = sharePool('contraction');
  const expansionPool = sharePool('expansion');
  const termSeries = pool ? live.map((name) => ({ name, due: tierSeries(name, 'due_arr'), ending: tierSeries(name, 'ending_arr') })) : undefined;
  const skipped: SkippedTier[] = [];
  const warnings: string[] = [];
  for (const name of history.tiers) {
    const rows = history.byTier.get(name)!;
    const series = (m: MonthlyMeasure) => Float64Array.from(rows, (r) => r.values[m] ?? 0);
    const lastYear = rows.filter((r) => blockOf(r.month, n) === 0);
    const at = (row: MonthlyRow | undefined, column: MonthlyMeasure): ScenarioIssue => ({ path: [column], message: '', ...(row ? { line: row.line, column: 1 } : {}) });
    const notes: string[] = [];
    let newBusiness: NewBusinessFit | undefined;
    let existing: ExistingFit | undefined;

    const tierDeals = inputs.deals?.get(name);
    const canNew = NEW_BUSINESS.every(has) && (has('new_arr') || (tierDeals !== undefined && tierDeals.amounts.length > 0));
    if (canNew) {
      const leads = series('leads');
      const deals = series('deals');
      const dealsLastYear = lastYear.reduce((a, r) => a + (r.values.deals ?? 0), 0);
      const leadsLastYear = lastYear.reduce((a, r) => a + (r.values.leads ?? 0), 0);
      const newArrLastYear = lastYear.reduce((a, r) => a + (r.values.new_arr ?? 0), 0);
      // A tier that sells no more (no leads, deals or new_arr in the year the levels come from) has
      // no new business, in a file whose other tiers have theirs: the columns are the file's, so
      // dropping them, as the refusal said to, dropped every tier's new business.
      if (dealsLastYear === 0 && leadsLastYear === 0 && !(newArrLastYear > 0) && !(tierDeals?.months.some((m) => blockOf(m, n) === 0) ?? false))
        notes.push(`no new business fitted: no leads, deals${has('new_arr') ? ' or new_arr' : ''} in its last 12 months`);
      else if (dealsLastYear === 0 || leadsLastYear === 0)
        issues.push({
          ...at(lastYear[0], dealsLastYear === 0 ? 'deals' : 'leads'),
          message: `tier ${quoteText(name)} has no ${dealsLastYear === 0 ? 'deals' : 'leads'} in its last 12 months${dealsLastYear === 0 && leadsLastYear === 0 ? ` and no leads, but ${inputs.dealsFile ?? 'the deals file'} has deals of it then` : dealsLastYear === 0 ? ` but ${leadsLastYear} leads` : ` but ${dealsLastYear} deals`}: conversion and ACV cannot be fitted (a tier without new business has 0 leads, deals and new_arr in those months)`,
        });
      else if (dealsLastYear > leadsLastYear)
        issues.push({
          ...at(lastYear[0], 'deals'),
          message: `tier ${quoteText(name)} won ${dealsLastYear} deals from ${leadsLastYear} leads in its last 12 months: conversion (deals / leads) would be above 1 and cannot be fitted (deals are leads won: check that the columns are not swapped)`,
        });
      else {
        const useDeals = tierDeals !== undefined && tierDeals.amounts.length > 1 && tierDeals.months.some((m) => blockOf(m, n) === 0);
        if (tierDeals !== undefined && !useDeals) notes.push(`the deals file has ${tierDeals.amounts.length === 0 ? 'no deals' : 'too few deals in the last 12 months'} for this tier: ACV fitted from new_arr / deals`);
        if (!useDeals && !has('new_arr')) issues.push({ ...at(lastYear[0], 'new_arr'), message: `tier ${quoteText(name)}: ACV needs new_arr in the history or the tier's deals (with some in the last 12 months) in --deals` });
        else if (!useDeals && !(newArrLastYear > 0)) issues.push({ ...at(lastYear[0], 'new_arr'), message: `tier ${quoteText(name)} won ${dealsLastYear} deals in its last 12 months but booked no new_arr: ACV cannot be fitted (give the deals' amounts with --deals)` });
        else {
          // A tier that began selling within the history has its oldest months at 0 (every tier gives
          // every month): those months are not a lead volume of 0 but no volume yet. Counted, 6 such
          // months of 24 fitted seasonal weights of 0.45 and 1.78 and a negative binomial of phi 29
          // to a tier whose 18 months were Poisson; 18 of 24 fitted a tier of 500 leads a month 253.
          // The rule and its false readings: selling-from.ts.
          const started = rows.findIndex((r) => (r.values.leads ?? 0) > 0 || (r.values.deals ?? 0) > 0 || (r.values.new_arr ?? 0) > 0);
          const selling = sellingFrom(leads, started, NOT_SELLING_YET_P, MIN_SELLING_MONTHS);
          const leadsFrom = selling.from;
          if (leadsFrom > 0) notes.push(`lead volume fitted from its ${n - leadsFrom} months from ${monthLabel(leadsFrom + 1, historyCalendar(history))} on: its ${leadsFrom} months before had no lead, deal or new ARR (not selling yet)`);
          if (selling.tooRecent) notes.push(`lead volume fitted over all ${n} months, though the tier seems to have begun selling only in its last ${selling.tooRecent.months === 1 ? 'month' : `${selling.tooRecent.months} months`} (too few to fit a level from; ${MIN_SELLING_MONTHS} are needed): its level is understated`);
          const fit: NewBusinessFit = {
            leads: fitLeadVolume(leadsFrom > 0 ? leads.subarray(leadsFrom) : leads),
            conversion: fitConversion(leads, deals),
            acv: useDeals ? fitAcvFromDeals(tierDeals.amounts, tierDeals.months, n) : fitAcvFromTotals(series('new_arr'), deals),
          };
          // What `arrcast run` would draw one by one: refused here, with the history's line, rather than by run.
          const peak = peakMonthlyDeals(fit);
          const acvMean = writtenAcv(fit.acv.median.value, fit.acv.sigma.value).mean;
          if (acvMean > MAX_MAGNITUDE)
            issues.push({
              ...at(lastYear[0], 'deals'),
              message: `tier ${quoteText(name)}: the lognormal ACV fitted to ${useDeals ? `${inputs.dealsFile ?? 'the deals'}'s amounts` : 'new_arr / deals'} (median ${Number(fit.acv.median.value.toPrecision(5))}, sigma ${Number(Math.min(fit.acv.sigma.value, MAX_ACV_SIGMA).toPrecision(3))}) has a mean exp(mu + sigma^2/2) of ${acvMean.toExponential(2)}, above the ${MAX_MAGNITUDE.toExponential()} a scenario allows: arrcast cannot simulate this tier (are some amounts in another unit?)`,
            });
          else if (peak > MAX_DEALS_PER_MONTH)
            issues.push({
              ...at(lastYear[0], 'leads'),
              message: `tier ${quoteText(name)} would expect ${Math.round(peak).toLocaleString('en-US')} deals in its peak month (leads x seasonality x conversion fitted from the history), more than the ${MAX_DEALS_PER_MONTH.toLocaleString('en-US')} a month the model can draw one by one: arrcast cannot simulate this tier`,
            });
          else newBusiness = fit;
        }
      }
    } else {
      // Leads or deals in the year the levels come from are new business: fitted without it (a
      // comment saying so, exit 0), 603 deals in a year gave a scenario of the existing book alone.
      const sold = lastYear.filter((r) => (r.values.leads ?? 0) > 0 || (r.values.deals ?? 0) > 0);
      const missing = NEW_BUSINESS.concat(['new_arr']).filter((m) => !has(m));
      const first = sold[0];
      if (first !== undefined) {
        const column = (['deals', 'leads'] as const).find(has)!;
        const c = first.columns?.[column];
        const count = (m: 'leads' | 'deals') => lastYear.reduce((a, r) => a + (r.values[m] ?? 0), 0);
        issues.push({
          path: [column],
          line: first.line,
          ...(c === undefined ? {} : { column: c }),
          message: `tier ${quoteText(name)} has ${(['leads', 'deals'] as const).filter(has).map((m) => `${count(m)} ${m}`).join(' and ')} in its last 12 months, but new business needs ${missing.join(' and ')} too${missing.includes('new_arr') ? ' (or the deals\' amounts with --deals)' : ''}: add ${missing.length === 1 ? 'it' : 'them'}, or drop the ${(['leads', 'deals'] as const).filter(has).join(' and ')} column${(['leads', 'deals'] as const).filter(has).length === 1 ? '' : 's'} to fit the existing book alone`,
        });
      } else notes.push(`no new business fitted: it needs leads, deals and new_arr (or --deals); the history has ${NEW_BUSINESS.concat(['new_arr']).filter(has).join(', ') || 'none of them'}`);
    }

    const lastOf = (m: MonthlyMeasure) => lastYear.reduce((a, r) => a + (r.values[m] ?? 0), 0);
    // A tier with no book live at the end (none ever, or one run down to 0) beside tiers with one: the
    // columns are the file's, so dropping them, as the refusal said to, dropped every tier's existing
    // book. A book run down to 0 was fitted as one customer of no ARR, whom runs counted as a logo lost
    // in 85% of trials.
    const endingArr = rows.at(-1)?.values.ending_arr ?? 0;
    const noBook = runDown.has(name);
    const hadBook = lastOf('due_arr') > 0 || lastOf('renewed_arr') > 0;
    const everHadBook = hadBook || series('ending_arr').some((x) => x > 0);
    const leftOver = endingArr > 0 ? `its ending_arr at the end, ${endingArr.toLocaleString('en-US')}, is below ${RUN_DOWN_SHARE * 100}% of its largest in the history (a book run down: rounding, not a customer)` : 'its ending_arr is 0 at the end';
    if (EXISTING.every(has) && noBook) {
      notes.push(
        everHadBook
          ? `no existing book fitted: ${leftOver}, so nothing is left to renew${hadBook ? ` (the ${lastOf('due_arr').toLocaleString('en-US')} of ARR due in its last 12 months was of a book now gone)` : ''}`
          : 'no existing book fitted: its ending_arr is 0 at the end, with no ARR due or renewed in its last 12 months',
      );
      const customers = inputs.outcomes?.get(name)?.arr.length ?? 0;
      if (customers > 0) {
        const unused = `${inputs.outcomesFile ?? 'the renewal outcomes'} has ${customers} customer${customers === 1 ? '' : 's'} of tier ${quoteText(name)}, not used: its book has run down, nothing is left to renew`;
        notes.push(unused);
        warnings.push(unused);
      }
    } else if (EXISTING.every(has)) {
      const fitted = fitExistingBook({ name, rows, months: n, has, outcomes: inputs.outcomes?.get(name), outcomesFile: inputs.outcomesFile, meanAcv: newBusiness?.acv.mean, ...(pool ? { pool } : {}), ...(contractionPool ? { contractionPool } : {}), ...(expansionPool ? { expansionPool } : {}), ...(termSeries ? { termSeries } : {}) });
      if ('message' in fitted) issues.push(fitted);
      else {
        existing = fitted;
        if (fitted.outcomesUnused !== undefined) notes.push(`${fitted.outcomesUnused}: dollar renewal ${fitted.renewalFrom === 'pooled' ? 'taken from the other tiers' : "fitted from the history's due_arr and renewed_arr"}`);
      }
    } else if (has('ending_arr') && (rows.at(-1)?.values.ending_arr ?? 0) > 0) {
      // ARR live at the end is a book the fitted year starts with: fitted without one (a comment
      // saying so, exit 0), a history ending at 21,480,000 of ARR gave a scenario of new business
      // alone, its forecast short by the whole book.
      const last = rows.at(-1)!;
      const c = last.columns?.ending_arr;
      const missingBook = EXISTING.filter((m) => !has(m));
      issues.push({
        path: ['ending_arr'],
        line: last.line,
        ...(c === undefined ? {} : { column: c }),
        message: `tier ${quoteText(name)} ends with ${last.values.ending_arr} of ARR live, but its existing book needs ${missingBook.join(' and ')} too (the ARR due each month and what renewed: its renewal calendar and rate): add ${missingBook.length === 1 ? 'it' : 'them'}, or drop the ending_arr column to fit new business alone`,
      });
    } else notes.push(`no existing book fitted: it needs ending_arr, due_arr and renewed_arr; the history has ${EXISTING.filter(has).join(', ') || 'none of them'}`);

    const ownIssue = issues.some((i) => i.message.includes(quoteText(name)));
    // A book run down and no new business: nothing to forecast, and no reason to refuse the other
    // tiers' fit (the file was refused whole, saying to leave its rows out). Left out, saying so.
    if (!newBusiness && !existing && !ownIssue && EXISTING.every(has) && noBook && everHadBook) {
      skipped.push({ name, reason: notes.join('; ') });
      continue;
    }
    if (!newBusiness && !existing && !ownIssue)
      issues.push({
        path: [],
        message: `tier ${quoteText(name)}: nothing to fit. ${notes.join('; ')}`,
        ...(rows[0] ? { line: rows[0].line, column: 1 } : {}),
      });
    tiers.push({ name, ...(newBusiness ? { newBusiness } : {}), ...(existing ? { existing } : {}), notes });
  }
  // Every tier left out: no scenario to write (a scenario has a tier at least).
  if (tiers.length === 0 && issues.length === 0)
    for (const s of skipped) {
      const first = history.byTier.get(s.name)![0];
      issues.push({ path: [], message: `tier ${quoteText(s.name)}: nothing to fit. ${s.reason}: no tier of the history has anything to forecast`, ...(first ? { line: first.line, column: 1 } : {}) });
    }
  if (issues.length > 0) throw new ScenarioError(history.path, issues);
  for (const s of skipped) warnings.unshift(`tier ${quoteText(s.name)} left out of the scenario: ${s.reason}`);
  const calendar = historyCalendar(history);
  return {
    source: history.path,
    months: n,
    ...(calendar ? { calendar } : {}),
    tiers,
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(inputs.dealsFile ? { dealsFile: inputs.dealsFile } : {}),
    ...(inputs.outcomesFile ? { outcomesFile: inputs.outcomesFile } : {}),
  };
}

/** Expected deals in the fitted year's busiest month: the leads level at its largest seasonal weight, times the conversion rate as written. */
function peakMonthlyDeals(fit: NewBusinessFit): number {
  const season = fit.leads.seasonality?.reduce((a, e) => Math.max(a, e.value), 0) ?? 1;
  return fit.leads.level.value * Math.max(1, season) * writtenBeta(fit.conversion.rate.value, fit.conversion.year.sd).mean;
}
