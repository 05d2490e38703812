import { isTrimmed, type Locator } from './csv-locator.js';

/**
 * Why this exists: csv-parse builds an error object for every record whose number of fields differs
 * from its first record's, even with `relax_column_count` (a stack trace and a deep copy of its
 * options, about 20 us a record). A file of 100,000 rows one field short of its header, or of
 * 250,000 blank lines (a blank record has one field), took 2 to 4 s to read.
 *
 * So a text whose records are not all as wide goes to csv-parse evened out: blank records (nothing
 * but characters csv-parse trims) left out, commas added at the end of every other record narrower
 * than the widest. `restoreRecords` then gives back the records csv-parse returns for the original
 * text, in the same numbering (which positions, read by Locator in the original, rely on).
 */
export interface EvenRecords {
  /** The text evened out. */
  readonly text: string;
  /** The width of every record in `text`. */
  readonly width: number;
  /** Each record's own width (Locator's scan), or 0 for a blank record left out of `text`. */
  readonly widths: Int32Array;
}

/** At most this many commas are added per character of the text (and 1,024 more): the evened text stays within 3 times the original. */
const MAX_ADDED_PER_CHAR = 2;

/**
 * The text with its records evened out, or undefined when they are already as wide (nothing to do)
 * or evening them would more than triple the text (a header of 10,000 commas over one-letter rows).
 * Complexity: O(size of the text + commas added).
 */
export function evenRecords(text: string, where: Locator): EvenRecords | undefined {
  const { starts, ends, widths: scanned } = where.records();
  const count = countedRecords(text, where);
  if (count === 0) return undefined;
  const widths = scanned.slice(0, count);
  let max = 0;
  let uneven = false;
  for (let r = 0; r < count; r++) {
    if (widths[r] !== widths[0]) uneven = true;
    if (widths[r]! > max) max = widths[r]!;
  }
  if (!uneven) return undefined;
  let added = 0;
  for (let r = 0; r < count; r++) {
    if (widths[r] === 1 && isBlank(text, starts[r]!, ends[r]!)) widths[r] = 0;
    else added += max - widths[r]!;
  }
  if (added > MAX_ADDED_PER_CHAR * text.length + 1024) return undefined;
  const commas = ','.repeat(Math.min(max, 1 << 16));
  const pieces: string[] = [];
  let from = 0;
  for (let r = 0; r < count; r++) {
    const own = widths[r]!;
    if (own === max) continue;
    if (own === 0) {
      // Left out with its record end: the next record starts where this one did.
      pieces.push(text.slice(from, starts[r]!));
      from = r + 1 < starts.length ? starts[r + 1]! : text.length;
      continue;
    }
    pieces.push(text.slice(from, ends[r]!));
    for (let missing = max - own; missing > 0; missing -= commas.length) pieces.push(missing >= commas.length ? commas : commas.slice(0, missing));
    from = ends[r]!;
  }
  pieces.push(text.slice(from));
  return { text: pieces.join(''), width: max, widths };
}

/**
 * The records csv-parse would return for the original text (at most `limit`, as its `to` option
 * gives), from those it returned for `even.text`: blank records put back as [''], each other cut to
 * its own width. Undefined when the parsed records are not what evening promised (another count or
 * width, or an added field that is not empty): the caller then parses the original text.
 * Complexity: O(records + fields).
 */
export function restoreRecords(parsed: string[][], even: EvenRecords, limit = Infinity): string[][] | undefined {
  const { widths, width } = even;
  const out: string[][] = [];
  let next = 0;
  for (let r = 0; r < widths.length && out.length < limit; r++) {
    const own = widths[r]!;
    if (own === 0) {
      out.push(['']);
      continue;
    }
    const record = parsed[next++];
    if (record === undefined || record.length !== width) return undefined;
    for (let f = own; f < width; f++) if (record[f] !== '') return undefined;
    record.length = own;
    out.push(record);
  }
  // Every parsed record accounted for (unless the limit cut the original's records short too).
  return next === parsed.length || out.length >= limit ? out : undefined;
}

/** Whether text[from, to) holds nothing but characters csv-parse trims (a blank record). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isTrimmed(text.charCodeAt(p))) return false;
  return true;
}

/**
 * The records csv-parse returns for the text: all that Locator finds but a last one without a record
 * end holding nothing but trimmed characters (csv-parse returns no record for it; `""` is one).
 */
function countedRecords(text: string, where: Locator): number {
  const { starts, ends } = where.records();
  const last = starts.length - 1;
  return ends[last] === text.length && isBlank(text, starts[last]!, text.length) ? last : starts.length;
}
