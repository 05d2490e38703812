import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { loadScenario } from '../scenario/load.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { STARTER_SCENARIO } from '../scenario/starter.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { planLoaded, simulate } from '../engine/simulate.js';
import { summarize } from '../analysis/summarize.js';
import { writeReport } from '../report/write-report.js';
import { checkOutputDir } from '../report/output-dir.js';
import { summaryTable } from '../report/summary-table.js';
import { createProgressBar } from './progress-bar.js';
import { EXIT, UsageError } from './exit-codes.js';

/** Where the CLI writes: injectable so tests can capture it. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const wholeNumber = (name: string, min: number) => (value: string) => {
  const n = Number(value.replace(/_/g, ''));
  if (!/^\s*[\d_.eE+]+\s*$/.test(value) || !Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
};

/** The default output directory for a scenario file: reports/<file name without extension>. */
export const defaultOutDir = (file: string) => `reports/${basename(file, extname(file))}`;

/**
 * The arrcast command line: a thin layer over the library (loadScenario -> simulate -> summarize
 * -> writeReport). Returns the exit code instead of exiting, so it can be tested in-process.
 */
export function buildProgram(io: Io, setExitCode: (code: number) => void, signal?: AbortSignal): Command {
  const program = new Command('arrcast')
    .description("Monte Carlo forecasts of a SaaS company's next fiscal year: recognized revenue, bookings and ending ARR.")
    .version('0.1.0')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('run')
    .description('Simulate a scenario, print the summary table and write summary.json and trials.csv.')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-n, --trials <n>', "trials (simulated fiscal years); default: the scenario's trials", wholeNumber('trials', 1))
    .option('-s, --seed <seed>', "seed of every random stream; default: the scenario's seed")
    .option('-w, --workers <n>', 'worker threads; 0 = in-process; default: available CPUs (small runs in-process)', wholeNumber('workers', 0))
    .option('-o, --out <dir>', 'output directory, replaced whole when the run completes; default: reports/<scenario name>')
    .option('-q, --quiet', 'do not print the summary table')
    .addOption(new Option('--no-progress', 'no progress bar (it is drawn only on a terminal anyway)'))
    .action(async (file: string, opts: { trials?: number; seed?: string; workers?: number; out?: string; quiet?: boolean; progress: boolean }) => {
      const loaded = await loadScenario(file);
      const out = opts.out ?? defaultOutDir(file);
      // Before any work: refuse an --out that is not ours to replace.
      await checkOutputDir(out);
      const bar = opts.progress ? createProgressBar() : undefined;
      // Kept as typed: seeds are strings to the streams, so 7 and "7" are the same run.
      const seed = opts.seed;
      const sim = await simulate(loaded, {
        trials: opts.trials,
        seed,
        workers: opts.workers,
        signal,
        onProgress: bar ? (d, t) => bar.update(d, t) : undefined,
      }).finally(() => bar?.finish());
      const summary = summarize(sim);
      await writeReport(out, sim, summary);
      if (!opts.quiet) io.out(summaryTable(summary));
      io.err(`wrote ${out}/ (summary.json, trials.csv, scenario.json) in ${process.uptime().toFixed(1)} s\n`);
    });

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

  program
    .command('init')
    .description('Write a commented starter scenario to edit.')
    .argument('<file>', 'where to write it, e.g. my-plan.yaml')
    .option('-f, --force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (existsSync(file) && !opts.force) throw new UsageError(`${file} exists; use --force to overwrite it`);
      await writeFile(file, STARTER_SCENARIO);
      io.out(`wrote ${file}; next: arrcast validate ${file} && arrcast run ${file}\n`);
    });

  return program;
}
