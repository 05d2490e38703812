/**
 * The first JSON syntax error of a `.json` scenario, as its offset and a planner's words; undefined
 * for valid JSON.
 *
 * A `.json` file was read as YAML only (JSON is YAML): a missing comma was "not valid YAML: Missing ,
 * between flow map items", and a trailing comma, which YAML's flow collections allow, was accepted
 * silently. A JSON file is held to JSON's grammar here, before the YAML reader gives it its meaning
 * (so a valid file reads as before). JSON.parse is not used for this: in Node 20 some of its
 * messages give no position and quote the whole text ("Unexpected token ']', "[1,2,]" is not valid
 * JSON"). Iterative, with an explicit stack: no depth exhausts it.
 *
 * @example jsonSyntaxProblem('{"a": 1,}') // => { offset: 7, message: 'a comma before } ends nothing: remove the trailing comma' }
 * Complexity: O(length of the text).
 */
export function jsonSyntaxProblem(text: string): { offset: number; message: string } | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open: Array<'{' | '['> = [];
  const openedAt: number[] = [];
  let want: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after' = 'value';
  let comma = -1;
  let valueEnd = 0;
  const fail = (message: string, at = i) => ({ offset: Math.min(at, text.length), message });
  const closer = () => (open[open.length - 1] === '{' ? '}' : ']');
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) {
      if (open.length === 0 && want === 'after') return undefined;
      return fail(open.length > 0 ? `the file ends before a ${closer()} closes the ${open[open.length - 1] === '{' ? 'object' : 'list'}` : 'the file ends where a value was expected');
    }
    const c = text[i]!;
    if ((want === 'firstKey' && c === '}') || (want === 'firstValue' && c === ']')) {
      open.pop();
      openedAt.pop();
      i++;
      want = 'after';
      continue;
    }
    if ((c === '}' || c === ']') && comma >= 0 && (want === 'key' || want === 'value') && c === closer())
      return fail(`a comma before ${c} ends nothing: remove the trailing comma`, comma);
    if ((c === '}' || c === ']') && open.length > 0 && c !== closer() && want !== 'colon')
      return fail(`this ${c} does not close the ${open[open.length - 1]} on line ${lineOf(text, openedAt[openedAt.length - 1]!)}: close that with ${closer()} first`);
    if (want === 'key' || want === 'firstKey') {
      if (c !== '"') return fail('expected a key in double quotes');
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      want = 'colon';
    } else if (want === 'colon') {
      if (c !== ':') return fail("expected ':' after the key");
      i++;
      want = 'value';
    } else if (want === 'value' || want === 'firstValue') {
      comma = -1;
      if (c === '{' || c === '[') {
        open.push(c);
        openedAt.push(i);
        i++;
        want = c === '{' ? 'firstKey' : 'firstValue';
        continue;
      }
      if (c === '"') {
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return end;
        i = end;
      } else {
        LITERAL.lastIndex = i;
        const literal = LITERAL.exec(text);
        if (literal === null) return fail('expected a value: a number, "text" in double quotes, true, false, null, {...} or [...]');
        i += literal[0].length;
      }
      valueEnd = i;
      want = 'after';
    } else {
      if (open.length === 0) return fail('more after the end of the JSON value: a file holds one');
      if (c === ',') {
        comma = i++;
        want = open[open.length - 1] === '{' ? 'key' : 'value';
      } else if (c === closer()) {
        open.pop();
        openedAt.pop();
        i++;
        valueEnd = i;
      } else return fail(`expected ',' or '${closer()}' after this value (is a comma missing?)`, valueEnd);
    }
  }
}

/** The 1-based line of `offset`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let j = 0; j < offset; j++) if (text[j] === '\n' || (text[j] === '\r' && text[j + 1] !== '\n')) line++;
  return line;
}

/** A JSON number, true, false or null, at lastIndex. */
const LITERAL = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![0-9A-Za-z_.])|(?:true|false|null)(?![0-9A-Za-z_])/y;

/** The offset after the string whose opening quote is at `start`, or the problem in it. */
function stringEnd(text: string, start: number): number | { offset: number; message: string } {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) {
      const next = text[j + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else if (next !== undefined && '"\\/bfnrt'.includes(next)) j++;
      else return { offset: j, message: 'an escape JSON does not have: write \\\\ for a backslash' };
    } else if (c < 0x20) return { offset: j, message: 'a line break or control character inside a string: close the string with " before it' };
  }
  return { offset: start, message: 'this " is never closed' };
}
