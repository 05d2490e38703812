import { lstat, readFile, realpath, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FileExistsError, NotAFileError, writeFileAtomically } from '../report/atomic-file.js';
import { enclosingOutput, insideOutputReason } from '../report/output-dir.js';
import { errnoWords, isErrno, OutputWriteError } from '../report/write-error.js';
import { isCancellation } from './cancellation.js';
import { Refusal } from './http-guard.js';

/** A name the planner gives a saved state: letters, digits, spaces, '-' and '_', then '.yaml' is added. Never a path. */
const SAVE_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,63}$/;

/** Names Windows keeps for devices whatever the extension: `con.yaml` there is the console, not a file. */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * The file a state is saved to: `<name>.yaml` in the scenario's own folder. A name with a folder,
 * dots or anything but letters, digits, spaces, '-' and '_' is refused (400, field `name`); a
 * trailing .yaml or .yml is taken off first.
 *
 * @example saveFileName('downside what-if') // => 'downside what-if.yaml'
 */
export function saveFileName(name: unknown, base: string): string {
  if (typeof name !== 'string') throw new Refusal(400, 'give the file a name', 'name');
  const stem = name.trim().replace(/\.ya?ml$/i, '');
  // An emptied box was told the rule for names, as if what it held broke it.
  if (stem === '') throw new Refusal(400, 'give the file a name', 'name');
  if (!SAVE_NAME.test(stem))
    throw new Refusal(400, 'a name is letters, digits, spaces, - and _ (up to 64), with no folder: the file goes next to the scenario', 'name');
  if (DEVICE_NAME.test(stem)) throw new Refusal(400, `${stem} is a device's name on Windows, not a file's; choose another name`, 'name');
  const file = `${stem}.yaml`;
  if (file.toLowerCase() === base.toLowerCase()) throw new Refusal(409, `${file} is the scenario itself; choose another name`, 'name');
  return file;
}

/** What a default name ends with, after the scenario's own. */
const WHAT_IF = '-what-if';

/**
 * The n-th name the page may offer to save under: the scenario's file name without its extension,
 * then '-what-if' (the n-th: '-what-if-n'), made a name saveFileName takes (each run of other
 * characters a '-', none first or last, cut to fit; a device name or nothing left gives 'what-if').
 * The page offered `plan.v2-what-if` for `plan.v2.yaml` and `café-what-if` for `café.yaml`, names
 * the save then refused. freeSaveName picks the one to offer.
 *
 * @example defaultSaveName('FY27 plan (v2).yaml') // => 'FY27 plan -v2-what-if'
 * @example defaultSaveName('plan.yaml', 3) // => 'plan-what-if-3'
 */
export function defaultSaveName(base: string, n = 1): string {
  const tail = n === 1 ? WHAT_IF : `${WHAT_IF}-${n}`;
  const stem = base
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/[^A-Za-z0-9 _-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64 - tail.length)
    .replace(/[ _-]+$/, '');
  return stem === '' || DEVICE_NAME.test(stem) ? tail.slice(1) : `${stem}${tail}`;
}

/** Names tried before giving up on a free one (the save then says the last exists). */
const MAX_TRIED = 1000;

/**
 * The name to offer now: the first of defaultSaveName's that is not the scenario itself (a 56-character
 * stem and '-what-if' can be its own name) and names no file, folder or link in `dir`. Asked again
 * after each save: offered once a session, the name saved first was offered again, and refused (409).
 *
 * @example await freeSaveName(dir, 'plan.yaml') // => 'plan-what-if-2' once plan-what-if.yaml is written
 */
export async function freeSaveName(dir: string, base: string): Promise<string> {
  for (let n = 1; n < MAX_TRIED; n++) {
    const name = defaultSaveName(base, n);
    if (`${name}.yaml`.toLowerCase() === base.toLowerCase()) continue;
    const taken = await lstat(join(dir, `${name}.yaml`)).then(
      () => true,
      (err: NodeJS.ErrnoException) => err.code !== 'ENOENT',
    );
    if (!taken) return name;
  }
  return defaultSaveName(base, MAX_TRIED);
}

/** How a save may be stopped, and (for tests) paused. */
export interface SaveOptions {
  /**
   * Aborted: the file is not moved into place if it is not yet (RunAbortedError), and its temporary
   * file goes. The studio passes the request's (the page gone) and its own stop (SIGINT, SIGTERM,
   * SIGHUP): a save the page can no longer be told of was written all the same.
   */
  readonly signal?: AbortSignal;
  /** Called at 'saving', once the temporary file is written whole and before it is moved into place: the ARRCAST_PAUSE_AT hook. */
  readonly onStep?: (step: string) => Promise<void>;
}

/**
 * Write `text` to `file` in `dir`, whole or not at all, and never over anything already there (409),
 * nor inside an arrcast output (a scenario opened from a report's scenario.json; 409):
 * the text goes to a temporary file beside it, which is then hard-linked into place (report/atomic-file.ts),
 * so a write that fails halfway (a full disk, a file-size limit) leaves no partial file, and a file
 * made meanwhile under the same name is not replaced either.
 */
export async function saveOverlay(dir: string, file: string, text: string, options: SaveOptions = {}): Promise<string> {
  const path = join(dir, file);
  // A scenario opened from a report (its scenario.json): the what-if would go into the report, which
  // the next run into it replaces whole, and which then holds a file that run did not write.
  // The folder as it is on disk (a link to a report, or a report's folder reached through one, is the report).
  const outer = await enclosingOutput(join(await realpath(dir).catch(() => dir), file));
  if (outer !== undefined) throw new Refusal(409, `${file} ${insideOutputReason(outer)}; copy the scenario out of it to save what-ifs beside it`);
  try {
    await writeFileAtomically(path, text, { ...(options.signal ? { signal: options.signal } : {}), ...(options.onStep ? { recheck: () => options.onStep!('saving') } : {}) });
  } catch (err) {
    // Stopped (the studio stopped by a signal, or the page gone) before the file was moved into place: nothing saved, no temporary left.
    if (isCancellation(err)) throw err;
    if (err instanceof FileExistsError || err instanceof NotAFileError) throw new Refusal(409, `${file} already exists; choose another name`, 'name');
    // The cause in words, as the CLI gives it ("no space left on device (ENOSPC)"), not its code alone.
    const cause = err instanceof OutputWriteError && isErrno(err.cause) ? err.cause : err;
    throw new Refusal(500, `could not write ${file}: ${isErrno(cause) ? errnoWords(cause) : 'error'}`);
  }
  return path;
}

/**
 * Remove the what-if saveOverlay just wrote at `path`, when it still holds `text` (what the save
 * wrote); a file that holds anything else is no longer the save's, and is left as it is.
 */
export async function takeBackOverlay(path: string, text: string): Promise<void> {
  const now = await readFile(path, 'utf8').catch(() => undefined);
  if (now === text) await unlink(path).catch(() => undefined);
}
