import type { ScenarioDocument } from './parse.js';

/**
 * Base scenarios read into documents once and kept, for a caller that loads many files extending
 * the same bases: the studio compiles one overlay per page state, each extending the scenario it
 * was started on, whose text it holds in memory (studio-scenario.ts). Reading a base (YAML, then
 * its data paths made relative to the top file's folder: extends.ts) was about a third of a
 * state's compile. A document is a function of its text, its file's name (for messages) and that
 * folder, and all three are its key: another text is read afresh, never served from here.
 *
 * Documents are shared between loads and must not be changed once read: merge.ts builds new trees
 * from them, and validation reads the merged copy.
 *
 * Complexity: O(1) amortised per look-up once the text's hash is known (V8 keeps a string's hash);
 * holds every distinct (text, file, folder) asked for, which for the studio is its few bases.
 */
export class BaseDocuments {
  private readonly byText = new Map<string, Map<string, Promise<ScenarioDocument>>>();

  /**
   * The document of `text` read as `file` (its name in messages), opened at `opened` (where the
   * system finds it, whose folder its data paths are read from), with data paths relative to
   * `rebaseDir`, made by `read` the first time.
   */
  get(text: string, file: string, rebaseDir: string, read: () => Promise<ScenarioDocument>, opened = file): Promise<ScenarioDocument> {
    let byPlace = this.byText.get(text);
    if (!byPlace) this.byText.set(text, (byPlace = new Map()));
    const key = `${file}\0${opened}\0${rebaseDir}`;
    let doc = byPlace.get(key);
    if (!doc) byPlace.set(key, (doc = read()));
    return doc;
  }
}
