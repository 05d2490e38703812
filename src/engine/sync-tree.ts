import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Flush `path` (a file or a directory) to disk (fsync). A rename makes a temporary output visible
 * at once, but without this its data may still be only in memory: after a power loss or a crash of
 * the system, the output could be in place with empty or cut files, whole in name only.
 */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
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
