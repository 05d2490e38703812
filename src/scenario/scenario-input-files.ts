import { dirname, isAbsolute, join } from 'node:path';
import type { LoadedScenario } from './parse.js';

/** A file a command reads, named for messages: `what` says what it is (`the scenario`, `the pipeline file`). */
export interface InputFile {
  readonly path: string;
  readonly what: string;
}

/**
 * The files a loaded scenario was read from: the scenario file, the bases it `extends`, and the
 * customer books and pipeline files it names, each as its path was read (data files relative to the
 * scenario file, as load-files.ts reads them). A writer checks that none lies inside what it is
 * about to replace (report/inputs-inside-output.ts). A scenario made in memory (`parseScenario`,
 * source a label) yields paths that name no file, which such a check passes over. Complexity: O(tiers).
 */
export function scenarioInputFiles(loaded: LoadedScenario): InputFile[] {
  const where = (f: string) => (isAbsolute(f) ? f : join(dirname(loaded.source), f));
  const files: InputFile[] = [{ path: loaded.source, what: 'the scenario' }, ...(loaded.bases ?? []).map((path) => ({ path, what: 'the base scenario' }))];
  for (const t of loaded.scenario.tiers) {
    if (t.existing?.customersFile !== undefined) files.push({ path: where(t.existing.customersFile), what: 'the customer book' });
    if (t.newBusiness?.openingPipeline?.file !== undefined) files.push({ path: where(t.newBusiness.openingPipeline.file), what: 'the pipeline file' });
  }
  return files;
}
