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

/** Fullwidth forms of ASCII (U+FF01..U+FF5E, the ideographic space U+3000): they print as wide Latin letters and digits. */
const FULLWIDTH = /[\uff01-\uff5e\u3000]/g;
const halfwidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Spaces other than U+0020 (no-break, thin, figure, narrow no-break...): they print as a space. */
const OTHER_SPACES = /(?! )\p{Zs}/gu;

/**
 * A name as it reads: without default-ignorable characters, with fullwidth Latin letters, digits
 * and signs as their ASCII forms, every space as U+0020 ("Big\u00a0Co" prints as "Big Co"), in
 * NFC form. Not all of NFKC: ①, ², Ⅱ or ﬁ print otherwise than 1, 2, II or fi, and names that
 * print differently are different names.
 *
 * @example lookForm('ＳＭＢ\u200b') === 'SMB' // => true
 * Complexity: O(length of the name).
 */
export const lookForm = (name: string): string => name.replace(IGNORABLE, '').replace(FULLWIDTH, halfwidth).replace(OTHER_SPACES, ' ').normalize('NFC');

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
 * Why two different spellings read the same, for a message: the NFC and NFD forms of one text, a
 * space written as another space character, or invisible characters and fullwidth letters.
 */
export function readAlikeWhy(a: string, b: string): string {
  if (nameKey(a) === nameKey(b)) return 'NFC and NFD forms';
  const spaced = (name: string) => nameKey(name.replace(OTHER_SPACES, ' '));
  return spaced(a) === spaced(b) ? 'a space written as another character, such as a no-break space' : 'invisible characters, or fullwidth letters';
}
