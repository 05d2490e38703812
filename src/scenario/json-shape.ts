/**
 * Limits on the shape of JSON that arrcast reads back from files (a report's summary.json,
 * scenario.json and sipmath.json, a part file's header), checked before JSON.parse.
 *
 * Why: the byte limits alone do not bound memory. JSON.parse takes 60 to 110 bytes for each object
 * or array, so a 64 MB summary.json of `{},{},...` (21 million objects) took 2.1 GB and 23 s before
 * it was refused, and a 128 MB sipmath.json 4.6 GB. A real summary.json holds about 1,600 objects
 * and arrays for the example (three tiers), some 30,000 with 50 tiers; a sipmath.json one per series.
 */

/** At most this many objects and arrays: under 30 MB once parsed, about 8 times a 50-tier summary's. */
export const MAX_JSON_CONTAINERS = 250_000;
/** At most this deep (arrcast's own files nest under 10 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Why `text` is too costly to parse as JSON (too many objects and arrays, nested too deep, or more
 * than `maxValues` values in its arrays and objects), or undefined. Brackets and commas inside
 * strings do not count. It does not check that the text is JSON: JSON.parse does that after.
 *
 * `maxValues` bounds what the other limits do not: one array of small numbers. JSON.parse took
 * 606 MB more for 64 MB of `0,` (32 million values); a reader that knows how many values the file
 * it expects holds (a sipmath.json: trials x SIPs) passes that number.
 *
 * @example jsonShapeProblem('{"a":[1,2]}') // => undefined
 * Complexity: O(length of the text), one pass, no allocation.
 */
export function jsonShapeProblem(text: string, maxContainers = MAX_JSON_CONTAINERS, maxDepth = MAX_JSON_DEPTH, maxValues = Infinity): string | undefined {
  let containers = 0;
  let depth = 0;
  // Values after the first of each array or object: one comma each.
  let commas = 0;
  const maxCommas = maxValues - 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: skip to its closing quote (a backslash escapes the next character).
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++containers > maxContainers) return `holds more than ${maxContainers.toLocaleString('en-US')} objects and arrays: it is not one arrcast wrote`;
      if (++depth > maxDepth) return `nests objects and arrays more than ${maxDepth} deep: it is not one arrcast wrote`;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 44 && ++commas > maxCommas) return `holds more than ${maxValues.toLocaleString('en-US')} values: more than the file arrcast wrote would`;
  }
  return undefined;
}
