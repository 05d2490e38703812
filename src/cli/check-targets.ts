import type { LoadedScenario } from '../scenario/parse.js';
import { clashMessage, targetLabelClash } from '../scenario/target-labels.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { UsageError } from './exit-codes.js';
import { nameKey } from '../scenario/name-key.js';
import { unknownTierWords } from '../scenario/unknown-tier.js';
import { displayText } from '../scenario/display-text.js';

/** A target as --target writes it: SMB:revenue=30000000. */
const asOption = (t: MetricTarget) => `${t.tier !== undefined ? `${t.tier}:` : ''}${t.metric}=${t.value}`;

/**
 * Refuse targets a run cannot test as asked, before it simulates:
 * - a target naming a tier the scenario does not have: a --target (no `where`), or, with `where`
 *   naming the scenario, a target tested in another scenario than its own (compare's, a stress case's);
 * - a --target whose label is a scenario target's own label for another target (outputs find targets
 *   by label). Without `where`, `targets` are the --target ones, tested after the scenario's own.
 */
export function checkTargets(loaded: LoadedScenario, targets: readonly MetricTarget[] = [], where?: string): void {
  const names = loaded.scenario.tiers.map((t) => t.name);
  const tierNames = new Set(names.map(nameKey));
  for (const t of targets)
    if (t.tier !== undefined && !tierNames.has(nameKey(t.tier)))
      throw new UsageError(
        where === undefined
          ? `--target ${displayText(t.tier)}:${t.metric}: ${unknownTierWords(t.tier, names)}`
          : `${where}: the target ${displayText(t.tier)}:${t.metric} is tested in it, but ${unknownTierWords(t.tier, names)}`,
      );
  const own = where === undefined ? (loaded.scenario.targets?.metrics ?? []) : [];
  const all = [...own, ...targets];
  const clash = targetLabelClash(all);
  if (clash) {
    const name = (i: number) => (i < own.length ? `targets.metrics[${i}]` : where === undefined ? `--target ${asOption(all[i]!)}` : `the target ${asOption(all[i]!)}`);
    throw new UsageError(`${where === undefined ? '' : `${where}: `}${name(clash.index)}: ${clashMessage(clash, name)}`);
  }
}
