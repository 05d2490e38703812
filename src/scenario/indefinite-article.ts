/**
 * "a" or "an" before a word as written in a message (a column name, quoted or not): "an" before a
 * vowel letter a, e, i or o, else "a". A leading 'u' takes "a" (a unit, a user): the project's names
 * that start with a 'u' say "you". Quotes and other punctuation before the word are skipped.
 *
 * @example `needs ${indefiniteArticle('ending_arr')} ending_arr column` // => 'needs an ending_arr column'
 * Complexity: O(length of the leading punctuation).
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const first = /\p{L}/u.exec(word)?.[0] ?? '';
  return /^[aeio]$/i.test(first) ? 'an' : 'a';
}
