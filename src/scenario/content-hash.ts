import { createHash } from 'node:crypto';
import { canonicalJson, type LoadedScenario } from './parse.js';
import { digestFiles, filesChangedSinceLoaded } from './files-digest.js';

/**
 * The hash a loaded scenario's files were loaded under (load-files.ts: the scenario's hash and the
 * files' bytes), by their data object, with the scenario's own hash it was taken with.
 */
const loadedUnder = new WeakMap<object, { readonly scenarioHash: string; readonly hash: string }>();

/** Note the hash a scenario and its freshly loaded files were given (load-files.ts). */
export function recordLoadedHash(files: object, scenarioHash: string, hash: string): void {
  loadedUnder.set(files, { scenarioHash, hash });
}

/**
 * The hash of what `loaded` holds now, for what names a run (summary.json's scenario.hash, a
 * comparison's, a part's header): `loaded.hash` while it still names the content (the same scenario,
 * and the files' data as loaded), else a sha256 of the scenario's canonical JSON and its files' data.
 * Not `loaded.hash` alone: it is carried with the object, and a copy a caller edited
 * (`{ ...loaded, scenario: edited }`) keeps the original's, so its summary named the original.
 * As engine/run-key.ts does for the engine's caches, from content.
 *
 * @example contentHash({ ...loaded, scenario: edited }) !== loaded.hash // and contentHash(loaded) === loaded.hash
 * Complexity: O(size of the scenario, and of the files' data when there are files).
 */
export function contentHash(loaded: Pick<LoadedScenario, 'scenario' | 'files' | 'hash'>): string {
  const scenarioHash = createHash('sha256').update(canonicalJson(loaded.scenario)).digest('hex');
  // Without files, loading hashes the scenario alone (parse.ts: hashScenario).
  if (!loaded.files) return scenarioHash;
  const recorded = loadedUnder.get(loaded.files);
  if (recorded && recorded.scenarioHash === scenarioHash && !filesChangedSinceLoaded(loaded.files)) return recorded.hash;
  // The files' bytes are not kept: an edited copy's hash is of their data instead (another hash than any load's).
  return createHash('sha256').update(`content\0${scenarioHash}\0files\0`).update(digestFiles(loaded.files)).digest('hex');
}
