/**
 * The current directory, for paths given relative to it. A shell can sit in a folder that has since
 * been deleted: process.cwd() then throws ENOENT (syscall uv_cwd), and so does path.resolve() of any
 * relative path. Such a run is told so, with exit 2, instead of failing as an internal error.
 */

/** The current directory; NoCurrentDirectoryError when it has been deleted (process.cwd() throws ENOENT). */
export function currentDirectory(why?: string): string {
  try {
    return process.cwd();
  } catch (err) {
    if (isNoCurrentDirectory(err)) throw new NoCurrentDirectoryError(why);
    throw err;
  }
}

/** Whether `err` is the error process.cwd() (or path.resolve of a relative path) throws when the current directory is gone. */
export function isNoCurrentDirectory(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | null;
  return e !== null && typeof e === 'object' && e.code === 'ENOENT' && e.syscall === 'uv_cwd';
}

/** The current directory has been deleted, so a relative path names nothing. `why`: what needed it, when not a relative path. */
export class NoCurrentDirectoryError extends Error {
  override readonly name = 'NoCurrentDirectoryError';
  constructor(why?: string) {
    super(why ?? 'the current directory no longer exists (it was deleted or moved); run arrcast from an existing directory, or give an absolute path');
  }
}
