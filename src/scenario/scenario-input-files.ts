import type { LoadedScenario } from './parse.js';
import type { InputFile } from './input-file.js';

export type { InputFile };

/**
 * The files a loaded scenario was read from: the scenario file and the bases it `extends`
 * (scenarioFiles; not when it was read from a part file, by merge), and the customer books and pipeline files it names (dataFiles), each at the path
 * it was opened at (recorded by load-files.ts when it read them). A writer checks that none lies
 * inside what it is about to replace (report/inputs-inside-output.ts). A scenario made in memory
 * (`parseScenario`, source a label) yields a path that names no file, which such a check passes over.
 * Complexity: O(files).
 */
export function scenarioInputFiles(loaded: LoadedScenario): InputFile[] {
  return [...scenarioFiles(loaded), ...dataFiles(loaded)];
}

/** The scenario file and the bases it `extends`: none when the scenario was read from a part (merge), which holds it. */
export function scenarioFiles(loaded: LoadedScenario): InputFile[] {
  if (loaded.fromPart !== undefined) return [];
  return [{ path: loaded.source, what: 'the scenario' }, ...(loaded.bases ?? []).map((path) => ({ path, what: 'the base scenario' }))];
}

/** The customer books and pipeline files, as load-files.ts opened them (merge reads them again). */
export function dataFiles(loaded: LoadedScenario): InputFile[] {
  return [...(loaded.dataFiles ?? [])];
}
