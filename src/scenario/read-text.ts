import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { MAX_SCENARIO_BYTES } from './limits.js';
import { readFileBytes, type FileKind } from './read-file.js';

export { MAX_SCENARIO_BYTES };

/** Scenario files and `extends` bases. */
export const SCENARIO_FILE: FileKind = {
  maxBytes: MAX_SCENARIO_BYTES,
  noun: 'a scenario file',
  tooLarge: (size, more) =>
    `is ${more}${size.toLocaleString('en-US')} bytes; a scenario file may be at most ${MAX_SCENARIO_BYTES.toLocaleString('en-US')} bytes (${MAX_SCENARIO_BYTES / 1024 / 1024} MB)`,
};

/**
 * Read a scenario file's text: a regular file, at most MAX_SCENARIO_BYTES, UTF-8 and not binary (a
 * leading byte-order mark is dropped). Throws ScenarioError naming the file otherwise, with the line
 * and column of the first bad byte where there is one. The file is opened as every file arrcast
 * reads is (read-file.ts: non-blocking, checked through its handle); `check` is the path policy's
 * check of what was opened (path-policy.ts).
 *
 * @example await readScenarioText('scenarios/example.yaml') // => '# yaml-language-server: ...'
 * Complexity: O(size of the file).
 */
export async function readScenarioText(file: string, check?: (opened: string) => Promise<string | undefined>): Promise<string> {
  const fail = (message: string, at?: { line: number; column: number }): never => {
    throw new ScenarioError(file, [{ path: [], message, ...at } satisfies ScenarioIssue]);
  };
  const bytes = await readFileBytes(file, file, SCENARIO_FILE, check);
  if (startsUtf16(bytes)) fail('is UTF-16 text; save it as UTF-8', { line: 1, column: 1 });
  if (looksUtf16(bytes)) fail('is UTF-16 text without a byte-order mark; save it as UTF-8', { line: 1, column: 1 });
  const nul = bytes.indexOf(0);
  if (nul >= 0) fail('is binary (it holds a NUL byte), not a YAML or JSON scenario', position(bytes, nul));
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) fail(`is not UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} here); save it as UTF-8`, position(bytes, bad));
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** 1-based line and column (in characters) of a byte offset; lines end at LF, CRLF or a lone CR, as YAML's do. */
function position(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: bytes.subarray(start, offset).toString('utf8').length + 1 };
}

/** Whether the bytes open with a UTF-16 byte-order mark (little- or big-endian): text saved as UTF-16. */
export const startsUtf16 = (bytes: Uint8Array): boolean => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/**
 * What a file arrcast reads as UTF-8 JSON or text is, when it is UTF-16 ('is UTF-16 text', or '... without a
 * byte-order mark'), else undefined: for the files arrcast reads back (a report's summary.json,
 * scenario.json and sipmath.json, --plan's summary.json), which read as 'not JSON' when re-saved so.
 *
 * @example utf16Words(Buffer.from('{}', 'utf16le')) // => 'is UTF-16 text without a byte-order mark'
 */
export function utf16Words(bytes: Uint8Array): string | undefined {
  if (startsUtf16(bytes)) return 'is UTF-16 text';
  if (looksUtf16(bytes)) return 'is UTF-16 text without a byte-order mark';
  return undefined;
}

/** How much of a file looksUtf16 looks at. */
const UTF16_SAMPLE_BYTES = 65_536;
/** The least share of a UTF-16 text's first characters below U+0080 (a CSV's commas, digits and line ends; a scenario's keys). */
const UTF16_MIN_ASCII_SHARE = 1 / 8;

/**
 * Whether bytes are UTF-16 text without a byte-order mark (CSV files and scenarios), little- or
 * big-endian: either their first 64 bytes are ASCII text in UTF-16 (every other byte zero, the others
 * not: a one-line file, a header-only CSV, text with a form feed or a trailing Ctrl-Z), or, read so,
 * their first 64 KB are text (no U+0000, no unpaired surrogate, no U+FFFE or U+FFFF) with a line end,
 * at least an eighth of it below U+0080 (or, with no line end, no control character and not ASCII
 * read in pairs: readsAsUtf16) (a file's commas, colons, digits and line ends: a byte of
 * zero beside each). Any script: a first field in Cyrillic or CJK text reads so too, where looking
 * for every other byte zero caught Latin-1 only. Bytes without a zero are never UTF-16 text of a CSV
 * or scenario (its line ends have one); binary files have zero bytes side by side (U+0000), and ASCII
 * text with a stray NUL byte has one zero byte, not every other, and, read as UTF-16, too few
 * characters below U+0080, and no line end unless the NUL is beside one.
 */
export function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  if (n < 4 || bytes.subarray(0, n).indexOf(0) < 0) return false;
  return isAsciiUtf16(bytes) || readsAsUtf16(bytes, n, 0) || readsAsUtf16(bytes, n, 1);
}

/** Whether in the first 64 bytes (at least 4) every other byte is zero and the others are not: ASCII text as UTF-16 LE or BE. */
function isAsciiUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return (odd === n / 2 && even === 0) || (even === n / 2 && odd === 0);
}

/** A byte of ASCII text (printable, or a line end): two of them side by side read as one UTF-16 unit are what ASCII text read as UTF-16 is made of. */
const textByte = (b: number) => (b >= 0x20 && b <= 0x7e) || b === 10 || b === 13;

/**
 * A UTF-16 unit no text of a CSV or scenario holds: a C0 control other than tab, line ends, form
 * feed and a DOS file's Ctrl-Z; DEL; a C1 control; a private-use character.
 */
const controlUnit = (u: number) => (u < 0x20 && u !== 9 && u !== 10 && u !== 12 && u !== 13 && u !== 26) || (u >= 0x7f && u <= 0x9f) || (u >= 0xe000 && u <= 0xf8ff);

/** The most units of two ASCII text bytes, of those not below U+0080, that UTF-16 text without a line end may hold (ASCII text with stray NULs: nearly all). */
const MOST_TEXT_PAIRS = 0.9;

/**
 * Whether the first `n` bytes read as UTF-16 text (looksUtf16), the high byte of each unit at offset
 * `high` (1: little-endian): no U+0000, unpaired surrogate or U+FFFE/U+FFFF, and either
 * - a line end, and an eighth of the characters (two at least) below U+0080; or, with none in the
 *   sample (a one-line file, a header alone, a first line past 64 KB),
 * - a character below U+0080 (a comma), no control character (controlUnit), and not ASCII text with stray NUL bytes: read as UTF-16, that
 *   is units of two ASCII text bytes, while a non-Latin script's are not (Cyrillic, Arabic, Hangul,
 *   Devanagari, katakana: none; CJK about a fifth to two fifths; hiragana at most 72%).
 * Without a line end a non-Latin text's commas alone may be under an eighth of it (a CJK field of
 * eight characters or more): those were called binary.
 */
function readsAsUtf16(bytes: Uint8Array, n: number, high: 0 | 1): boolean {
  let ascii = 0;
  let lineEnds = 0;
  let controls = 0;
  let textPairs = 0;
  let pendingHigh = false; // the previous unit was a high surrogate
  for (let i = 0; i < n; i += 2) {
    const u = (bytes[i + high]! << 8) | bytes[i + 1 - high]!;
    const low = u >= 0xdc00 && u <= 0xdfff;
    if (pendingHigh !== low) return false; // a high surrogate not followed by a low one, or a low one alone
    pendingHigh = u >= 0xd800 && u <= 0xdbff;
    if (controlUnit(u)) controls++;
    if (u < 0x80) {
      // Other control characters are text's too (a form feed, a DOS file's trailing Ctrl-Z); U+0000 is not.
      if (u === 0) return false;
      if (u === 10 || u === 13) lineEnds++;
      ascii++;
    } else if (u === 0xfffe || u === 0xffff) return false;
    // Two ASCII text bytes, or one beside a stray NUL on the other side (U+6100: 'a' then NUL, read big-endian).
    else if (textByte(u >> 8) && (textByte(u & 0xff) || (u & 0xff) === 0)) textPairs++;
  }
  // A high surrogate last may be a pair cut by the sample's end (a whole file ending so is not text, but is refused anyway).
  // Two at least: one stray NUL byte beside a line end makes one such character, in a file of any size.
  if (lineEnds > 0) return ascii >= Math.max(2, (n / 2) * UTF16_MIN_ASCII_SHARE);
  // One comma may be all a two-column header has below U+0080.
  const others = n / 2 - ascii;
  return ascii >= 1 && controls === 0 && (others === 0 || textPairs < others * MOST_TEXT_PAIRS);
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
