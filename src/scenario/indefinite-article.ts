/**
 * "a" or "an" before a word as written in a message (a column name, quoted or not, a distribution's
 * name, a number): "an" before a vowel letter a, e, i or o, else "a" (a leading 'u' takes "a": a
 * unit, a user); before a number, "an" where it is said with a vowel first (8, 11, 18, 80-89, 800-899,
 * 8,000..., 11,000-11,999, 18,000-18,999). Quotes and other punctuation before the word are skipped.
 *
 * @example `needs ${indefiniteArticle('ending_arr')} ending_arr column` // => 'needs an ending_arr column'
 * @example `${indefiniteArticle('18')} 18-month term` // => 'an 18-month term'
 * Complexity: O(length of the word).
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const first = /[\p{L}\p{Nd}]/u.exec(word);
  if (!first) return 'a';
  const digits = /^\d+/.exec(word.slice(first.index))?.[0];
  if (digits !== undefined) {
    if (digits.startsWith('8')) return 'an';
    // Eleven and eighteen, and the thousands (millions...) they lead: 11, 18, 11,000, 18,500,000.
    return (digits.length % 3 === 2 && (digits.startsWith('11') || digits.startsWith('18'))) ? 'an' : 'a';
  }
  return /^[aeio]$/i.test(first[0]) ? 'an' : 'a';
}
