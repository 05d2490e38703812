import { createHash } from 'node:crypto';
import { scenarioDigest, type LoadedScenario } from './parse.js';
import { loadedFilesDigest } from './files-digest.js';
import { digestOfContent } from './digest-of-content.js';

/*
 * What a loaded scenario holds, as a digest of content (never of object identity): the scenario's
 * hash and its files' data digest (digest-of-content.ts). Loading records it on the loaded object
 * (`contentDigest`: a spread copy or a structuredClone carries it); a run compares it with the digest
 * of what it was given (engine/run-hash.ts), and the engine's caches and forecastHash's are keyed by it.
 */

/**
 * The content digest of `loaded` now, from `scenarioHash` (the scenario's, taken now unless given) and
 * the files' digest kept with their data (valid while filesChangedSinceLoaded is false, which every
 * run and output checks).
 * Complexity: O(size of the scenario); the files' data once per data object.
 */
export function contentDigest(loaded: Pick<LoadedScenario, 'scenario' | 'files'>, scenarioHash = scenarioDigest(loaded.scenario)): string {
  return digestOfContent(scenarioHash, loadedFilesDigest(loaded.files));
}


/**
 * The hash of a content no load gave (an edited copy): with no files, the scenario's hash, as
 * parseScenario gives for the same scenario; with files, a hash of the content digest, which
 * mergeParts reproduces from a part's scenario and the files it reads again (engine/merge.ts).
 */
export function contentHash(loaded: Pick<LoadedScenario, 'scenario' | 'files'>, digest = contentDigest(loaded)): string {
  if (!loaded.files) return scenarioDigest(loaded.scenario);
  return createHash('sha256').update(`content\0${digest}`).digest('hex');
}
