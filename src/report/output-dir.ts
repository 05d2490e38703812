import { readdir, stat } from 'node:fs/promises';
import { REPORT_FILES } from './report-files.js';

/** An output directory that must not be replaced (it is not an arrcast report). The CLI exits with code 2. */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
}

/** Names an arrcast report directory holds. Anything else there means it is not ours to replace. */
export const REPORT_ENTRIES: ReadonlySet<string> = new Set(Object.values(REPORT_FILES));

/**
 * Check that `dir` may receive a report: it does not exist, is empty, or holds only what an arrcast
 * report holds. A run replaces its output directory whole, so pointing `--out` at a folder of other
 * files (or at a file) must fail before anything runs, not delete them.
 */
export async function checkOutputDir(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!info.isDirectory()) throw new OutputDirError(`--out ${dir} is a file, not a directory; pick a new or empty directory`);
  const foreign = (await readdir(dir)).filter((name) => !REPORT_ENTRIES.has(name));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
    throw new OutputDirError(
      `--out ${dir} is not an arrcast report (it holds ${shown}) and a run replaces its output directory whole; pick a new or empty directory`,
    );
  }
}
