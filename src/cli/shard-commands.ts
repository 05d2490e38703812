import { directoryShown } from './directory-shown.js';
import { checkMergeReportOwner, scenarioFileOf } from './default-out-owner.js';
import { Command } from 'commander';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { removeEmptyDirs, withDirectory, type Created } from '../engine/fresh-dir.js';
import { dirname, join, sep } from 'node:path';
import { planChunks, type ShardSpec } from '../engine/chunks.js';
import { MergeError, throwIfAborted } from '../engine/errors.js';
import { allowPathOption } from './allow-path-option.js';
import { mergeParts } from '../engine/merge.js';
import { checkPartOutput, partFileName, partTempName, readPartHeader, writePartFile } from '../engine/part-file.js';
import { PART_EXTENSION } from '../engine/part-format.js';
import { resolveOptions, simulateShard } from '../engine/simulate.js';
import { OutputDirError, prepareReportDir, refuseInsideOutput } from '../report/output-dir.js';
import { refuseInputsInsideOutput } from '../report/inputs-inside-output.js';
import { scenarioInputFiles } from '../scenario/scenario-input-files.js';
import { DanglingLinkError, namesDirectory, resolveOutPath } from '../report/resolve-out.js';
import { NoCurrentDirectoryError } from '../scenario/current-directory.js';
import { errnoWords, isErrno } from '../report/write-error.js';
import { PAUSE_VARIABLE, pauseHook, stepCheck, type StepHook } from './pause-hook.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { loadScenario } from '../scenario/load.js';
import { openFailure } from '../scenario/read-file.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { parseOutputsOption, parseShare, parseTarget } from './parse-options.js';
import { outputsHelp, type OutputName } from '../report/outputs.js';
import type { Io } from './io.js';
import { progressCallbacks } from './run-limits.js';
import { checkTargets, collectNoWarn, defaultOutDir, NO_WARN_HELP, reportSimulation, silencedCodes } from './report-run.js';
import { terminalCell } from '../report/terminal-text.js';

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/**
 * The part file `--out` names, resolved once (see resolveOutPath): the path itself, or
 * shard-K-of-N.arrcast-part in it when it is a directory (existing, or written with a trailing /).
 * `file` is resolved (what is written); `shown` is the same path as the user typed it (`parts/` gives
 * `parts/shard-1-of-4.arrcast-part`), for messages, as every other command names its --out.
 * An empty --out, or one that cannot be looked up, is refused (OutputDirError: exit 2).
 */
export async function partPath(out: string, shard: ShardSpec): Promise<{ file: string; shown: string }> {
  if (out === '') throw new OutputDirError('--out is empty; name the part file, or a directory to write it into');
  let resolved: string;
  try {
    resolved = await resolveOutPath(out);
  } catch (err) {
    if (err instanceof DanglingLinkError) throw new OutputDirError(`--out ${out}: ${err.message}; arrcast does not write through it`);
    if (err instanceof NoCurrentDirectoryError) throw new OutputDirError(`--out ${out}: ${err.message}`);
    if (isErrno(err)) throw new OutputDirError(`--out ${out} cannot be written: ${errnoWords(err)} at ${err.path ?? out}`);
    throw err;
  }
  const inDir = () => ({ file: join(resolved, partFileName(shard)), shown: `${out}${out.endsWith('/') || out.endsWith(sep) ? '' : sep}${partFileName(shard)}` });
  // `parts/.` names a directory as `parts/` does (resolve-out.ts); taken as text it wrote a file named parts.
  if (namesDirectory(out) !== undefined) return inDir();
  try {
    if ((await stat(resolved)).isDirectory()) return inDir();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { file: resolved, shown: out };
}

/**
 * Make and remove a temporary file beside `file`, as writePartFile will, so an --out that cannot be
 * written is refused before the run (exit 2). It removes its own probe file and nothing else: the
 * directories it had to create go again only when empty (rmdir), since a shard running beside it
 * may have written its part there meanwhile; one that another shard removed meanwhile is made again
 * (withDirectory).
 */
export async function probePartOutput(file: string, shown: string): Promise<void> {
  const dir = dirname(file);
  const created: Created = {};
  try {
    // Named as the part's temporary file: one left by a process killed before removing it is swept
    // as one (removeStalePartTemps: empty, its owner gone).
    const probe = join(dir, partTempName(file));
    await withDirectory(dir, () => writeFile(probe, '', { flag: 'wx' }), created);
    await rm(probe, { force: true });
  } catch (err) {
    if (isErrno(err)) throw new OutputDirError(`--out ${shown} cannot be written: ${errnoWords(err)} at ${err.path ?? file}`);
    throw err;
  } finally {
    if (created.top !== undefined) await removeEmptyDirs(dir, created.top);
  }
}

/**
 * `arrcast run --shard K/N`: simulate shard K of N only (its chunks, see shardChunks) and write its
 * part file, whole or not at all. `--out` is checked before the run: a file there must be a part.
 */
export async function runShard(
  io: Io,
  loaded: LoadedScenario,
  shard: ShardSpec & { readonly from: string },
  out: string,
  opts: { trials?: number; seed?: string; workers?: number; maxMinutes?: number; progress: boolean; signal?: AbortSignal; hook?: StepHook },
): Promise<void> {
  const { file, shown } = await partPath(out, shard);
  await refuseInsideOutput(file, `--out ${shown}`);
  // The shard as simulateShard takes it: `from` (where --shard came from) is the CLI's, for its messages.
  const spec: ShardSpec = { index: shard.index, count: shard.count };
  const { trials, seed } = resolveOptions(loaded, { trials: opts.trials, seed: opts.seed, shard: spec });
  const replacing = await checkPartOutput(file, shown, { scenarioHash: loaded.hash, scenarioName: loaded.scenario.name, scenarioSource: loaded.source, seed, trials, shard: spec });
  await probePartOutput(file, out);
  const { finish, ...progress } = progressCallbacks(opts.progress);
  const part = await simulateShard(loaded, {
    trials: opts.trials,
    seed: opts.seed,
    workers: opts.workers,
    maxMinutes: opts.maxMinutes,
    signal: opts.signal,
    shard: spec,
    ...progress,
  }).finally(finish);
  await stepCheck(opts.hook, opts.signal)('part');
  await writePartFile(file, part, { signal: opts.signal, recheck: () => refuseInsideOutput(file, `--out ${shown}`) });
  // Said once it is so: a run stopped or refused before the move replaced nothing.
  if (replacing !== undefined) io.err(`arrcast: ${terminalCell(replacing)}\n`);
  const name = `shard ${shard.index + 1}/${shard.count}${shard.from.startsWith('--') ? '' : ` (from ${shard.from})`}`;
  const first = part.chunks[0];
  const last = part.chunks.at(-1);
  const chunks = planChunks(part.trials).length;
  const what =
    first && last
      ? `${part.chunks.length} of ${count(chunks, 'chunk')}: trials ${(first.offset + 1).toLocaleString('en-US')} to ${(last.offset + last.trials).toLocaleString('en-US')} of ${part.trials.toLocaleString('en-US')}`
      : `no trials: ${count(chunks, 'chunk')} for ${count(shard.count, 'shard')}; merge it with the others all the same`;
  io.err(`wrote ${name} to ${terminalCell(shown)} (${what}) in ${process.uptime().toFixed(1)} s\n`);
}

/** The part files named: files as given, and a directory's *.arrcast-part files in name order. */
async function expandParts(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch {
      // A file that cannot be read is reported by the merge, with every other problem.
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    let names: string[];
    try {
      names = await readdir(arg);
    } catch (err) {
      // A folder that cannot be listed is a bad input, said so: it is not a write that failed (exit 1).
      problems.push(`${arg} ${openFailure(err, { noun: 'a folder of part files' }, arg)}`);
      continue;
    }
    const inside = names.filter((f) => f.endsWith(PART_EXTENSION)).sort();
    if (inside.length === 0) problems.push(`${arg} is a directory without ${PART_EXTENSION} files`);
    // One by one: a spread into push passes every name on the stack, and a directory can hold any number.
    for (const f of inside) files.push(join(arg, f));
  }
  if (problems.length > 0) throw new MergeError(problems);
  return files;
}

/**
 * `arrcast merge PART... --out DIR`: merge the parts of a sharded run into the report a single run
 * with the same scenario, seed and trials writes, byte for byte. Parts that are not every shard of
 * one run exactly once are refused (exit 2) before anything is written. `clock`: today's date (buildProgram's).
 */
export function registerMergeCommand(program: Command, io: Io, signal?: AbortSignal, clock: () => Date = () => new Date()): void {
  program
    .command('merge')
    .description(
      'Merge the part files of a sharded run (arrcast run --shard K/N, for K = 1 to N) into the report a single run writes, byte for byte: summary.json, scenario.json, report.html, report.xlsx, charts/, percentiles.csv and monthly.csv by default; trials.csv and sipmath.json with --outputs. Refuses parts of different runs, or a shard missing or given twice.',
    )
    .argument('<parts...>', `part files (${PART_EXTENSION}), or directories holding them`)
    .option('-o, --out <dir>', 'output directory: new, empty, or an earlier arrcast report, replaced whole when the merge completes; default: reports/<scenario file name> (of the file the shards ran)')
    .option('--outputs <list>', outputsHelp('merge'), parseOutputsOption)
    .option('-q, --quiet', 'do not print the summary table')
    .option(
      '-t, --target <metric=value>',
      "a target to test, repeatable: revenue=120M, endingArr=150e6, or one tier's: SMB:revenue=30M (adds to the scenario's targets)",
      parseTarget,
    )
    .option('-c, --confidence <share>', 'confidence of the budgets: 0.8 or 80% gives the value reached or beaten in 80% of trials (P20)', parseShare('confidence'), 0.8)
    .addOption(allowPathOption("the working directory's folder tree"))
    .option('--no-warn <code>', NO_WARN_HELP, collectNoWarn)
    .action(async (args: string[], opts: { out?: string; quiet?: boolean; target?: MetricTarget[]; confidence: number; allowPath?: string[]; warn: true | string[]; outputs?: OutputName[] }) => {
      const files = await expandParts(args);
      // --out, or the default from the scenario the parts name, is resolved and checked before the
      // merge reads the parts' bodies; a first part that cannot be read is left to the merge to report.
      const shown = opts.out ?? (await readPartHeader(files[0]!).then((p) => defaultOutDir(p.header.scenario.source), () => undefined));
      let out = shown !== undefined ? await prepareReportDir(shown) : undefined;
      const sim = await mergeParts(files, { signal, allowedRoots: opts.allowPath });
      checkTargets(sim.loaded, opts.target);
      out ??= await prepareReportDir(defaultOutDir(sim.loaded.source));
      // A merge is a plan's run (parts carry no actuals): it does not replace a re-forecast's report at the default --out.
      // The parts name their scenario file as the shards were given it, perhaps from another folder:
      // the file found at that path from here is theirs only when it hashes as their scenario.
      const isParts = async (file: string) => (await partsScenarioFile(file, sim.loaded.hash, opts.allowPath)) !== undefined;
      const confirmed = await partsScenarioFile(sim.loaded.source, sim.loaded.hash, opts.allowPath);
      const { recorded, recheck } = await checkMergeReportOwner(out, defaultOutDir(sim.loaded.source), sim.loaded.source, confirmed, isParts, opts.out !== undefined);
      await refuseInputsInsideOutput(out, `--out ${shown ?? defaultOutDir(sim.loaded.source)}`, [...files.map((path) => ({ path, what: 'the part file' })), ...scenarioInputFiles(sim.loaded)]);
      throwIfAborted(signal);
      const hook = pauseHook(process.env[PAUSE_VARIABLE], io.err, signal);
      await reportSimulation(io, sim, { out, ...(recorded !== undefined ? { scenarioFile: recorded } : {}), ...(recheck ? { recheck } : {}), quiet: opts.quiet, target: opts.target, confidence: opts.confidence, signal, onStep: hook, noWarn: silencedCodes(opts.warn), today: clock(), ...(opts.outputs ? { outputs: opts.outputs } : {}) });
      io.err(`wrote ${directoryShown(shown ?? defaultOutDir(sim.loaded.source))} from ${count(files.length, 'part')} (${sim.trials.toLocaleString('en-US')} trials) in ${process.uptime().toFixed(1)} s\n`);
    });
}

/**
 * The real path of the scenario file merged parts were run from, when `source` (the path the parts
 * name, as the shards were given it) resolves from this working directory to a file that loads and
 * hashes as the parts' scenario (`hash`); else undefined, and the report records no file (a path
 * from another folder would credit the report to whatever file is found there).
 */
async function partsScenarioFile(source: string, hash: string, allowedRoots?: readonly string[]): Promise<string | undefined> {
  const real = await scenarioFileOf(source);
  if (real === undefined) return undefined;
  // Loaded as the shards loaded it, by the path given (a linked scenario's data files resolve from the link's folder).
  const loaded = await loadScenario(source, allowedRoots ? { allowedRoots } : {}).catch(() => undefined);
  return loaded?.hash === hash ? real : undefined;
}
