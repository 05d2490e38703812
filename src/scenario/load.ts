import { loadWithExtends } from './extends.js';
import { attachFiles } from './load-files.js';
import type { LoadedScenario } from './parse.js';
import { readScenarioText } from './read-text.js';

export { MAX_SCENARIO_BYTES } from './read-text.js';

/**
 * Read and validate a scenario file (YAML or JSON). A file that says `extends: base.yaml` is merged
 * onto its base first (see `extends.ts`); the result is the merged scenario. Throws ScenarioError,
 * naming the file (and the line), for a missing, unreadable or invalid file, a missing base or a
 * cycle of bases. Files the scenario names (a customer book, an opening pipeline) are read
 * relative to it and their data attached (see `load-files.ts`).
 *
 * @example (await loadScenario('scenarios/downside.yaml')).bases // => ['scenarios/example.yaml']
 */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  return attachFiles(await loadWithExtends(file, readScenarioText), file);
}
