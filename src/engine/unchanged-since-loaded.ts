import { filesChangedSinceLoaded } from '../scenario/files-digest.js';
import { changedSinceHashed, scenarioDigest, type LoadedScenario } from '../scenario/parse.js';
import { runHashOf } from './run-hash.js';

/**
 * Refuse (RangeError) a loaded scenario, or the data of its files, edited in place since it was
 * loaded. Its hash names the run (outputs, parts, a resume) and keys a warm engine's compiled plans,
 * so a run of it would run, there, as the one it was; a summary or report of a run made before the
 * edit would show the edited scenario (its currency, tier names, targets, scenario.json and the
 * assumptions) beside trials simulated from the one loaded. `after`: what would be mixed up, for the
 * message; none for a run.
 *
 * `runHash`: the hash of the run whose output is written (its runHash): the objects must still name
 * what it ran on, so a copy (never loaded) edited after its run is refused as the loaded object is.
 *
 * @example checkUnchangedSinceLoaded(loaded) // RangeError once loaded.scenario.tiers[0].name was reassigned
 */
export function checkUnchangedSinceLoaded(loaded: LoadedScenario, after?: string, runHash?: string): void {
  const mixed = after ? `: ${after} would show it beside trials simulated from the scenario as loaded; ` : ': ';
  const filesChanged = filesChangedSinceLoaded(loaded.files);
  const now = scenarioDigest(loaded.scenario); // once, for both checks
  if (changedSinceHashed(loaded.scenario, now) || (runHash !== undefined && !filesChanged && runHashOf(loaded, now) !== runHash))
    throw new RangeError(`the scenario ${loaded.source} was changed after it was loaded (its hash names what was loaded)${mixed}parse or load each variant anew (parseScenario, loadScenario)`);
  if (filesChanged)
    throw new RangeError(
      `the data of the files ${loaded.source} names (customer books, pipelines) was changed after it was loaded (the scenario's hash covers the files as read)${mixed}load each variant anew (loadScenario)`,
    );
}
