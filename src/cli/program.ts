import { Command, Option } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { planLoaded, simulate } from '../engine/simulate.js';
import { checkOutputDir } from '../report/output-dir.js';
import { createProgressBar } from './progress-bar.js';
import { cliWorkers, startCliEngine } from './cli-engine.js';
import { parseOutputsOption, parseShare, parseTarget, wholeNumber } from './parse-options.js';
import { outputsHelp, type OutputName } from '../report/outputs.js';
import { simulateToPrecision } from '../analysis/precision.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { EXIT, UsageError } from './exit-codes.js';
import { registerCompareCommand } from './compare-command.js';
import { registerInitCommand } from './init-command.js';
import { registerMergeCommand, runShard } from './shard-commands.js';
import { checkTargetTiers, defaultOutDir, reportSimulation } from './report-run.js';
import { parseShardOption } from './shard-option.js';
import { ARRCAST_VERSION } from '../version.js';

export { defaultOutDir };

/** Where the CLI writes: injectable so tests can capture it. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * The arrcast command line: a thin layer over the library (loadScenario -> simulate -> summarize
 * -> writeReport). Returns the exit code instead of exiting, so it can be tested in-process.
 */
export function buildProgram(io: Io, setExitCode: (code: number) => void, signal?: AbortSignal): Command {
  const program = new Command('arrcast')
    .description("Monte Carlo forecasts of a SaaS company's next fiscal year: recognized revenue, bookings and ending ARR.")
    .version(ARRCAST_VERSION)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('run')
    .description(
      'Simulate a scenario, print the summary and decision tables, and write the report to --out: summary.json, scenario.json, report.html, charts/, percentiles.csv and monthly.csv by default; trials.csv and sipmath.json with --outputs. With --shard K/N, simulate only shard K of N and write a part file for arrcast merge.',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-n, --trials <n>', "trials (simulated fiscal years); default: the scenario's trials", wholeNumber('trials', 1))
    .option('-s, --seed <seed>', "seed of every random stream; default: the scenario's seed")
    .option('-w, --workers <n>', 'worker threads; 0 = in-process; default: available CPUs (small runs in-process)', wholeNumber('workers', 0))
    .option(
      '-o, --out <dir>',
      'output directory, replaced whole when the run completes; default: reports/<scenario name>. With --shard: the part file, or a directory (existing, or ending in /) to write shard-K-of-N.arrcast-part into; default: reports/<scenario name>-parts/',
    )
    .option('--outputs <list>', outputsHelp(), parseOutputsOption)
    .option('-q, --quiet', 'do not print the summary table')
    .addOption(new Option('--no-progress', 'no progress bar (it is drawn only on a terminal anyway)'))
    .option(
      '-t, --target <metric=value>',
      "a target to test, repeatable: revenue=120M, endingArr=150e6, or one tier's: SMB:revenue=30M (adds to the scenario's targets)",
      parseTarget,
    )
    .option('-c, --confidence <share>', 'confidence of the budgets: 0.8 or 80% gives the value reached or beaten in 80% of trials (P20)', parseShare('confidence'), 0.8)
    .option(
      '-p, --precision <share>',
      "keep adding trials (doubling, from 10,000) until the 95% intervals of revenue's P10, P50 and P90 are within this share of their values, e.g. 0.5%",
      parseShare('precision'),
    )
    .option('--max-trials <n>', 'cap of a --precision run', wholeNumber('max-trials', 1), 1_000_000)
    .option(
      '--shard <K/N>',
      'run only shard K of N (counted from 1: 1/4 to 4/4) and write a part file to --out, for arrcast merge; auto/N takes the 0-based index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)',
    )
    .action(
      async (
        file: string,
        opts: {
          trials?: number;
          seed?: string;
          workers?: number;
          out?: string;
          quiet?: boolean;
          progress: boolean;
          target?: MetricTarget[];
          confidence: number;
          precision?: number;
          maxTrials: number;
          shard?: string;
          outputs?: OutputName[];
        },
        command: Command,
      ) => {
        if (opts.shard !== undefined) {
          const shard = parseShardOption(opts.shard, process.env);
          // What only a whole run has: the summary (targets, budgets) and a trial count found by running.
          for (const name of ['target', 'confidence', 'precision', 'max-trials', 'outputs'])
            if (command.getOptionValueSource(name.replace(/-(.)/g, (_, c: string) => c.toUpperCase())) === 'cli')
              throw new UsageError(`--${name} does not go with --shard: a shard writes trials, not a summary${name === 'target' || name === 'confidence' || name === 'outputs' ? `; give --${name} to arrcast merge` : ''}`);
          const loaded = await loadScenario(file);
          await runShard(io, loaded, shard, opts.out ?? `${defaultOutDir(file)}-parts/`, { ...opts, signal });
          return;
        }
        // The worker threads start now and load while the scenario is read and checked.
        const engine = startCliEngine(opts);
        try {
          const loaded = await loadScenario(file);
          const out = opts.out ?? defaultOutDir(file);
          // Before any work: refuse an --out that is not ours to replace.
          await checkOutputDir(out);
          checkTargetTiers(loaded, opts.target);
          const bar = opts.progress ? createProgressBar() : undefined;
          // Kept as typed: seeds are strings to the streams, so 7 and "7" are the same run.
          const trials = opts.trials ?? loaded.scenario.trials;
          const workers = cliWorkers(engine, opts.workers, opts.precision !== undefined ? Math.max(trials, 10_000) : trials);
          const common = { seed: opts.seed, workers, signal, onProgress: bar ? (d: number, t: number) => bar.update(d, t) : undefined };
          const run = engine ? engine.simulate : simulate;
          const { sim, precision } = await (opts.precision !== undefined
            ? simulateToPrecision(loaded, { ...common, precision: opts.precision, maxTrials: opts.maxTrials, ...(opts.trials ? { startTrials: opts.trials } : {}), ...(engine ? { engine } : {}) })
            : run(loaded, { ...common, trials: opts.trials }).then((s) => ({ sim: s, precision: undefined }))
          ).finally(() => bar?.finish());
          await engine?.close();
          await reportSimulation(io, sim, { out, quiet: opts.quiet, target: opts.target, confidence: opts.confidence, ...(precision ? { precision } : {}), ...(opts.outputs ? { outputs: opts.outputs } : {}) });
          io.err(`wrote ${out}/ in ${process.uptime().toFixed(1)} s\n`);
        } finally {
          await engine?.close();
        }
      },
    );

  registerMergeCommand(program, io, signal);

  program
    .command('validate')
    .description('Check scenario files; every problem is reported with its line, column and path. Exit code 2 if any is invalid.')
    .argument('<scenario...>', 'scenario files (YAML or JSON)')
    .action(async (files: string[]) => {
      let bad = 0;
      for (const file of files) {
        try {
          const loaded = await loadScenario(file);
          planLoaded(loaded);
          const { scenario } = loaded;
          io.out(`${file}: ok (${scenario.name}, ${scenario.tiers.length} tier${scenario.tiers.length === 1 ? '' : 's'})\n`);
        } catch (err) {
          if (!(err instanceof ScenarioError)) throw err;
          io.err(`${err.message}\n`);
          bad++;
        }
      }
      if (bad > 0) setExitCode(EXIT.badInput);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of the scenario format (for editors: arrcast schema > arrcast.schema.json).')
    .action(() => {
      io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  registerInitCommand(program, io);

  registerCompareCommand(program, io, setExitCode, signal);

  return program;
}
