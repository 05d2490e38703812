import { InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_MINUTES, describeEstimate, estimateRun, type RunEstimate } from '../engine/run-estimate.js';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { MAX_WORKERS } from '../engine/simulate.js';
import { createProgressBar } from './progress-bar.js';
import { terminalCell } from '../report/terminal-text.js';

/** `--max-minutes <n>`: the longest run, by its estimate, that starts without being refused. */
export function maxMinutesOption(): Option {
  return new Option(
    '--max-minutes <n>',
    `refuse a run estimated (from the scenario's volumes and the trials) to take longer than this many minutes (default: ${DEFAULT_MAX_MINUTES})`,
  ).argParser((value: string) => {
    const n = Number(value);
    if (!/^\s*[\d.eE+]+\s*$/.test(value) || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`max-minutes must be a number above 0, got "${value}"`);
    return n;
  });
}

/**
 * The workers to use for `--workers asked`: more threads than CPUs only add memory (each holds a
 * plan and its buffers) and slow the run, so they are capped at the CPUs available, saying so.
 *
 * @example cappedWorkers(256, warn, 2) // => 2, after warn('arrcast: --workers 256 is more than ...')
 */
export function cappedWorkers(asked: number | undefined, warn: (text: string) => void, cores = availableParallelism()): number | undefined {
  // Above MAX_WORKERS is not a count to cap but a bad option, refused by the run with its range.
  if (asked === undefined || asked <= cores || asked > MAX_WORKERS) return asked;
  warn(`arrcast: --workers ${asked} is more than the ${cores} CPU${cores === 1 ? '' : 's'} available; using ${cores} (more threads would only add memory and slow the run)\n`);
  return cores;
}

/** A progress bar (when asked for) with the callbacks simulate takes: progress, and the run's estimate shown beside it. */
export function progressCallbacks(enabled: boolean): {
  onProgress?: (done: number, total: number) => void;
  onEstimate?: (estimate: RunEstimate) => void;
  finish: () => void;
} {
  if (!enabled) return { finish: () => {} };
  const bar = createProgressBar();
  return {
    onProgress: (d, t) => bar.update(d, t),
    onEstimate: (e) => bar.setEstimate(`estimated ${describeEstimate(e)}`),
    finish: () => bar.finish(),
  };
}

/**
 * For `validate`: a scenario valid in form whose own trials would take longer than the default
 * limit is said to be so on stderr (it still validates), so a check in CI sees it before a run is
 * refused. Estimated on the CPUs of this machine.
 */
export function warnIfLong(file: string, plan: ScenarioPlan, trials: number, warn: (text: string) => void, cores = availableParallelism()): void {
  const estimate = estimateRun(plan, trials, cores);
  if (estimate.beyondGuard || estimate.seconds <= DEFAULT_MAX_MINUTES * 60) return;
  warn(
    `${terminalCell(file)}: warning: a run of its ${trials.toLocaleString('en-US')} trials is estimated at ${describeEstimate(estimate)}, over the ${DEFAULT_MAX_MINUTES}-minute limit; arrcast run refuses it unless given --max-minutes\n`,
  );
}
