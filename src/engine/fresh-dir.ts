import { rmdirSync } from 'node:fs';
import { lstat, mkdir, rmdir } from 'node:fs/promises';
import { dirname, sep } from 'node:path';

/** How often withDirectory makes `dir` again when another run removed it before the entry was made. */
const TRIES = 64;

/** What withDirectory created: the topmost directory it made, over all its tries (undefined when none). */
export interface Created {
  top?: string;
}

/**
 * Make an entry in directory `dir` with `make`, after creating `dir` and its missing parents
 * (mkdir -p). Runs writing beside one another share the parents they create, and a run removes the
 * empty parents it made for its probe (removeEmptyDirs): so `dir` may go between the mkdir and
 * `make`. When a step fails with ENOENT and `dir` is gone, both are tried again (up to TRIES
 * times); any other error, or ENOENT with `dir` there, is thrown as it is. `created` records the
 * topmost directory made, so that a caller can remove what it made (only if empty) afterwards,
 * even when `make` failed.
 */
export async function withDirectory<T>(dir: string, make: () => Promise<T>, created: Created = {}, calls: DirectoryCalls = NODE_DIRECTORY_CALLS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const made = await makeDirectories(dir, calls);
      if (made !== undefined && (created.top === undefined || made.length < created.top.length)) created.top = made;
      return await make();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= TRIES || (await exists(dir, calls))) throw err;
    }
  }
}

/** The directory calls withDirectory makes (a parameter so that tests can play a file system's answers). */
export interface DirectoryCalls {
  mkdir(dir: string): Promise<unknown>;
  lstat(path: string): Promise<unknown>;
}
const NODE_DIRECTORY_CALLS: DirectoryCalls = { mkdir: (dir) => mkdir(dir), lstat };

const exists = (path: string, calls: DirectoryCalls) => calls.lstat(path).then(() => true, () => false);

/**
 * mkdir -p, one directory at a time from the deepest that exists: the topmost directory made, or
 * undefined when none was (EEXIST: another run made it meanwhile). Not Node's recursive mkdir, which
 * stats the path after a mkdir that failed with a code it does not expect, so that a read-only file
 * system (EROFS) read "no such file or directory", and which never returns under /proc (a missing
 * process's folder): each level's own error is thrown as it is.
 */
async function makeDirectories(dir: string, calls: DirectoryCalls): Promise<string | undefined> {
  const missing: string[] = [];
  for (let d = dir; !(await exists(d, calls)); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  let top: string | undefined;
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      await calls.mkdir(missing[i]!);
      top ??= missing[i];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return top;
}

/**
 * Remove `dir` and the directories above it up to `top` (included), each with rmdir, so only when
 * empty: it stops at the first that is not empty or is already gone (another run writing there
 * now, or done with it). Never removes anything else, and never throws.
 */
export async function removeEmptyDirs(dir: string, top: string): Promise<void> {
  if (dir !== top && !dir.startsWith(top.endsWith(sep) ? top : top + sep)) return;
  for (let d = dir; ; d = dirname(d)) {
    if (!(await rmdir(d).then(() => true, () => false)) || d === top || d === dirname(d)) return;
  }
}

/**
 * removeEmptyDirs, synchronously: for a forced exit (a second Ctrl-C), which removes what a write
 * made before the process ends (engine/exit-cleanup.ts).
 */
export function removeEmptyDirsSync(dir: string, top: string): void {
  if (dir !== top && !dir.startsWith(top.endsWith(sep) ? top : top + sep)) return;
  for (let d = dir; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top || d === dirname(d)) return;
  }
}
