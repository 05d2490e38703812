import { constants, type Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { systemErrorWords } from './system-error-words.js';
import { nameInOtherFormNote } from './name-in-other-form.js';
import { nearFileNote } from './near-file-name.js';
import { backslashPathNote } from './backslash-path.js';
import { danglingLinkWords } from './dangling-link.js';

/** What kind of file is being read, for the size limit and the messages. */
export interface FileKind {
  /** Largest file read, in bytes: a larger one is refused before reading, and reading stops at maxBytes + 1. */
  readonly maxBytes: number;
  /** `a scenario file`, `a CSV file`: for "is a directory, not a CSV file". */
  readonly noun: string;
  /** The message for a file over maxBytes, given its size (`more` = 'more than ' when the file grew while read). */
  readonly tooLarge: (size: number, more: string) => string;
}

/**
 * Read the bytes of a file a scenario is made of or names (a scenario, an `extends` base, a customer
 * book, a pipeline file): the one way arrcast opens such files.
 *
 * - Opened non-blocking (and without becoming a controlling terminal), so a FIFO or a device such
 *   as /proc/kmsg is refused instead of waiting for data forever.
 * - Checked through its handle (fstat), so what is checked is what is read: a regular file only,
 *   at most `kind.maxBytes`.
 * - Read to its end but never past maxBytes + 1 bytes, so a file that grows is still bounded.
 * - `check`, when given, receives the real path of what was opened (through /proc/self/fd where
 *   there is one) and may refuse it with a message: the path policy (path-policy.ts) checks the
 *   file actually opened, not only the name checked before.
 *
 * Throws ScenarioError naming `file` (as given to messages) otherwise.
 *
 * @example await readFileBytes('plan.yaml', 'plan.yaml', scenarioKind) // => <Buffer ...>
 * Complexity: O(size of the file).
 */
export async function readFileBytes(
  path: string,
  file: string,
  kind: FileKind,
  check?: (opened: string) => Promise<string | undefined>,
): Promise<Buffer> {
  const fail = (message: string): never => {
    throw new ScenarioError(file, [{ path: [], message } satisfies ScenarioIssue]);
  };
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    return fail(openFailure(err, kind, path));
  }
  try {
    if (check) {
      const problem = await check(await openedPath(handle, path));
      if (problem !== undefined) fail(problem);
    }
    const info = await handle.stat();
    if (info.isDirectory()) fail(`is a directory, not ${kind.noun}`);
    if (!info.isFile()) fail(`is ${kindOf(info)}, not a regular file`);
    if (info.size > kind.maxBytes) fail(kind.tooLarge(info.size, ''));
    const bytes = await readAtMost(handle, kind.maxBytes);
    if (bytes.length > kind.maxBytes) fail(kind.tooLarge(kind.maxBytes, 'more than '));
    return bytes;
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    return fail(openFailure(err, kind));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The real path of an open file: /proc/self/fd on Linux; elsewhere the real path of its name. */
async function openedPath(handle: FileHandle, path: string): Promise<string> {
  try {
    return await realpath(`/proc/self/fd/${handle.fd}`);
  } catch {
    return realpath(path);
  }
}

/**
 * A message for a failed open, stat or read. Like every message here it reads on from the file
 * name as a sentence (`nope.yaml does not exist`, `plan.yaml is empty`): a ScenarioError prints the
 * file first, then the message, with no colon between them when there is no line. With the `path`
 * that was opened, a missing file whose folder holds its name in another Unicode form says so, one
 * written with Windows' `\` between folders how to write it (backslash-path.ts), and
 * one that is (or lies below) a symbolic link pointing nowhere says that (dangling-link.ts).
 */
export function openFailure(err: unknown, kind: Pick<FileKind, 'noun'>, path?: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return path === undefined ? 'does not exist' : (danglingLinkWords(path) ?? `does not exist${nameInOtherFormNote(path) || backslashPathNote(path) || nearFileNote(path)}`);
    case 'ENOTDIR':
      return 'does not exist (a part of the path is a file, not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'EISDIR':
      return `is a directory, not ${kind.noun}`;
    case 'ELOOP':
      return 'is a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'has a path too long for this system';
    case 'ENXIO':
    case 'ENODEV':
      return 'is a device or socket, not a regular file';
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return 'would wait for data to read (a device or kernel file such as /proc/kmsg), not a regular file';
    default: {
      // Any other system error in the system's words with its code ('too many open files (EMFILE)'), not the code alone.
      const words = code === undefined ? undefined : systemErrorWords(code);
      return words === undefined ? `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})` : `cannot be read: ${words} (${code})`;
    }
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** Read the file to its end, but no more than `limit` + 1 bytes. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}
