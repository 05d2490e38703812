import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

/**
 * For a file that does not exist: a note when its folder holds a file whose name is the same text
 * in another Unicode form ("Café.csv" with é as one character, NFC, or as e + U+0301, NFD, as macOS
 * and some archives write it). The two print alike, but a file system that takes names as bytes
 * (Linux) opens only the one written, so "Café.csv: does not exist" beside a listing showing it
 * left the user nothing to go on. A folder on the way so written is named ("the folder data holds
 * "Café" in another Unicode form"). '' when there is no such entry (or the folder cannot be listed).
 *
 * @example nameInOtherFormNote('data/Cafe\u0301.csv') // => '; its folder holds this name in another Unicode form (NFC: ...)' when data/Café.csv (NFC) exists
 * Complexity: O(entries of the folder); only on a failed open.
 */
export function nameInOtherFormNote(path: string): string {
  // The first part of the path that is not there: a folder on the way may be the one in the other form.
  const parts = path.split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(sep);
    if (parts[i - 1] === '' || parts[i - 1] === '.' || parts[i - 1] === '..' || existsSync(prefix)) continue;
    const note = otherFormBeside(prefix);
    return note === '' || i === parts.length ? note : note.replace('its folder holds this name', `the folder ${parts.slice(0, i - 1).join(sep) || sep} holds ${JSON.stringify(parts[i - 1])}`);
  }
  return '';
}

/** The note for one missing entry whose folder holds its name in another Unicode form; '' when none. */
function otherFormBeside(path: string): string {
  const name = basename(path);
  const nfc = name.normalize('NFC');
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return '';
  }
  const found = entries.find((entry) => entry !== name && entry.normalize('NFC') === nfc);
  if (found === undefined) return '';
  const form = found === found.normalize('NFD') ? 'NFD: accents as separate characters' : found === nfc ? 'NFC: accented letters as one character' : 'a mix of forms';
  return `; its folder holds this name in another Unicode form (${form}), which prints the same: rename that one, or write the name as it is written there`;
}
