import { createEngine, type Engine } from '../engine/engine.js';
import { IN_PROCESS_BELOW } from '../engine/simulate.js';

/**
 * The CLI's engine, started before the scenario is read so that the worker threads load while it
 * is parsed and checked: none when the run is in-process (--workers 0, or fewer trials than a pool
 * is worth when --trials says so). A bad --workers is left for the run to refuse, by name.
 */
export function startCliEngine(opts: { readonly workers?: number; readonly trials?: number }): Engine | undefined {
  if (opts.workers === 0) return undefined;
  if (opts.workers === undefined && opts.trials !== undefined && opts.trials < IN_PROCESS_BELOW) return undefined;
  try {
    return createEngine(opts.workers === undefined ? {} : { workers: opts.workers });
  } catch {
    return undefined;
  }
}

/**
 * The workers a run on the CLI's engine asks for: as given, or (no --workers) in-process below
 * IN_PROCESS_BELOW trials, else the engine's threads; the same choice simulate() makes.
 */
export function cliWorkers(engine: Engine | undefined, workers: number | undefined, trials: number): number | undefined {
  if (workers !== undefined || !engine) return workers;
  return trials < IN_PROCESS_BELOW ? 0 : engine.workers;
}
