import { editDistance } from '../scenario/edit-distance.js';
import { RunOptionError } from './errors.js';

/**
 * Refuse, by name, an options object that is not an object, or that holds a key the function does
 * not read. From JavaScript a misspelt option was ignored without a word: `simulate(loaded, { seeds:
 * 7 })` ran the scenario's own seed, `{ trial: 1_000 }` its 100,000 trials, `summarize(sim, {
 * confidance: 0.9 })` gave budgets at 80%: other numbers than the caller asked for, with nothing to
 * say so. `known` lists every key `what` reads; `refusedElsewhere`, keys it refuses with words of
 * their own (an option of another function), which pass here and are not listed.
 *
 * @example checkOptionKeys({ seeds: 7 }, ['trials', 'seed'], 'simulate') // RunOptionError: seeds: is not an option of simulate (did you mean seed?); ...
 * Complexity: O(keys x known).
 */
export function checkOptionKeys(options: unknown, known: readonly string[], what: string, refusedElsewhere: readonly string[] = []): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new RunOptionError('options', `the options of ${what} must be an object (got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options})`, true);
  for (const key of Object.keys(options)) {
    if (known.includes(key) || refusedElsewhere.includes(key)) continue;
    const near = nearestKey(key, known);
    throw new RunOptionError(key, `is not an option of ${what}${near ? ` (did you mean ${near}?)` : ''}; its options are ${known.join(', ')}`, true);
  }
}

/** The known key within two edits of `key` (case aside), the nearest; none for a long key. */
function nearestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  let near: string | undefined;
  let best = 3;
  for (const k of known) {
    const d = editDistance(k.toLowerCase(), key.toLowerCase());
    if (d < best) [near, best] = [k, d];
  }
  return near;
}
