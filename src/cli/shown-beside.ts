import { dirname, isAbsolute, relative, sep } from 'node:path';

/**
 * A path init writes as the user named it. `file` is the scenario `given` as the system finds it
 * (systemPath: `lnk/../plan.yaml` is /home/me/sub/plan.yaml when lnk points to sub/deeper), and
 * `path` is `file` or a file beside it, there: it is named from `given`'s folder as typed,
 * `lnk/../arrcast.schema.json`, which a shell opens where init wrote it (messages showed the absolute
 * path, which the user never typed). With no `..` to take, `given` is `file` and `path` is returned.
 *
 * @example shownBeside('lnk/../plan.yaml', '/home/me/sub/plan.yaml', '/home/me/sub/data/book.csv') // => 'lnk/../data/book.csv'
 */
export function shownBeside(given: string, file: string, path: string): string {
  if (given === file) return path;
  if (path === file) return given;
  const below = relative(dirname(file), path);
  if (below === '' || below.startsWith('..') || isAbsolute(below)) return path;
  return `${dirname(given)}${sep}${below}`;
}
