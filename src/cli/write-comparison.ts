import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Comparison } from '../analysis/compare.js';
import { writeDirectoryAtomically } from '../report/atomic-dir.js';
import { OutputDirError } from '../report/output-dir.js';

/** The file `arrcast compare --out DIR` writes. */
export const COMPARISON_FILE = 'comparison.json';

/**
 * Check that `dir` may receive a comparison: it does not exist, is empty, or holds only a previous
 * comparison.json. It is replaced whole, so a folder of other files (or a file) is refused before
 * anything runs (OutputDirError: exit code 2).
 */
export async function checkComparisonDir(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!info.isDirectory()) throw new OutputDirError(`--out ${dir} is a file, not a directory; pick a new or empty directory`);
  const foreign = (await readdir(dir)).filter((name) => name !== COMPARISON_FILE);
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
    throw new OutputDirError(
      `--out ${dir} is not an arrcast comparison (it holds ${shown}) and compare replaces its output directory whole; pick a new or empty directory`,
    );
  }
}

/**
 * Write comparison.json into `dir`, whole or not at all (a temporary directory renamed into place;
 * see report/atomic-dir.ts).
 */
export async function writeComparison(dir: string, comparison: Comparison): Promise<void> {
  await checkComparisonDir(dir);
  await writeDirectoryAtomically(dir, async (tmp) => {
    await writeFile(join(tmp, COMPARISON_FILE), `${JSON.stringify(comparison, null, 2)}\n`);
  });
}
