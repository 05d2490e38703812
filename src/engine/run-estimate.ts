import { availableParallelism } from 'node:os';
import { MAX_UNITS_PER_MONTH } from '../model/model-limit-error.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { workPerTrial } from '../model/work-estimate.js';
import { RunOptionError } from './errors.js';

/**
 * Draws a thread makes a second, calibrated on scenarios/*.yaml and a 600,000-deal trial (Node 20,
 * one core of a 2-core x86-64 runner: 1.9e7 to 3.2e7 measured; the lower end is taken, so the
 * estimate errs long).
 */
export const DRAWS_PER_SECOND = 2e7;

/** A run longer than this many minutes by the estimate is refused unless the limit is raised. */
export const DEFAULT_MAX_MINUTES = 60;

/** How long a run should take, and why. */
export interface RunEstimate {
  readonly drawsPerTrial: number;
  readonly trials: number;
  /** Threads the draws are shared between: the workers, at most the CPUs, at least 1. */
  readonly threads: number;
  readonly seconds: number;
  /** True when some tier expects more units in a month than the model's guard lets it draw: the run stops at that guard, naming the field. */
  readonly beyondGuard: boolean;
}

/**
 * Estimate a run of `trials` trials on `workers` workers (0: in-process): the plan's expected draws
 * per trial (drawsPerTrial) times the trials, at DRAWS_PER_SECOND per thread.
 *
 * @example estimateRun(plan, 100_000, 2).seconds // => about 10 for scenarios/example.yaml
 */
export function estimateRun(plan: ScenarioPlan, trials: number, workers: number): RunEstimate {
  const work = workPerTrial(plan);
  const threads = Math.max(1, Math.min(workers, availableParallelism()));
  return {
    drawsPerTrial: work.draws,
    trials,
    threads,
    seconds: (work.draws * trials) / (DRAWS_PER_SECOND * threads),
    beyondGuard: work.peakMonthlyUnits > MAX_UNITS_PER_MONTH,
  };
}

/** "12 s", "14 min", "3.2 h", "2,300 days": a duration as a person says it. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 86400).toLocaleString('en-US')} days`;
}

/** The estimate as the CLI prints it: "about 14 min (4,138 draws a trial x 100,000 trials on 2 threads)". */
export function describeEstimate(e: RunEstimate): string {
  const draws = e.drawsPerTrial >= 1e6 ? e.drawsPerTrial.toExponential(2) : Math.round(e.drawsPerTrial).toLocaleString('en-US');
  return `about ${formatDuration(e.seconds)} (${draws} draws a trial x ${e.trials.toLocaleString('en-US')} trials on ${e.threads} thread${e.threads === 1 ? '' : 's'})`;
}

/**
 * Refuse, before anything runs, a run estimated to take longer than `maxMinutes` (default
 * DEFAULT_MAX_MINUTES): a RunOptionError (exit 2) with the estimate and the option that raises the
 * limit. A plan beyond the model's per-month guard is left to that guard, which names the field.
 */
export function checkRunEstimate(e: RunEstimate, maxMinutes = DEFAULT_MAX_MINUTES): void {
  if (!(typeof maxMinutes === 'number' && maxMinutes > 0)) throw new RunOptionError('max-minutes', `must be a number of minutes above 0 (got ${maxMinutes})`);
  if (e.beyondGuard || e.seconds <= maxMinutes * 60) return;
  throw new RunOptionError(
    'max-minutes',
    `this run is estimated at ${describeEstimate(e)}, over the limit of ${maxMinutes.toLocaleString('en-US')} minutes; run fewer trials, check the scenario's volumes (leads, conversion, customers), or raise the limit with --max-minutes (library: maxMinutes)`,
  );
}
