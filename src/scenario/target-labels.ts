import { quoteText } from './display-text.js';
import type { MetricTarget } from './targets-schema.js';
import { lookKey, nameKey } from './name-key.js';

/**
 * The names targets go by in every output (tables, charts, summary.json, the re-forecast's "before"
 * column, which finds a plan's target by its label): a target's own `label`, or a default made of
 * its tier, metric and value ('revenue >= 120M', 'SMB ending ARR >= 30M').
 *
 * The amount is written with the letters the tables and report.html write money in (formatMoney,
 * formatCurrency: k, M, B, T), 'revenue >= 600k', and as few decimals as tell it apart. Earlier
 * versions wrote Intl's 'K' ('revenue >= 600K'); labels are names, compared without case
 * wherever one is found from another (nameKey), so a plan summary.json they wrote still finds its
 * targets in a re-forecast (analysis/reforecast-summary.ts).
 *
 * Two different targets must never share a name: a reader (or the re-forecast) would give one the
 * other's numbers. Default labels round the value to 2 decimals of its compact form, so 120M and
 * 120.004M would both read 'revenue >= 120M'; such defaults get as many more decimals as it takes
 * to tell them apart, and every other label is left as it has always been. A label the planner
 * chose that names another target cannot be mended that way: `targetLabelClash` finds it, for the
 * scenario's validation and the CLI to refuse.
 */

/** A target's metric as the outputs write it ('ending ARR', not its key 'endingArr'). */
export const METRIC_WORDS: Readonly<Record<MetricTarget['metric'], string>> = { revenue: 'revenue', bookings: 'bookings', endingArr: 'ending ARR' };

/** Decimals of the compact amount a default label starts with, and the most it may take to tell two apart. */
const DEFAULT_DECIMALS = 2;
const MOST_DECIMALS = 20;

const formats = new Map<number, Intl.NumberFormat>();

/**
 * An amount in compact form to at most `decimals` decimals, thousands written 'k' as money is
 * everywhere else (Intl writes 'K'; its M, B and T are money's).
 *
 * @example compact(600000, 2) // => '600k'
 */
function compact(value: number, decimals: number): string {
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: decimals })));
  return f
    .formatToParts(value)
    .map((p) => (p.type === 'compact' && p.value === 'K' ? 'k' : p.value))
    .join('');
}

/**
 * The default label of a target: '[tier ]metric >= value', the value compact to `decimals`.
 *
 * @example defaultTargetLabel({ metric: 'endingArr', value: 30e6, tier: 'SMB' }) // => 'SMB ending ARR >= 30M'
 * @example defaultTargetLabel({ metric: 'bookings', value: 600e3 }) // => 'bookings >= 600k'
 * Complexity: O(1).
 */
export function defaultTargetLabel(t: Pick<MetricTarget, 'metric' | 'value' | 'tier'>, decimals = DEFAULT_DECIMALS): string {
  // + 0 writes -0 (a YAML -0, --target revenue=-0) as the 0 it is: Intl writes '-0'.
  return `${t.tier ? `${t.tier} ` : ''}${METRIC_WORDS[t.metric]} >= ${compact(t.value + 0, decimals)}`;
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
 * The label of each target, in order: its own, or its default, with more decimals where two
 * different targets' defaults would read alike. A target given twice keeps one label.
 *
 * @example targetLabels([{ metric: 'revenue', value: 120e6 }, { metric: 'revenue', value: 120.004e6 }]) // => ['revenue >= 120M', 'revenue >= 120.004M']
 * Complexity: O(targets² x decimals) at worst; targets are at most 50 (the schema's limit) plus --target.
 */
export function targetLabels(targets: readonly MetricTarget[]): string[] {
  const decimals = targets.map(() => DEFAULT_DECIMALS);
  const labels = targets.map((t) => t.label ?? defaultTargetLabel(t));
  // Only defaults are ours to lengthen; a label the planner chose that reads like another target's is a clash.
  const defaultsAlike = (i: number, j: number) =>
    targets[i]!.label === undefined && targets[j]!.label === undefined && labelKey(labels[i]!) === labelKey(labels[j]!) && !sameTarget(targets[i]!, targets[j]!);
  for (let round = DEFAULT_DECIMALS; round < MOST_DECIMALS; round++) {
    let changed = false;
    for (let i = 0; i < targets.length; i++)
      for (let j = 0; j < i; j++) {
        if (!defaultsAlike(i, j)) continue;
        for (const k of [i, j])
          if (decimals[k]! < MOST_DECIMALS) {
            decimals[k]!++;
            labels[k] = defaultTargetLabel(targets[k]!, decimals[k]!);
            changed = true;
          }
      }
    if (!changed) break;
  }
  // Past 20 decimals of a compact amount (values far below 1), the value as JavaScript writes it, which tells any two apart.
  const still = targets.map((_, i) => targets.some((__, j) => j !== i && defaultsAlike(i, j)));
  still.forEach((alike, i) => {
    if (alike) labels[i] = `${targets[i]!.tier ? `${targets[i]!.tier} ` : ''}${METRIC_WORDS[targets[i]!.metric]} >= ${String(targets[i]!.value)}`;
  });
  return labels;
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
 * defaults are told apart by their decimals. `labels`: targetLabels(targets), when the caller has them.
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
