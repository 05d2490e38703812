import { lstat, readdir } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { CHART_FILES, REPORT_FILES } from './report-files.js';
import { COMPARISON_CHART_FILES, COMPARISON_FILE, COMPARISON_PAGE_FILES } from './comparison-files.js';
import { SCORE_FILES } from './score-files.js';
import { MARKER_FILE, type OutputKind } from './output-marker.js';
import { OWNER_FILE } from './temp-dir.js';

/** Lists what in an output directory is not what an output of its kind writes (paths relative to it). */
export type ForeignEntries = (dir: string) => Promise<string[]>;

/** The names each kind of output writes into its directory (besides its marker and, while it is replaced, the owner file). */
export const OUTPUT_ENTRIES: Readonly<Record<OutputKind, ReadonlySet<string>>> = {
  report: new Set(Object.values(REPORT_FILES)),
  comparison: new Set([COMPARISON_FILE, COMPARISON_CHART_FILES.spec, COMPARISON_CHART_FILES.svg, ...Object.values(COMPARISON_PAGE_FILES)]),
  score: new Set(Object.values(SCORE_FILES)),
};

/** What an entry that is not a regular file is, in a message. */
export const entryKind = (info: Stats) => (info.isSymbolicLink() ? 'a link' : info.isDirectory() ? 'a folder' : 'not a file');

/**
 * What in `dir` an output did not write, paths relative to it (`prefix` before each): a name
 * `isOurs` does not take, or one it takes that is not a regular file (a directory, for a name in
 * `folders`), named with what it is (`report.html (a folder)`). Arrcast writes its outputs' files
 * as regular files, never as folders or links, so a folder named report.html (holding a user's
 * files) or a link named score.csv is not arrcast's, whatever its name: replacing the directory
 * would delete what it holds. An entry gone before it is looked at is no entry.
 */
export async function foreignFiles(dir: string, isOurs: (name: string) => boolean, prefix = '', folders: ReadonlySet<string> = new Set()): Promise<string[]> {
  const foreign: string[] = [];
  for (const name of await readdir(dir)) {
    if (!isOurs(name)) {
      foreign.push(prefix + name);
      continue;
    }
    const info = await lstat(join(dir, name)).catch(() => undefined);
    if (info !== undefined && !(folders.has(name) ? info.isDirectory() : info.isFile()))
      foreign.push(`${prefix}${name} (${entryKind(info)})`);
  }
  return foreign;
}

/**
 * What in `dir` is not part of an arrcast report: names a report does not write, or not as it
 * writes them (foreignFiles: anything but a regular file, and `charts` anything but a directory, a
 * link to one included), and in `charts` anything but the specs and images of the charts a
 * report writes (CHART_FILES: NAME.vl.json and NAME.svg of its chart names) as regular files.
 * Paths are relative to `dir`.
 */
export async function reportForeignEntries(dir: string): Promise<string[]> {
  const foreign = await foreignFiles(dir, (name) => OUTPUT_ENTRIES.report.has(name), '', new Set([REPORT_FILES.charts]));
  if (!(await lstat(join(dir, REPORT_FILES.charts)).catch(() => undefined))?.isDirectory()) return foreign;
  for (const name of await foreignFiles(join(dir, REPORT_FILES.charts), (inner) => CHART_FILES.has(inner), `${REPORT_FILES.charts}/`)) foreign.push(name);
  return foreign;
}

/** What in a directory each kind of output does not write (a comparison and a score: regular files of their names only). */
export const FOREIGN_ENTRIES: Readonly<Record<OutputKind, ForeignEntries>> = {
  report: reportForeignEntries,
  comparison: (dir) => foreignFiles(dir, (name) => OUTPUT_ENTRIES.comparison.has(name)),
  score: (dir) => foreignFiles(dir, (name) => OUTPUT_ENTRIES.score.has(name)),
};

/**
 * What in output directory `dir` arrcast did not write, by `foreign` (its kind's check), less the
 * marker and an owner file (of a previous output claimed to be replaced), which are arrcast's when
 * they are regular files.
 */
export async function outputForeignEntries(dir: string, foreign: ForeignEntries): Promise<string[]> {
  const found: string[] = [];
  for (const name of await foreign(dir)) {
    if (name !== MARKER_FILE && name !== OWNER_FILE) found.push(name);
    else {
      const entry = await lstat(join(dir, name)).catch(() => undefined);
      if (entry !== undefined && !entry.isFile()) found.push(`${name} (${entryKind(entry)})`);
    }
  }
  return found;
}
