import { ScenarioError } from '../scenario/scenario-error.js';
import { OneForecastError } from '../analysis/one-forecast-compared.js';
import { isArgumentRefusal } from '../scenario/argument-error.js';
import { ChunkFailedError, MergeError, RunAbortedError, RunOptionError, WorkerStartError } from '../engine/errors.js';
import { PartFileError } from '../engine/part-format.js';
import { OutputDirError } from '../report/output-dir.js';
import { isNoCurrentDirectory, NoCurrentDirectoryError } from '../scenario/current-directory.js';
import { errnoWords, isErrno, OutputWriteError } from '../report/write-error.js';
import { terminalCell, terminalText } from '../report/terminal-text.js';
import { withSystemWords } from '../scenario/system-error-words.js';

/** Exit codes: 0 done, 1 failed while running, 2 bad input (scenario, options, parts to merge, --out), 130 interrupted (129, 143: see SIGNAL_EXIT). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

/** The signals that stop a run, with the exit code each gives (128 + its number, as shells report them). */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** A usage problem found by the CLI itself (a missing argument, a malformed option value). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The message and exit code for an error reaching the top of the CLI. Expected errors print their
 * message only; anything else is an internal error, printed without a stack trace unless
 * ARRCAST_DEBUG is set. Messages quote names and paths: control characters in them are written
 * visibly, never raw. A message of one line (a usage error, an --out refusal, a failed write) has
 * its line feeds written visibly too (terminalCell): they can only come from a path or a value
 * quoted in it, where `--out "f<LF>ile"` printed the path across two lines. A ScenarioError or a
 * MergeError lists its problems a line each (their file names already escaped), and keeps them.
 */
export function describeFailure(err: unknown): { message: string; code: number } {
  const failure = failureOf(err);
  return { message: failure.lines ? terminalText(failure.message) : terminalCell(failure.message), code: failure.code };
}

function failureOf(err: unknown): { message: string; code: number; lines?: true } {
  // (A MergeError is one refusal: its problems are indented lines under its first, prefixed.)
  if (err instanceof ScenarioError) return { message: problemLines(err), code: EXIT.badInput, lines: true };
  if (err instanceof MergeError) return { message: `arrcast: ${err.message}`, code: EXIT.badInput, lines: true };
  if (err instanceof RunOptionError || isArgumentRefusal(err) || err instanceof UsageError || err instanceof OneForecastError || err instanceof OutputDirError || err instanceof MergeError || err instanceof PartFileError || err instanceof NoCurrentDirectoryError) return { message: `arrcast: ${err.message}`, code: EXIT.badInput };
  // A relative path resolved after the current directory was deleted, wherever it was resolved.
  if (isNoCurrentDirectory(err)) return { message: `arrcast: ${new NoCurrentDirectoryError().message}`, code: EXIT.badInput };
  if (err instanceof RunAbortedError) return { message: 'arrcast: interrupted; no output was written', code: EXIT.interrupted };
  if (err instanceof OutputWriteError) return { message: `arrcast: ${err.message}; no output was written`, code: EXIT.failed };
  if (err instanceof ChunkFailedError || err instanceof WorkerStartError) return { message: `arrcast: ${err.message}; no output was written`, code: EXIT.failed };
  if (isErrno(err) && typeof err.path === 'string') return { message: `arrcast: cannot write ${err.path}: ${errnoWords(err)}`, code: EXIT.failed };
  const detail = process.env.ARRCAST_DEBUG && err instanceof Error ? `\n${err.stack}` : '';
  // A system error met where nothing names it ('spawn EMFILE') still says it in words.
  return { message: `arrcast: internal error: ${withSystemWords(err instanceof Error ? err.message : String(err))}${detail}`, code: EXIT.failed, lines: true };
}

/**
 * A ScenarioError's problems as the CLI prints them, `arrcast: ` before each line, as every other
 * error and warning line has (`run nope.yaml` printed "nope.yaml does not exist" bare): for the
 * error that ends a command and for the files `validate` and `compare` list before they stop.
 */
export function problemLines(err: ScenarioError): string {
  return err.message
    .split('\n')
    .map((line) => `arrcast: ${line}`)
    .join('\n');
}
