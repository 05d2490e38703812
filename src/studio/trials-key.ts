import { createHash } from 'node:crypto';
import { loadedFilesDigest } from '../scenario/files-digest.js';
import { canonicalJson, type LoadedScenario } from '../scenario/parse.js';

const keys = new WeakMap<LoadedScenario, string>();

/**
 * What decides a scenario's simulated trials: the scenario without its targets, and its files' data.
 * Targets are read only after the run (the engine and the model never read them), so two page states
 * that differ in their targets alone have the same trials, and the studio simulates them once: with a
 * `--target`, the page's first state (the file with that target) was simulated beside the file as
 * written, the same trials twice, and every target typed ran the state again.
 *
 * @example trialsKey(withTargets) === trialsKey(withoutTargets) // true when nothing else differs
 * Complexity: O(size of the scenario), once per loaded scenario (kept).
 */
export function trialsKey(loaded: LoadedScenario): string {
  let key = keys.get(loaded);
  if (key === undefined) {
    const { targets: _targets, ...simulated } = loaded.scenario;
    key = createHash('sha256').update(canonicalJson(simulated)).update('\0files\0').update(loadedFilesDigest(loaded.files)).digest('hex');
    keys.set(loaded, key);
  }
  return key;
}
