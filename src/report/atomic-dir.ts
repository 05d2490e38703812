import { chmodSync, renameSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RunAbortedError, throwIfAborted } from '../engine/errors.js';
import { cleanedUpOnExit, outputPlaced } from '../engine/exit-cleanup.js';
import { takeAccessOf } from '../engine/same-access.js';
import { syncDirectory, syncTree } from '../engine/sync-tree.js';
import { removeEmptyDirs, removeEmptyDirsSync, withDirectory, type Created } from '../engine/fresh-dir.js';
import { markerScenarioPath, writeMarker, type OutputKind } from './output-marker.js';
import { claimTempDir, makeTempDir, OWNER_FILE, removeOwnTemp, tempPathBeside, withOwnerRwx } from './temp-dir.js';
import { asWriteError } from './write-error.js';

export { TEMP_PREFIX } from './temp-dir.js';

/**
 * Called between the steps of a write, with the step's name. It throws RunAbortedError once the
 * write's AbortSignal has fired, so a write stops at the next step.
 */
export type Checkpoint = (step: string) => Promise<void>;

export interface AtomicWriteOptions {
  /** What is written: its marker goes into the directory first (see output-marker.ts). */
  readonly kind: OutputKind;
  /** The real path of the scenario file it is written from, recorded in its marker relative to `target` (markerScenarioPath). */
  readonly scenarioFile?: string;
  /** Stops the write at the next checkpoint, before the rename at the latest (RunAbortedError). */
  readonly signal?: AbortSignal;
  /** Called at each checkpoint before the signal is checked; a test hook can pause there. */
  readonly onStep?: (step: string) => Promise<void> | void;
  /**
   * Checks `target` again just before the swap (throwing if it may no longer be replaced), so
   * what a user put there while the output was being written is not removed with it.
   */
  readonly recheck?: () => Promise<void>;
}

/**
 * Write a directory whole or not at all: `fill` writes into a fresh temporary directory beside
 * `target` (already resolved and checked, see output-dir.ts), which is renamed into place only
 * when complete. An existing `target` is replaced only by a complete one; if `fill` throws or the
 * signal fires, the temporary directory is removed and `target` is left as it was. The temporary
 * directory holds an owner file from its first moment, so if this process is killed outright the
 * next run writing beside it can prove it is arrcast's and remove it (temp-dir.ts); a forced exit
 * (a second signal) removes it synchronously first (engine/exit-cleanup.ts). `recheck` runs just
 * before the swap. System errors come out as OutputWriteError naming the path under `target`.
 */
export async function writeDirectoryAtomically(target: string, fill: (dir: string, checkpoint: Checkpoint) => Promise<void>, options: AtomicWriteOptions): Promise<void> {
  const out = resolve(target);
  const checkpoint: Checkpoint = async (step) => {
    await options.onStep?.(step);
    throwIfAborted(options.signal);
  };
  throwIfAborted(options.signal);
  const temp = tempPathBeside(out, 'new');
  const old = tempPathBeside(out, 'old');
  const created: Created = {};
  let moved = false;
  let swapped = false;
  // On a forced exit (a second Ctrl-C): before the swap the temporary directory goes, and the parents
  // this write made when empty; after it, the previous output.
  const cleanupSync = () => {
    rmSync(swapped ? old : temp, { recursive: true, force: true });
    if (!swapped && created.top !== undefined) removeEmptyDirsSync(dirname(out), created.top);
  };
  await cleanedUpOnExit(cleanupSync, async () => {
    try {
      // Its parents are made again here: a run writing beside this one may have removed the empty
      // ones its probe made, and does so again if it comes between (withDirectory tries again).
      await withDirectory(dirname(out), async () => makeTempDir(temp), created);
    } catch (err) {
      if (created.top !== undefined) await removeEmptyDirs(dirname(out), created.top);
      throw asWriteError(err, temp, out);
    }
    try {
      await writeMarker(temp, options.kind, options.scenarioFile === undefined ? undefined : await markerScenarioPath(out, options.scenarioFile));
      await fill(temp, checkpoint);
      // On disk before it is renamed into place: after a power loss the output is whole, or not there.
      await syncTree(temp);
      await checkpoint('renaming');
      await options.recheck?.();
      // The swap is synchronous: no signal, and nothing else of this process, runs between the
      // recheck's end and its two renames.
      // The new output takes the group and permissions of what it replaces (an empty directory too).
      takeAccessOf(out, temp);
      // The previous output is claimed before it is moved aside (its owner file goes with it in the
      // rename): a process killed at any instant from then on (SIGKILL, the OOM killer, power loss)
      // leaves it provably arrcast's and stale, for the next run writing here to put back or remove,
      // never an unclaimed hidden copy that no run ever touches. Killed before the rename, it leaves
      // an owner file in the output, which is allowed there.
      const oldMode = claimOld(out);
      try {
        renameSync(out, old);
        moved = true;
      } catch (err) {
        if (oldMode !== undefined) unclaim(out, oldMode);
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      try {
        renameSync(temp, out);
        swapped = true;
        outputPlaced(out);
      } catch (err) {
        if (moved) {
          renameSync(old, out);
          if (oldMode !== undefined) unclaim(out, oldMode);
        }
        throw err;
      }
    } catch (err) {
      // Never throws: the write's own error is the one reported.
      await removeOwnTemp(temp, `the unfinished output ${target}, written in a temporary folder,`);
      // Parents this write made go again when empty (a failed run leaves nothing of its own).
      if (created.top !== undefined) await removeEmptyDirs(dirname(out), created.top);
      throw asWriteError(err, temp, out);
    }
    // The output is in place; what follows is tidying, and its failure does not undo the output.
    // The renames on disk too (best effort).
    await syncDirectory(dirname(out));
    // A test hook may pause here (ARRCAST_PAUSE_AT=written): a signal now no longer stops the write.
    await options.onStep?.('written');
    // The owner file goes (one left over is allowed in an output); the previous output, claimed when
    // it was moved aside, goes whole: what the file system keeps of it stays claimed, and is named
    // (a hidden copy of a whole report must not stay beside --out without a word).
    await rm(join(out, OWNER_FILE), { force: true }).catch(() => undefined);
    if (moved) await removeOwnTemp(old, `the previous output ${target}, moved aside to be replaced,`);
  });
}

/**
 * Claim the previous output `out`, about to be moved aside (claimTempDir), first giving its owner
 * write permission on it (a report made read-only could be neither claimed nor emptied); a claim
 * that cannot be written is no reason to stop. Returns its mode before (to restore if it stays or
 * is put back: unclaim), or undefined when there is none.
 */
function claimOld(out: string): number | undefined {
  let mode: number | undefined;
  try {
    mode = statSync(out).mode;
    const writable = withOwnerRwx(mode);
    if (writable !== undefined) chmodSync(out, writable);
    // Naming the output it was: a run killed before the new output is in place leaves it to be put back.
    claimTempDir(out, Date.now(), basename(out));
  } catch {
    // Removed all the same once the new output is in place.
  }
  return mode;
}

/** The previous output `out` as it was before claimOld: its owner file gone, its mode back. */
function unclaim(out: string, mode: number): void {
  try {
    rmSync(join(out, OWNER_FILE), { force: true });
    // As it was: claiming it may have given its owner write permission.
    chmodSync(out, mode & 0o7777);
  } catch {
    // Best effort: the error that brought us here is what is reported.
  }
}
