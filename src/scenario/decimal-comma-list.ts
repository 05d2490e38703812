import { isScalar, type Document, type YAMLSeq } from 'yaml';
import { flowListOn, flowListsInDistribution } from './locate.js';
import { withoutPercentHint } from './percent-hint.js';
import { AFTER_DECIMAL_COMMA_ALONE, numberMeant } from './number-suggestion.js';

/**
 * A problem's message, with the note for a list written inside [ ] where decimal commas are the
 * likely reading in place of any percent hint; else `message` as it is. YAML reads `[0,9, 0,9, 1]` as
 * 0, 9, 0, 9, 1: the list then breaks its field's rule (its length, a value's range), and the problem
 * alone does not say why (a ramp's `0,5` read as 0 and 5 drew "did you mean 0.05 (or 5%)?", which the
 * note replaces: the two together contradict each other). The list is the one the problem is in, or
 * else a list beside it in the same mapping (a discrete's `values: [0,04, 0,05]` read as four numbers
 * breaks the distribution's range, at the distribution, and its `weights`' count, at the weights).
 * Asked only for a problem, so a list that is valid gets no note; and only where the list mixes its
 * separators (listMisreadPair). So `[1,2,3]` and a ramp's `[0,1,2]` (no spaced comma) and
 * `[1,000, 2,000]` (three digits after the comma: a thousands group) get none.
 *
 * @example withDecimalCommaListNote('a ramp share must be in [0, 1]; did you mean 0.25 (or 25%)?', parseDocument('ramp: [0, 0,25, 0,5]'), ['ramp', 3]) // => 'a ramp share must be in [0, 1] (inside [ ] a comma separates values: "0,25" is read as two, 0 and 25; if it is one number, write 0.25)'
 * Complexity: O(path length + the mapping's entries), after each list's items are read once (readingOf).
 */
export function withDecimalCommaListNote(message: string, doc: Document, path: ReadonlyArray<PropertyKey>, key?: string): string {
  const pair = pairAtFault(doc, path, key);
  return pair === undefined ? message : `${withoutPercentHint(message)} ${decimalCommaWords(pair)}`;
}

/** What the note says of `pair`: '(inside [ ] a comma separates values: ...)'. */
export function decimalCommaWords(pair: DecimalCommaPair): string {
  return `(inside [ ] a comma separates values: "${pair.text}" is read as two, ${pair.a} and ${pair.b}; if it is one number, write ${pair.meant})`;
}

/**
 * The first pair of `list` that reads as one decimal-comma number, where the list mixes its
 * separators: some commas with a space after them (between values) and some without, between a
 * whole number and digits that numberMeant reads as one number with a decimal comma. Undefined
 * elsewhere.
 */
export function listMisreadPair(list: YAMLSeq): DecimalCommaPair | undefined {
  const { spaced, pairs } = readingOf(list);
  return spaced ? pairs[0] : undefined;
}

function pairAtFault(doc: Document, path: ReadonlyArray<PropertyKey>, key: string | undefined): DecimalCommaPair | undefined {
  const on = flowListOn(doc, path);
  if (on !== undefined) {
    const { spaced, pairs } = readingOf(on.list);
    // The pair the problem's value is half of (ramp[4], the 5 of "0,5"), else the list's first.
    if (spaced && pairs.length > 0) return pairs.find((p) => on.item !== undefined && (p.at === on.item || p.at + 1 === on.item)) ?? pairs[0];
  }
  // A key's problem (unknown, misspelt) is the key's, not its neighbours' values.
  if (key !== undefined) return undefined;
  for (const list of flowListsInDistribution(doc, path)) {
    const pair = listMisreadPair(list);
    if (pair !== undefined) return pair;
  }
  return undefined;
}

/** Two neighbours of a [ ] list with a comma alone between them, as one decimal-comma number. */
export interface DecimalCommaPair {
  /** The index of the first. */
  readonly at: number;
  readonly text: string;
  readonly a: string;
  readonly b: string;
  /** The number meant: `0.5` of `0,5`. */
  readonly meant: string;
}

interface ListReading {
  /** Some comma of the list has a space after it. */
  readonly spaced: boolean;
  /** Neighbours with a comma alone between them that read as one decimal-comma number. */
  readonly pairs: ReadonlyArray<DecimalCommaPair>;
}

/** Each list read once: a list of 200,000 bad values has as many problems, each asking. */
const readings = new WeakMap<YAMLSeq, ListReading>();

function readingOf(list: YAMLSeq): ListReading {
  const known = readings.get(list);
  if (known !== undefined) return known;
  const items = list.items;
  let spaced = false;
  const pairs: DecimalCommaPair[] = [];
  for (let i = 0; i + 1 < items.length; i++) {
    const [a, b] = [items[i], items[i + 1]];
    if (!isScalar(a) || !isScalar(b) || !a.range || !b.range) continue;
    // Between two plain values of a [ ] list, one character is the comma alone: no space after it.
    if (b.range[0] - a.range[1] > 1) spaced = true;
    else if (a.type === 'PLAIN' && b.type === 'PLAIN') {
      const [as, bs] = [String(a.source ?? ''), String(b.source ?? '')];
      if (!WHOLE.test(as) || !AFTER_DECIMAL_COMMA_ALONE.test(bs)) continue;
      const meant = numberMeant(`${as},${bs}`);
      if (meant !== undefined && meant.why.includes('decimal point')) pairs.push({ at: i, text: `${as},${bs}`, a: as, b: bs, meant: meant.text });
    }
  }
  const reading = { spaced, pairs };
  readings.set(list, reading);
  return reading;
}

const WHOLE = /^[+-]?[0-9]+$/;
