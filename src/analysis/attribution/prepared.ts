import type { TrialStore } from '../../engine/trial-store.js';
import { badYears, type BadYears } from '../bad-years.js';
import { metricColumn, type RunTrials } from '../columns.js';
import { sensitivity, type Sensitivity } from '../sensitivity.js';
import { ATTRIBUTION_TRIALS, attributionInputSteps, type AttributionInputs } from './sim-inputs.js';
import { finishSteps } from '../steps.js';

/**
 * The part of a summary that reads the first ATTRIBUTION_TRIALS trials only: the inputs ranked, what
 * moves revenue (the company's and each tier's) and the bad years. It depends on nothing else of the
 * run, so a run can have it computed as soon as its leading trials are in, while the rest simulate
 * (SimulateOptions.onLeadingTrials), and the summary takes it from there (SummaryOptions.prepared):
 * the same numbers, computed earlier.
 */
export interface PreparedAttribution {
  /** The store it was computed from: a summary uses it for this store only. */
  readonly store: TrialStore;
  readonly inputs: AttributionInputs;
  readonly revenue: Sensitivity;
  /** Each tier's revenue (two tiers or more). */
  readonly byTier: Record<string, Sensitivity> | undefined;
  readonly badYears: BadYears;
}

/** How many leading trials prepareAttribution reads of a run of `trials`. */
export const attributionTrials = (trials: number): number => Math.min(trials, ATTRIBUTION_TRIALS);

/**
 * Rank every input once and compute what moves revenue and the bad years, from the first
 * attributionTrials(run.trials) trials of the run's store (the others need not be in yet).
 *
 * @example prepareAttribution(sim).revenue.drivers[0].label // => 'Market'
 * `byTier: false` leaves each tier's out (the studio shows the company's only).
 * Complexity: O(drivers x n) over n = min(trials, ATTRIBUTION_TRIALS).
 */
export function prepareAttribution(run: RunTrials, options: AttributionOptions = {}): PreparedAttribution {
  return finishSteps(prepareAttributionSteps(run, options));
}

/**
 * `byTier: false` leaves each tier's sensitivity out; `reuse`, a block of memory the caller is done
 * with, holds the inputs' arrays when it is large enough (InputArena).
 */
export interface AttributionOptions {
  readonly byTier?: boolean;
  readonly reuse?: ArrayBuffer;
}

/**
 * prepareAttribution in steps of at most a few tens of milliseconds at 50,000 trials: the generator
 * pauses after each input ranked and each metric's sensitivity, so the main thread of a run can hand
 * its workers their next chunks between steps (cli: stepsInTurns) instead of leaving them idle for
 * the whole computation (about 0.25 s). The same computation in the same order: run to its end it
 * returns what prepareAttribution returns.
 */
export function* prepareAttributionSteps(run: RunTrials, options: AttributionOptions = {}): Generator<void, PreparedAttribution, void> {
  const inputs = yield* attributionInputSteps(run, options.reuse);
  const revenue = sensitivity(inputs, metricColumn(run, 'revenue'), 'revenue');
  yield;
  // Each tier's (a summary's sensitivityByTier) unless a caller that shows only the company's asks not to.
  let byTier: Record<string, Sensitivity> | undefined;
  if (run.plan.tiers.length > 1 && options.byTier !== false) {
    byTier = {};
    for (const t of run.plan.tiers) {
      byTier[t.name] = sensitivity(inputs, metricColumn(run, 'revenue', t.name), 'revenue', t.name);
      yield;
    }
  }
  return { store: run.store, inputs, revenue, byTier, badYears: badYears(run, inputs) };
}
