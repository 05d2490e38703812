import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RunAbortedError } from '../engine/errors.js';
import { cleanedUpOnExit, outputPlaced } from '../engine/exit-cleanup.js';
import { takeAccessOf } from '../engine/same-access.js';
import { removeEmptyDirs, removeEmptyDirsSync, withDirectory, type Created } from '../engine/fresh-dir.js';
import { hostTag, removeStaleTemps, STALE_TEMP_MS } from '../engine/stale-temps.js';

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
 * failed write leaves nothing of its own). `created` (the caller's record) gets the topmost folder
 * made, so that a caller writing several files can remove them after a later one fails.
 *
 * Complexity: O(size of the text).
 */
export async function writeFileAtomically(
  path: string,
  text: string,
  options: { readonly force?: boolean; readonly signal?: AbortSignal; readonly parents?: boolean; readonly created?: Created } = {},
): Promise<void> {
  const temp = tempFileBeside(path);
  const existing = await lstat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) throw new NotAFileError(path);
  await removeStaleFileTemps(path);
  const created = options.created ?? {};
  try {
    await writeAndMove(path, temp, text, options, created);
  } catch (err) {
    if (created.top !== undefined) await removeEmptyDirs(dirname(path), created.top);
    throw err;
  }
}

/** writeFileAtomically's temporary file written (in folders made as asked, recorded in `created`) and moved into place. */
async function writeAndMove(
  path: string,
  temp: string,
  text: string,
  options: { readonly force?: boolean; readonly signal?: AbortSignal; readonly parents?: boolean },
  created: Created,
): Promise<void> {
  // On a forced exit (a second Ctrl-C while writing) the temporary file goes too: its name holds this
  // machine's tag and this process's id, so nobody else's file has it while this process runs.
  let ours = false;
  await cleanedUpOnExit(
    () => {
      rmSync(temp, { force: true });
      if (created.top !== undefined) removeEmptyDirsSync(dirname(path), created.top);
    },
    async () => {
      try {
        const write = async () => {
          const handle = await open(temp, 'wx');
          ours = true;
          try {
            await handle.writeFile(text);
          } finally {
            await handle.close();
          }
        };
        await (options.parents ? withDirectory(dirname(path), write, created) : write());
      } catch (err) {
        // A write that failed part-way (full disk, file-size limit) leaves its temporary file: ours, so removed.
        // EEXIST means the name was someone else's and nothing was written: left alone.
        if (ours) await rm(temp, { force: true });
        throw err;
      }
      try {
        // A signal that came while writing stops the move: the earlier file stays, the temporary one goes.
        if (options.signal?.aborted) throw new RunAbortedError();
        if (options.force) {
          // A file replaced keeps its group and permissions (a private 0600 scenario stays private).
          takeAccessOf(path, temp);
          await rename(temp, path);
        }
        else {
          try {
            await link(temp, path);
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') throw new FileExistsError(path);
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
            // No hard links here: refuse an existing file, then rename.
            if (await lstat(path).then(() => true, () => false)) throw new FileExistsError(path);
            await rename(temp, path);
          }
        }
        outputPlaced(path);
      } finally {
        await rm(temp, { force: true });
      }
    },
  );
}
