import { lstat, mkdir, readdir, realpath, rmdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, sep } from 'node:path';
import { removeEmptyDirs, withDirectory, type Created } from '../engine/fresh-dir.js';
import { REPORT_FILES } from './report-files.js';
import { FOREIGN_ENTRIES, OUTPUT_ENTRIES, outputForeignEntries, reportForeignEntries, type ForeignEntries } from './output-entries.js';
import { MARKER_FILE, readMarker, type OutputKind } from './output-marker.js';
import { DanglingLinkError, resolveOutPath } from './resolve-out.js';
import { currentDirectory, NoCurrentDirectoryError } from '../scenario/current-directory.js';
import { OWNER_FILE, removeStaleTemps, tempPathBeside, TEMP_PREFIX } from './temp-dir.js';
import { errnoWords, isErrno } from './write-error.js';

/** An output directory that must not be replaced, or cannot be written. The CLI exits with code 2. */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
}

export { foreignFiles, reportForeignEntries, type ForeignEntries } from './output-entries.js';

/** Names for a message: sorted (directory order varies between file systems), the first three and a count. */
const list = (names: readonly string[]) => {
  const sorted = [...names].sort();
  return sorted.slice(0, 3).join(', ') + (sorted.length > 3 ? `, and ${sorted.length - 3} more` : '');
};

/** Whether `dir` is `path` or a directory above it. */
const isSameOrAbove = (dir: string, path: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** Directories no output may be: /, the current directory, the home directory, and any directory above them. */
async function protectedReason(dir: string): Promise<string | undefined> {
  if (dir === parse(dir).root) return 'the root directory';
  const real = async (p: string | undefined) => (p ? realpath(p).catch(() => undefined) : undefined);
  // A current directory that has been deleted is no directory an output could be, or be above.
  const cwd = await real(
    (() => {
      try {
        return currentDirectory();
      } catch (err) {
        if (err instanceof NoCurrentDirectoryError) return undefined;
        throw err;
      }
    })(),
  );
  if (cwd !== undefined && isSameOrAbove(dir, cwd)) return dir === cwd ? 'the current directory' : 'a directory above the current one';
  const home = await real(process.env.HOME || homedir());
  if (home !== undefined && isSameOrAbove(dir, home)) return dir === home ? 'your home directory' : 'a directory above your home directory';
  return undefined;
}

/**
 * Refuse, with OutputDirError, a resolved `dir` that an output of `kind` must not replace. It may
 * be replaced when it does not exist, is an empty directory, or holds arrcast's marker of the same
 * kind and nothing arrcast did not write. A directory that only looks like an output (matching
 * names, no marker: an older arrcast's, or a user's) is refused, as is anything else.
 */
async function checkReplaceable(dir: string, shown: string, kind: OutputKind, foreign: ForeignEntries): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!info.isDirectory()) throw new OutputDirError(`${shown} is a file, not a directory; pick a new or empty directory`);
  if ((await stat(dirname(dir))).dev !== info.dev)
    throw new OutputDirError(`${shown} is a mount point, which cannot be replaced by renaming; pick a directory inside it`);
  const names = await readdir(dir);
  if (names.length === 0) return;
  const marker = await readMarker(dir);
  const found = await outputForeignEntries(dir, foreign);
  if (marker === undefined) {
    // An older arrcast's report: only a report's names, and a summary.json that is a file.
    const summary = await lstat(join(dir, REPORT_FILES.summary)).catch(() => undefined);
    if (found.length === 0 && (kind !== 'report' || summary?.isFile()))
      throw new OutputDirError(
        `${shown} looks like a ${kind} of an older arrcast, without the ${MARKER_FILE} file arrcast now writes; arrcast replaces only what it can prove it wrote, so delete or move it yourself, or pick another --out`,
      );
    const holds = found.length > 0 ? list(found) : `${list(names)}, without the ${MARKER_FILE} file arrcast writes`;
    throw new OutputDirError(`${shown} is not an arrcast ${kind} (it holds ${holds}) and a run replaces its output directory whole; pick a new or empty directory`);
  }
  if (marker.kind !== kind) throw new OutputDirError(`${shown} is an arrcast ${marker.kind}, not a ${kind}; pick another directory`);
  if (found.length > 0)
    throw new OutputDirError(`${shown} is an arrcast ${kind} that also holds ${list(found)}, which arrcast did not write, and a run replaces its output directory whole; move them out or pick another directory`);
}

/**
 * Check before any work that `dir` can be created and that a temporary directory can be made
 * beside it (a name too long, a read-only file system, a permission, a file where a directory
 * should be), by making and removing both. Parents it had to create are removed again, each only
 * when empty (rmdir): a run writing beside it may be using them. A parent that such a run removed
 * meanwhile (its own probe's) is made again (withDirectory), so runs into sibling directories
 * under a new parent do not fail one another.
 */
async function probeWritable(dir: string): Promise<void> {
  const parent = dirname(dir);
  const created: Created = {};
  try {
    const probe = tempPathBeside(dir, 'probe');
    await withDirectory(parent, () => mkdir(probe), created);
    await rmdir(probe);
    const existed = await lstat(dir).then(
      () => true,
      () => false,
    );
    if (!existed) {
      // EEXIST: another run made it meanwhile (nothing of ours to remove); ENOTEMPTY or ENOENT at the
      // rmdir: another run's output took its place, or it went already. Either way not this probe's to touch.
      const made = await withDirectory(parent, () => mkdir(dir), created).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EEXIST') throw err;
          return false;
        },
      );
      if (made)
        await rmdir(dir).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST' && err.code !== 'ENOENT') throw err;
        });
    }
  } finally {
    if (created.top !== undefined) await removeEmptyDirs(parent, created.top);
  }
}

/** An arrcast output a path is inside, and why that path is refused: see enclosingOutput. */
export interface EnclosingOutput {
  readonly dir: string;
  readonly kind: OutputKind;
  /** The path's first step inside `dir`. */
  readonly entry: string;
  /** Whether `entry` is a name the output writes itself (the next run writing it would delete what is there). */
  readonly ownName: boolean;
}

/**
 * The nearest folder above resolved `path` (not `path` itself) that is an arrcast output (a
 * report, comparison or score holding its marker) which nothing may be written inside, or
 * undefined. An output is replaced whole by the next run writing it, so what another command puts
 * there would be deleted with it, or make it refused as holding what arrcast did not write. So a
 * path is refused inside an output that is still replaceable (its kind's check finds nothing else
 * in it, the path's own first step aside), and always when its first step inside the output is
 * one of the output's own names (`rep/charts/x`: the next run would delete it). A folder holding
 * a marker among the user's files (a report's contents copied with their dotfiles into a
 * workspace, `cp -a rep/. ws/`) can never be replaced: writing elsewhere in it is allowed.
 * O(depth of `path`) lookups, and a listing of each output found.
 */
export async function enclosingOutput(path: string): Promise<EnclosingOutput | undefined> {
  for (let below = path, at = dirname(path); at !== below; below = at, at = dirname(at)) {
    const marker = await readMarker(at);
    if (marker === undefined) continue;
    const entry = basename(below);
    if (OUTPUT_ENTRIES[marker.kind].has(entry) || entry === MARKER_FILE || entry === OWNER_FILE) return { dir: at, kind: marker.kind, entry, ownName: true };
    // A folder that cannot be listed is taken as replaceable: nothing is written inside what may be an output.
    const others = (await outputForeignEntries(at, FOREIGN_ENTRIES[marker.kind]).catch(() => [])).filter((name) => name !== entry);
    if (others.length === 0) return { dir: at, kind: marker.kind, entry, ownName: false };
  }
  return undefined;
}

/** Why a path inside `outer` is refused, after the path's name. */
export const insideOutputReason = (outer: EnclosingOutput): string =>
  `is inside the arrcast ${outer.kind} ${outer.dir} (it holds arrcast's marker file ${MARKER_FILE}${
    outer.ownName
      ? `; ${outer.entry} is a name the ${outer.kind} writes itself, so a run replacing the ${outer.kind} would delete what is there)`
      : ' and nothing else arrcast did not write), which is replaced whole by the next run writing it'
  }; write it outside that folder`;

/** Refuse (OutputDirError, exit 2) resolved `path`, named `shown` in the message, when it is inside an arrcast output (enclosingOutput). */
export async function refuseInsideOutput(path: string, shown: string): Promise<void> {
  const outer = await enclosingOutput(path);
  if (outer !== undefined) throw new OutputDirError(`${shown} ${insideOutputReason(outer)}`);
}

/**
 * Resolve an output directory option once and check it, before anything runs; returns the one
 * absolute path that the output must then be written to (see resolveOutPath). Refuses with
 * OutputDirError (exit 2):
 * - an empty value; a path through a file, a dangling symlink or a directory that cannot be searched;
 * - /, the current directory, the home directory or a directory above them, even when empty;
 * - a name starting with .arrcast-tmp-, as arrcast names its temporary directories;
 * - a directory inside another arrcast output (refuseInsideOutput);
 * - a file, a mount point, or a directory that is not an empty one or an arrcast output of this
 *   kind holding nothing else (checkReplaceable);
 * - a place where the directory, or a temporary one beside it, cannot be created.
 * On the way it removes stale temporary directories that killed runs left beside it (temp-dir.ts),
 * unless `sweep` is false: a check again of a directory whose parent this write has swept already
 * (recheckOutputDir) need not read the parent again (83,527 names in a crowded /tmp: 60-90 ms).
 */
export async function prepareOutputDir(out: string, kind: OutputKind, foreign: ForeignEntries, option = '--out', sweep = true): Promise<string> {
  if (out === '') throw new OutputDirError(`${option} is empty; name the directory to write the ${kind} to`);
  const shown = `${option} ${out}`;
  const cannot = (err: unknown) => (isErrno(err) ? new OutputDirError(`${shown} cannot be written: ${errnoWords(err)} at ${err.path ?? out}`) : err);
  let dir: string;
  try {
    dir = await resolveOutPath(out);
  } catch (err) {
    if (err instanceof DanglingLinkError) throw new OutputDirError(`${shown}: ${err.message}; arrcast does not write through it`);
    if (err instanceof NoCurrentDirectoryError) throw new OutputDirError(`${shown}: ${err.message}`);
    throw cannot(err);
  }
  // A name arrcast gives its temporary directories: a run killed in the instant its owner file is in
  // it would leave it for the next run writing beside it to remove.
  if (basename(dir).startsWith(TEMP_PREFIX))
    throw new OutputDirError(`${shown} is named as arrcast's temporary directories (${TEMP_PREFIX}...), which runs writing beside them remove; pick another name`);
  const why = await protectedReason(dir);
  if (why !== undefined)
    throw new OutputDirError(`${shown} is ${why} (${dir}); a run replaces its output directory whole, so it never writes there; pick a new or empty directory`);
  await refuseInsideOutput(dir, shown);
  try {
    await checkReplaceable(dir, dir === out ? shown : `${shown} (${dir})`, kind, foreign);
    if (sweep) await removeStaleTemps(dirname(dir));
    await probeWritable(dir);
  } catch (err) {
    throw cannot(err);
  }
  return dir;
}

/**
 * Check resolved `dir` again, just before it is replaced: it must still resolve to itself and be
 * replaceable (see prepareOutputDir). Its parent's stale temporaries were removed when the write
 * began: not looked for again.
 */
export async function recheckOutputDir(dir: string, kind: OutputKind, foreign: ForeignEntries): Promise<void> {
  const again = await prepareOutputDir(dir, kind, foreign, '--out', false);
  if (again !== dir) throw new OutputDirError(`--out ${dir} now resolves to ${again}; it changed while the ${kind} was being written, and is left as it is`);
}

/** Resolve and check `dir` for a report (see prepareOutputDir); returns the path to write to. */
export function prepareReportDir(out: string, option = '--out', sweep = true): Promise<string> {
  return prepareOutputDir(out, 'report', reportForeignEntries, option, sweep);
}
