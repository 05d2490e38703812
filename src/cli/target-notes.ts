import type { Summary } from '../analysis/summarize.js';
import { nameKey } from '../scenario/name-key.js';
import { bareCurrency, formatCurrency } from '../report/money.js';

/** A target this many times below the lowest simulated year was most likely written without its suffix. */
const FAR_BELOW = 1000;

const SUFFIXES = [
  ['k', 1e3],
  ['M', 1e6],
  ['B', 1e9],
] as const;

/**
 * Notes for targets that are far below every simulated year (`--target revenue=22` meant 22M): a
 * target a thousand times below the lowest trial is met in every year and says nothing, so the note
 * names the suffix that puts it nearest the median. Nothing for any other target. The notes go to
 * the terminal only; the report and summary.json are the same with or without them. The lowest year is
 * written as the terminal writes amounts, at the currency's minor unit (¥512, not 512.40).
 *
 * @example targetNotes(summary) // => ['arrcast: note: the target revenue >= 22 is under a thousandth of the lowest simulated year (16.2M), so every year meets it; amounts take a suffix: did you mean 22M?']
 * Complexity: O(targets).
 */
export function targetNotes(summary: Summary): string[] {
  const mark = bareCurrency(summary.scenario.currency);
  const money = (v: number) => formatCurrency(v, mark);
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
