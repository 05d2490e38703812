import { lstat, realpath, writeFile } from 'node:fs/promises';
import { readSmallJson, SMALL_JSON_BYTES } from './small-json-file.js';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ARRCAST_VERSION } from '../version.js';

/** What arrcast writes as a whole directory: a run's (or merge's) report, a comparison, or a score of past forecasts. */
export type OutputKind = 'report' | 'comparison' | 'score';

/**
 * The file arrcast writes into every output directory it makes. Only a directory holding it (of
 * the same kind) may be replaced by a later run: file names that happen to match prove nothing,
 * this file's content does, since a user would not write it by chance.
 */
export const MARKER_FILE = '.arrcast-report';

/** The marker's magic: a sentence no one writes by accident. */
export const MARKER_MAGIC = 'written by arrcast; the next arrcast run with this --out replaces this directory whole';

/** A marker's content. */
export interface OutputMarker {
  readonly magic: typeof MARKER_MAGIC;
  readonly kind: OutputKind;
  /** The arrcast version that wrote it. */
  readonly version: string;
  /**
   * The scenario file a report was written from, when the CLI knows it: its path relative to the
   * report folder, both through real paths (links resolved), so a project moved or copied whole
   * still names its own file (markerScenarioFile reads it back; an absolute path, as the first
   * markers of December 2026 held, is read as it is). A default --out (reports/<file name>) is
   * shared by scenario files of one base name, so a run replaces the report there only when it is
   * its own file's (default-out-owner.ts). Markers written before December 2026 have none.
   */
  readonly scenario?: string;
}

/** The marker of an output of this kind (from scenario file `scenario`, as recorded: markerScenarioPath), as its file holds it. Byte-identical for the same version and file. */
export const markerText = (kind: OutputKind, scenario?: string): string =>
  `${JSON.stringify({ magic: MARKER_MAGIC, kind, version: ARRCAST_VERSION, ...(scenario !== undefined ? { scenario } : {}) })}\n`;

/** Write the marker of `kind` (and its scenario file, as recorded: markerScenarioPath) into `dir`. */
export const writeMarker = (dir: string, kind: OutputKind, scenario?: string): Promise<void> => writeFile(join(dir, MARKER_FILE), markerText(kind, scenario));

/**
 * The marker in `dir`, or undefined when there is none or it is not one: missing, not a regular
 * file, larger than a marker can be, not JSON, or without the magic or a known kind.
 */
export async function readMarker(dir: string): Promise<OutputMarker | undefined> {
  const file = join(dir, MARKER_FILE);
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > SMALL_JSON_BYTES) return undefined;
    const value = await readSmallJson(file);
    if (typeof value !== 'object' || value === null) return undefined;
    const { magic, kind, version, scenario } = value as Record<string, unknown>;
    if (magic !== MARKER_MAGIC || (kind !== 'report' && kind !== 'comparison' && kind !== 'score') || typeof version !== 'string') return undefined;
    return { magic, kind, version, ...(typeof scenario === 'string' ? { scenario } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * How a marker records `scenarioFile` (a real path; a relative one is taken from this working
 * directory) for the output that goes to `out`: relative to the output's real path, its parent's
 * links resolved (the parent exists by the time the marker is written).
 */
export async function markerScenarioPath(out: string, scenarioFile: string): Promise<string> {
  const target = resolve(out);
  const parent = await realpath(dirname(target)).catch(() => dirname(target));
  return relative(join(parent, basename(target)), resolve(scenarioFile));
}

/**
 * The scenario file `recorded` (a marker's `scenario`) names, as an absolute path, for the output
 * whose real path is `realOut`; undefined when none is recorded or it is no usable path (empty,
 * a NUL in it): such a report is taken as one whose file is unknown.
 */
export function markerScenarioFile(realOut: string, recorded: string | undefined): string | undefined {
  if (recorded === undefined || recorded === '' || recorded.includes('\0')) return undefined;
  return isAbsolute(recorded) ? recorded : resolve(realOut, recorded);
}
