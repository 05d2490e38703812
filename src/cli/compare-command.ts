import { directoryShown } from './directory-shown.js';
import { Option, type Command } from 'commander';
import { MAX_COMPARED } from '../analysis/compare-limits.js';
import { simulate, type Simulation } from '../engine/simulate.js';
import { loadScenario } from '../scenario/load.js';
import { scenarioInputFiles } from '../scenario/scenario-input-files.js';
import { refuseInputsInsideOutput } from '../report/inputs-inside-output.js';
import { allowPathOption } from './allow-path-option.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { EXIT, problemLines, UsageError } from './exit-codes.js';
import { PAUSE_VARIABLE, pauseHook } from './pause-hook.js';
import { cappedWorkers, maxMinutesOption, progressCallbacks } from './run-limits.js';
import { cliWorkers, startCliEngine } from './cli-engine.js';
import { CHUNK_SIZE } from '../model/simulate-chunk.js';
import type { Io } from './io.js';
import { COMPARISON_FILE, COMPARISON_PAGE_FILES } from '../report/comparison-files.js';
import { digitsNumber, parseShare, parseTarget, wholeNumber } from './parse-options.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { checkTargets } from './check-targets.js';
import { refuseOneForecast } from '../analysis/one-forecast-compared.js';
import { terminalCell } from '../report/terminal-text.js';

interface CompareOptions {
  trials?: number;
  seed?: string;
  allowPath?: string[];
  workers?: number;
  maxMinutes?: number;
  out?: string;
  progress: boolean;
  target?: MetricTarget[];
  confidence: number;
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
      'Simulate two or more scenarios on the same random numbers and compare them with the first (A): side-by-side bands, the per-trial difference X - A and P(X < A), in total and for each tier they share.',
    )
    .argument('<scenarios...>', 'scenario files (YAML or JSON); the first is the baseline A')
    .option('-n, --trials <n>', "trials for every scenario; default: the first scenario's trials", wholeNumber('trials', 1))
    .option('-s, --seed <seed>', "seed for every scenario; default: the first scenario's seed")
    .option('-w, --workers <n>', 'worker threads; 0 = in-process; default: available CPUs (small runs in-process)', digitsNumber('workers', 0))
    .option('-o, --out <dir>', `write ${COMPARISON_FILE}, ${COMPARISON_PAGE_FILES.html} (a self-contained page), ${COMPARISON_PAGE_FILES.xlsx} and the charts into this directory (new, empty, or an earlier arrcast comparison), replaced whole when done`)
    .option('-t, --target <metric=value>', "a target to test every scenario against, repeatable: revenue=52M, SMB:endingArr=30M (adds to A's own targets)", parseTarget)
    .option('-c, --confidence <share>', 'confidence of the budgets of every scenario: 0.8 or 80% (P20)', parseShare('confidence'), 0.8)
    .addOption(new Option('--no-progress', 'no progress bar (it is drawn only on a terminal anyway)'))
    .addOption(allowPathOption())
    .addOption(maxMinutesOption())
    .action(async (files: string[], opts: CompareOptions) => {
      if (files.length < 2) throw new UsageError('compare needs at least two scenario files: the baseline A, then the ones to compare with it');
      if (files.length > MAX_COMPARED) throw new UsageError(`compare takes at most ${MAX_COMPARED} scenarios (A to Z)`);
      // Every file's problems at once, not just the first bad file's.
      const loaded: LoadedScenario[] = [];
      let bad = 0;
      for (const file of files) {
        try {
          loaded.push(await loadScenario(file, { allowedRoots: opts.allowPath }));
        } catch (err) {
          if (!(err instanceof ScenarioError)) throw err;
          io.err(`${problemLines(err)}\n`);
          bad++;
        }
      }
      if (bad > 0) {
        setExitCode(EXIT.badInput);
        return;
      }
      const currencies = [...new Set(loaded.map((l) => l.scenario.currency))];
      if (currencies.length > 1) throw new UsageError(`the scenarios are in different currencies (${currencies.join(', ')}); compare scenarios in one currency`);
      // A's targets and --target are tested in every scenario: each must have the tiers they name.
      const targets = [...(loaded[0]!.scenario.targets?.metrics ?? []), ...(opts.target ?? [])];
      loaded.forEach((l, i) => checkTargets(l, targets, `${String.fromCharCode(65 + i)} (${files[i]})`));
      // Resolved once, before any work; the comparison is written to that directory and no other.
      const out = opts.out !== undefined ? await (await import('./write-comparison.js')).prepareComparisonDir(opts.out) : undefined;
      if (out !== undefined) await refuseInputsInsideOutput(out, `--out ${opts.out}`, loaded.flatMap(scenarioInputFiles));
      // Every scenario runs on A's seed and trials against A's targets: two that are one forecast
      // would show the same figures twice, a difference of exactly 0 and P(X < A) of 0%.
      refuseOneForecast(loaded, (i) => `${String.fromCharCode(65 + i)} (${files[i]!})`);

      // One seed and one trial count for all: that is what pairs trial i of every scenario.
      const first = loaded[0]!.scenario;
      const trials = opts.trials ?? first.trials;
      const seed = opts.seed ?? String(first.seed);
      const workers = cappedWorkers(opts.workers, io.err);
      const sims: Simulation[] = [];
      // One warm pool for every scenario, not one pool each, of no more threads than a run has chunks.
      const engine = startCliEngine({ workers, trials, chunks: Math.ceil(trials / CHUNK_SIZE) });
      try {
        for (const l of loaded) {
          const { finish, ...progress } = progressCallbacks(opts.progress);
          const options = { trials, seed, workers: cliWorkers(engine, workers, trials), signal, maxMinutes: opts.maxMinutes, ...progress };
          sims.push(await (engine ? engine.simulate(l, options) : simulate(l, options)).finally(finish));
        }
      } finally {
        await engine?.close();
      }
      const [{ compareSimulations }, { compareDecisions }, { comparisonTable }, { compareDecisionsTable }, { writeComparison }] = await Promise.all([
        import('../analysis/compare.js'),
        import('../analysis/compare-decisions.js'),
        import('./compare-table.js'),
        import('./compare-decisions-table.js'),
        import('./write-comparison.js'),
      ]);
      const comparison = compareSimulations(sims);
      const decisions = compareDecisions(sims, { confidence: opts.confidence, extra: opts.target ?? [] });
      io.out(comparisonTable(comparison));
      io.out(compareDecisionsTable(comparison, decisions));
      if (out !== undefined) {
        await writeComparison(out, comparison, sims, { decisions, signal, onStep: pauseHook(process.env[PAUSE_VARIABLE], io.err, signal) });
        io.err(`wrote ${directoryShown(opts.out ?? out)}: ${COMPARISON_FILE}, ${COMPARISON_PAGE_FILES.html}, ${COMPARISON_PAGE_FILES.xlsx} and the charts\n`);
      }
    });
}
