import { optionKeysProblem } from '../scenario/option-keys.js';
import { RunOptionError } from './errors.js';

/**
 * Refuse, by name, an options object that is not an object, or that holds a key the function does
 * not read (scenario/option-keys.ts says why), as a RunOptionError: the class of every other
 * refused option of the run's entry points (simulate, createEngine, mergeParts, summarize, ...).
 *
 * @example checkOptionKeys({ seeds: 7 }, ['trials', 'seed'], 'simulate') // RunOptionError: seeds: is not an option of simulate (did you mean seed?); ...
 * Complexity: O(keys x known).
 */
export function checkOptionKeys(options: unknown, known: readonly string[], what: string, refusedElsewhere: readonly string[] = []): void {
  const problem = optionKeysProblem(options, known, what, refusedElsewhere);
  if (problem) throw new RunOptionError(problem.key, problem.message, true);
}
