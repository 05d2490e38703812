import type { Engine } from '../../src/engine/engine.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';

/** What a test is told of each run an engine is asked for: its scenario, and its options as given. */
export interface AskedRun {
  readonly loaded: LoadedScenario;
  readonly trials: number | undefined;
  /** The trials of the run it resumes from, if any. */
  readonly from: number | undefined;
}

/**
 * `engine`, calling `asked` with each simulation it is asked for (before it runs): tests count the
 * studio's runs with it (a state's trials simulated once, a full pass resumed from its first).
 *
 * @example const runs: string[] = []; const counted = countedEngine(engine, (r) => runs.push(String(r.trials)));
 */
export function countedEngine(engine: Engine, asked: (run: AskedRun) => void): Engine {
  return new Proxy(engine, {
    get(target, property, receiver) {
      if (property !== 'simulate') return Reflect.get(target, property, receiver);
      const simulate: Engine['simulate'] = (loaded, options) => {
        asked({ loaded, trials: options?.trials, from: options?.resumeFrom?.trials });
        return target.simulate(loaded, options);
      };
      return simulate;
    },
  });
}

/** A run as trials-once and its probes write it: `2400`, or `2400 from 2000` for a resume. */
export const runWords = (run: AskedRun): string => (run.from !== undefined ? `${run.trials} from ${run.from}` : String(run.trials));
