/** Default-ignorable characters: zero-width spaces and joiners, soft hyphens, variation selectors... */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Fullwidth forms of ASCII (U+FF01..U+FF5E, the ideographic space U+3000): they print as wide Latin letters and digits. */
const FULLWIDTH = /[\uff01-\uff5e\u3000]/g;
const halfwidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Spaces other than U+0020 (no-break, thin, figure, narrow no-break...): they print as a space. */
const OTHER_SPACES = /(?! )\p{Zs}/gu;

/** Runs of white space, tabs and line breaks among them: report.html and the SVG charts show each as one space. */
const SPACE_RUNS = /\s+/gu;

/**
 * A name as it reads: without default-ignorable characters, with fullwidth Latin letters, digits
 * and signs as their ASCII forms, every space as U+0020 ("Big\u00a0Co" prints as "Big Co") and
 * every run of white space as one ("Big  Co" and "Big\tCo" show as "Big Co" in report.html and the
 * charts, which collapse white space), in NFC form. Not all of NFKC: ①, ², Ⅱ or ﬁ print otherwise
 * than 1, 2, II or fi, and names that print differently are different names.
 *
 * @example lookForm('ＳＭＢ\u200b') === 'SMB' // => true
 * Complexity: O(length of the name).
 */
export const lookForm = (name: string): string => name.replace(IGNORABLE, '').replace(FULLWIDTH, halfwidth).replace(SPACE_RUNS, ' ').normalize('NFC');

/**
 * How two tiers' names are compared for reading the same: lookForm, trimmed and without case. The
 * scenario refuses two tiers whose names have one lookKey, and a name written elsewhere (a target's
 * `tier`, `--target Café:revenue=...`, a history's or actuals' tier column) finds its tier by the same
 * key (nameKey), so a name that reads as a tier's is that tier. Not a compared scenario's tier: its
 * random streams are keyed by its exact name, so compare pairs exact names only (analysis/compare.ts).
 *
 * @example lookKey(' ＳＭＢ\u200b') === lookKey('smb') // => true
 * Complexity: O(length of the name).
 */
export const lookKey = (name: string): string => lookForm(name).trim().toLowerCase();

/**
 * How a tier's (or stage's, or source's) name is found from another place that names it: by how it
 * reads, lookKey. "Café" written with é and with e + U+0301 (NFD), "Big Co" with a no-break space
 * or two spaces, which every table and CSV shows alike, is one tier, as the scenario's own check of
 * two tiers' names has it (scenario-schema.ts). (It was trimmed, caseless NFC only: a target on
 * "Big\u00a0Co" was refused 'no tier is named' beside a tier "Big Co".)
 *
 * @example nameKey(' Cafe\u0301 ') === nameKey('CAF\u00c9') // => true
 * Complexity: O(length of the name).
 */
export const nameKey = lookKey;

/**
 * Why two different spellings read the same, for a message: the NFC and NFD forms of one text, a
 * space written as another space character, or invisible characters and fullwidth letters.
 */
export function readAlikeWhy(a: string, b: string): string {
  const nfc = (name: string) => name.normalize('NFC').trim().toLowerCase();
  if (nfc(a) === nfc(b)) return 'NFC and NFD forms';
  const spaced = (name: string) => nfc(name.replace(OTHER_SPACES, ' '));
  if (spaced(a) === spaced(b)) return 'a space written as another character, such as a no-break space';
  const runs = (name: string) => nfc(name.replace(SPACE_RUNS, ' '));
  return runs(a) === runs(b) ? 'several spaces or a tab, which report.html and the charts show as one space' : 'invisible characters, or fullwidth letters';
}
