import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { realPath } from './system-path.js';

/**
 * A path beside a scenario (a file init writes, a data file the scenario names), named as the user
 * named the scenario when a shell opens that name there. `file` is the scenario `given` as the system finds it (systemPath: `lnk/../plan.yaml` is
 * /home/me/sub/plan.yaml when lnk points to sub/deeper), and `path` is `file` or a file beside it,
 * there: it is named from `given`'s folder as typed, `lnk/../arrcast.schema.json` (messages showed
 * the absolute path, which the user never typed). When that name opens another file, or none
 * (`up/../x/../plan.yaml` with no folder x: the system does not go through a missing folder, though
 * the text takes `x/..` away), `path` is returned: a printed "next: arrcast validate ..." then works,
 * and a message names a file the user can open.
 *
 * @example await shownBeside('lnk/../plan.yaml', '/home/me/sub/plan.yaml', '/home/me/sub/data/book.csv') // => 'lnk/../data/book.csv'
 * Complexity: a few realpath calls.
 */
export async function shownBeside(given: string, file: string, path: string): Promise<string> {
  if (given === file) return path;
  let shown: string;
  if (path === file) shown = given;
  else {
    const below = relative(dirname(file), path);
    if (below === '' || below.startsWith('..') || isAbsolute(below)) return path;
    shown = `${dirname(given)}${sep}${below}`;
  }
  return shownIfOpens(shown, path);
}

/**
 * `shown`, a path as the user typed it, when the system opens it as `path` (where arrcast wrote or
 * will write, folders it makes included); else `path`. A message's "next: arrcast validate ..." with
 * `shown` would otherwise open another file, or none.
 *
 * @example await shownIfOpens('up/../x/../fitted.yaml', '/home/me/real/fitted.yaml') // => '/home/me/real/fitted.yaml' (no folder up/../x)
 */
export async function shownIfOpens(shown: string, path: string): Promise<string> {
  if (shown === path) return path;
  const [at, meant] = await Promise.all([realPath(shown, { throughMissing: false }), realPath(path, { throughMissing: false })]);
  return at !== undefined && at === meant ? shown : path;
}

/**
 * `shown` (a file's name as written, `plans/lnk/../base.yaml`) for a message about the file opened
 * at `opened`, with its real path in parentheses when the two differ, as refuseInputsInsideOutput
 * names an input: the name as written says where it is written, the real path which file it is.
 *
 * @example await withRealPath('lnk/../base.yaml', '/home/me/real/base.yaml') // => 'lnk/../base.yaml (/home/me/real/base.yaml)'
 */
export async function withRealPath(shown: string, opened: string): Promise<string> {
  return shown === opened ? shown : `${shown} (${await realPath(resolve(opened))})`;
}
