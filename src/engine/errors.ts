import { displayText } from '../scenario/display-text.js';
import { withSystemWords } from '../scenario/system-error-words.js';

/**
 * Options of the library that no command-line flag sets (callbacks, a signal, in-memory runs): a
 * refusal of one names it as the library spells it, `onProgress: ...`, not as a flag, `--onProgress`.
 */
const LIBRARY_ONLY_OPTIONS: ReadonlySet<string> = new Set(['onProgress', 'onEstimate', 'onLeadingTrials', 'onChunk', 'signal', 'ownDrawTrials', 'tallyCounts', 'keepApart', 'resumeFrom', 'tierCacheBytes', 'engine']);

/** One problem of an options object, as data (zod's habit): where, from the options object, and what is wrong there. */
export interface OptionIssue {
  /** From the options object: `['shard', 'index']`; `[]` for the object itself. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/**
 * A run option out of range (trials, workers, seed): the user's to fix; the CLI exits with code 2.
 * `path` and `issues` say where, as data: the option's path inside the options object (`['shard',
 * 'index']`; `[option]` when the check named no deeper field) and every problem found there by the
 * options' schema (engine/options-schema.ts; the message tells the first).
 */
export class RunOptionError extends Error {
  override readonly name = 'RunOptionError';
  /** The path of the option at fault inside the options object. */
  readonly path: ReadonlyArray<string | number>;
  /** Every problem the options' schema found (the first is the message's); one, `{ path, message }`, for a check of its own. */
  readonly issues: readonly OptionIssue[];
  constructor(
    /** The option at fault, e.g. 'workers'. */
    readonly option: string,
    message: string,
    /** Name it as the library spells it (`option: ...`), not as a flag: always so for the library's own options. */
    library = LIBRARY_ONLY_OPTIONS.has(option),
    /** Where, as data: `path` as the library spells the option (give it when that is not the flag's name camel-cased: `--trials` naming startTrials). */
    where?: { readonly path: ReadonlyArray<string | number>; readonly issues?: readonly OptionIssue[] },
  ) {
    super(`${library ? option : `--${option}`}: ${message}`);
    // As the library spells the option ('max-minutes', a flag's name in the message, is maxMinutes there).
    this.path = where?.path ?? (option === 'options' ? [] : [option.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())]);
    this.issues = where?.issues ?? [{ path: this.path, message }];
  }
}

/**
 * A run refused because its per-trial results would not fit in memory (option `trials`): a
 * RunOptionError, told apart so that `--precision` can end with the steps it has already run.
 */
export class TrialsOverMemoryError extends RunOptionError {
  constructor(message: string) {
    super('trials', message);
  }
}

/**
 * A chunk failed inside a worker. Keeps the chunk and the worker's own error (as `cause`), so the
 * message says where it happened and what went wrong; the CLI exits with code 1.
 */
export class ChunkFailedError extends Error {
  override readonly name = 'ChunkFailedError';
  constructor(
    readonly chunk: number,
    /** Index of the chunk's first trial in the run, from 0. */
    readonly firstTrial: number,
    readonly trials: number,
    cause: unknown,
  ) {
    const why = withSystemWords(cause instanceof Error ? cause.message : String(cause));
    // Trials numbered from 1, as in trials.csv.
    super(`chunk ${chunk} (trials ${(firstTrial + 1).toLocaleString('en-US')} to ${(firstTrial + trials).toLocaleString('en-US')}) failed: ${why}`, { cause });
  }
}

/**
 * No worker thread of a run's pool could start (load its module) to simulate a chunk: out of file
 * descriptors (EMFILE), out of memory while loading, a module that failed to load. No chunk ran, so
 * none is named (they were reported as 'chunk 0 ... failed'); `cause` is the error that stopped the
 * first thread. The CLI exits with code 1.
 */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
  constructor(cause: unknown) {
    super(`the worker threads could not start: ${withSystemWords(cause instanceof Error ? cause.message : String(cause))}`, { cause });
  }
}

/**
 * The run was cancelled: through its AbortSignal (Ctrl-C), or by closing the engine it ran on. Its
 * `cause` is the signal's reason (what `controller.abort(reason)` was given, or the DOMException an
 * abort without one gives), as piscina's AbortError carries it: see abortedBy.
 */
export class RunAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'the run was cancelled', options?: { readonly cause?: unknown }) {
    super(message, options);
  }
}

/** The error a run stopped through `signal` ends with: a RunAbortedError whose cause is the signal's reason. */
export const abortedBy = (signal: AbortSignal, message?: string): RunAbortedError => new RunAbortedError(message, { cause: signal.reason });

/** Throw abortedBy(signal) if `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedBy(signal);
}

/**
 * Parts that cannot be merged: a file that is not a readable part, or parts that are not the
 * shards of one run (scenario, seed, trials, arrcast version, shard count), or a shard missing or
 * given twice. Every problem found is in `problems`; the CLI exits with code 2.
 */
export class MergeError extends Error {
  override readonly name = 'MergeError';
  constructor(readonly problems: readonly string[]) {
    // Problems quote part headers and file names: no control character reaches the terminal raw.
    const lines = problems.map(displayText);
    super(`cannot merge:${lines.length === 1 ? ` ${lines[0]}` : `\n  ${lines.join('\n  ')}`}`);
  }
}
