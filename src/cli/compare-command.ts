import { Option, type Command } from 'commander';
import { compareSimulations, MAX_COMPARED } from '../analysis/compare.js';
import { simulate, type Simulation } from '../engine/simulate.js';
import { loadScenario } from '../scenario/load.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { comparisonTable } from './compare-table.js';
import { EXIT, UsageError } from './exit-codes.js';
import { createProgressBar } from './progress-bar.js';
import { cliWorkers, startCliEngine } from './cli-engine.js';
import type { Io } from './program.js';
import { checkComparisonDir, COMPARISON_FILE, writeComparison } from './write-comparison.js';
import { wholeNumber } from './parse-options.js';

interface CompareOptions {
  trials?: number;
  seed?: string;
  workers?: number;
  out?: string;
  progress: boolean;
}

/**
 * `arrcast compare A.yaml B.yaml [C.yaml ...]`: simulate every scenario with the same seed and
 * trial count (common random numbers), print them side by side with the per-trial difference from
 * A and P(X < A), and with --out write comparison.json. Bad files, options or --out exit 2.
 */
export function registerCompareCommand(program: Command, io: Io, setExitCode: (code: number) => void, signal?: AbortSignal): void {
  program
    .command('compare')
    .description(
      'Simulate two or more scenarios on the same random numbers and compare them with the first (A): side-by-side bands, the per-trial difference X - A, and P(X < A).',
    )
    .argument('<scenarios...>', 'scenario files (YAML or JSON); the first is the baseline A')
    .option('-n, --trials <n>', "trials for every scenario; default: the first scenario's trials", wholeNumber('trials', 1))
    .option('-s, --seed <seed>', "seed for every scenario; default: the first scenario's seed")
    .option('-w, --workers <n>', 'worker threads; 0 = in-process; default: available CPUs (small runs in-process)', wholeNumber('workers', 0))
    .option('-o, --out <dir>', `write ${COMPARISON_FILE} into this directory, replaced whole when done`)
    .addOption(new Option('--no-progress', 'no progress bar (it is drawn only on a terminal anyway)'))
    .action(async (files: string[], opts: CompareOptions) => {
      if (files.length < 2) throw new UsageError('compare needs at least two scenario files: the baseline A, then the ones to compare with it');
      if (files.length > MAX_COMPARED) throw new UsageError(`compare takes at most ${MAX_COMPARED} scenarios (A to Z)`);
      // Every file's problems at once, not just the first bad file's.
      const loaded: LoadedScenario[] = [];
      let bad = 0;
      for (const file of files) {
        try {
          loaded.push(await loadScenario(file));
        } catch (err) {
          if (!(err instanceof ScenarioError)) throw err;
          io.err(`${err.message}\n`);
          bad++;
        }
      }
      if (bad > 0) {
        setExitCode(EXIT.badInput);
        return;
      }
      const currencies = [...new Set(loaded.map((l) => l.scenario.currency))];
      if (currencies.length > 1) throw new UsageError(`the scenarios are in different currencies (${currencies.join(', ')}); compare scenarios in one currency`);
      if (opts.out !== undefined) await checkComparisonDir(opts.out);

      // One seed and one trial count for all: that is what pairs trial i of every scenario.
      const first = loaded[0]!.scenario;
      const trials = opts.trials ?? first.trials;
      const seed = opts.seed ?? String(first.seed);
      const sims: Simulation[] = [];
      // One warm pool for every scenario, not one pool each.
      const engine = startCliEngine({ workers: opts.workers, trials });
      try {
        for (const l of loaded) {
          const bar = opts.progress ? createProgressBar() : undefined;
          const options = { trials, seed, workers: cliWorkers(engine, opts.workers, trials), signal, onProgress: bar ? (d: number, t: number) => bar.update(d, t) : undefined };
          sims.push(await (engine ? engine.simulate(l, options) : simulate(l, options)).finally(() => bar?.finish()));
        }
      } finally {
        await engine?.close();
      }
      const comparison = compareSimulations(sims);
      io.out(comparisonTable(comparison));
      if (opts.out !== undefined) {
        await writeComparison(opts.out, comparison, sims);
        io.err(`wrote ${opts.out}/${COMPARISON_FILE}\n`);
      }
    });
}
