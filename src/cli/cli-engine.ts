import { createEngine, type Engine } from '../engine/engine.js';
import { IN_PROCESS_BELOW } from '../engine/simulate.js';

/**
 * The CLI's engine, started before the run's plan and aggregate tables are made so that the worker
 * threads load meanwhile: none when the run is in-process (--workers 0, or fewer trials than a pool
 * is worth when --trials says so), and no more threads than the run has chunks when `chunks` is given
 * (a run of a known size). A bad --workers is left for the run to refuse, by name.
 */
export function startCliEngine(opts: { readonly workers?: number; readonly trials?: number; readonly chunks?: number }): Engine | undefined {
  if (opts.workers === 0) return undefined;
  if (opts.workers === undefined && opts.trials !== undefined && opts.trials < IN_PROCESS_BELOW) return undefined;
  try {
    return createEngine(opts.workers === undefined ? {} : { workers: threadsFor(opts.workers, opts.chunks) });
  } catch {
    return undefined;
  }
}

/**
 * The threads to start for `workers` asked for: no more than the run has chunks (`chunks`, when the run's
 * size is known), since a chunk runs on one thread; a thread with no chunk to run only costs its start
 * (a thread, a module loaded: about 0.1 s of CPU). A value the run will refuse is passed as it is.
 */
function threadsFor(workers: number, chunks: number | undefined): number {
  return chunks !== undefined && Number.isInteger(workers) && workers > chunks && chunks >= 1 ? chunks : workers;
}

/**
 * The workers a run on the CLI's engine asks for: as given, or (no --workers) in-process below
 * IN_PROCESS_BELOW trials, else the engine's threads; the same choice simulate() makes.
 */
export function cliWorkers(engine: Engine | undefined, workers: number | undefined, trials: number): number | undefined {
  if (workers !== undefined || !engine) return workers;
  return trials < IN_PROCESS_BELOW ? 0 : engine.workers;
}
