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
export async function withDirectory<T>(dir: string, make: () => Promise<T>, created: Created = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const made = await mkdir(dir, { recursive: true });
      if (made !== undefined && (created.top === undefined || made.length < created.top.length)) created.top = made;
      return await make();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= TRIES || (await lstat(dir).then(() => true, () => false))) throw err;
    }
  }
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
