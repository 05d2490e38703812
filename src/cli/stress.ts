import { simulate, type Simulation } from '../engine/simulate.js';
import type { StressCase } from '../report/html/downside-section.js';
import { loadScenario } from '../scenario/load.js';
import type { Targets } from '../scenario/targets-schema.js';
import { UsageError } from './exit-codes.js';

/** Collects a repeatable option's values. */
export const collectFiles = (file: string, previous: string[] = []): string[] => [...previous, file];

export interface StressOptions {
  readonly confidence: number;
  /** The plan's targets (its scenario's and --target), tested against every stress case too. */
  readonly targets: Targets;
  readonly workers?: number;
  readonly signal?: AbortSignal;
}

/**
 * `--with-stress FILE`: simulate each stress scenario on the plan's seed and trial count (common
 * random numbers, so trial i of the stress case sees the luck of the plan's trial i and the
 * differences are the scenario's) and summarize it against the plan's targets and confidence.
 * A stress scenario in another currency is refused: its figures could not sit beside the plan's.
 */
export async function simulateStress(files: readonly string[], plan: Simulation, options: StressOptions): Promise<StressCase[]> {
  // Loaded here, not with the command line (--with-stress is read at start-up; summaries come after the run).
  const { summarize } = await import('../analysis/summarize.js');
  const cases: StressCase[] = [];
  for (const file of files) {
    const loaded = await loadScenario(file);
    if (loaded.scenario.currency !== plan.loaded.scenario.currency)
      throw new UsageError(`--with-stress ${file}: its currency (${loaded.scenario.currency}) is not the plan's (${plan.loaded.scenario.currency})`);
    const sim = await simulate(loaded, { trials: plan.trials, seed: plan.seed, workers: options.workers, signal: options.signal });
    cases.push({ source: file, summary: summarize(sim, { confidence: options.confidence, targets: options.targets }) });
  }
  return cases;
}
