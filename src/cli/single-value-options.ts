import type { Command } from 'commander';
import { UsageError } from './exit-codes.js';

/** Options that may be given more than once, each adding a value (their parsers collect them). */
const REPEATABLE = new Set(['--target', '--with-stress', '--no-warn', '--allow-path']);

/**
 * What a single-value option takes, where "one value" would not say what to do with two. An option
 * whose argument is a `<list>` (every command's --outputs) takes one comma-separated list: said for all.
 */
const ONE: Readonly<Record<string, string>> = {
  'run --actuals': 'one file of the closed months (months 1 to M of every tier: put the months of both in one file)',
  'run --plan': "one plan's report directory",
  'score --actuals': 'one outcomes file (or one file of the year\'s 12 months)',
  'fit --deals': 'one deals file',
  'fit --customers': 'one customer book',
};

/**
 * Refuses, for every command under `program`, an option that takes one value given twice (exit 2,
 * naming both values). Commander keeps the last silently: `run --actuals jan-feb.csv --actuals
 * mar-may.csv` re-forecast from the second file alone (its message, "no row for months 1 and 2",
 * never said the first was dropped), and `--seed 1 --seed 2` ran seed 2. Options that collect
 * (REPEATABLE) and flags are left alone.
 *
 * Complexity: O(options) listeners, each O(1) a value.
 */
export function refuseRepeatedOptions(program: Command): void {
  const visit = (command: Command): void => {
    for (const option of command.options) {
      const long = option.long;
      if (!(option.required || option.optional) || option.variadic || long === undefined || REPEATABLE.has(long)) continue;
      let first: string | undefined;
      command.on(`option:${option.name()}`, (value: unknown) => {
        const text = String(value);
        if (first === undefined) {
          first = text;
          return;
        }
        // A list-valued option (--outputs <list>) takes its several values in one: "one value" read as one output.
        const takes = option.flags.includes('<list>') ? `one comma-separated list (${long} ${first},${text})` : (ONE[`${command.name()} ${long}`] ?? 'one value');
        throw new UsageError(`${long} is given twice (${first}, then ${text}): it takes ${takes}; give it once`);
      });
    }
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}
