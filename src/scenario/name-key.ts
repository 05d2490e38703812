/**
 * How a tier's name is found from another place that names it (a target's `tier`, `--target
 * Café:revenue=...`): trimmed, without case, and in NFC form, so "Café" written with é and with
 * e + U+0301 (NFD), which every table and CSV shows alike, is one tier, as the scenario's own check
 * of two tiers' names already has it (scenario-schema.ts).
 *
 * @example nameKey(' Cafe\u0301 ') === nameKey('CAF\u00c9') // => true
 * Complexity: O(length of the name).
 */
export const nameKey = (name: string): string => name.normalize('NFC').trim().toLowerCase();

/** Default-ignorable characters: zero-width spaces and joiners, soft hyphens, variation selectors... */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * A name as it reads: without default-ignorable characters, and with compatibility forms folded
 * (NFKC: fullwidth letters, ligatures). Two names of one form print alike in every table and chart.
 *
 * @example lookForm('ＳＭＢ\u200b') === 'SMB' // => true
 * Complexity: O(length of the name).
 */
export const lookForm = (name: string): string => name.replace(IGNORABLE, '').normalize('NFKC');

/**
 * How two tiers' names are compared for reading the same: lookForm, trimmed and without case. The
 * scenario refuses two tiers whose names have one lookKey; matching a tier from elsewhere stays by
 * nameKey.
 *
 * @example lookKey(' ＳＭＢ\u200b') === lookKey('smb') // => true
 * Complexity: O(length of the name).
 */
export const lookKey = (name: string): string => lookForm(name).trim().toLowerCase();

/**
 * Why two different spellings read the same, for a message: the NFC and NFD forms of one text, or
 * invisible characters and compatibility forms.
 */
export function readAlikeWhy(a: string, b: string): string {
  return nameKey(a) === nameKey(b) ? 'NFC and NFD forms' : 'invisible characters, or compatibility forms such as fullwidth letters';
}
