import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { editDistance } from './edit-distance.js';

/** Most entries of a folder looked through for a near name: a failed open in a folder of a million files says nothing more. */
const MAX_ENTRIES = 10_000;

/**
 * For a file that does not exist: the name in its folder it most likely meant, as the path was
 * written with that name in place of its last part: `my-plan.yml` beside `my-plan.yaml`,
 * `Scenarios.YAML` beside `scenarios.yaml`, `exmaple.yaml` beside `example.yaml` (case aside, within
 * one edit, two from ten characters; none when two are equally near). Named alone, as its folder
 * lists it: the path may be written through a link (the caller names the real one). "my-plan.yml does not exist" left a newcomer to find the `a` themselves.
 * '' when there is none (or the folder cannot be listed).
 *
 * @example nearFileNote('my-plan.yml') // => '; did you mean my-plan.yaml, in the same folder?' when my-plan.yaml is in the current folder
 * Complexity: O(entries of the folder x name length^2), only on a failed open.
 */
export function nearFileNote(path: string): string {
  const name = basename(path);
  if (name.length < 4 || name === '.' || name === '..') return '';
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return '';
  }
  if (entries.length > MAX_ENTRIES) return '';
  // One edit for a short name, two from ten characters: `gone.csv` is two edits from `good.csv`, no likely slip.
  const most = name.length >= 10 ? 2 : 1;
  const lower = name.toLowerCase();
  let near: string | undefined;
  let best = most + 1;
  let tied = false;
  for (const e of entries) {
    if (e === name || Math.abs(e.length - name.length) > most) continue;
    const d = editDistance(e.toLowerCase(), lower);
    if (d < best) [near, best, tied] = [e, d, false];
    else if (d === best) tied = true;
  }
  // The folder's name for it, not a path: the path may be written through a link, its folder named otherwise.
  return near === undefined || tied ? '' : `; did you mean ${near}, in the same folder?`;
}
