import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse, resolve } from 'node:path';

/**
 * The one absolute path an output option names, resolved as the system would: every symlink in
 * the part that exists is resolved (so a link to a directory names that directory), `..` after an
 * existing directory goes to its real parent, and the part that does not exist yet is appended as
 * written (its own `..` applied to it). Checks and writes then use this path and no other, so
 * they cannot see different directories.
 *
 * Throws the file-system error of a component that cannot be looked up (ENOTDIR below a file,
 * EACCES, ELOOP), and DanglingLinkError for a symlink that points nowhere (writing there would
 * replace the link).
 *
 * @example await resolveOutPath('nothere/..', '/home/me/plans') // => '/home/me/plans'
 */
export async function resolveOutPath(out: string, cwd: string = process.cwd()): Promise<string> {
  let current = isAbsolute(out) ? parse(resolve(out)).root : await realpath(cwd);
  const missing: string[] = [];
  for (const part of out.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (missing.length > 0) missing.pop();
      else current = dirname(current);
      continue;
    }
    if (missing.length > 0) {
      missing.push(part);
      continue;
    }
    const next = join(current, part);
    try {
      current = await realpath(next);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (await exists(next)) throw new DanglingLinkError(next);
      missing.push(part);
    }
  }
  return join(current, ...missing);
}

/** A symlink whose target does not exist. */
export class DanglingLinkError extends Error {
  override readonly name = 'DanglingLinkError';
  constructor(readonly path: string) {
    super(`${path} is a symlink to nothing`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
