import { createHash } from 'node:crypto';
import { lstat, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * This machine in a temporary file's name: 8 hex digits of a hash of its host name. A process id
 * says whether a temporary file's writer is gone only on the machine it ran on; on a folder shared
 * between machines the tag tells whose it is.
 */
export const hostTag = (): string => createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** A temporary file left this long is stale whoever wrote it (its writer alive or on another machine). */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** Whether process `pid` on this machine is alive (a process we may not signal is alive). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The writer a temporary file's name gives: its machine's tag (undefined in a name without one) and its pid. */
export interface TempWriter {
  readonly host: string | undefined;
  readonly pid: number;
}

/**
 * Whether a temporary entry's writer is provably done with it: it ran on this machine (its tag) and
 * is gone, this process excepted, or nothing has written to the entry for STALE_TEMP_MS.
 */
export function writerDone(writer: TempWriter, mtimeMs: number, now: number): boolean {
  const gone = writer.host === hostTag() && writer.pid !== process.pid && !processAlive(writer.pid);
  return gone || now - mtimeMs > STALE_TEMP_MS;
}

/**
 * Remove from `dir` the temporary files killed writers left, and only those provably arrcast's and
 * stale: a regular file whose name `writerOf` reads (its pattern), `isOurs` agrees with (a content
 * check), whose writer ran on this machine and is gone, or that nothing has written to for
 * STALE_TEMP_MS. A writer still alive, this process included, is left alone. Returns what it removed.
 * Complexity: O(entries of dir).
 */
export async function removeStaleTemps(
  dir: string,
  writerOf: (name: string) => TempWriter | undefined,
  isOurs: (path: string, size: number) => Promise<boolean> = async () => true,
  now = Date.now(),
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const writer = writerOf(name);
    if (!writer) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (!writerDone(writer, info.mtimeMs, now)) continue;
    if (!(await isOurs(path, info.size))) continue;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
