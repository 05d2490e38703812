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
      const made = await calls.mkdir(dir, { recursive: true });
      if (made !== undefined && (created.top === undefined || made.length < created.top.length)) created.top = made;
      return await make();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= TRIES || (await exists(dir, calls))) throw err;
      const real = await realMkdirError(dir, calls);
      if (real) throw real;
    }
  }
}

/** The directory calls withDirectory makes (a parameter so that tests can play a file system's answers). */
export interface DirectoryCalls {
  mkdir(dir: string, options?: { recursive: true }): Promise<string | undefined>;
  rmdir(dir: string): Promise<void>;
  lstat(path: string): Promise<unknown>;
}
const NODE_DIRECTORY_CALLS: DirectoryCalls = { mkdir, rmdir, lstat };

const exists = (path: string, calls: DirectoryCalls) => calls.lstat(path).then(() => true, () => false);

/**
 * Node's recursive mkdir reports some failures as ENOENT of the directory asked for: it stats the
 * path after a mkdir that failed with a code it does not expect, so a read-only file system (EROFS)
 * reads "no such file or directory". The first missing directory is made alone to learn the real
 * reason, which is returned; when that one can be made (it is removed again at once, only if
 * empty) the ENOENT was a race with another run, and undefined says to try again.
 */
async function realMkdirError(dir: string, calls: DirectoryCalls): Promise<NodeJS.ErrnoException | undefined> {
  let missing = dir;
  for (let up = dirname(missing); up !== missing && !(await exists(up, calls)); up = dirname(up)) missing = up;
  try {
    await calls.mkdir(missing);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EEXIST' ? undefined : (err as NodeJS.ErrnoException);
  }
  await calls.rmdir(missing).catch(() => undefined);
  return undefined;
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
