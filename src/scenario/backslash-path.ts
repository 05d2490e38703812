import { sep } from 'node:path';

/**
 * For a file that does not exist: a note when its path was written with Windows' `\` between
 * folders (`extends: ..\try\base.yaml`). On Linux and macOS `\` is a character of a name, not a
 * separator, so the path names one file called `..\try\base.yaml` in the scenario's folder, and
 * "does not exist" alone left a Windows user nothing to go on. The note gives the path from its first
 * part holding a `\`, written with `/` (which every system, Windows too, reads). '' when the path
 * holds no `\`, and on Windows, where `\` does separate folders.
 *
 * @example backslashPathNote('/home/me/plans/..\\try\\base.yaml') // => '; \\ separates no folders on this system: write ../try/base.yaml'
 * Complexity: O(path length); only on a failed open.
 */
export function backslashPathNote(path: string, separator: string = sep): string {
  if (separator === '\\' || !path.includes('\\')) return '';
  const parts = path.split('/');
  const first = parts.findIndex((p) => p.includes('\\'));
  const written = parts.slice(first).join('/').replaceAll('\\', '/');
  // A drive letter (`C:\plans\base.yaml`) names no folder here: `C:/plans/base.yaml` would not exist either.
  if (/^[A-Za-z]:\//.test(written)) return `; it is a Windows path (with a drive, ${written.slice(0, 2)}), and \\ separates no folders on this system: write the file's path on this system, with /`;
  return `; \\ separates no folders on this system: write ${written}`;
}
