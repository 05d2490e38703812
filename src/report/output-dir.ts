import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CHART_FILE, REPORT_FILES } from './report-files.js';

/** An output directory that must not be replaced (it is not an arrcast report). The CLI exits with code 2. */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
}

/** Names an arrcast report directory holds. Anything else there means it is not ours to replace. */
export const REPORT_ENTRIES: ReadonlySet<string> = new Set(Object.values(REPORT_FILES));

/**
 * What in `dir` is not part of an arrcast report: names a report does not write, a `charts` that
 * is not a directory, or files in `charts` that are not chart specs or images (NAME.vl.json,
 * NAME.svg). Paths are relative to `dir`.
 */
async function foreignEntries(dir: string): Promise<string[]> {
  const foreign: string[] = [];
  for (const name of await readdir(dir)) {
    if (!REPORT_ENTRIES.has(name)) {
      foreign.push(name);
      continue;
    }
    if (name !== REPORT_FILES.charts) continue;
    const charts = join(dir, name);
    if (!(await stat(charts)).isDirectory()) {
      foreign.push(name);
      continue;
    }
    for (const inner of await readdir(charts)) if (!CHART_FILE.test(inner)) foreign.push(`${name}/${inner}`);
  }
  return foreign;
}

/**
 * Check that `dir` may be replaced by an output of this kind: it does not exist, is empty, or holds
 * only what `foreign` accepts (it lists what does not belong). Outputs replace their directory
 * whole, so pointing `--out` at a folder of other files (or at a file) must fail before anything
 * runs, not delete them.
 */
export async function checkReplaceable(dir: string, kind: string, foreign: (dir: string) => Promise<string[]>): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!info.isDirectory()) throw new OutputDirError(`--out ${dir} is a file, not a directory; pick a new or empty directory`);
  const found = await foreign(dir);
  if (found.length > 0) {
    const shown = found.slice(0, 3).join(', ') + (found.length > 3 ? `, and ${found.length - 3} more` : '');
    throw new OutputDirError(
      `--out ${dir} is not an arrcast ${kind} (it holds ${shown}) and a run replaces its output directory whole; pick a new or empty directory`,
    );
  }
}

/** Check that `dir` may receive a report (see checkReplaceable). */
export function checkOutputDir(dir: string): Promise<void> {
  return checkReplaceable(dir, 'report', foreignEntries);
}
