import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { decimalCommaWords, listMisreadPair } from './decimal-comma-list.js';
import { locate } from './locate.js';

/** A [ ] list of a valid file that its own commas say was likely misread: where, and why. */
export interface MisreadList {
  /** The list's path in the file that writes it. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * Every list written inside [ ] in `doc` that mixes its separators as a decimal-comma list does
 * (listMisreadPair: a comma with a space after it, and one without between a whole number and digits
 * that read as one decimal-comma number). A problem in such a list gets the decimal-comma note; a
 * list that passes its field's rules is still read other than meant (`ramp: [0, 0,1, 1]` is
 * [0, 0, 1, 1]), so the file states it as a warning. `[1,2,3]`, `[1, 2, 3]` and `[1,000, 2,000]` are
 * not such lists.
 *
 * @example misreadLists(parseDocument('ramp: [0, 0,1, 1]'), lines) // => [{ path: ['ramp'], message: 'read as 4 values (inside [ ] ...)', line: 1, column: 7 }]
 * Complexity: O(size of the document).
 */
export function misreadLists(doc: Document, lines: LineCounter): MisreadList[] {
  const out: MisreadList[] = [];
  const walk = (node: unknown, path: Array<string | number>): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      const pair = node.flow === true ? listMisreadPair(node) : undefined;
      if (pair !== undefined) out.push({ path, message: `read as ${node.items.length} values ${decimalCommaWords(pair)}`, ...locate(doc, lines, path) });
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}
