import { createHash } from 'node:crypto';
import { loadedFilesDigest } from '../scenario/files-digest.js';
import { canonicalJson, type LoadedScenario } from '../scenario/parse.js';

/**
 * What a loaded scenario IS, as a key for the caches a run reuses (a warm engine's compiled plans
 * and re-forecasts in its workers, a resume's chunks): the scenario object's own content and its
 * files' data, digested now. Not `loaded.hash`: that is carried with the object, and a copy a caller
 * edited (`{ ...loaded, scenario: { ...loaded.scenario, tiers } }`) keeps the original's, so a warm
 * engine ran the copy as the original.
 *
 * @example runKey({ ...loaded, scenario: edited }) !== runKey(loaded) // while loaded.hash is the same
 * Complexity: O(size of the scenario), once per run; the files' digest is kept with their data.
 */
export function runKey(loaded: LoadedScenario): string {
  return createHash('sha256').update(canonicalJson(loaded.scenario)).update('\0files\0').update(loadedFilesDigest(loaded.files)).digest('hex');
}
