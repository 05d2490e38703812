import { lstat, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeStaleFileTemps, tempFileBeside } from './atomic-file.js';
import { errnoWords } from './write-error.js';
import { DanglingLinkError, namesDirectory, resolveOutPath } from './resolve-out.js';
import { danglingLinkPhrase } from '../scenario/dangling-link.js';
import { NoCurrentDirectoryError } from '../scenario/current-directory.js';
import { enclosingOutput, insideOutputReason, OutputDirError, refuseInsideOutput } from './output-dir.js';
import { startsWithPartMagic } from '../engine/part-file.js';

/**
 * The one path a single-file output (`arrcast fit --out SCENARIO.yaml`) is written to, checked
 * before any input is read, by the rules `--out` directories follow (resolve-out.ts, output-dir.ts):
 *
 * - resolved once (symlinks in the part that exists followed, `..` applied), so the check and the
 *   write see the same file; a symlink to nothing is refused (writing would replace the link);
 * - refused when empty, a directory (a symlink to one included), a name ending in `/` (a directory
 *   to be, which would be written as a file), or anything but a regular file: a device such as
 *   /dev/null, a FIFO or a socket is never replaced, `--force` or not (a name whose last part is `.`
 *   or `..` names a directory too);
 * - refused when it is inside an arrcast output (a report, comparison or score: enclosingOutput in
 *   output-dir.ts), which the next run writing it replaces whole;
 * - refused when it is one of the `inputs` (the same file, by device and inode): writing would
 *   replace what is being read;
 * - refused when it is an arrcast part file (a shard's output, hours of trials perhaps), `force` or
 *   not: another command's file, as a report is to `compare --out` (`fit --out
 *   parts/shard-1-of-2.arrcast-part --force` replaced one with a scenario);
 * - an existing regular file only with `force`;
 * - refused when its folder (or the nearest existing folder above it, which the write would create
 *   the rest under) cannot be written: a probe file is made and removed there, as `run` probes its
 *   --out, so a read-only or virtual folder (/proc) is found before anything is read.
 *
 * Throws OutputDirError (exit 2) with the reason; `out` is quoted as given, after `label` (`--out `
 * unless given; `arrcast init` gives '': it names its files by their paths alone); `directoryAdvice` makes
 * the advice given when `out` is or names a directory, from a folder a file can be written in (`name
 * the scenario file to write, e.g. FOLDER/fitted.yaml` unless given): `out` itself, or, when it names
 * a directory below a file (`deals.csv/.`), the file's folder, since `deals.csv/./fitted.yaml`
 * would be refused too (not a directory). `shown`: `out` as messages name it, default `out` (init
 * writes beside `lnk/../plan.yaml` at the path the system finds, and names it as the user gave it).
 *
 * @example await resolveOutFile('fitted.yaml', { inputs: ['history.csv'] }) // => '/home/me/plans/fitted.yaml'
 */
export async function resolveOutFile(
  out: string,
  options: { readonly force?: boolean; readonly inputs: readonly string[]; readonly label?: string; readonly directoryAdvice?: (folder: string) => string; readonly shown?: string },
): Promise<string> {
  const label = options.label ?? '--out ';
  const named = options.shown ?? out;
  const advise = options.directoryAdvice ?? ((folder: string) => `name the scenario file to write, e.g. ${folder === '' ? '' : `${folder}/`}fitted.yaml`);
  const fail = (why: string): never => {
    throw new OutputDirError(`${label}${named} ${why}`);
  };
  if (out.trim() === '') throw new OutputDirError('--out is empty: name the scenario file to write, e.g. --out fitted.yaml');
  let path: string;
  try {
    path = await resolveOutPath(out);
  } catch (err) {
    if (err instanceof DanglingLinkError) {
      // The link itself, or a folder on the way (`dangdir/x.yaml`), named as an input's is.
      const itself = await lstat(out).then((i) => i.isSymbolicLink(), () => false);
      return fail(`${itself ? `is ${danglingLinkPhrase(err.target)}` : `cannot be written: ${err.message}`}: remove the link or name another file`);
    }
    if (err instanceof NoCurrentDirectoryError) return fail(`names no file: ${err.message}`);
    const e = err as NodeJS.ErrnoException;
    return fail(`cannot be used: ${errnoWords(e)}`);
  }
  const info = await lstat(path).catch(() => undefined);
  const directoryAdvice = advise(info !== undefined && !info.isDirectory() ? adviceFolderBeside(named) : named.replace(/\/+$/, ''));
  if (info?.isDirectory()) return fail(`is a directory; ${directoryAdvice}`);
  const outer = await enclosingOutput(path);
  if (outer !== undefined) return fail(insideOutputReason(outer));
  const directory = namesDirectory(out);
  if (directory !== undefined) return fail(`names a directory (${directory}); ${directoryAdvice}`);
  if (info !== undefined && !info.isFile()) return fail(`is ${kindOf(info)}, not a regular file: arrcast writes its output only as a regular file and never replaces anything else`);
  if (info !== undefined)
    for (const input of options.inputs) {
      const other = await stat(input).catch(() => undefined);
      if (other !== undefined && other.dev === info.dev && other.ino === info.ino) return fail(`is the input file ${input}: writing it would replace what is being read; name another file`);
    }
  if (info !== undefined && (await isPart(path))) return fail(PART_REASON);
  if (info !== undefined && !options.force) return fail('exists; use --force to replace it');
  const problem = await probeWritable(path);
  if (problem !== undefined) return fail(`cannot be written: ${problem}`);
  return path;
}

/** Why a single-file output is never written over an arrcast part file. */
const PART_REASON = "is an arrcast part file (a shard's trials, written by arrcast run --shard), which only the same shard of the same run replaces, --force or not; name another file";

/** Whether `path` holds an arrcast part (startsWithPartMagic); a file that cannot be read is not one here (the write then says why). */
const isPart = (path: string) => startsWithPartMagic(path).catch(() => false);

/**
 * resolveOutFile's checks of the place again, for the write's recheck just before the move (fit,
 * init): the file is not now inside an arrcast output, nor an arrcast part put there meanwhile.
 * `shown` names it as resolveOutFile's messages do (`--out fitted.yaml`, or init's path alone).
 */
export async function recheckOutFile(path: string, shown: string): Promise<void> {
  await refuseInsideOutput(path, shown);
  if (await isPart(path)) throw new OutputDirError(`${shown} ${PART_REASON}`);
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * Why `path`'s temporary file cannot be made in its folder (or, when that does not exist yet, in its
 * nearest existing ancestor), or undefined. The probe is named as the write's temporary file is
 * (tempFileBeside), so a name the write could not make (too long) is found here, before any work.
 */
async function probeWritable(path: string): Promise<string | undefined> {
  const dir = dirname(path);
  let at = dir;
  while (!(await lstat(at).then(() => true, () => false))) {
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const probe = join(at, basename(tempFileBeside(path)));
  // Made where the write's own sweep (removeStaleFileTemps of `path`, in its folder) does not look
  // when that folder is still to be made: a probe a killed process left in `at` goes here.
  if (at !== dir) await removeStaleFileTemps(join(at, basename(path)));
  try {
    await writeFile(probe, '', { flag: 'wx' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return `${errnoWords(e)} in ${at}`;
  }
  await rm(probe, { force: true });
  return undefined;
}

/** The folder of the file `out` names a directory below (`data/deals.csv/.` -> data; `deals.csv/` -> ''). */
function adviceFolderBeside(out: string): string {
  const file = out.replace(/(?:\/\.?)+$/, '');
  const folder = dirname(file);
  return folder === '.' && !file.startsWith('./') ? '' : folder;
}
