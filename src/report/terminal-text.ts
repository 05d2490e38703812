/**
 * Characters that must not reach a terminal raw from user text (names, keys, labels, paths): C0
 * controls (ESC starts escape sequences, BEL rings, CR overwrites the line), DEL, C1 controls
 * (U+009B is a one-byte CSI), the line and paragraph separators U+2028 and U+2029, and the bidi
 * controls that reorder what is shown (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same without line feed: a multi-line text keeps its own line breaks. */
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

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

/** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W/F, gathered into blocks): two columns each. */
const WIDE =
  /[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1b000}-\u{1b2ff}\u{1f200}-\u{1f2ff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]|\p{Emoji_Presentation}/u;

/** Combining marks, zero-width spaces and joiners, variation selectors and Hangul medial/final jamo: no column of their own. */
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f\u1160-\u11ff\u{e0000}-\u{e0fff}]/u;

/**
 * The columns a terminal gives a line of printable text (terminalCell's output): East Asian Wide and
 * Fullwidth characters and emoji 2, combining marks and joiners 0, the rest 1. Approximate for
 * emoji sequences joined by U+200D (each emoji counted), as many terminals draw them.
 *
 * @example displayWidth('中小企業') // => 8
 * @example displayWidth('e\u0301') // => 1
 * Complexity: O(length).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += ZERO.test(c) ? 0 : WIDE.test(c) ? 2 : 1;
  return width;
}

/** Text padded with spaces on the right to `width` display columns (displayWidth), as padEnd pads to a length. */
export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Text padded with spaces on the left to `width` display columns (displayWidth), as padStart pads to a length. */
export function padStartDisplay(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
