/**
 * Data files (customer books, opening pipelines) parsed once per content, for a caller that loads
 * them again and again: the studio reads a scenario's files for every page state (load-files.ts),
 * and parsing a book was most of that. The bytes are still read each time and compared with the
 * bytes parsed: a file edited on disk is parsed afresh, so a state loaded after the edit has the new
 * data (and a new hash). Everything else the parse reads (file name, tiers, calendar, stages) is
 * the `key`.
 *
 * The parsed data is shared between loads and never changed: a run refuses file data changed after
 * loading (files-digest.ts).
 *
 * Complexity: O(size of the file) a look-up (the comparison of its bytes); keeps the last content
 * parsed under each key.
 */
export class ParsedDataFiles {
  private readonly kept = new Map<string, { readonly bytes: Buffer; readonly parsed: unknown }>();

  /** What `parse` makes of `bytes`, made by it only when `key` last met other bytes. */
  get<T>(key: string, bytes: Buffer, parse: () => T): T {
    const known = this.kept.get(key);
    if (known && known.bytes.equals(bytes)) return known.parsed as T;
    const parsed = parse();
    this.kept.set(key, { bytes, parsed });
    return parsed;
  }
}
