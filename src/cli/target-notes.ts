import type { Summary } from '../analysis/summarize.js';
import { nameKey } from '../scenario/name-key.js';

/** A target this many times below the lowest simulated year was most likely written without its suffix. */
const FAR_BELOW = 1000;

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

/**
 * Notes for targets that are far below every simulated year (`--target revenue=22` meant 22M): a
 * target a thousand times below the lowest trial is met in every year and says nothing, so the note
 * names the suffix that puts it nearest the median. Nothing for any other target. The notes go to
 * the terminal only; the report and summary.json are the same with or without them.
 *
 * @example targetNotes(summary, formatMoney) // => ['arrcast: note: the target revenue >= 22 is under a thousandth of the lowest simulated year (16.2M), so every year meets it; amounts take a suffix: did you mean 22M?']
 * Complexity: O(targets).
 */
export function targetNotes(summary: Summary, money: (value: number) => string): string[] {
  const notes: string[] = [];
  for (const t of summary.decisions.targets ?? []) {
    // A tier's name as the scenario spells it (--target smb:revenue=5 names tier SMB).
    const tier = t.tier === undefined ? undefined : Object.keys(summary.byTier).find((name) => nameKey(name) === nameKey(t.tier!));
    const stat = t.tier === undefined ? summary.metrics[t.metric] : tier === undefined ? undefined : summary.byTier[tier]![t.metric];
    if (stat === undefined || !(t.value > 0) || !(t.value * FAR_BELOW <= stat.min)) continue;
    const median = stat.percentiles.p50;
    const [suffix] = SUFFIXES.reduce((best, s) => (Math.abs(Math.log(t.value * s[1]) - Math.log(median)) < Math.abs(Math.log(t.value * best[1]) - Math.log(median)) ? s : best));
    notes.push(`arrcast: note: the target ${t.label} is under a thousandth of the lowest simulated year (${money(stat.min)}), so every year meets it; amounts take a suffix: did you mean ${t.value}${suffix}?`);
  }
  return notes;
}

/**
 * Notes for a monthly plan (`targets.monthly`) that reads as written in another unit, where every
 * month's P(MRR >= plan) or P(cumulative revenue >= plan) is then 0% or 100% and says nothing about the
 * plan meant: an MRR line at least OTHER_UNIT times the simulated median MRR in every month (written
 * as ARR, which is 12 times MRR); a cumulative revenue line that falls from a month to the next
 * (revenue from the start of the year never falls: each month's revenue given instead), or whose month
 * 12 is under 1/OTHER_UNIT of the year's median revenue. Terminal only, as targetNotes: the report
 * and summary.json are the same with or without them.
 *
 * @example monthlyPlanNotes(summary, formatMoney) // => ['arrcast: note: the monthly plan\'s MRR is at least 6 times the simulated median MRR in every month (month 1: 9.6M against 802k); MRR is ARR / 12: is the plan written as ARR?']
 * Complexity: O(12).
 */
export function monthlyPlanNotes(summary: Summary, money: (value: number) => string): string[] {
  const plan = summary.decisions.monthlyPlan;
  if (plan === undefined || plan.length !== summary.monthly.length) return [];
  const notes: string[] = [];
  const mrr = plan.map((m) => m.mrr?.plan);
  const median = summary.monthly.map((m) => m.mrr.percentiles.p50);
  if (mrr.every((v, i) => v !== undefined && median[i]! > 0 && v >= OTHER_UNIT * median[i]!))
    notes.push(
      `arrcast: note: the monthly plan's MRR is at least ${OTHER_UNIT} times the simulated median MRR in every month (month 1: ${money(mrr[0]!)} against ${money(median[0]!)}), so no year meets it; MRR is ARR / 12: is the plan written as ARR?`,
    );
  const cumulative = plan.map((m) => m.cumulativeRevenue?.plan);
  if (cumulative.every((v) => v !== undefined)) {
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
  }
  return notes;
}
