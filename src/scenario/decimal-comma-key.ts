import type { Document } from 'yaml';
import { isScalar } from 'yaml';
import { pairAt } from './locate.js';
import { AFTER_DECIMAL_COMMA_ALONE } from './number-suggestion.js';

/** Appended to a problem whose key is the digits after a decimal comma inside { }. */
const NOTE =
  ' (did you mean a decimal point? Inside { } a comma separates entries, so a number written with a decimal comma is read as two: the digits before the comma as the value, those after it as a key: write the number with a point)';

/**
 * The note for a problem at a key that a decimal comma made, else ''. Inside { } YAML reads
 * `{ mean: 0,86 }` as mean 0 and a key 86 with no value; `{ p10: 0,88 }` in a record of quantiles,
 * `{ discovery: 0,1 }` in a record of stages, likewise. Only a key written bare (not quoted), inside
 * { }, with no value, of digits and perhaps a suffix: `2027: 5` in a block mapping, and JSON's
 * `"2027": 5`, are keys someone wrote as keys, and get no note.
 *
 * @example decimalCommaKeyNote(parseDocument('d: { mean: 0,86 }'), ['d'], '86') // => ' (did you mean a decimal point? …)'
 * Complexity: O(path length) after the first search of each mapping on the path (locate.ts).
 */
export function decimalCommaKeyNote(doc: Document, path: ReadonlyArray<PropertyKey>, key?: string): string {
  const at = pairAt(doc, path, key);
  if (at === undefined || !at.map.flow) return '';
  const { key: k, value } = at.pair;
  const bare = isScalar(k) && k.type === 'PLAIN' && AFTER_DECIMAL_COMMA_ALONE.test(String(k.source ?? k.value));
  const noValue = value === null || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]);
  return bare && noValue ? NOTE : '';
}
