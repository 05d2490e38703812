import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The real path of folder `folder` as the system finds it, `..` after a symbolic link going up from
 * where the link points; a part that does not exist yet is joined to its nearest existing folder's.
 * Undefined when the system cannot go through it (a file where a folder is expected): its own
 * error then comes at the open.
 */
async function physicalFolder(folder: string): Promise<string | undefined> {
  try {
    return await realpath(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    const up = await physicalFolder(parent);
    return up === undefined ? undefined : join(up, basename(folder));
  }
}

/**
 * `file` (a scenario's path as given, or a path one names, joined to its folder) with its folder as the system finds it, when the files named
 * relative to it would otherwise be looked for elsewhere: path.join and path.resolve take `a/..`
 * away as text, so `lnk/../plan.yaml` (lnk a link to sub/deeper) was read from sub/plan.yaml, as the
 * system opens it, but its `customersFile: data/book.csv` from ./data/book.csv, another folder's book,
 * without a word. Such a path is returned as the system resolves its folder (absolute), the file's own
 * name kept (a scenario given through a link to a file reads from the link's folder, README "Which
 * files a scenario may read"); any other path is returned unchanged, so messages name it as given.
 *
 * @example await systemPath('plans/q3.yaml') // => 'plans/q3.yaml'
 * @example await systemPath('lnk/../plan.yaml') // => '/home/me/sub/plan.yaml' (lnk -> sub/deeper)
 * Complexity: a few realpath calls.
 */
export async function systemPath(file: string): Promise<string> {
  const folder = dirname(file);
  const physical = await physicalFolder(folder);
  if (physical === undefined || physical === (await physicalFolder(resolve(folder)))) return file;
  return join(physical, basename(file));
}
