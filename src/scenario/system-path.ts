import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/**
 * The real path of `path`: symbolic links followed and `..` taken as the system takes it (after a
 * link, up from where the link points). A part that does not exist (yet), or that the system cannot
 * go through, is joined to its nearest real ancestor's. Also the path policy's and init's check of
 * where a path leads (path-policy.ts).
 *
 * With `throughMissing: false`, where the system opens `path` once its missing folders are made
 * (init's writeFilesAtomically makes them): undefined when a `..` follows a part that does not
 * exist, which the system cannot go up from (nor can a folder be made for `x/..`), or when no part
 * of it exists (shown-beside.ts asks so).
 *
 * @example await realPath('/home/me/lnk/..') // => '/home/me/sub' (lnk -> sub/deeper)
 * @example await realPath('up/x/../plan.yaml', { throughMissing: false }) // => undefined (no folder up/x)
 * Complexity: one realpath call a part, from the end, until one exists.
 */
export function realPath(path: string): Promise<string>;
export function realPath(path: string, options: { readonly throughMissing: false }): Promise<string | undefined>;
export async function realPath(path: string, options?: { readonly throughMissing: false }): Promise<string | undefined> {
  const strict = options?.throughMissing === false;
  const rest: string[] = [];
  for (let prefix = path; ; prefix = dirname(prefix)) {
    try {
      const real = await realpath(prefix);
      return strict && rest.includes('..') ? undefined : join(real, ...rest.reverse());
    } catch {
      if (dirname(prefix) === prefix) return strict ? undefined : join(prefix, ...rest.reverse());
      rest.push(basename(prefix));
    }
  }
}

/**
 * `throughMissing`: for a path to be written (init's), whose missing folders are made, a `..` after
 * a missing one is taken as text, as an output's path is (resolveOutPath); read, the path is refused.
 */
export interface WhereWritten {
  readonly throughMissing?: boolean;
}

/**
 * `value` (a path a scenario names, or a scenario's path) joined to folder `dir` as the system opens
 * it. path.join takes `a/..` away as text: `lnk/../data/book.csv` (lnk a link to sub/deeper) was
 * read from ./data/book.csv, another folder's book, without a word, and `notes.txt/../plan.yaml`
 * was read where the system says "not a directory". Without `..` text and system agree and the
 * text join is returned; with `..`, the text join when it reaches the same folder (messages name
 * the path as written), else the folder as the system finds it (absolute), or, when the system
 * cannot go through a part (a file where a folder is expected, a `..` after a folder that does not
 * exist), the path unjoined, so that its open fails as the system's does.
 *
 * @example await systemJoin('plans', 'data/q3.csv') // => 'plans/data/q3.csv'
 * @example await systemJoin('.', 'lnk/../plan.yaml') // => '/home/me/sub/plan.yaml' (lnk -> sub/deeper)
 * Complexity: a few realpath calls for a path with `..`, none otherwise.
 */
export async function systemJoin(dir: string, value: string, options: WhereWritten = {}): Promise<string> {
  const joined = isAbsolute(value) ? value : join(dir, value);
  const raw = isAbsolute(value) || dir === '' || dir === '.' ? value : `${dir}${sep}${value}`;
  if (!raw.split(/[\\/]/).includes('..')) return joined;
  const folder = dirname(raw);
  let physical: string;
  try {
    physical = await realpath(folder);
  } catch (err) {
    // ENOTDIR, ELOOP, EACCES: the system refuses the path; its own error comes at the open.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return raw;
    // A `..` after a folder that does not exist (`nothere/../base.yaml`): the system does not go up
    // from it ("does not exist"), though the text takes `nothere/..` away; read there, it was.
    const through = await realPath(folder, { throughMissing: false });
    if (through === undefined && options.throughMissing !== true) return raw;
    physical = through ?? (await realPath(folder));
  }
  const found = join(physical, basename(raw));
  return found === join(await realPath(resolve(dirname(joined))), basename(joined)) ? joined : found;
}

/**
 * A scenario's path as the system opens it (systemJoin): unchanged unless a `..` in it goes up from
 * somewhere the text does not.
 *
 * @example await systemPath('plans/q3.yaml') // => 'plans/q3.yaml'
 */
export async function systemPath(file: string, options: WhereWritten = {}): Promise<string> {
  const found = await systemJoin('', file, options);
  return found === join(file) ? file : found;
}

/**
 * `value` (an `extends` path) joined to folder `dir` as a message names it: the text join when it
 * leads to the file the system opens (systemJoin), else `dir/value` as written, its `..` kept, which
 * the system opens as that file (`plans/lnk/../base.yaml`, not `/home/me/real/base.yaml`): the path
 * the user wrote, as a scenario given so is shown.
 *
 * @example await shownJoin('plans', 'base.yaml') // => 'plans/base.yaml'
 * @example await shownJoin('plans', 'lnk/../base.yaml') // => 'plans/lnk/../base.yaml' (lnk -> real/sub)
 * Complexity: systemJoin's.
 */
export async function shownJoin(dir: string, value: string): Promise<string> {
  const joined = isAbsolute(value) ? value : join(dir, value);
  if ((await systemJoin(dir, value)) === joined) return joined;
  return isAbsolute(value) || dir === '' || dir === '.' ? value : `${dir}${sep}${value}`;
}
