import { lstat, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { DanglingLinkError, resolveOutPath } from './resolve-out.js';
import { OutputDirError } from './output-dir.js';

/**
 * The one path a single-file output (`arrcast fit --out SCENARIO.yaml`) is written to, checked
 * before any input is read, by the rules `--out` directories follow (resolve-out.ts, output-dir.ts):
 *
 * - resolved once (symlinks in the part that exists followed, `..` applied), so the check and the
 *   write see the same file; a symlink to nothing is refused (writing would replace the link);
 * - refused when empty, a directory (a symlink to one included), or anything but a regular file:
 *   a device such as /dev/null, a FIFO or a socket is never replaced, `--force` or not;
 * - refused when it is one of the `inputs` (the same file, by device and inode): writing would
 *   replace what is being read;
 * - an existing regular file only with `force`.
 *
 * Throws OutputDirError (exit 2) with the reason; `out` is quoted as given.
 *
 * @example await resolveOutFile('fitted.yaml', { inputs: ['history.csv'] }) // => '/home/me/plans/fitted.yaml'
 */
export async function resolveOutFile(out: string, options: { readonly force?: boolean; readonly inputs: readonly string[] }): Promise<string> {
  const fail = (why: string): never => {
    throw new OutputDirError(`--out ${out} ${why}`);
  };
  if (out.trim() === '') throw new OutputDirError('--out is empty: name the scenario file to write, e.g. --out fitted.yaml');
  let path: string;
  try {
    path = await resolveOutPath(out);
  } catch (err) {
    if (err instanceof DanglingLinkError) return fail('is a symlink to nothing: remove the link or name another file');
    return fail(`cannot be used: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const info = await lstat(path).catch(() => undefined);
  if (info?.isDirectory()) return fail(`is a directory; name the scenario file to write, e.g. ${out.replace(/\/+$/, '')}/fitted.yaml`);
  if (info !== undefined && !info.isFile()) return fail(`is ${kindOf(info)}, not a regular file: arrcast writes its output only as a regular file and never replaces anything else`);
  if (info !== undefined)
    for (const input of options.inputs) {
      const other = await stat(input).catch(() => undefined);
      if (other !== undefined && other.dev === info.dev && other.ino === info.ino) return fail(`is the input file ${input}: writing it would replace what is being read; name another file`);
    }
  if (info !== undefined && !options.force) return fail('exists; use --force to replace it');
  return path;
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}
