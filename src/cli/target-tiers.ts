import type { LoadedScenario } from '../scenario/parse.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { UsageError } from './exit-codes.js';

/**
 * Refuse a target naming a tier the scenario does not have: a --target (no `where`), or, with
 * `where` naming the scenario, a target tested in another scenario than its own (compare's, a
 * stress case's).
 */
export function checkTargetTiers(loaded: LoadedScenario, targets: readonly MetricTarget[] = [], where?: string): void {
  const tierNames = new Set(loaded.scenario.tiers.map((t) => t.name.toLowerCase()));
  for (const t of targets)
    if (t.tier !== undefined && !tierNames.has(t.tier.toLowerCase()))
      throw new UsageError(
        where === undefined ? `--target ${t.tier}:${t.metric}: no tier is named "${t.tier}"` : `${where}: no tier is named "${t.tier}", and the target ${t.tier}:${t.metric} is tested in it`,
      );
}
