import { nearestName } from './edit-distance.js';
import { ScenarioError } from './scenario-error.js';

/** Why an options object was refused: the option at fault (`options` for the object itself) and what is wrong. */
export interface OptionKeyProblem {
  readonly key: string;
  readonly message: string;
  /** The options object itself is at fault (not an object), not one of its keys. */
  readonly whole?: true;
}

/**
 * Why an options object may not be read, or undefined when it may: it is not an object, or it holds
 * a key the function does not read. From JavaScript a misspelt option was ignored without a word:
 * `simulate(loaded, { seeds: 7 })` ran the scenario's own seed, `loadScenario(file, { allowedRoot:
 * [dir] })` left the folder out: other numbers, or another file read, than the caller asked for.
 * `known` lists every key `what` reads; `refusedElsewhere`, keys it refuses with words of their own
 * (an option of another function), which pass here and are not listed; `named`: the error names
 * `what` already (a ScenarioError's source), so the message does not name it again. Each entry point throws
 * the problem as its own error class (engine/option-keys.ts: RunOptionError; loadScenario and the
 * readers of files: ScenarioError).
 *
 * @example optionKeysProblem({ seeds: 7 }, ['trials', 'seed'], 'simulate') // => { key: 'seeds', message: 'is not an option of simulate (did you mean seed?); its options are trials, seed' }
 * Complexity: O(keys x known).
 */
export function optionKeysProblem(options: unknown, known: readonly string[], what: string, refusedElsewhere: readonly string[] = [], named = false): OptionKeyProblem | undefined {
  if (options === undefined) return undefined;
  const of = named ? '' : ` of ${what}`;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return { key: 'options', message: `the options${of} must be an object (got ${valueKind(options)})`, whole: true };
  for (const key of Object.keys(options)) {
    if (known.includes(key) || refusedElsewhere.includes(key)) continue;
    const near = nearestName(key, known);
    return { key, message: `is not an option${of}${near ? ` (did you mean ${near}?)` : ''}; its options are ${known.join(', ')}` };
  }
  return undefined;
}

/** What a bad option's value is, for its refusal: its type, or null, or an array. */
export function valueKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * optionKeysProblem thrown as a ScenarioError, the class of everything else the readers of files
 * refuse (loadScenario, parseMonthlyFile, readMonthlyFile, fitHistory): its source is the function,
 * its path the key. A caller that catches ScenarioError (as the CLI does, exit 2) catches this too.
 *
 * @example checkReaderOptions({ allowedRoot: ['data'] }, ['allowedRoots'], 'loadScenario') // ScenarioError: loadScenario allowedRoot: is not an option (did you mean allowedRoots?); its options are allowedRoots
 */
export function checkReaderOptions(options: unknown, known: readonly string[], what: string): void {
  const problem = optionKeysProblem(options, known, what, [], true);
  if (problem) throw new ScenarioError(what, [{ path: problem.whole ? [] : [problem.key], message: problem.message }]);
}
