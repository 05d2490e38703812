import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { danglingLinkPhrase } from '../scenario/dangling-link.js';
import { dirname, isAbsolute, join, parse, resolve, sep } from 'node:path';
import { currentDirectory } from '../scenario/current-directory.js';

/**
 * The one absolute path an output option names, resolved as the system would: every symlink in
 * the part that exists is resolved (so a link to a directory names that directory), `..` after an
 * existing directory goes to its real parent, and the part that does not exist yet is appended as
 * written (its own `..` applied to it). Checks and writes then use this path and no other, so
 * they cannot see different directories.
 *
 * Throws the file-system error of a component that cannot be looked up (ENOTDIR below a file,
 * EACCES, ELOOP), DanglingLinkError for a symlink that points nowhere (writing there would
 * replace the link), and NoCurrentDirectoryError for a relative path when the current directory
 * has been deleted (an absolute path needs none). An entry that another run makes or removes while
 * it is looked at is looked at again, never taken for a dangling link (realpathOrMissing).
 *
 * @example await resolveOutPath('nothere/..', '/home/me/plans') // => '/home/me/plans'
 */
export async function resolveOutPath(out: string, cwd?: string): Promise<string> {
  let current = isAbsolute(out) ? parse(resolve(out)).root : await realpath(cwd ?? currentDirectory());
  const missing: string[] = [];
  for (const part of out.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (missing.length > 0) missing.pop();
      else {
        // The system goes up only from a folder: `notes.txt/../r` is ENOTDIR there, and taken as
        // text it was ./r, a report written where the path the user gave names nothing.
        if (!(await stat(current)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, '${current}/..'`), { code: 'ENOTDIR', path: current });
        current = dirname(current);
      }
      continue;
    }
    if (missing.length > 0) {
      missing.push(part);
      continue;
    }
    const next = join(current, part);
    const real = await realpathOrMissing(next);
    if (real === undefined) missing.push(part);
    else current = real;
  }
  return join(current, ...missing);
}

/** How often realpathOrMissing looks again at an entry that changed while it looked. */
const TRIES = 16;

/**
 * The real path of `path`, or undefined when nothing is there. A realpath that fails with ENOENT
 * while an entry is there is not taken for a dangling link at once: another run may have made (or
 * removed) that directory between the two looks. Only a symlink whose target is missing when looked
 * at is one (DanglingLinkError); anything else is looked at again.
 */
async function realpathOrMissing(path: string): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await realpath(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const info = await lstat(path).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      if (info === undefined) return undefined;
      if (info.isSymbolicLink() && !(await stat(path).then(() => true, () => false))) {
        const target = await readlink(path).catch(() => undefined);
        if (target !== undefined) throw new DanglingLinkError(path, target);
      }
      if (attempt >= TRIES) throw err;
    }
  }
}

/** A symlink whose target (as written in the link) does not exist: named as an input's is (danglingLinkPhrase). */
export class DanglingLinkError extends Error {
  override readonly name = 'DanglingLinkError';
  constructor(
    readonly path: string,
    readonly target: string,
  ) {
    super(`${path} is ${danglingLinkPhrase(target)}`);
  }
}

/**
 * Why `out` names a directory whatever is there, or undefined: it ends in `/`, or its last part is
 * `.` or `..` (as `x/` does, `x.yaml/.` and `new/..` name directories: the system opens no file
 * there). The one rule for every --out that may name a file (fit, init, a shard's part): taken as
 * text, `fit --out plan.yaml/. --force` replaced plan.yaml and `--shard 1/2 --out parts/.` wrote a
 * file named parts.
 *
 * @example namesDirectory('parts/.') // => 'its last part is .'
 * @example namesDirectory('parts.arrcast-part') // => undefined
 */
export function namesDirectory(out: string): string | undefined {
  if (out.endsWith('/') || out.endsWith(sep)) return `it ends in ${out.endsWith('/') ? '/' : sep}`;
  const last = /(?:^|[\\/])(\.\.?)$/.exec(out);
  return last === null ? undefined : `its last part is ${last[1]}`;
}
