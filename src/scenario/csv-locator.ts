/**
 * Where the records and fields of a CSV text are, for messages and for the record widths readCsv
 * evens out (csv-even-records.ts). The text is split into records the way csv-parse splits it with
 * readCsv's options (`trim`, `relax_quotes`, CRLF, LF or CR record ends): a field starts after the
 * characters csv-parse trims, and a quote there opens a quoted field, whose line breaks and commas
 * are the field's own.
 */

/**
 * Whether csv-parse (`trim: true`) trims UTF-16 code unit `c` at the start of a field: its whitespace
 * set (csv-parse's `init_state.js`) without the line ends, which end a record first. Not only space
 * and tab: a no-break space or a form feed before a quote hides the quote from a reader that stops at
 * them, and every later record would be put a line early.
 */
export function isTrimmed(c: number): boolean {
  if (c === 32 || c === 9) return true;
  if (c < 0xa0) return c === 12 || c === 11;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The records of a text: where each starts and ends, its line, and how many fields it has. */
export interface RecordShape {
  /** Offset where record r starts (after a leading byte-order mark). */
  readonly starts: Int32Array;
  /** Offset of record r's record end (its CR or LF), or the text's length for a last record without one. */
  readonly ends: Int32Array;
  /** Line (1-based) where record r starts. */
  readonly lines: Int32Array;
  /** Number of fields of record r (commas outside quotes + 1). */
  readonly widths: Int32Array;
}

/**
 * Positions in CSV text, for messages: the line and character column where a field of a record
 * starts. The text is scanned once, on first use: a file without problems never pays for positions.
 */
export class Locator {
  private shape: RecordShape | undefined;

  constructor(private readonly text: string) {}

  /** Line and column where field `field` of record `record` (0-based) starts; past its end, where the record ends. */
  at(record: number, field: number): { line: number; column: number } {
    const { starts, lines } = this.records();
    const s = this.text;
    const n = s.length;
    let p = starts[Math.min(record, starts.length - 1)] ?? 0;
    let line = lines[Math.min(record, lines.length - 1)] ?? 1;
    let lineStart = p;
    for (let f = 0; f < field; f++) {
      while (p < n && isTrimmed(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) === 34) {
        for (p++; p < n; p++) {
          const c = s.charCodeAt(p);
          if (c === 34) {
            if (s.charCodeAt(p + 1) !== 34) break;
            p++;
          } else if (c === 10 || (c === 13 && s.charCodeAt(p + 1) !== 10)) {
            line++;
            lineStart = p + 1;
          }
        }
        p++;
      }
      while (p < n && s.charCodeAt(p) !== 44 && s.charCodeAt(p) !== 10 && s.charCodeAt(p) !== 13) p++;
      if (s.charCodeAt(p) !== 44) break; // the record ends before the field
      p++;
    }
    while (p < n && isTrimmed(s.charCodeAt(p))) p++;
    return { line, column: characterColumn(s, lineStart, Math.min(p, n)) };
  }

  /** Start offset of every record (in the text; after a byte-order mark). */
  recordStarts(): Int32Array {
    return this.records().starts;
  }

  /**
   * Every record's start, end, line and width, from one scan of the text.
   * Complexity: O(size of the text), once.
   */
  records(): RecordShape {
    this.shape ??= scanRecords(this.text);
    return this.shape;
  }
}

/** One pass over the text: a field's start skips trimmed characters and a quoted part; the rest of a field runs to a comma or a record end. */
function scanRecords(s: string): RecordShape {
  const n = s.length;
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let lines = new Int32Array(1024);
  let widths = new Int32Array(1024);
  let count = 0;
  let p = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  do {
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
      lines = grown(lines);
      widths = grown(widths);
    }
    starts[count] = p;
    lines[count] = line;
    let width = 1;
    let end = n;
    while (p < n) {
      // A field's start: trimmed characters, then maybe a quoted part (its commas and line breaks are its own).
      let c = s.charCodeAt(p);
      while (isTrimmed(c) && ++p < n) c = s.charCodeAt(p);
      if (c === 34 && p < n) {
        for (p++; p < n; p++) {
          const d = s.charCodeAt(p);
          if (d === 34) {
            if (s.charCodeAt(p + 1) !== 34) break;
            p++;
          } else if (d === 10 || (d === 13 && s.charCodeAt(p + 1) !== 10)) line++;
        }
        p++;
      }
      // The rest of the field.
      while (p < n) {
        c = s.charCodeAt(p);
        if (c === 44 || c === 10 || c === 13) break;
        p++;
      }
      if (p >= n) break;
      p++;
      if (c === 44) {
        width++;
        continue;
      }
      end = p - 1;
      if (c === 13 && s.charCodeAt(p) === 10) p++;
      line++;
      break;
    }
    ends[count] = end;
    widths[count] = width;
    count++;
  } while (p < n);
  return { starts: starts.slice(0, count), ends: ends.slice(0, count), lines: lines.slice(0, count), widths: widths.slice(0, count) };
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Line and character column (1-based) of offset `index` in CSV text, lines ended as records are
 * (CRLF, LF or CR) and a leading byte-order mark not counted: where a byte no CSV holds (a NUL, or
 * the first that is not UTF-8) is, for a reader's refusal of the whole file.
 *
 * @example textPosition('a,b\r\nc,\u0000', 7) // => { line: 2, column: 3 }
 * Complexity: O(index).
 */
export function textPosition(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: characterColumn(text, start, index) };
}

/** The 1-based column, in characters (a surrogate pair is one), of offset `at` on the line that starts at `lineStart`. */
function characterColumn(text: string, lineStart: number, at: number): number {
  let column = 1;
  for (let i = lineStart; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++; // not the second half of a surrogate pair: one character
  }
  return column;
}
