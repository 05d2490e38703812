import { nearestName } from '../scenario/edit-distance.js';
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
    throw new RunOptionError('options', `the options of ${what} must be an object (got ${valueKind(options)})`, true);
  for (const key of Object.keys(options)) {
    if (known.includes(key) || refusedElsewhere.includes(key)) continue;
    const near = nearestName(key, known);
    throw new RunOptionError(key, `is not an option of ${what}${near ? ` (did you mean ${near}?)` : ''}; its options are ${known.join(', ')}`, true);
  }
}

/** What a bad option's value is, for its refusal: its type, or null, or an array. */
export function valueKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
