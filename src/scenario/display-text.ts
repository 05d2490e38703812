/**
 * User text (names, keys, cell values, file content) made safe to put in a message a terminal shows.
 *
 * - Characters that steer a terminal or reorder text are shown as `\u{..}` escapes: C0 controls
 *   (ESC, BEL, CR, LF, TAB ...), DEL, C1 controls (U+0080..U+009F), the line and paragraph
 *   separators U+2028/U+2029, and the bidirectional controls (U+061C, U+200E/U+200F,
 *   U+202A..U+202E, U+2066..U+2069) that make a "Trojan Source" line read otherwise than it is.
 * - An excerpt of a file's content is at most MAX_EXCERPT_CHARS characters, so no error message can
 *   print a file it was not meant to.
 */

/** Most characters of user text or file content one message quotes; longer text is cut, with `…`. */
export const MAX_EXCERPT_CHARS = 40;

/** Characters shown as `\u{..}`: see the file comment. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escapeOne = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/**
 * `text` with every unsafe character written `\u{..}`; anything else as it is.
 *
 * @example displayText('a\u001b[31mb') // => 'a\\u{1b}[31mb'
 * Complexity: O(length).
 */
export function displayText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * `text` in double quotes for a message: cut to `max` characters (whole code points, `…` added),
 * `"` and `\` escaped as in JSON, unsafe characters as `\u{..}`.
 *
 * @example quoteText('Acme "EU"') // => '"Acme \\"EU\\""'
 * @example quoteText('x'.repeat(50)).length // => 43 (40 characters, `…` and the quotes)
 * Complexity: O(min(length, max)).
 */
export function quoteText(text: string, max = MAX_EXCERPT_CHARS): string {
  return `"${excerpt(text, max).replace(/["\\]/g, (c) => `\\${c}`).replace(UNSAFE, escapeOne)}"`;
}

/**
 * At most `max` characters (code points) of `text`, with `…` when it was cut.
 *
 * @example excerpt('abcdef', 3) // => 'abc…'
 */
export function excerpt(text: string, max = MAX_EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const point of text) {
    if (n === max) return `${out}…`;
    out += point;
    n++;
  }
  return out;
}
