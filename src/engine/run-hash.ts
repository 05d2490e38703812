import { contentDigest, contentHash } from '../scenario/content-digest.js';
import type { LoadedScenario } from '../scenario/parse.js';

/**
 * The hash that names a run (summary.json's scenario.hash, a comparison's, a part's header), taken
 * when the run starts, of what its trials run on: `loaded.hash` when the content digests as it did at
 * load (an unedited object, a spread copy, a structuredClone), else a hash of the content
 * (scenario/content-digest.ts contentHash: a renamed copy is not named by the original's hash).
 * Outputs read it from the run (Simulation.runHash), never from the objects at write time, which a
 * caller may have edited since.
 *
 * `scenarioHash`: the scenario's digest (parse.ts scenarioDigest) when the caller has it already.
 *
 * @example runHashOf({ ...loaded, files: structuredClone(loaded.files) }) === loaded.hash
 */
export function runHashOf(loaded: LoadedScenario, scenarioHash?: string): string {
  // Nothing is recorded on the caller's objects (a copy edited between runs is a sweep, each run its
  // own): the outputs compare this again with the run's (checkUnchangedSinceLoaded's runHash).
  const digest = contentDigest(loaded, scenarioHash);
  return digest === loaded.contentDigest ? loaded.hash : contentHash(loaded, digest);
}
