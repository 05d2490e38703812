import { readFileBytes, type FileKind } from '../scenario/read-file.js';

/** Largest marker or owner file read: they hold a few hundred bytes. */
export const SMALL_JSON_BYTES = 4096;

const SMALL_JSON: FileKind = { maxBytes: SMALL_JSON_BYTES, noun: 'a JSON file', tooLarge: (size) => `is ${size} bytes` };

/**
 * Parse a small JSON file arrcast wrote itself (an output marker, a temporary directory's owner
 * file): opened non-blocking and checked through its handle, so a FIFO or device put in its place
 * is refused rather than waited on, and nothing past SMALL_JSON_BYTES is read.
 * Throws (a ScenarioError or a SyntaxError) when it is not such a file; callers treat that as "none".
 *
 * @example await readSmallJson('reports/q3/.arrcast-report') // => { magic: 'arrcast-output', ... }
 * Complexity: O(SMALL_JSON_BYTES).
 */
export async function readSmallJson(file: string): Promise<unknown> {
  return JSON.parse((await readFileBytes(file, file, SMALL_JSON)).toString('utf8')) as unknown;
}
