import { stat } from 'node:fs/promises';
import { simulate, type Simulation } from '../engine/simulate.js';
import type { StressCase } from '../report/html/downside-section.js';
import { loadScenario } from '../scenario/load.js';
import type { LoadedScenario } from '../scenario/parse.js';
import type { MetricTarget, Targets } from '../scenario/targets-schema.js';
import { UsageError } from './exit-codes.js';
import { checkTargets } from './check-targets.js';
import { SAME_LAW, sameForecastPair } from '../scenario/one-forecast.js';

/** Collects a repeatable option's values. */
export const collectFiles = (file: string, previous: string[] = []): string[] => [...previous, file];

export interface StressOptions {
  readonly confidence: number;
  /** The plan's targets (its scenario's and --target), tested against every stress case too. */
  readonly targets: Targets;
  readonly workers?: number;
  readonly signal?: AbortSignal;
}

/** A --with-stress file as given on the command line, with the scenario read from it once, before the plan runs. */
export interface StressFile {
  readonly file: string;
  readonly loaded: LoadedScenario;
}

/** Refuse a stress case whose figures could not sit beside the plan's: another currency, or no tier a target names. */
function checkStressCase(loaded: LoadedScenario, file: string, currency: string, targets: readonly MetricTarget[]): void {
  if (loaded.scenario.currency !== currency) throw new UsageError(`--with-stress ${file}: its currency (${loaded.scenario.currency}) is not the plan's (${currency})`);
  checkTargets(loaded, targets, `--with-stress ${file}`);
}

/**
 * Read each --with-stress file before the plan runs, and refuse (exit 2) one that cannot be read,
 * is in another currency, or lacks a tier that a target names (the scenario's or --target: every
 * target is tested in every stress case). Each is read once, under the run's --allow-path folders
 * (`allowedRoots`), and what was checked is what is simulated.
 */
export async function checkStressFiles(files: readonly string[], plan: LoadedScenario, extra: readonly MetricTarget[] = [], allowedRoots?: readonly string[]): Promise<StressFile[]> {
  const targets = [...(plan.scenario.targets?.metrics ?? []), ...extra];
  const checked: StressFile[] = [];
  // One file given twice, however spelled (a/b.yaml, ./a/../a/b.yaml, a link): the report showed the same stress case twice.
  const seen = new Map<string, string>();
  for (const file of files) {
    const id = await stat(file).then(
      (s) => `${s.dev}:${s.ino}`,
      () => undefined,
    );
    const first = id === undefined ? undefined : seen.get(id);
    if (first !== undefined) throw new UsageError(`--with-stress ${file} is given twice (also --with-stress ${first}): give each stress scenario once`);
    if (id !== undefined) seen.set(id, file);
    const loaded = await loadScenario(file, allowedRoots ? { allowedRoots } : {});
    checked.push({ file, loaded });
  }
  // One forecast in two files (a copy, or one that differs only as SAME_LAW says: forecast-hash.ts): it is simulated on the plan's seed and trials against the
  // plan's targets, so the report showed the same figures twice; the plan's own forecast, beside itself.
  const same = sameForecastPair([plan, ...checked.map((c) => c.loaded)]);
  if (same !== undefined) {
    const [first, second] = same;
    const file = files[second - 1]!;
    if (first === 0)
      throw new UsageError(
        `--with-stress ${file} forecasts what the plan does (${SAME_LAW}): a stress case is run on the plan's seed and trials against its targets, so it would show the plan's figures again; give a stress scenario that changes a driver`,
      );
    throw new UsageError(`--with-stress ${file} forecasts what --with-stress ${files[first - 1]!} does (${SAME_LAW}): the report would show that stress case twice; give each stress scenario once`);
  }
  for (const { file, loaded } of checked) checkStressCase(loaded, file, plan.scenario.currency, targets);
  return checked;
}

/**
 * `--with-stress FILE`: simulate each stress scenario on the plan's seed and trial count (common
 * random numbers, so trial i of the stress case sees the luck of the plan's trial i and the
 * differences are the scenario's) and summarize it against the plan's targets and confidence.
 * A stress scenario in another currency, or without a tier a target names, is refused.
 */
export async function simulateStress(files: readonly StressFile[], plan: Simulation, options: StressOptions): Promise<StressCase[]> {
  // Loaded here, not with the command line (--with-stress is read at start-up; summaries come after the run).
  const { summarize } = await import('../analysis/summarize.js');
  const cases: StressCase[] = [];
  for (const { file, loaded } of files) {
    checkStressCase(loaded, file, plan.loaded.scenario.currency, options.targets.metrics);
    const sim = await simulate(loaded, { trials: plan.trials, seed: plan.seed, workers: options.workers, signal: options.signal });
    const factor = loaded.scenario.market?.factor;
    cases.push({ source: file, summary: summarize(sim, { confidence: options.confidence, targets: options.targets }), ...(factor === undefined ? {} : { marketFactor: factor }) });
  }
  return cases;
}
