/**
 * Characters that must not reach a terminal raw from user text (names, keys, labels, paths): C0
 * controls (ESC starts escape sequences, BEL rings, CR overwrites the line), DEL, C1 controls
 * (U+009B is a one-byte CSI), the line and paragraph separators U+2028 and U+2029, and the bidi
 * controls that reorder what is shown (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same without line feed: a multi-line text keeps its own line breaks. */
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A code unit written visibly as `\u{hex}` (the terminal's and the charts' way: xml-safe.ts). */
export const visible = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

/**
 * One line of text (a table cell, a name) as it may be printed: every unsafe character, line feed
 * and tab included, written visibly as `\u{hex}`. Text without them is returned unchanged.
 *
 * @example terminalCell('Evil\x1b[2J') // => 'Evil\\u{1b}[2J'
 */
export function terminalCell(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Text of one or more lines as it may be printed: like terminalCell, but line feeds stay line
 * feeds. Applied to everything the CLI writes to stdout and stderr, so no name reaches the terminal
 * raw whichever message carries it.
 *
 * @example terminalText('a\x07\nb') // => 'a\\u{7}\nb'
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_BUT_LF, visible);
}
