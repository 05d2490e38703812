import { randomBytes } from 'node:crypto';
import { link, lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RunAbortedError } from '../engine/errors.js';

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
 * Write `text` to `path` whole or not at all: into a temporary file beside it (`.NAME.arrcast-tmp-PID-HEX`,
 * created exclusively), then moved into place in one step. Without `force` the move is a hard link,
 * which fails if `path` exists (FileExistsError), so a file created meanwhile is not replaced either;
 * on a file system without hard links it falls back to a check and a rename. With `force` it is a
 * rename, replacing a regular file there, and only that: a device (/dev/null), FIFO, socket or
 * directory at `path` is never replaced (NotAFileError), whoever runs it. When `signal` has
 * aborted by the time the text is written, nothing is moved (RunAbortedError). The temporary file is
 * removed in every case, a write that failed part-way included.
 *
 * Complexity: O(size of the text).
 */
export async function writeFileAtomically(path: string, text: string, options: { readonly force?: boolean; readonly signal?: AbortSignal } = {}): Promise<void> {
  const temp = join(dirname(path), `.${[...basename(path)].slice(0, 60).join('')}.arrcast-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const existing = await lstat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) throw new NotAFileError(path);
  try {
    await writeFile(temp, text, { flag: 'wx' });
  } catch (err) {
    // A write that failed part-way (full disk, file-size limit) leaves its temporary file: ours, so removed.
    // EEXIST means the name was someone else's and nothing was written: left alone.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temp, { force: true });
    throw err;
  }
  try {
    // A signal that came while writing stops the move: the earlier file stays, the temporary one goes.
    if (options.signal?.aborted) throw new RunAbortedError();
    if (options.force) await rename(temp, path);
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
  } finally {
    await rm(temp, { force: true });
  }
}
