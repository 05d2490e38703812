import { dirname, relative, resolve, sep } from 'node:path';
import { TEMP_PREFIX } from './temp-prefix.js';
import { isInside } from '../scenario/path-policy.js';
import { isSystemErrorCode, systemErrorWords } from '../scenario/system-error-words.js';

/**
 * The words of a system error: "no space left on device" from Node's "ENOSPC: no space left on
 * device, write"; the system's words for its code when the message gives the code alone ("write
 * EPIPE": "broken pipe"); the message itself otherwise.
 *
 * @example errnoReason(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) // => 'no space left on device'
 */
export function errnoReason(err: NodeJS.ErrnoException): string {
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(err.message);
  return m ? m[1]! : ((err.code === undefined ? undefined : systemErrorWords(err.code)) ?? err.message);
}

/**
 * A system error as every message gives it: its words, then its code ("no space left on device (ENOSPC)").
 *
 * @example errnoWords(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) // => 'no space left on device (ENOSPC)'
 */
export const errnoWords = (err: NodeJS.ErrnoException): string => `${errnoReason(err)} (${err.code ?? 'error'})`;

/** A system error (`code` like ENOSPC or EAI_AGAIN: isSystemErrorCode, the one rule) of a system call. */
export function isErrno(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && isSystemErrorCode((err as NodeJS.ErrnoException).code);
}

/** An output could not be written: a full disk, a read-only file system, a permission. The CLI exits with code 1. */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  constructor(
    /** The path the user knows: the output, not the temporary directory it was being written in. */
    readonly path: string,
    readonly code: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot write ${path}: ${reason} (${code})`, options);
  }
}

/**
 * A system error met while writing into `temp` as an OutputWriteError naming where the user will
 * look: the path inside `target` (writes to the file are named, as `write` errors carry no path).
 * Other errors are returned as they are.
 */
export function asWriteError(err: unknown, temp: string, target: string): unknown {
  if (!isErrno(err) || err instanceof OutputWriteError) return err;
  if (typeof err.path === 'string' && isReadWhileWriting(err.path, temp, target))
    // A file read to write the output (a chart library bundled with arrcast), not written: said so.
    return new OutputWriteError(target, err.code, `could not read ${err.path}: ${errnoReason(err)}`, { cause: err });
  const path = typeof err.path === 'string' && err.path.startsWith(temp) ? target + err.path.slice(temp.length) : (err.path ?? target);
  return new OutputWriteError(path, err.code, errnoReason(err), { cause: err });
}

/**
 * Whether `path`, met by a system error while writing output `target` through `temp`, is a file read
 * rather than written: every path a write touches is in the temporary, the output or in it, a
 * temporary beside it (in its folder), or a folder above it (made); a path elsewhere was read
 * ('cannot write dist/cli/vendor/vega.js: too many open files' named arrcast's own chart library,
 * read for report.html, as written).
 */
function isReadWhileWriting(path: string, temp: string, target: string): boolean {
  const p = resolve(path);
  const t = resolve(target);
  if (isInside(resolve(temp), p) || isInside(t, p) || isInside(p, t)) return false;
  // Beside the output: arrcast's temporaries (the previous output moved aside, trials.csv streamed) and what is in them.
  const beside = relative(dirname(t), p);
  return !(isInside(dirname(t), p) && beside.split(sep)[0]!.startsWith(TEMP_PREFIX)) && dirname(p) !== dirname(t);
}

/** Run a write of `path`, giving its system errors that path when they carry none (errors of `write` do not). */
export async function writingTo<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isErrno(err) && err.path === undefined) err.path = path;
    throw err;
  }
}
