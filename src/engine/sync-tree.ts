import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a file system answers when it cannot flush at all (some FUSE and network mounts): no reason
 * to fail a write that worked before outputs were flushed. Any other error (EIO, ENOSPC, EDQUOT:
 * data that did not reach the disk) still fails it.
 */
const CANNOT_FLUSH = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Flush an open file to disk (fsync), where the file system can. */
export async function flushHandle(handle: FileHandle): Promise<void> {
  try {
    await handle.sync();
  } catch (err) {
    if (!CANNOT_FLUSH.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  }
}

/**
 * Flush `path` (a file or a directory) to disk (fsync). A rename makes a temporary output visible
 * at once, but without this its data may still be only in memory: after a power loss or a crash of
 * the system, the output could be in place with empty or cut files, whole in name only.
 */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await flushHandle(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Flush every file below directory `dir`, and then each directory (their entries), before `dir` is
 * renamed into place (atomic-dir.ts). Symlinks are not followed. Complexity: O(entries below dir).
 */
export async function syncTree(dir: string): Promise<void> {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const pending = [dir]; pending.length > 0; ) {
    const at = pending.pop()!;
    dirs.push(at);
    for (const e of await readdir(at, { withFileTypes: true })) {
      if (e.isFile()) files.push(join(at, e.name));
      else if (e.isDirectory()) pending.push(join(at, e.name));
    }
  }
  await Promise.all(files.map(syncPath));
  await Promise.all(dirs.map(syncDirectory));
}

/**
 * Flush a directory's entries (after a rename into or out of it), where the system allows it: some
 * file systems refuse to fsync a directory (EINVAL, EISDIR, EPERM, EACCES without read permission);
 * that is no reason to fail a write whose files are flushed.
 */
export async function syncDirectory(dir: string): Promise<void> {
  await syncPath(dir).catch(() => undefined);
}
