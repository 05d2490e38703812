import { isAlias, isMap, isScalar, isSeq, type Document } from 'yaml';
import { readHumanNumber } from './human-number.js';
import { MONEY_POINT } from './money-point.js';

/** A value YAML read as a number, at its path in the file's data, with the text written. */
export interface WrittenNumber {
  readonly path: ReadonlyArray<string | number>;
  readonly text: string;
  /** The number YAML read it as. */
  readonly value: number;
}


/** A decimal written with nothing after its point but an exponent, `100.`, `-0.`, `1.e3`. */
const TRAILING_POINT = /^[+-]?[0-9]+\.(?:[eE][+-]?[0-9]+)?$/;

/**
 * The values a YAML file writes as plain (unquoted) numbers whose text arrcast's own reader of
 * numbers (human-number.ts) would read otherwise than YAML did: YAML turns `openingArr: 18.000` into
 * 18 before the schema sees it, so the money field's refusal of a point before three digits (both
 * readings, 18000 or 18) never ran, and the plan ran with an opening ARR of 18; `0x10` (16), `0o17`
 * (15) or, under `%YAML 1.1`, `1:30` (90) and `012` (10, octal) are numbers no planner writes as such.
 * Each is given to the schema again as its text (numberTextIssues), so the field's own reader refuses
 * it or reads it as before (a rate's `0.125` or a count's `12.500` keeps its reading); one it reads as
 * another number (`012`, 12) is refused with both.
 *
 * A JSON document (its top a `{ }` whose keys are in double quotes) keeps a point before three
 * digits as a decimal point: JSON's grammar has no thousands separator, and JSON is what programs
 * write, arrcast among them (a report's scenario.json, `JSON.stringify(12.345)`, is run again).
 *
 * Aliases are followed (their expansion is bounded when the file is composed, read-yaml.ts); keys
 * are not values. Non-finite numbers (`.inf`, `.nan`) are left to the schema's finite checks.
 *
 * @example numbersReadOtherwise(parseDocument('openingArr: 18.000')) // => [{ path: ['openingArr'], text: '18.000' }]
 * Complexity: O(values after aliases).
 */
export function numbersReadOtherwise(doc: Document): WrittenNumber[] {
  const json = isJsonDocument(doc);
  const out: WrittenNumber[] = [];
  const visit = (node: unknown, path: Array<string | number>): void => {
    if (isAlias(node)) return visit(node.resolve(doc), path);
    if (isScalar(node)) {
      if (node.type === 'PLAIN' && typeof node.value === 'number' && Number.isFinite(node.value) && typeof node.source === 'string' && readOtherwise(node.source, node.value, json))
        out.push({ path: [...path], text: node.source, value: node.value });
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        path.push(String(pair.key.value));
        visit(pair.value, path);
        path.pop();
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        visit(item, path);
        path.pop();
      });
    }
  };
  visit(doc.contents, []);
  return out;
}

/** Whether arrcast's reader of numbers takes `text` otherwise than as `value` (or not at all), or it is money's point before three digits. */
function readOtherwise(text: string, value: number, json: boolean): boolean {
  if (MONEY_POINT.test(text)) return !json;
  // `100.`, `0.`, `1.e3`: a point with no digit after it has one reading, YAML's (arrcast's reader
  // wants a digit after a point; such numbers ran before the texts were checked, and still do).
  if (TRAILING_POINT.test(text)) return false;
  const read = readHumanNumber(text);
  return !read.ok || read.value !== value;
}

/** A JSON text: its top a flow mapping (`{ }`) whose keys are all written in double quotes, as JSON requires. */
function isJsonDocument(doc: Document): boolean {
  const top = doc.contents;
  return isMap(top) && top.flow === true && top.items.every((pair) => isScalar(pair.key) && pair.key.type === 'QUOTE_DOUBLE');
}
