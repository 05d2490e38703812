import { realpath } from 'node:fs/promises';
import { loadWithExtends } from './extends.js';
import { attachFiles } from './load-files.js';
import type { LoadedScenario } from './parse.js';
import { readScenarioText } from './read-text.js';
import { scenarioPathPolicy } from './path-policy.js';
import { checkReaderOptions } from './option-keys.js';

export { MAX_SCENARIO_BYTES } from './read-text.js';

/**
 * Read and validate a scenario file (YAML or JSON). A file that says `extends: base.yaml` is merged
 * onto its base first (see `extends.ts`); the result is the merged scenario. Throws ScenarioError,
 * naming the file (and the line), for a missing, unreadable or invalid file, a missing base or a
 * cycle of bases. Files the scenario names (a customer book, an opening pipeline) are read
 * relative to it and their data attached (see `load-files.ts`). Every path the scenario names must
 * resolve inside its own folder tree or `options.allowedRoots` (path-policy.ts); a path outside is
 * refused at its line, before the file is opened. An option it does not read (`allowedRoot`) is
 * refused by name, a ScenarioError, not ignored.
 *
 * @example (await loadScenario('scenarios/downside.yaml')).bases // => ['scenarios/example.yaml']
 */
export async function loadScenario(given: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  checkReaderOptions(options, LOAD_OPTION_KEYS, 'loadScenario');
  // Kept as given, for what is shown and recorded (messages, a part's source): every path it names
  // is found from its folder as the system opens it (systemJoin), `lnk/..` going up from where lnk points.
  const file = given;
  const policy = await scenarioPathPolicy(file, options.allowedRoots);
  const loaded = await attachFiles(await loadWithExtends(file, readScenarioText, policy), file, policy);
  const real = await realpath(file).catch(() => undefined);
  if (real !== undefined) LOADED_FROM.set(loaded, real);
  return loaded;
}

/** The real path of the file each scenario loadScenario returned was read from. */
const LOADED_FROM = new WeakMap<LoadedScenario, string>();

/**
 * The real path of the scenario file `loaded` was read from, when loadScenario read it (not a
 * scenario parsed from text, or a part's): what a report's marker records by default (writeReport).
 */
export const loadedFromFile = (loaded: LoadedScenario): string | undefined => LOADED_FROM.get(loaded);

/** How a scenario is read. */
export interface LoadOptions {
  /**
   * Folders, besides the scenario file's own folder tree, that its `extends` and data paths may
   * resolve into (the CLI's --allow-path). See path-policy.ts.
   */
  readonly allowedRoots?: readonly string[];
}

/** Every key of LoadOptions: checkReaderOptions refuses any other. */
const LOAD_OPTION_KEYS: readonly string[] = Object.keys({ allowedRoots: true } as const satisfies Record<keyof LoadOptions, true>);
