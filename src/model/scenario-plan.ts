import type { Scenario } from '../scenario/scenario-schema.js';
import type { ScenarioFiles } from '../scenario/scenario-files.js';
import { planTier, type TierPlan } from './tier-plan.js';
import { createTrialLayout, type TrialLayout } from './trial-layout.js';
import type { PlannedDriver } from './drivers/planned-driver.js';
import { ownValue } from '../scenario/own-key.js';
import { horizonAfter, type Horizon, type ScenarioStart } from './horizon.js';
import { distinctDriverLabels } from './drivers/distinct-labels.js';

/** A validated scenario compiled for simulation: tiers planned, output columns laid out. */
export interface ScenarioPlan {
  readonly scenario: Scenario;
  readonly tiers: readonly TierPlan[];
  /** True when any driver moves with the market factor. */
  readonly marketLoaded: boolean;
  readonly layout: TrialLayout;
  /** Every tier's planned drivers, tier by tier (the same objects as `tiers[i].plannedDrivers`). */
  readonly plannedDrivers: readonly PlannedDriver[];
  /** The months simulated: 1..12 for a plan run, after the closed months for a re-forecast. */
  readonly horizon: Horizon;
}

/**
 * Compile a validated scenario with the data of the files it names (customer books, pipelines). Pure; done once per run and once per worker.
 * Complexity: O(size of the scenario's distributions).
 */
export function planScenario(scenario: Scenario, files: ScenarioFiles = {}, start?: ScenarioStart): ScenarioPlan {
  const loadings = scenario.market.loadings;
  // Labels that read alike across tiers say where each driver is (drivers/distinct-labels.ts).
  const tiers = distinctDriverLabels(
    scenario.tiers.map((t) =>
      planTier(t, loadings, scenario.stress, { book: ownValue(files.books, t.name), pipeline: ownValue(files.pipelines, t.name) }, start && ownValue(start.tiers, t.name)),
    ),
  );
  const marketLoaded = Object.values(loadings).some((b) => b !== 0);
  return { scenario, tiers, marketLoaded, layout: createTrialLayout(tiers, marketLoaded), plannedDrivers: tiers.flatMap((t) => t.plannedDrivers), horizon: horizonAfter(start?.months ?? 0) };
}
