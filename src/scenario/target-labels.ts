import { quoteText } from './display-text.js';
import type { MetricTarget } from './targets-schema.js';
import { lookKey, nameKey } from './name-key.js';
import { exactAmount } from './exact-amount.js';

/**
 * The names targets go by in every output (tables, charts, summary.json, the re-forecast's "before"
 * column, which finds a plan's target by its label): a target's own `label`, or a default made of
 * its tier, metric and value ('revenue >= 120M', 'SMB ending ARR >= 30M').
 *
 * The amount is written exactly (exactAmount: every digit the value has, in the letters the tables
 * write money in: k, M, B, T), 'revenue >= 119.996M', so two different targets never read alike
 * and no target reads as a value it is not. Until December 2026 (the nineteenth session) defaults
 * rounded to 2 decimals, lengthened only where two of one run read alike: a lone 119,996,000 read
 * 'revenue >= 120M'. Earlier still, thousands were Intl's 'K'. A plan's summary.json written so
 * still finds its targets in a re-forecast (earlierDefaultLabel, analysis/reforecast-summary.ts);
 * labels are compared without case (nameKey).
 *
 * A label the planner chose that names another target cannot be mended: `targetLabelClash` finds
 * it, for the scenario's validation and the CLI to refuse.
 */

/** A target's metric as the outputs write it ('ending ARR', not its key 'endingArr'). */
export const METRIC_WORDS: Readonly<Record<MetricTarget['metric'], string>> = { revenue: 'revenue', bookings: 'bookings', endingArr: 'ending ARR' };

/** Decimals of the compact amount the earlier default labels started with, and the most they took to tell two apart. */
const EARLIER_DECIMALS = 2;
const EARLIER_MOST_DECIMALS = 20;

const formats = new Map<number, Intl.NumberFormat>();

/**
 * An amount as the earlier default labels wrote it: compact, to at most `decimals` decimals, with
 * Intl's 'K' for thousands (compared without case, it is also the 'k' written later).
 */
function earlierCompact(value: number, decimals: number): string {
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: decimals })));
  return f.format(value);
}

const labelOf = (t: Pick<MetricTarget, 'metric' | 'tier'>, amount: string) => `${t.tier ? `${t.tier} ` : ''}${METRIC_WORDS[t.metric]} >= ${amount}`;

/**
 * The default label of a target: '[tier ]metric >= value', the value exactly (exactAmount).
 *
 * @example defaultTargetLabel({ metric: 'endingArr', value: 30e6, tier: 'SMB' }) // => 'SMB ending ARR >= 30M'
 * @example defaultTargetLabel({ metric: 'revenue', value: 119_996_000 }) // => 'revenue >= 119.996M'
 * Complexity: O(1).
 */
export function defaultTargetLabel(t: Pick<MetricTarget, 'metric' | 'value' | 'tier'>): string {
  return labelOf(t, exactAmount(t.value));
}

/**
 * Whether `label` is a default label an earlier arrcast could have given target `t` (2 to 20
 * decimals of its compact amount, 'K' or 'k', or the value as JavaScript writes it), compared as
 * names are (nameKey): how a re-forecast finds a plan's target in a summary.json written before
 * default labels were exact ('revenue >= 120M' for 119,996,000).
 *
 * @example earlierDefaultLabel('revenue >= 120M', { metric: 'revenue', value: 119_996_000 }) // => true
 * Complexity: O(decimals).
 */
export function earlierDefaultLabel(label: string, t: Pick<MetricTarget, 'metric' | 'value' | 'tier'>): boolean {
  const key = nameKey(label);
  const value = t.value + 0;
  if (key === nameKey(labelOf(t, String(value)))) return true;
  for (let d = EARLIER_DECIMALS; d <= EARLIER_MOST_DECIMALS; d++) if (key === nameKey(labelOf(t, earlierCompact(value, d)))) return true;
  return false;
}

/**
 * Labels that a reader would take for one another: compared trimmed, without case, in NFC form ("Café"
 * with é or with e + U+0301), and without invisible characters or fullwidth letters (lookKey).
 */
const labelKey = lookKey;

/** Targets that test the same thing (a tier is found without case, as tier targets are). */
const sameTarget = (a: MetricTarget, b: MetricTarget) => a.metric === b.metric && a.value === b.value && nameKey(a.tier ?? '') === nameKey(b.tier ?? '');

/** Targets as the outputs show them: each given once, in order, with its label. */
export interface ShownTargets {
  readonly targets: MetricTarget[];
  /** Each shown target's label (targetLabels of the whole list given, so a repeat left out changes no other label). */
  readonly labels: string[];
}

/**
 * The targets with each one given again left out: a later target that tests what an earlier one
 * tests (metric, value, tier) and has no label of its own, or one that reads as the earlier one's
 * label (its own, or its default as shown), adds nothing but a second row of the same figures (a
 * --target repeating the scenario's, or itself). A repeat under another label of its own is kept:
 * the planner named it, and outputs find targets by label. Labels are those of the whole list
 * (`labels`: targetLabels(targets), when the caller has them), as they were before repeats were left out.
 *
 * @example shownTargets([{ metric: 'revenue', value: 120e6, label: 'Plan' }, { metric: 'revenue', value: 120e6 }]).labels // => ['Plan']
 * Complexity: that of targetLabels.
 */
export function shownTargets(targets: readonly MetricTarget[], labels: readonly string[] = targetLabels(targets)): ShownTargets {
  const kept: number[] = [];
  targets.forEach((t, i) => {
    const repeats = (k: number) => sameTarget(targets[k]!, t) && (t.label === undefined || labelKey(labels[i]!) === labelKey(labels[k]!));
    if (!kept.some(repeats)) kept.push(i);
  });
  return { targets: kept.map((i) => targets[i]!), labels: kept.map((i) => labels[i]!) };
}

/**
 * The targets without repeats (shownTargets), for callers that need only the targets.
 * @example distinctTargets([{ metric: 'revenue', value: 120e6, label: 'Plan' }, { metric: 'revenue', value: 120e6 }]).length // => 1
 */
export const distinctTargets = (targets: readonly MetricTarget[]): MetricTarget[] => shownTargets(targets).targets;

/**
 * The label of each target, in order: its own, or its default (exact, so different targets' defaults
 * never read alike). A target given twice keeps one label.
 *
 * @example targetLabels([{ metric: 'revenue', value: 120e6 }, { metric: 'revenue', value: 119.996e6 }]) // => ['revenue >= 120M', 'revenue >= 119.996M']
 * Complexity: O(targets).
 */
export function targetLabels(targets: readonly MetricTarget[]): string[] {
  return targets.map((t) => t.label ?? defaultTargetLabel(t));
}

/** Two different targets that go by one label: the later one's index, the earlier one's, and the label. */
export interface TargetLabelClash {
  readonly index: number;
  readonly other: number;
  readonly label: string;
}

/**
 * The first pair of different targets whose labels (`targetLabels`) read alike, or undefined. Only a
 * label the planner chose can clash (with another's, or another target's default): differing
 * defaults are exact, so they differ. `labels`: targetLabels(targets), when the caller has them.
 *
 * Complexity: that of targetLabels.
 */
export function targetLabelClash(targets: readonly MetricTarget[], labels: readonly string[] = targetLabels(targets)): TargetLabelClash | undefined {
  for (let i = 0; i < targets.length; i++)
    for (let j = 0; j < i; j++)
      if (labelKey(labels[i]!) === labelKey(labels[j]!) && !sameTarget(targets[i]!, targets[j]!)) {
        // Point at a label someone wrote: the later target's if it has one, else the earlier's.
        const [index, other] = targets[i]!.label !== undefined || targets[j]!.label === undefined ? [i, j] : [j, i];
        return { index, other, label: labels[index]! };
      }
  return undefined;
}

/**
 * The message of a clash, naming targets as `name(i)` does (e.g. `targets.metrics[1]`, `--target revenue=120M`).
 *
 * @example clashMessage({ index: 1, other: 0, label: 'Plan' }, (i) => `targets.metrics[${i}]`) // => 'the label "Plan" is also targets.metrics[0]\'s, a different target: give each target a label of its own'
 */
export function clashMessage(clash: TargetLabelClash, name: (i: number) => string): string {
  return `the label ${quoteText(clash.label)} is also ${name(clash.other)}'s, a different target: give each target a label of its own`;
}
