import { isAlias, isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { quoteText } from './display-text.js';
import { locate } from './locate.js';
import type { ScenarioIssue } from './scenario-error.js';

/**
 * The problem with a top-level `seed` written as a YAML number whose text is not the seed the run
 * would use, or undefined. Seeds are strings: `seed: 7` is the seed "7", the same as `--seed 7`.
 * But YAML reads `seed: 7.0`, `07`, `+7`, `1e3`, `0x10` or `0o17` as numbers (7, 7, 7, 1000, 16,
 * 15), so the file's run had the seed "7" (or "1000", "16", ...) where `--seed 7.0` runs the seed
 * "7.0": the same-looking seed, two different runs, and nothing to say so. Refused at its line,
 * with both spellings that say what is meant (`seed: 7` or `seed: "7.0"`): a seed is a name, and a
 * name that reads two ways is a mistake to point out, not to guess at (a warning can be silenced
 * or scroll by; the numbers would still differ from the command line's).
 *
 * Worded for the file's format: a `.json` source is told to write `7` or `"7.0"` (a string).
 *
 * A number written as String() writes it (`seed: 7`, `seed: 42`) keeps its meaning, as does any
 * quoted seed. A whole number past 2^53 - 1 is left to the schema, which says to quote it.
 *
 * @example seedTextIssue(doc of 'seed: 7.0', lines)?.message // => 'seed: 7.0 is read by YAML as the number 7, ...'
 * Complexity: O(1) (the top-level mapping's lookup aside).
 */
export function seedTextIssue(doc: Document, lines: LineCounter, source = ''): ScenarioIssue | undefined {
  if (!isMap(doc.contents)) return undefined;
  let node: unknown = doc.contents.get('seed', true);
  if (isAlias(node)) node = node.resolve(doc);
  if (!isScalar(node) || typeof node.value !== 'number' || typeof node.source !== 'string') return undefined;
  const value = node.value;
  const written = node.source;
  const read = String(value);
  if (written === read || (Number.isInteger(value) && !Number.isSafeInteger(value))) return undefined;
  const whole = Number.isSafeInteger(value) && value >= 0;
  const quoted = quoteText(written);
  // A JSON file is told in JSON (`7`, `"7.0"`), where `seed: 7` would be a YAML line in it.
  const message = /\.json$/i.test(source)
    ? whole
      ? `${quoted} is read as the number ${read}, so the run's seed would be "${read}", not ${quoted} as --seed reads it: write ${read}, or ${quoted} as a string`
      : `${quoted} is read as the number ${read}, not as the seed ${quoted} that --seed reads: write it as a string, ${quoted}`
    : whole
      ? `${quoted} is read by YAML as the number ${read}, so the run's seed would be "${read}", not ${quoted} as --seed reads it: write seed: ${read}, or seed: ${quoted} in quotes`
      : `${quoted} is read by YAML as the number ${read}, not as the seed ${quoted} that --seed reads: write it in quotes, seed: ${quoted}`;
  return { path: ['seed'], message, ...locate(doc, lines, ['seed']) };
}
