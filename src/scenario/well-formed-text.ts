import type { RawIssue } from './zod-issues.js';

/** At most this many ill-formed strings are reported (the rest are found again once these are fixed). */
const MAX_REPORTED = 20;

/**
 * Every string of parsed scenario data (values, and the keys of mappings) that is not well-formed
 * Unicode: a lone surrogate, which YAML and JSON escapes (`"\uD800"`) can write. Such a string has no
 * UTF-8 form: written to an output it becomes U+FFFD, so tiers `X\uD800` and `X\uDBFF` would share
 * their columns in trials.csv and their rows in percentiles.csv.
 *
 * @example illFormedText({ tiers: [{ name: 'X\uD800' }] }) // => [{ path: ['tiers', 0, 'name'], message: ... }]
 * Complexity: O(size of the data).
 */
export function illFormedText(data: unknown): RawIssue[] {
  const issues: RawIssue[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (issues.length >= MAX_REPORTED) return;
    if (typeof value === 'string') {
      if (loneSurrogateAt(value) >= 0) issues.push({ path: [...path], message: `${describe(value)}: text must be well-formed Unicode (it cannot be written to a UTF-8 file as it is)` });
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (loneSurrogateAt(k) >= 0) issues.push({ path: [...path, k], key: k, message: `the key ${describe(k)}: text must be well-formed Unicode (it cannot be written to a UTF-8 file as it is)` });
        visit(v, [...path, k]);
      }
  };
  visit(data, []);
  return issues;
}

/** Where the lone surrogate is: `holds a lone surrogate (\uD800) at character 2`. */
function describe(text: string): string {
  const i = loneSurrogateAt(text);
  return `holds a lone surrogate (\\u${text.charCodeAt(i).toString(16).toUpperCase()}) at character ${i + 1}`;
}

/** Index of the first lone surrogate of `text` (a high one not followed by a low one, or a low one alone), or -1: String.prototype.isWellFormed with a place. */
export function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = text.charCodeAt(i + 1);
    if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
    else return i;
  }
  return -1;
}
