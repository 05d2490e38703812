import type { Summary } from '../analysis/summarize.js';
import type { Stat } from '../analysis/describe.js';
import { nameKey } from '../scenario/name-key.js';
import { bareCurrency, formatCurrency } from '../report/money.js';

/**
 * An amount this many times below the lowest simulated value was most likely written without its
 * suffix. 1,000 (before December 2026) missed a dropped `k` wherever the amount meant was under the
 * lowest trial (`mrr: 100` meant 100k beside months of 95k to 105k): 100 catches it down to a tenth
 * of the lowest trial, and no plan is a hundredth of the forecast's worst year.
 */
const FAR_BELOW = 100;

/**
 * A monthly plan this many times off the simulated median in the direction a unit slip takes it: MRR
 * written as ARR is 12 times it, each month's revenue written for the running total a twelfth of the
 * year by month 12. Half-way (6) leaves a plan twice as bold or as timid as the forecast unnoted.
 */
const OTHER_UNIT = 6;

const SUFFIXES = [
  ['k', 1e3],
  ['M', 1e6],
  ['B', 1e9],
] as const;

/** Amounts as the terminal writes them: the run's currency at its minor unit (¥512, not 512.40). */
function terminalMoney(summary: Summary): (value: number) => string {
  const mark = bareCurrency(summary.scenario.currency);
  return (v) => formatCurrency(v, mark);
}

/**
 * The suffix an amount most likely lost (`22` meant `22M`): the one that puts it nearest the
 * simulated median, when the amount is at least FAR_BELOW times under the lowest simulated value (met
 * in every trial, so it says nothing); else undefined. The one rule of targetNotes and
 * monthlyPlanNotes.
 *
 * @example droppedSuffix(22, { min: 16.2e6, percentiles: { p50: 21e6 } }) // => 'M'
 */
export function droppedSuffix(value: number, stat: { readonly min: number; readonly percentiles: { readonly p50: number } }): string | undefined {
  if (!(value > 0) || !(value * FAR_BELOW <= stat.min)) return undefined;
  const median = stat.percentiles.p50;
  const nearest = SUFFIXES.reduce((best, s) => (Math.abs(Math.log(value * s[1]) - Math.log(median)) < Math.abs(Math.log(value * best[1]) - Math.log(median)) ? s : best));
  return nearest[0];
}

/**
 * Notes for targets that are far below every simulated year (`--target revenue=22` meant 22M): a
 * target a hundred times below the lowest trial is met in every year and says nothing, so the note
 * names the suffix that puts it nearest the median (droppedSuffix). Nothing for any other target. The
 * notes go to the terminal only; the report and summary.json are the same with or without them. The
 * lowest year is written as the terminal writes amounts, at the currency's minor unit (¥512, not 512.40).
 *
 * @example targetNotes(summary) // => ['arrcast: note: the target revenue >= 22 is under a hundredth of the lowest simulated year (16.2M), so every year meets it; amounts take a suffix: did you mean 22M?']
 * Complexity: O(targets).
 */
export function targetNotes(summary: Summary): string[] {
  const money = terminalMoney(summary);
  const notes: string[] = [];
  for (const t of summary.decisions.targets ?? []) {
    // A tier's name as the scenario spells it (--target smb:revenue=5 names tier SMB).
    const tier = t.tier === undefined ? undefined : Object.keys(summary.byTier).find((name) => nameKey(name) === nameKey(t.tier!));
    const stat = t.tier === undefined ? summary.metrics[t.metric] : tier === undefined ? undefined : summary.byTier[tier]![t.metric];
    const suffix = stat === undefined ? undefined : droppedSuffix(t.value, stat);
    if (suffix === undefined) continue;
    notes.push(`arrcast: note: the target ${t.label} is under a hundredth of the lowest simulated year (${money(stat!.min)}), so every year meets it; amounts take a suffix: did you mean ${t.value}${suffix}?`);
  }
  return notes;
}

/**
 * Notes for a monthly plan (`targets.monthly`) that reads as written in another unit, where every
 * month's P(MRR >= plan) or P(cumulative revenue >= plan) is then 0% or 100% and says nothing about the
 * plan meant. First, for each line, a dropped suffix by targetNotes' rule (droppedSuffix) in every
 * month where it can be told (the lowest simulated value above 0): `mrr: [100, ...]` meant 100k.
 * Then, when no suffix was dropped: an MRR line at least OTHER_UNIT times the simulated median MRR
 * in every month whose median is above 0 (written as ARR, which is 12 times MRR); a cumulative
 * revenue line that falls from a month to the next (revenue from the start of the year never falls:
 * each month's revenue given instead), or whose month 12 is under 1/OTHER_UNIT of the year's median
 * revenue. A month of MRR 0 (a company that sells from nothing) leaves the others checked. Terminal
 * only, as targetNotes: the report and summary.json are the same with or without them.
 *
 * @example monthlyPlanNotes(summary) // => ['arrcast: note: the monthly plan\'s MRR is at least 6 times the simulated median MRR in every month (month 1: 9.6M against 802k); MRR is ARR / 12: is the plan written as ARR?']
 * Complexity: O(12).
 */
export function monthlyPlanNotes(summary: Summary, money: (value: number) => string = terminalMoney(summary)): string[] {
  const plan = summary.decisions.monthlyPlan;
  if (plan === undefined || plan.length !== summary.monthly.length) return [];
  const notes: string[] = [];
  /** The note of a line whose every month that can be told lost a suffix, or undefined. */
  const suffixNote = (what: string, values: ReadonlyArray<number | undefined>, stats: ReadonlyArray<Stat>): string | undefined => {
    const told = values.flatMap((v, i) => (v !== undefined && stats[i]!.min > 0 ? [i] : []));
    const suffixes = told.map((i) => droppedSuffix(values[i]!, stats[i]!));
    if (told.length === 0 || suffixes.some((x) => x === undefined)) return undefined;
    const [i] = told;
    const where = told.length === values.length ? 'every month' : `every month whose lowest simulated ${what} is above 0`;
    return `arrcast: note: the monthly plan's ${what} is under a hundredth of the lowest simulated ${what} in ${where} (month ${i! + 1}: ${money(values[i!]!)} against ${money(stats[i!]!.min)}), so every year meets it; amounts take a suffix: did you mean ${values[i!]}${suffixes[0]}?`;
  };

  const mrr = plan.map((m) => m.mrr?.plan);
  const mrrStats = summary.monthly.map((m) => m.mrr);
  const mrrSuffix = suffixNote('MRR', mrr, mrrStats);
  if (mrrSuffix !== undefined) notes.push(mrrSuffix);
  else if (mrr.every((v) => v !== undefined)) {
    // Months of median MRR 0 cannot be told 6 times over; the others still can.
    const told = mrr.flatMap((v, i) => (mrrStats[i]!.percentiles.p50 > 0 ? [i] : []));
    if (told.length > 0 && told.every((i) => mrr[i]! >= OTHER_UNIT * mrrStats[i]!.percentiles.p50)) {
      const i = told[0]!;
      notes.push(
        `arrcast: note: the monthly plan's MRR is at least ${OTHER_UNIT} times the simulated median MRR in every month${told.length === mrr.length ? '' : ' whose median is above 0'} (month ${i + 1}: ${money(mrr[i]!)} against ${money(mrrStats[i]!.percentiles.p50)}), so no year meets it; MRR is ARR / 12: is the plan written as ARR?`,
      );
    }
  }

  const cumulative = plan.map((m) => m.cumulativeRevenue?.plan);
  const cumulativeSuffix = suffixNote('cumulative revenue', cumulative, summary.monthly.map((m) => m.cumulativeRevenue));
  if (cumulativeSuffix !== undefined) notes.push(cumulativeSuffix);
  else if (cumulative.every((v) => v !== undefined)) {
    const values = cumulative as number[];
    const falls = values.findIndex((v, i) => i > 0 && v < values[i - 1]!);
    const yearMedian = summary.monthly[summary.monthly.length - 1]!.cumulativeRevenue.percentiles.p50;
    if (falls > 0)
      notes.push(
        `arrcast: note: the monthly plan's cumulative revenue falls from month ${falls} (${money(values[falls - 1]!)}) to month ${falls + 1} (${money(values[falls]!)}), and revenue from the start of the year never falls: is it each month's revenue? cumulativeRevenue takes the running total`,
      );
    else if (yearMedian > 0 && values[values.length - 1]! * OTHER_UNIT <= yearMedian)
      notes.push(
        `arrcast: note: the monthly plan's cumulative revenue for month 12 (${money(values[values.length - 1]!)}) is under 1/${OTHER_UNIT} of the simulated year's median revenue (${money(yearMedian)}), so every year meets it: is it each month's revenue? cumulativeRevenue takes the running total`,
      );
    else if (values[0]! > 0 && values.every((v) => v === values[0]) && cumulativeGrows(summary))
      // A running total the same in every month plans no revenue after month 1, while the forecast's
      // grows each month: most likely the year's figure copied into every month.
      notes.push(
        `arrcast: note: the monthly plan's cumulative revenue is the same in every month (${money(values[0]!)}), so it plans no revenue after month 1, while the simulated running total grows every month (median ${money(summary.monthly[0]!.cumulativeRevenue.percentiles.p50)} in month 1, ${money(yearMedian)} in month 12): is it the year's total written in every month? cumulativeRevenue takes the running total`,
      );
  }
  return notes;
}

/** Whether the simulated running total's median rises from each month to the next (revenue every month). */
function cumulativeGrows(summary: Summary): boolean {
  const medians = summary.monthly.map((m) => m.cumulativeRevenue.percentiles.p50);
  return medians.every((v, i) => i === 0 || v > medians[i - 1]!);
}
