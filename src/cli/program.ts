import { directoryShown } from './directory-shown.js';
import { statSync, type Stats } from 'node:fs';
import { isAbsolute } from 'node:path';
import { currentDirectory } from '../scenario/current-directory.js';
export type { Io } from './io.js';
import type { Io } from './io.js';
import { Command, Option } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { checkReportOwner, recheckReportOwner, scenarioFileOf } from './default-out-owner.js';
import { openFailure } from '../scenario/read-file.js';
import { allowPathOption } from './allow-path-option.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { planLoaded, simulate } from '../engine/simulate.js';
import { CHUNK_SIZE } from '../model/simulate-chunk.js';
import { prepareReportDir } from '../report/output-dir.js';
import { refuseInputsInsideOutput } from '../report/inputs-inside-output.js';
import { scenarioInputFiles } from '../scenario/scenario-input-files.js';
import { scenarioJsonOutput } from '../report/scenario-json.js';
import { cappedWorkers, maxMinutesOption, progressCallbacks, warnIfLong } from './run-limits.js';
import { cliWorkers, startCliEngine } from './cli-engine.js';
import { AS_OF_ZERO, asOfMonths, digitsNumber, parseOutputsOption, parseShare, parseTarget, wholeNumber } from './parse-options.js';
import { outputsHelp, type OutputName } from '../report/outputs.js';
import { simulateToPrecision } from '../analysis/precision.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { EXIT, problemLines, UsageError } from './exit-codes.js';
import { throwIfAborted } from '../engine/errors.js';
import { registerCompareCommand } from './compare-command.js';
import { registerInitCommand } from './init-command.js';
import { registerFitCommand } from './fit-command.js';
import { registerScoreCommand } from './score-command.js';
import { registerStudioCommand } from './studio-command.js';
import { registerMergeCommand, runShard } from './shard-commands.js';
import { checkTargets, collectNoWarn, defaultOutDir, NO_WARN_HELP, prefetchReportModules, printWarnings, reportSimulation, silencedCodes, statedWarnings } from './report-run.js';
import { parseShardOption } from './shard-option.js';
import { collectFiles } from './stress.js';
import { refuseRepeatedOptions } from './single-value-options.js';
import { warmReportLibraries } from '../report/warm-libraries.js';
import { ATTRIBUTION_TRIALS } from '../analysis/attribution/sim-inputs.js';
import { attributionTrials, prepareAttributionSteps, type PreparedAttribution } from '../analysis/attribution/prepared.js';
import { stepsInTurns } from './steps-in-turns.js';
import { pendingSignals } from './pending-signals.js';
import type { RunTrials } from '../analysis/columns.js';
import { ARRCAST_VERSION } from '../version.js';
import { nameInOtherFormNote } from '../scenario/name-in-other-form.js';
import { danglingLinkWords } from '../scenario/dangling-link.js';
import { PAUSE_VARIABLE, pauseHook, stepCheck, type StepHook } from './pause-hook.js';
import { terminalCell, terminalText } from '../report/terminal-text.js';
import type { TrialsCsvStream } from '../report/trials-csv-stream.js';
import { startTrialsStream } from './trials-stream.js';
import { columnsRead } from '../report/write-report.js';
import { cleanedUpOnExit } from '../engine/exit-cleanup.js';

export { defaultOutDir };


/**
 * Runs of fewer trials than this load the report's libraries (about 60 MB) while the workers
 * simulate; larger ones after the workers are gone, where the 1,000,000-trial peak is set
 * (bench/RESULTS.md, 2026-12-05: 580 MB with the libraries loaded beside the workers).
 */
const WARM_LIBRARIES_BELOW = 500_000;

/**
 * Runs of fewer trials than this have their attribution prepared while the rest of their trials
 * simulate (prepareAttributionSteps, 0.3-0.4 s of CPU off the run's tail); larger ones in the summary,
 * once the workers are gone: its inputs (about 22 MB) held through the simulation would add to the
 * peak a large run sets at its last chunk (the store full, both workers alive), and 0.4 s is about
 * 1% of a million trials' run. The same numbers either way.
 */
const PREPARE_ATTRIBUTION_BELOW = 500_000;

/**
 * The progress callback of a run: the bar's (if any), and at the first call (the first chunk is
 * back: the workers are loaded and busy) the test hook's `simulating` step and `onFirst`.
 */
function progressWithHook(onProgress: ((done: number, total: number) => void) | undefined, hook: StepHook | undefined, onFirst?: () => void): ((done: number, total: number) => void) | undefined {
  if (!onProgress && !hook && !onFirst) return undefined;
  let first = true;
  return (done, total) => {
    onProgress?.(done, total);
    if (first) {
      if (hook) void hook('simulating');
      onFirst?.();
    }
    first = false;
  };
}

/**
 * Commander's error as printed: its own lines (the error, and a "(Did you mean --out?)" after an
 * unknown option or command) kept, any other line feed shown as \u{a}: it comes from the value
 * quoted, where `--target "revenue=1<LF>M"` printed the rest of the value as a line of its own.
 *
 * @example oneLineErrors("error: argument 'a\nb' is invalid.\n") // => "error: argument 'a\\u{a}b' is invalid.\n"
 */
export function oneLineErrors(text: string): string {
  return `${text
    .replace(/\n$/, '')
    .split(/\n(?=\(Did you mean )/)
    .map(terminalCell)
    .join('\n')}\n`;
}

/**
 * The arrcast command line: a thin layer over the library (loadScenario -> simulate -> summarize
 * -> writeReport). Returns the exit code instead of exiting, so it can be tested in-process.
 * `clock` is today's date for the warnings that need one (closed actuals months after today):
 * injectable so a test can fix it.
 */
export function buildProgram(raw: Io, setExitCode: (code: number) => void, signal?: AbortSignal, clock: () => Date = () => new Date()): Command {
  // Whatever a command prints, names and paths in it never reach the terminal raw.
  const io: Io = { out: (t) => raw.out(terminalText(t)), err: (t) => raw.err(terminalText(t)) };
  const program = new Command('arrcast')
    .description("Monte Carlo forecasts of a SaaS company's next fiscal year: recognized revenue, bookings and ending ARR.")
    .version(ARRCAST_VERSION)
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(oneLineErrors(text)) })
    .showHelpAfterError('(arrcast --help for usage)')
    .exitOverride();

  program
    .command('run')
    .description(
      'Simulate a scenario, print the summary and decision tables, and write the report to --out: summary.json, scenario.json, report.html, report.xlsx, charts/, percentiles.csv and monthly.csv by default; trials.csv and sipmath.json with --outputs. With --shard K/N, simulate only shard K of N and write a part file for arrcast merge.',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-n, --trials <n>', "trials (simulated fiscal years); default: the scenario's trials", wholeNumber('trials', 1))
    .option('-s, --seed <seed>', "seed of every random stream; default: the scenario's seed")
    .option('-w, --workers <n>', 'worker threads; 0 = in-process; default: available CPUs (small runs in-process)', digitsNumber('workers', 0))
    .option(
      '-o, --out <dir>',
      'output directory: new, empty, or an earlier arrcast report, replaced whole when the run completes; default: reports/<scenario file name> (reports/my-plan for my-plan.yaml, in the working directory). With --shard: the part file, or a directory (existing, or ending in /) to write shard-K-of-N.arrcast-part into; default: reports/<scenario file name>-parts/',
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
      "keep adding trials (doubling, from --trials or else 10,000, in whole chunks of 1,000) until the 95% intervals of revenue's P10, P50 and P90 have half-widths of at most this share of their values, e.g. 0.5%",
      parseShare('precision'),
    )
    .option('--with-stress <scenario>', 'a stress scenario (e.g. scenarios/downside.yaml) simulated on the same seed and trials, shown beside the plan in report.html; repeatable', collectFiles)
    .option('--max-trials <n>', 'cap of a --precision run', wholeNumber('max-trials', 1), 1_000_000)
    .addOption(maxMinutesOption())
    .option('--no-warn <code>', NO_WARN_HELP, collectNoWarn)
    .option(
      '--shard <K/N>',
      'run only shard K of N (counted from 1: 1/4 to 4/4) and write a part file to --out, for arrcast merge; auto/N takes the 0-based index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)',
    )
    .option('--actuals <file>', 're-forecast from actuals: a CSV of closed months (month, tier, leads, deals, new_arr, ..., ending_arr); months 1..M are fixed, the rest is simulated with drivers learned from them')
    .option('--as-of <month>', 'use only the first M closed months of --actuals', asOfMonths)
    .option('--plan <dir>', "with --actuals: a previous run's report directory, whose bands, budgets and P(target) are shown beside the re-forecast in report.html and summary.json (the terminal prints the re-forecast alone)")
    .addOption(allowPathOption())
    .action(
      async (
        file: string,
        opts: {
          actuals?: string;
          asOf?: number;
          plan?: string;
          allowPath?: string[];
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
          maxMinutes?: number;
          shard?: string;
          warn: true | string[];
          withStress?: string[];
          outputs?: OutputName[];
        },
        command: Command,
      ) => {
        const hook = pauseHook(process.env[PAUSE_VARIABLE], io.err, signal);
        const step = stepCheck(hook, signal);
        const workers = cappedWorkers(opts.workers, io.err);
        if (opts.actuals === undefined)
          for (const name of ['as-of', 'plan'] as const)
            if (opts[name === 'as-of' ? 'asOf' : 'plan'] !== undefined) throw new UsageError(`--${name} goes with --actuals`);
        if (opts.asOf === 0) throw new UsageError(AS_OF_ZERO);
        if (opts.actuals !== undefined)
          for (const name of ['shard', 'precision', 'max-trials', 'with-stress'])
            if (command.getOptionValueSource(name.replace(/-(.)/g, (_, c: string) => c.toUpperCase())) === 'cli') throw new UsageError(`--${name} does not go with --actuals (not yet)`);
        // --max-trials caps the trials a --precision run adds: without it, it would be dropped without a word.
        // After the --actuals refusals and not with --shard (refused below, by name): there, "goes with
        // --precision" would send the user to a --precision that is refused next.
        if (opts.precision === undefined && opts.shard === undefined && command.getOptionValueSource('maxTrials') === 'cli')
          throw new UsageError('--max-trials goes with --precision (it caps the trials a --precision run adds); for a run of N trials give --trials N');
        // A --precision run starts at --trials and stops at --max-trials: a start above the cap was cut to the cap without a word.
        if (opts.precision !== undefined && opts.trials !== undefined && opts.trials > opts.maxTrials)
          throw new UsageError(
            `--trials ${opts.trials.toLocaleString('en-US')} is above --max-trials ${opts.maxTrials.toLocaleString('en-US')}${command.getOptionValueSource('maxTrials') === 'cli' ? '' : ' (its default)'}, the most trials a --precision run may reach; raise --max-trials or start with fewer --trials`,
          );
        if (opts.shard !== undefined) {
          const shard = parseShardOption(opts.shard, process.env);
          // What only a whole run has: the summary (targets, budgets) and a trial count found by running.
          for (const name of ['target', 'confidence', 'precision', 'max-trials', 'with-stress', 'outputs'])
            if (command.getOptionValueSource(name.replace(/-(.)/g, (_, c: string) => c.toUpperCase())) === 'cli')
              throw new UsageError(`--${name} does not go with --shard: a shard writes trials, not a summary${name === 'target' || name === 'confidence' || name === 'outputs' ? `; give --${name} to arrcast merge` : ''}`);
          const loaded = await loadScenario(file, { allowedRoots: opts.allowPath });
          await step('loaded');
          await runShard(io, loaded, shard, opts.out ?? `${defaultOutDir(file)}-parts/`, { ...opts, workers, signal, hook });
          return;
        }
        const loaded = await loadScenario(file, { allowedRoots: opts.allowPath });
        // Actuals and the plan are checked before --out is touched: a bad file writes nothing.
        const actuals = opts.actuals === undefined ? undefined : await (await import('./actuals-options.js')).loadActuals(loaded, opts.actuals, opts.asOf);
        const planSummary = opts.plan === undefined ? undefined : await (await import('./actuals-options.js')).loadPlanSummary(loaded, opts.plan, opts.confidence);
        await step('loaded');
        const shown = opts.out ?? defaultOutDir(file);
        // Before any work: resolve --out once, refuse it if it is not ours to replace or cannot be
        // written, and write the report to that resolved directory and no other.
        const out = await prepareReportDir(shown);
        if (opts.plan !== undefined) await (await import('./actuals-options.js')).refuseOutIsPlan(out, shown, opts.plan);
        const real = await scenarioFileOf(file);
        const recorded = await checkReportOwner(out, shown, file, real, actuals !== undefined, opts.out !== undefined);
        const recheck = recheckReportOwner(out, shown, file, real, actuals !== undefined, opts.out !== undefined);
        checkTargets(loaded, opts.target);
        const stress = opts.withStress?.length ? await (await import('./stress.js')).checkStressFiles(opts.withStress, loaded, opts.target, opts.allowPath) : undefined;
        // Every file read, now all known, must lie outside what the report replaces.
        await refuseInputsInsideOutput(out, `--out ${shown}`, [
          ...scenarioInputFiles(loaded),
          ...(opts.actuals !== undefined ? [{ path: opts.actuals, what: 'the --actuals file' }] : []),
          ...(opts.plan !== undefined ? [{ path: opts.plan, what: 'the --plan report' }] : []),
          ...(stress ?? []).flatMap((s) => scenarioInputFiles(s.loaded).map((f) => (f.path === s.file ? { ...f, what: 'the --with-stress scenario' } : f))),
        ], [scenarioJsonOutput(loaded.scenario)]);
        // One warm pool for the run (and every step of --precision), closed before the report is written;
        // no more threads than a run of known size has chunks (--precision adds trials as it goes).
        // A run's trials are the scenario's when --trials is not given: one of fewer than a pool is
        // worth runs in-process (cliWorkers below), and started threads it never used. (A --precision
        // run's pool serves all its steps: started as before.)
        const trials = opts.trials ?? loaded.scenario.trials;
        const chunks = opts.precision === undefined ? Math.ceil(trials / CHUNK_SIZE) : undefined;
        const engine = startCliEngine({ workers, trials: opts.precision === undefined ? trials : opts.trials, chunks });
        let stream: TrialsCsvStream | undefined;
        const preparation = new AbortController();
        try {
          const { finish, onProgress, ...progress } = progressCallbacks(opts.progress);
          // The libraries of the outputs asked for (vega) load while the workers simulate: once the
          // run's first chunks are sent (the main thread's work before them is done, and the threads
          // have loaded while it was done), not while the workers start (a failure to load shows when
          // the report is written); in a large run they load after the pool is closed, so their memory
          // never adds to the workers'. Once only: at the first chunk back, if that comes first.
          let warmed = false;
          const warm = () => {
            if (warmed) return;
            warmed = true;
            prefetchReportModules();
            if (trials < WARM_LIBRARIES_BELOW) void warmReportLibraries(opts.outputs);
          };
          const runWorkers = cliWorkers(engine, workers, opts.precision !== undefined ? Math.max(trials, 10_000) : trials);
          // Kept as typed: seeds are strings to the streams, so 7 and "7" are the same run.
          // Without trials.csv or a re-forecast, nothing reads the drivers' own draws past the trials the attribution uses.
          // trials.csv is written as the chunks come in, when it can be (startTrialsStream), from the chunks' own values.
          stream = await startTrialsStream(out, opts.outputs, trials, opts.precision !== undefined, loaded.scenario.currency);
          const onChunk = stream ? { onChunk: stream.accept.bind(stream) } : {};
          const ownDrawTrials = actuals || (opts.outputs?.includes('trials') && !stream) ? {} : { ownDrawTrials: ATTRIBUTION_TRIALS };
          // Nor anything of the counts and logo renewal but their Stat: kept as tallies (26 MB less at a
          // million trials), except in a --precision run, which resumes its runs trial by trial.
          const tallyCounts = Object.keys(ownDrawTrials).length > 0 && opts.precision === undefined ? { tallyCounts: true } : {};
          // The columns the report still reads after its release (writeReport's: the SIPs', for sipmath;
          // the charts are built before it) get arrays of their own, so that the others' block is freed
          // whole, without copying them out of it.
          const kept = columnsRead(loaded.scenario.tiers.map((t) => t.name), opts.outputs, stream !== undefined);
          const keepApart = kept ? { keepApart: kept } : {};
          const common = { seed: opts.seed, workers: runWorkers, signal, maxMinutes: opts.maxMinutes, ...progress, onProgress: progressWithHook(onProgress, hook, warm), ...(actuals ? { actuals } : {}), ...ownDrawTrials, ...onChunk };
          // The attribution reads the leading trials only: computed as soon as they are in, while the rest
          // simulate, a step per turn so that the workers are sent their next chunks between steps.
          // (From PREPARE_ATTRIBUTION_BELOW trials on, in the summary instead: see there.)
          let preparing: Promise<PreparedAttribution | undefined> | undefined;
          const onLeadingTrials =
            trials < PREPARE_ATTRIBUTION_BELOW
              ? {
                  trials: attributionTrials(trials),
                  call: (run: RunTrials) => {
                    preparing = stepsInTurns(prepareAttributionSteps(run), preparation.signal);
                    // Read after the run; a failed run never reads it (its own error is the one shown).
                    preparing.catch(() => undefined);
                  },
                }
              : undefined;
          const run = engine ? engine.simulate : simulate;
          // A forced exit (a second signal) removes the stream's temporary directory first.
          await cleanedUpOnExit(
            () => stream?.discard(),
            async () => {
              const running = opts.precision !== undefined
                ? simulateToPrecision(loaded, { ...common, precision: opts.precision, maxTrials: opts.maxTrials, ...(opts.trials ? { startTrials: opts.trials } : {}), ...(engine ? { engine } : {}) })
                : run(loaded, { ...common, ...tallyCounts, ...keepApart, trials: opts.trials, onLeadingTrials }).then((s) => ({ sim: s, precision: undefined }));
              // A run on workers has sent its first chunks by the time simulate returns its promise (an
              // in-process one has simulated its first chunk, and warmed at its progress already). In a
              // turn of its own, after a run refused at once (a bad option, a plan that cannot run) has
              // rejected: that one loads nothing.
              let refused = false;
              running.catch(() => (refused = true));
              if (runWorkers !== 0) setImmediate(() => refused || warm());
              const { sim, precision } = await running.finally(finish);
              await engine?.close();
              const prepared = await preparing;
              await reportSimulation(io, sim, { out, ...(recorded !== undefined ? { scenarioFile: recorded } : {}), ...(recheck ? { recheck } : {}), quiet: opts.quiet, target: opts.target, confidence: opts.confidence, signal, onStep: hook, noWarn: silencedCodes(opts.warn), today: clock(), ...(stress ? { stress } : {}), workers, ...(precision ? { precision } : {}), ...(opts.outputs ? { outputs: opts.outputs } : {}), ...(planSummary ? { plan: planSummary } : {}), ...(prepared ? { prepared } : {}), ...(stream ? { trialsCsv: stream } : {}) });
            },
          );
          io.err(`wrote ${directoryShown(shown)} in ${process.uptime().toFixed(1)} s\n`);
        } finally {
          // A failed or stopped run's attribution is never read: its steps stop.
          preparation.abort();
          // Moved into the report when it was written; otherwise (a failed or stopped run) removed.
          stream?.discard();
          await engine?.close();
        }
      },
    );

  registerMergeCommand(program, io, signal, clock);

  program
    .command('validate')
    .description('Check scenario files; every problem is reported with its line, column and path. Exit code 2 if any is invalid.')
    .argument('<scenario...>', 'scenario files (YAML or JSON)')
    .addOption(allowPathOption())
    .option('--no-warn <code>', NO_WARN_HELP, collectNoWarn)
    .action(async (files: string[], opts: { allowPath?: string[]; warn: true | string[] }) => {
      let bad = 0;
      // A signal stops validate between and after files (exit 130/143/129): it went on to the end
      // and said ok with exit 0, so a CI job timed out with SIGTERM passed.
      // Checked once a signal that came while a file was being read synchronously (a large customer
      // book, a long parse) has been delivered (pending-signals.ts).
      const stopIfAsked = async () => {
        if (signal === undefined) return;
        await pendingSignals();
        throwIfAborted(signal);
      };
      for (const file of files) {
        await stopIfAsked();
        try {
          const loaded = await loadScenario(file, { allowedRoots: opts.allowPath });
          await stopIfAsked();
          const plan = planLoaded(loaded);
          const { scenario } = loaded;
          io.out(`${terminalCell(file)}: ok (${terminalCell(scenario.name)}, ${scenario.tiers.length} tier${scenario.tiers.length === 1 ? '' : 's'})\n`);
          warnIfLong(file, plan, scenario.trials, io.err);
          printWarnings(io, statedWarnings(loaded, silencedCodes(opts.warn)));
        } catch (err) {
          if (!(err instanceof ScenarioError)) throw err;
          io.err(`${problemLines(err)}\n`);
          bad++;
        }
      }
      await stopIfAsked();
      if (bad > 0) setExitCode(EXIT.badInput);
    });

  program
    .command('schema')
    .description('Print the JSON Schema of the scenario format (for editors: arrcast schema > arrcast.schema.json).')
    .action(() => {
      io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  registerInitCommand(program, io, signal);

  registerCompareCommand(program, io, setExitCode, signal);

  registerFitCommand(program, io, signal);

  registerScoreCommand(program, io, signal);

  registerStudioCommand(program, io, signal);

  // After an error, name the command whose help to ask for ("run with --help" read as `arrcast run`).
  for (const command of program.commands) command.showHelpAfterError(`(arrcast ${command.name()} --help for usage)`);

  program.hook('preAction', (_, command) => refuseEmptyPaths(command));
  refuseRepeatedOptions(program);
  return program;
}

/** Options that name a file or folder to read (--out, which is written, has its own checks). */
const INPUT_PATH_OPTIONS: ReadonlyArray<readonly [key: string, flag: string]> = [
  ['actuals', '--actuals'],
  ['plan', '--plan'],
  ['withStress', '--with-stress'],
  ['allowPath', '--allow-path'],
  ['deals', '--deals'],
  ['customers', '--customers'],
];

/**
 * Refuse (exit 2) an empty path given for a file or folder to read, before the command runs: an
 * unset shell variable (`--actuals "$FILE"`) gave " file not found" (now "does not exist") naming neither the file nor the
 * option, and `--allow-path ""` allowed the working directory's tree without a word. (init's file
 * is written, not read: it has its own message.)
 */
function refuseEmptyPaths(command: Command): void {
  if (command.name() !== 'init')
    command.registeredArguments.forEach((argument, i) => {
      const value: unknown = command.processedArgs[i];
      if ((Array.isArray(value) ? value : [value]).some((v) => v === ''))
        throw new UsageError(`the ${argument.name()} argument is an empty path: name ${argument.variadic ? 'each' : 'the'} ${argument.name().replace(/s$/, '')} to read`);
    });
  const opts = command.opts<Record<string, unknown>>();
  for (const [key, flag] of INPUT_PATH_OPTIONS) {
    const value = opts[key];
    if ((Array.isArray(value) ? value : [value]).some((v) => v === '')) throw new UsageError(`${flag} is an empty path: name the ${key === 'allowPath' ? 'folder' : key === 'plan' ? 'report directory' : 'file'} it stands for`);
  }
  // A misspelt --allow-path allowed nothing without a word: the scenario's file was then refused as
  // outside the folders allowed, though the user had named one. It must be a folder that exists.
  for (const dir of (opts.allowPath as string[] | undefined) ?? []) {
    // A relative folder from a deleted current directory names nothing: said so, as for every other path.
    if (!isAbsolute(dir)) currentDirectory();
    let stat: Stats | undefined;
    try {
      stat = statSync(dir);
    } catch (err) {
      // Only a folder that is not there is 'no such folder'; a loop of links or a file on the way says so.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        const dangling = danglingLinkWords(dir);
        throw new UsageError(`--allow-path ${terminalCell(dir)}${dangling === undefined ? `: no such folder${terminalCell(nameInOtherFormNote(dir))}` : ` ${terminalCell(dangling)}`}`);
      }
      throw new UsageError(`--allow-path ${terminalCell(dir)} ${openFailure(err, { noun: 'a folder' })}`);
    }
    if (!stat.isDirectory()) throw new UsageError(`--allow-path ${terminalCell(dir)} is not a folder: name the folder the files are in`);
  }
}
