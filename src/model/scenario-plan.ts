import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';
import { planTier, type TierPlan } from './tier-plan.js';
import { createTrialLayout, type TrialLayout } from './trial-layout.js';

/** A validated scenario compiled for simulation: tiers planned, output columns laid out. */
export interface ScenarioPlan {
  readonly scenario: Scenario;
  readonly tiers: readonly TierPlan[];
  /** True when any driver moves with the market factor. */
  readonly marketLoaded: boolean;
  readonly layout: TrialLayout;
}

/**
 * Compile a validated scenario with the data of the files it names (customer books, pipelines). Pure; done once per run and once per worker.
 * Complexity: O(size of the scenario's distributions).
 */
export function planScenario(scenario: Scenario, files: ScenarioFiles = {}): ScenarioPlan {
  const loadings = scenario.market.loadings;
  const tiers = scenario.tiers.map((t) =>
    planTier(t, loadings, scenario.stress, { book: ownEntry(files.books, t.name), pipeline: ownEntry(files.pipelines, t.name) }),
  );
  const marketLoaded = Object.values(loadings).some((b) => b !== 0);
  return { scenario, tiers, marketLoaded, layout: createTrialLayout(tiers, marketLoaded) };
}

/** The entry of a record under a tier's name, never one of Object.prototype's (a tier may be named `constructor`). */
function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, name) ? record[name] : undefined;
}
