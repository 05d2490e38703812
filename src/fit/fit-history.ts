import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from '../actuals/monthly-record.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/scenario-error.js';
import { quoteText } from '../scenario/display-text.js';
import { fitLeadVolume, type LeadVolumeFit } from './lead-volume.js';
import { fitConversion, type ConversionFit } from './conversion.js';
import { fitAcvFromDeals, fitAcvFromTotals, type AcvFit } from './acv.js';
import { fitRenewal, fitRenewalFromOutcomes, renewalChanges, type OutcomeRenewalFit, type RenewalFit } from './renewal.js';
import { historyCalendar, type HistoryCalendar } from './history-calendar.js';
import { blockOf, fiscalMonthOf } from './timeline.js';
import type { TierDeals } from './read-deals.js';
import type { TierOutcomes } from './read-renewal-outcomes.js';

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
  readonly renewal: RenewalFit | OutcomeRenewalFit;
  readonly renewalFrom: 'history' | 'customers';
  /** contraction_arr / renewed_arr and expansion_arr / renewed_arr of the last 12 months, when given. */
  readonly contractionShare?: number;
  readonly expansionShare?: number;
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
  readonly dealsFile?: string;
  readonly outcomesFile?: string;
}

const NEW_BUSINESS: readonly MonthlyMeasure[] = ['leads', 'deals'];
const EXISTING: readonly MonthlyMeasure[] = ['ending_arr', 'due_arr', 'renewed_arr'];

/**
 * Fit every tier of a history (see the estimators: lead-volume.ts, conversion.ts, acv.ts,
 * renewal.ts). A tier gets new business when the history has leads and deals (and new_arr, or a
 * deals file), an existing book when it has ending_arr, due_arr and renewed_arr. Throws
 * ScenarioError naming the history for a tier with nothing to fit, or with no deals (or no ARR
 * due) in its last 12 months, where rates cannot be estimated.
 *
 * Complexity: O(months × tiers + deals + customers).
 */
export function fitHistory(inputs: FitInputs): HistoryFit {
  const { history } = inputs;
  const has = (m: MonthlyMeasure) => history.measures.includes(m);
  const issues: ScenarioIssue[] = [];
  const tiers: TierFit[] = [];
  const n = history.months;
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
      if (dealsLastYear === 0 || leadsLastYear === 0)
        issues.push({ ...at(lastYear[0], dealsLastYear === 0 ? 'deals' : 'leads'), message: `tier ${quoteText(name)} has no ${dealsLastYear === 0 ? 'deals' : 'leads'} in its last 12 months: conversion and ACV cannot be fitted (drop the leads and deals columns for a tier without new business)` });
      else {
        const useDeals = tierDeals !== undefined && tierDeals.amounts.length > 1 && tierDeals.months.some((m) => blockOf(m, n) === 0);
        if (tierDeals !== undefined && !useDeals) notes.push(`the deals file has ${tierDeals.amounts.length === 0 ? 'no deals' : 'too few deals in the last 12 months'} for this tier: ACV fitted from new_arr / deals`);
        if (!useDeals && !has('new_arr')) issues.push({ ...at(lastYear[0], 'new_arr'), message: `tier ${quoteText(name)}: ACV needs new_arr in the history or the tier's deals (with some in the last 12 months) in --deals` });
        else
          newBusiness = {
            leads: fitLeadVolume(leads),
            conversion: fitConversion(leads, deals),
            acv: useDeals ? fitAcvFromDeals(tierDeals.amounts, tierDeals.months, n) : fitAcvFromTotals(series('new_arr'), deals),
          };
      }
    } else notes.push(`no new business fitted: it needs leads, deals and new_arr (or --deals); the history has ${NEW_BUSINESS.concat(['new_arr']).filter(has).join(', ') || 'none of them'}`);

    const outcomes = inputs.outcomes?.get(name);
    if (EXISTING.every(has)) {
      const due = series('due_arr');
      const renewedArr = series('renewed_arr');
      const ending = series('ending_arr');
      const dueLastYear = lastYear.reduce((a, r) => a + (r.values.due_arr ?? 0), 0);
      const openingArr = ending[n - 1]!;
      if (dueLastYear === 0 && (outcomes === undefined || outcomes.arr.length === 0))
        issues.push({ ...at(lastYear[0], 'due_arr'), message: `tier ${quoteText(name)} has no ARR due for renewal in its last 12 months: the renewal rate cannot be fitted (give --customers outcomes, or drop ending_arr, due_arr and renewed_arr)` });
      else {
        const useOutcomes = outcomes !== undefined && outcomes.arr.length > 1;
        const renewal = useOutcomes ? fitRenewalFromOutcomes(outcomes.arr, outcomes.renewed, renewalChanges(due, renewedArr)) : fitRenewal(due, renewedArr);
        // The ARR live at the start of the last year: ending_arr 12 months before the end (or month 1's).
        const startArr = n > 12 ? ending[n - 13]! : ending[0]!;
        const dueShare = startArr > 0 ? Math.min(1, dueLastYear / startArr) : 1;
        const calendar = new Array<number>(12).fill(0);
        for (const r of lastYear) calendar[fiscalMonthOf(r.month, n) - 1] = dueLastYear > 0 ? ((r.values.due_arr ?? 0) / dueLastYear) * dueShare : dueShare / 12;
        const typical = useOutcomes && (renewal as OutcomeRenewalFit).meanArr > 0 ? (renewal as OutcomeRenewalFit).meanArr : newBusiness?.acv.mean;
        const customers = typical !== undefined && typical > 0 ? Math.max(1, Math.round(openingArr / typical)) : Math.max(1, Math.round(openingArr / 12_000));
        const customersFrom =
          useOutcomes && typical !== undefined
            ? `opening ARR / the mean ARR of the ${outcomes.arr.length} customers due in ${inputs.outcomesFile ?? 'the renewal outcomes'}`
            : newBusiness
              ? 'opening ARR / the mean ACV of new deals (the history has no customer count: replace it with the real one)'
              : 'opening ARR / 12,000, a placeholder: the history has no customer count and no deals; replace it with the real one';
        const renewedLastYear = lastYear.reduce((a, r) => a + (r.values.renewed_arr ?? 0), 0);
        const share = (m: MonthlyMeasure) => (has(m) && renewedLastYear > 0 ? lastYear.reduce((a, r) => a + (r.values[m] ?? 0), 0) / renewedLastYear : undefined);
        const contractionShare = share('contraction_arr');
        const expansionShare = share('expansion_arr');
        existing = {
          openingArr,
          customers,
          customersFrom,
          calendar,
          dueShare,
          renewal,
          renewalFrom: useOutcomes ? 'customers' : 'history',
          ...(contractionShare !== undefined ? { contractionShare } : {}),
          ...(expansionShare !== undefined ? { expansionShare } : {}),
        };
      }
    } else notes.push(`no existing book fitted: it needs ending_arr, due_arr and renewed_arr; the history has ${EXISTING.filter(has).join(', ') || 'none of them'}`);

    if (!newBusiness && !existing && !issues.some((i) => i.message.includes(quoteText(name))))
      issues.push({ path: [], message: `tier ${quoteText(name)}: nothing to fit. ${notes.join('; ')}` });
    tiers.push({ name, ...(newBusiness ? { newBusiness } : {}), ...(existing ? { existing } : {}), notes });
  }
  if (issues.length > 0) throw new ScenarioError(history.path, issues);
  const calendar = historyCalendar(history);
  return {
    source: history.path,
    months: n,
    ...(calendar ? { calendar } : {}),
    tiers,
    ...(inputs.dealsFile ? { dealsFile: inputs.dealsFile } : {}),
    ...(inputs.outcomesFile ? { outcomesFile: inputs.outcomesFile } : {}),
  };
}
