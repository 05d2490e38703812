import type { Simulation } from '../engine/simulate.js';
import { METRICS, type Metric } from '../model/components.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { decide, type Decisions, type TargetResult } from './decisions.js';
import type { QuantileEstimate } from './tail.js';

/** One scenario's budgets, downside and targets, for the side-by-side view of a comparison. */
export interface ScenarioDecisions {
  readonly label: string;
  readonly budgets: Record<Metric, QuantileEstimate>;
  readonly downside: Decisions['downside'];
  readonly targets: readonly TargetResult[];
  readonly jointProbability?: Decisions['jointProbability'];
}

/** What `arrcast compare --target --confidence` tests every scenario against. */
export interface CompareDecisions {
  readonly confidence: number;
  /** The same targets for every scenario: the first scenario's own, then --target. */
  readonly scenarios: readonly ScenarioDecisions[];
}

/**
 * The same confidence and targets applied to every compared scenario, so P(target) and the budgets
 * read side by side. Targets: the baseline's own (scenario A's `targets`) and `extra` (--target).
 *
 * @example compareDecisions([plan, downside], { confidence: 0.8, extra: [{ metric: 'revenue', value: 52e6 }] }).scenarios[1].targets[0].probability.value
 * Complexity: O(scenarios x trials x (metrics + tiers + components + targets)).
 */
export function compareDecisions(
  sims: readonly Simulation[],
  options: { readonly confidence?: number; readonly extra?: readonly MetricTarget[] } = {},
): CompareDecisions {
  const confidence = options.confidence ?? 0.8;
  // decide() tests a target given twice once.
  const metrics = [...(sims[0]?.loaded.scenario.targets?.metrics ?? []), ...(options.extra ?? [])];
  const scenarios = sims.map((sim, i): ScenarioDecisions => {
    const d = decide(sim, { confidence, targets: { metrics } });
    return {
      label: String.fromCharCode(65 + i),
      budgets: Object.fromEntries(METRICS.map((m) => [m, d.budgets.metrics[m]])) as Record<Metric, QuantileEstimate>,
      downside: d.downside,
      targets: d.targets,
      ...(d.jointProbability ? { jointProbability: d.jointProbability } : {}),
    };
  });
  return { confidence, scenarios };
}
