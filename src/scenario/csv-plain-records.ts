/**
 * Why this exists: csv-parse reads a field at a time through byte buffers, about 3 us a row of a
 * customer book (60 to 80 ms of a 20,000-row book's start-up, on the path before any trial runs).
 * Most files have no quotes at all, and a CSV text without a `"` has one reading: every CR LF, LF or
 * CR ends a record, every comma ends a field, and nothing is escaped.
 *
 * So `plainRecords` returns, for such a text, the records csv-parse returns with readCsv's options
 * (`bom`, `trim`, `relax_column_count`, CR LF / LF / CR record ends, `to: limit`), without it:
 * - a field is the text between commas and record ends, trimmed at both ends of the characters
 *   csv-parse trims (its `trim` set is ECMAScript's white space and line terminators, which is what
 *   String.prototype.trim removes);
 * - a record with nothing but trimmed characters and no comma comes back as [''] (a blank line), but
 *   for a last one without a record end, which csv-parse leaves out;
 * - a leading byte-order mark is dropped (`bom`).
 * It returns undefined, and readCsv parses with csv-parse, for any other text: one with a quote, one
 * that is not well-formed UTF-16 (csv-parse would read a lone surrogate as U+FFFD), or one with more
 * than `limit` records (csv-parse's `to` stops there). test/scenario/csv-plain-records.test.ts
 * checks it against csv-parse on generated texts.
 */

/**
 * The records csv-parse gives for a text without quotes (see above), or undefined for any other text.
 * Complexity: O(size of the text).
 */
export function plainRecords(text: string, limit: number): string[][] | undefined {
  if (text.includes('"') || !wellFormed(text)) return undefined;
  const n = text.length;
  const records: string[][] = [];
  let p = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (p < n) {
    // One record: fields to the next record end (or the end of the text).
    const record: string[] = [];
    let start = p;
    let c = 0;
    for (; p < n; p++) {
      c = text.charCodeAt(p);
      if (c === 44) {
        record.push(field(text, start, p));
        start = p + 1;
      } else if (c === 10 || c === 13) break;
    }
    const last = field(text, start, p);
    if (p === n && record.length === 0 && last === '') break; // a last record of trimmed characters only: none
    record.push(last);
    if (records.length === limit) return undefined;
    records.push(record);
    // Past the record end: CR LF is one.
    if (c === 13 && p + 1 < n && text.charCodeAt(p + 1) === 10) p++;
    p++;
  }
  return records;
}

/** text[from, to) trimmed (the slice only when an end has something to trim). */
function field(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  return s.length > 0 && (edge(s.charCodeAt(0)) || edge(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

/** Whether code unit c may be trimmed: ASCII white space, or anything above ASCII (String.prototype.trim decides). */
function edge(c: number): boolean {
  return c <= 32 || c >= 0x80;
}

/** String.prototype.isWellFormed (Node 20): no lone surrogate. Where it is missing, the text goes to csv-parse. */
function wellFormed(text: string): boolean {
  const check = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof check === 'function' && check.call(text);
}
