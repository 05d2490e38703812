import { readFile, stat } from 'node:fs/promises';
import { ScenarioError } from './scenario-error.js';

/** Scenario files larger than this are refused before reading: a plan is kilobytes, not megabytes. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/**
 * Read a scenario file's text: a regular file, at most MAX_SCENARIO_BYTES, UTF-8, not binary (a
 * leading byte-order mark is dropped). Throws ScenarioError naming the file otherwise.
 *
 * @example await readScenarioText('scenarios/example.yaml') // => '# yaml-language-server: ...'
 * Complexity: O(size of the file).
 */
export async function readScenarioText(file: string): Promise<string> {
  const fail = (message: string): never => {
    throw new ScenarioError(file, [{ path: [], message }]);
  };
  let size = 0;
  try {
    const info = await stat(file);
    if (info.isDirectory()) fail('is a directory, not a scenario file');
    if (!info.isFile()) fail('is not a regular file');
    size = info.size;
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`);
  }
  if (size > MAX_SCENARIO_BYTES) fail(`is ${(size / 1024 / 1024).toFixed(1)} MB; a scenario file may be at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not UTF-8 text');
  }
  if (text.includes('\u0000')) fail('is binary, not a YAML or JSON scenario');
  return text.replace(/^\uFEFF/, '');
}
