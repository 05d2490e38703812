/**
 * The characters that separate or escape the parts of an identity: `.` between the parts of a
 * column key (`tier.SMB.revenue`), `/` between the parts of a stream seed (`7/0/SMB/leads`), and
 * `%`, the escape itself.
 */
const SEPARATORS = /[%./]/g;

/**
 * `text` with every character `chars` matches written `%XX` (its code, two upper-case hex digits).
 * `chars` must match `%` (and, being global, be used by replace only).
 *
 * @example percentEncode('a.b%', /[%.]/g) // => 'a%2Eb%25'
 */
export function percentEncode(text: string, chars: RegExp): string {
  return text.replace(chars, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * A user-supplied name (a tier's) as one part of a column key or a stream seed that more parts
 * follow: `%`, `.` and `/` are percent-encoded (`%25`, `%2E`, `%2F`), so the part can never be read
 * as two parts, nor two different names give the same part. A name without those characters is
 * returned unchanged, so the keys and random streams of such names are what they always were.
 *
 * @example namePart('SMB') // => 'SMB'
 * @example namePart('a.leads') // => 'a%2Eleads'
 * @example namePart('p/leads.G') // => 'p%2Fleads%2EG'
 * Complexity: O(name length).
 */
export function namePart(name: string): string {
  return percentEncode(name, SEPARATORS);
}

/**
 * The text a percent-encoded part stands for: every `%XX` is the character of that code (`%` is
 * always encoded in a part, so it can mean nothing else).
 *
 * @example nameOfPart('a%2Eleads') // => 'a.leads'
 */
export function nameOfPart(part: string): string {
  return part.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
