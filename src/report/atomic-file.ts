import { randomBytes } from 'node:crypto';
import { link, lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file exists and replacing it was not asked for. */
export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
  constructor(readonly path: string) {
    super(`${path} exists; use --force to replace it`);
  }
}

/**
 * Write `text` to `path` whole or not at all: into a temporary file beside it (`.NAME.arrcast-tmp-PID-HEX`,
 * created exclusively), then moved into place in one step. Without `force` the move is a hard link,
 * which fails if `path` exists (FileExistsError), so a file created meanwhile is not replaced either;
 * on a file system without hard links it falls back to a check and a rename. With `force` it is a
 * rename, replacing any file there. The temporary file is removed in every case.
 *
 * Complexity: O(size of the text).
 */
export async function writeFileAtomically(path: string, text: string, options: { readonly force?: boolean } = {}): Promise<void> {
  const temp = join(dirname(path), `.${[...basename(path)].slice(0, 60).join('')}.arrcast-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
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
