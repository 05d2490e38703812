import { contentDigest } from '../scenario/content-digest.js';
import type { LoadedScenario } from '../scenario/parse.js';

/**
 * What a loaded scenario IS, as a key for the caches a run reuses (a warm engine's compiled plans
 * and re-forecasts in its workers, a resume's chunks): the scenario object's own content and its
 * files' data (scenario/content-digest.ts). Not `loaded.hash`: that is carried with the object, and a
 * copy a caller edited (`{ ...loaded, scenario: { ...loaded.scenario, tiers } }`) keeps the
 * original's, so a warm engine ran the copy as the original.
 *
 * @example runKey({ ...loaded, scenario: edited }) !== runKey(loaded) // while loaded.hash is the same
 * Complexity: O(size of the scenario), once per run; the files' digest is kept with their data.
 */
export const runKey = (loaded: LoadedScenario): string => contentDigest(loaded);
