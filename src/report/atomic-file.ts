import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { throwIfAborted } from '../engine/errors.js';
import { cleanedUpOnExit, outputPlaced } from '../engine/exit-cleanup.js';
import { takeAccessOf } from '../engine/same-access.js';
import { removeEmptyDirsSync, withDirectory, type Created } from '../engine/fresh-dir.js';
import { hostTag, removeStaleTemps, STALE_TEMP_MS } from '../engine/stale-temps.js';
import { asWriteError } from './write-error.js';
import { flushHandle, syncDirectory } from '../engine/sync-tree.js';

/** The file exists and replacing it was not asked for. */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
  constructor(readonly path: string) {
    super(`${path} exists; use --force to replace it`);
  }
}

/** The path exists as something other than a regular file (a device, FIFO, socket, directory): never replaced. */
export class NotAFileError extends Error {
  override readonly name = 'NotAFileError';
  constructor(readonly path: string) {
    super(`${path} exists and is not a regular file; arrcast replaces only regular files`);
  }
}

/**
 * Most bytes of the file's name a temporary name holds: with the rest (at most 43 bytes) it stays
 * within 143 bytes, the shortest name limit of a common file system (eCryptfs; most take 255). The
 * stem only groups a path's stale temporary files: names that share it are told apart by the rest.
 */
const TEMP_NAME_BYTES = 96;

/**
 * The start of the name of `path`'s temporary files: `.NAME.arrcast-tmp-`, NAME its first 60
 * characters, fewer when those take more than TEMP_NAME_BYTES in UTF-8 (60 emoji are 240 bytes, and
 * the temporary name of a file named with them was too long to make: ENAMETOOLONG after the work);
 * then hHOST-PID-HEX.
 */
function tempStem(path: string): string {
  const chars = [...basename(path)].slice(0, 60);
  while (Buffer.byteLength(chars.join('')) > TEMP_NAME_BYTES) chars.pop();
  return `.${chars.join('')}.arrcast-tmp-`;
}

/** A fresh name for a temporary file of `path`, beside it: `.NAME.arrcast-tmp-hHOST-PID-HEX` (see tempStem). */
export const tempFileBeside = (path: string): string => join(dirname(path), `${tempStem(path)}h${hostTag()}-${process.pid}-${randomBytes(4).toString('hex')}`);

/** A temporary file left this long is stale whoever wrote it (as a shard's temporary part). */
export const STALE_FILE_TEMP_MS = STALE_TEMP_MS;

/**
 * Remove the temporary files that a killed write of `path` (a `fit` or studio save killed between
 * its temporary write and its link or rename) left beside it, and only those provably arrcast's
 * and stale: a regular file named exactly as writeFileAtomically names that path's temporary files
 * (`.NAME.arrcast-tmp-hHOST-PID-HEX`, HOST and HEX 8 hex digits) whose process ran on this machine
 * and is gone, or that nothing has written to for STALE_FILE_TEMP_MS (a writer on another machine
 * sharing the folder cannot be asked; so for a name without a HOST, as written before December
 * 2026). A process still alive, this one included, is left alone; so is anything else, even a near
 * name. Returns what it removed.
 */
export async function removeStaleFileTemps(path: string, now = Date.now()): Promise<string[]> {
  const stem = tempStem(path);
  const rest = /^(?:h([0-9a-f]{8})-)?([1-9][0-9]{0,9})-[0-9a-f]{8}$/;
  return removeStaleTemps(
    dirname(path),
    (name) => {
      const m = name.startsWith(stem) ? rest.exec(name.slice(stem.length)) : null;
      return m ? { host: m[1], pid: Number(m[2]) } : undefined;
    },
    undefined,
    now,
  );
}

/**
 * Write `text` to `path` whole or not at all: into a temporary file beside it (`.NAME.arrcast-tmp-hHOST-PID-HEX`,
 * created exclusively), then moved into place in one step. Without `force` the move is a hard link,
 * which fails if `path` exists (FileExistsError), so a file created meanwhile is not replaced either;
 * on a file system without hard links it falls back to a check and a rename. With `force` it is a
 * rename, replacing a regular file there, and only that: a device (/dev/null), FIFO, socket or
 * directory at `path` is never replaced (NotAFileError), whoever runs it. When `signal` has
 * aborted by the time the text is written, nothing is moved (RunAbortedError). The temporary file is
 * removed in every case, a write that failed part-way included, and on a forced exit (a second Ctrl-C
 * while writing: engine/exit-cleanup.ts) synchronously before the process ends. Temporary files of this path that
 * a killed write left (their process gone) are removed first (removeStaleFileTemps). With
 * `parents`, missing folders above `path` are made (again, if a run beside this one removed them);
 * when the write then fails or is stopped, the folders it made go again, each only when empty (a
 * failed write leaves nothing of its own).
 *
 * Complexity: O(size of the text).
 */
export function writeFileAtomically(
  path: string,
  text: string,
  options: { readonly force?: boolean; readonly signal?: AbortSignal; readonly parents?: boolean; readonly recheck?: () => Promise<void> } = {},
): Promise<void> {
  return writeFilesAtomically([{ path, text, force: options.force }], options);
}

/** One file of writeFilesAtomically: replaced only with `force`. */
export interface FileToWrite {
  readonly path: string;
  readonly text: string;
  readonly force?: boolean;
}

/**
 * Write a set of files all or none, as far as a signal can tell: each as writeFileAtomically does,
 * but every temporary file is written first, and only when all are (and `signal` has not fired) are
 * they moved into place, in one synchronous step that no signal handler can come into (the new files
 * linked first, then the replacing renames). A signal, a write that fails, or a file created
 * meanwhile at the place of a new one (FileExistsError) leaves every path as it was: the temporary
 * files go, a new file already linked goes again, and so do the folders made for them, when empty.
 * Only a rename failing after others were done (the system refusing to rename within a folder it
 * just wrote in) could leave some replaced; its error is thrown. SIGKILL and power loss are not
 * signals a process sees: a killed write leaves its temporary files, removed by the next write.
 * `recheck`, when given, runs once every temporary file is written, just before the moves: the
 * caller's own check of the places again (fit's and init's, recheckOutFile: still not inside an arrcast output, nor an arrcast part);
 * what it throws stops the write as a failed one does.
 *
 * Complexity: O(total size of the texts).
 */
export async function writeFilesAtomically(
  files: readonly FileToWrite[],
  options: { readonly signal?: AbortSignal; readonly parents?: boolean; readonly recheck?: () => Promise<void> } = {},
): Promise<void> {
  for (const { path } of files) {
    const existing = await lstat(path).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) throw new NotAFileError(path);
    await removeStaleFileTemps(path);
  }
  const staged = files.map((file) => ({ ...file, temp: tempFileBeside(file.path), ours: false, created: {} as Created }));
  // On a forced exit (a second Ctrl-C while writing) the temporary files go too: their names hold this
  // machine's tag and this process's id, so nobody else's file has them while this process runs.
  const removeTempsSync = () => {
    for (const s of staged) if (s.ours) rmSync(s.temp, { force: true });
  };
  const removeFoldersSync = () => {
    for (const s of [...staged].reverse()) if (s.created.top !== undefined) removeEmptyDirsSync(dirname(s.path), s.created.top);
  };
  await cleanedUpOnExit(
    () => {
      for (const s of staged) rmSync(s.temp, { force: true });
      removeFoldersSync();
    },
    async () => {
      // The file being written or moved, for a system error's path (the file, not its temporary name).
      let current = staged[0];
      try {
        for (const s of staged) {
          current = s;
          throwIfAborted(options.signal);
          const write = async () => {
            const handle = await open(s.temp, 'wx');
            s.ours = true;
            try {
              await handle.writeFile(s.text);
              // On disk before it is moved into place: after a power loss the file is whole, new or old.
              await flushHandle(handle);
            } finally {
              await handle.close();
            }
          };
          // EEXIST at the open means the name was someone else's and nothing was written: not ours.
          await (options.parents ? withDirectory(dirname(s.path), write, s.created) : write());
        }
        // The caller's own check of the places, again just before the moves (fit, init: still not inside an arrcast output).
        await options.recheck?.();
        // A signal that came while writing stops the moves: the earlier files stay, the temporary ones go.
        throwIfAborted(options.signal);
        moveIntoPlaceSync(staged, (s) => (current = s));
      } catch (err) {
        // Temporary files written part-way (full disk, file-size limit) are ours, so removed; folders made for them when empty.
        removeTempsSync();
        removeFoldersSync();
        // A full disk or a read-only folder names the file (OutputWriteError), not 'internal error: ENOSPC ..., write'.
        throw current === undefined ? err : asWriteError(err, current.temp, current.path);
      }
      // A replaced file's temporary name is gone with the rename; a linked one's stays until here.
      removeTempsSync();
      // The moves on disk too (best effort).
      for (const folder of new Set(staged.map((s) => dirname(s.path)))) await syncDirectory(folder);
    },
  );
}

/**
 * The staged files moved into place, synchronously: the new ones linked first (undone, each linked
 * file unlinked, if one fails), then the replacing ones renamed, each keeping the group and
 * permissions of the file it replaces (a private 0600 scenario stays private). Each is recorded as
 * placed (outputPlaced).
 */
function moveIntoPlaceSync<S extends FileToWrite & { readonly temp: string }>(staged: readonly S[], moving: (s: S) => void): void {
  const linked: string[] = [];
  try {
    for (const s of staged) {
      if (s.force) continue;
      moving(s);
      try {
        linkSync(s.temp, s.path);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new FileExistsError(s.path);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
        // No hard links here: refuse an existing file, then rename.
        if (existsOrLink(s.path)) throw new FileExistsError(s.path);
        renameSync(s.temp, s.path);
      }
      linked.push(s.path);
    }
  } catch (err) {
    for (const path of linked) rmSync(path, { force: true });
    throw err;
  }
  for (const s of staged) {
    if (!s.force) continue;
    moving(s);
    takeAccessOf(s.path, s.temp);
    renameSync(s.temp, s.path);
  }
  for (const s of staged) outputPlaced(s.path);
}

/** Whether anything (a dangling symlink included) is at `path`. */
function existsOrLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
