/**
 * How many columns a monospace terminal gives printable text: every place the CLI lines text up
 * (textTable, which lays out all its tables, compare's legend among them; wrapText, the summary
 * paragraph) measures with displayWidth, never with a string's length.
 *
 * Text is measured one grapheme cluster at a time (what a reader sees as one character:
 * Intl.Segmenter), as terminals that draw emoji sequences as one picture do:
 * - an emoji sequence is 2 (UTS #51 ED-14 to ED-17): an emoji character followed by the emoji
 *   variation selector U+FE0F (❤️, the keycap 1️⃣), an emoji modifier base with a skin tone (👍🏽),
 *   two regional indicators (a flag, 🇯🇵), a ZWJ sequence (👩‍💻, a family), a tag sequence (🏴 + tags);
 * - otherwise the cluster is as wide as its characters together: 2 for each East Asian Wide and
 *   Fullwidth one (EastAsianWidth W and F: CJK, kana, Hangul, fullwidth forms, emoji presentation
 *   characters), 0 for combining marks that take no space (nonspacing and enclosing: accents, the
 *   virama), ZWJ, variation selectors and Hangul medial and final jamo, 1 for the rest (a lone
 *   regional indicator too: it is Neutral). So the spacing vowel signs of Indic scripts count 1
 *   each (हिन्दी is 5 columns), as glibc's wcwidth counts them and the terminals built on it draw
 *   them; a cluster of nothing but marks (a combining mark first in a cell) is 0.
 * Control characters are not measured here: terminalCell writes them visibly (`\u{1b}`) first.
 */

/** Grapheme clusters, made the first time text is not plain ASCII (an Intl.Segmenter takes ~10 ms to make). */
let graphemes: Intl.Segmenter | undefined;

/** Text of printable ASCII only: one column a character. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * One character East Asian Wide or Fullwidth (EastAsianWidth.txt W and F as of Unicode 17, the
 * unassigned code points inside a run of them included, as the file gives most of them W): the
 * ranges that are not emoji presentation characters, and those (all W but the regional indicators, N).
 */
const WIDE =
  /^(?:[\u1100-\u115f\u2329\u232a\u2630-\u2637\u268a-\u268f\u2e80-\u303e\u3041-\u3247\u3250-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6b\uff01-\uff60\uffe0-\uffe6\u{16fe0}-\u{1b2fb}\u{1d300}-\u{1d376}\u{1f200}-\u{1f320}\u{1f6d5}-\u{1f6df}\u{1f7da}-\u{1f7f0}\u{1fa70}-\u{1fafa}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]|(?!\p{Regional_Indicator})\p{Emoji_Presentation})$/u;

/**
 * One character with no column of its own: combining marks (nonspacing and enclosing, variation
 * selectors among them), zero width space, non-joiner and joiner, word joiner and invisible
 * operators, the byte order mark, Hangul medial and final jamo, tags.
 */
const ZERO = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060-\u2064\ufeff\u1160-\u11ff\u{e0000}-\u{e0fff}]$/u;

/**
 * A cluster that is an emoji sequence (above), told by its form: presentation, modifier, flag, ZWJ
 * and tag sequences. Every emoji on Unicode's list (the `v` flag's RGI_Emoji, whose pattern takes
 * ~40 ms to compile) has one of these forms or is one wide character.
 */
const EMOJI_SEQUENCE =
  /^(?:\p{Emoji}\u{fe0f}|\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|\p{Regional_Indicator}{2}$|\p{Emoji}[^\u200d]*\u200d\p{Extended_Pictographic}|\p{Emoji}[\u{e0020}-\u{e007e}]+\u{e007f})/u;

/** The columns of one grapheme cluster. */
function clusterWidth(cluster: string): number {
  const first = cluster.codePointAt(0)!;
  // One character (one UTF-16 unit, or a surrogate pair) is no sequence: 1 below the combining marks, else WIDE says.
  if (cluster.length === 1 && first < 0x300) return 1;
  if (cluster.length === (first > 0xffff ? 2 : 1)) return ZERO.test(cluster) ? 0 : WIDE.test(cluster) ? 2 : 1;
  if (EMOJI_SEQUENCE.test(cluster)) return 2;
  let width = 0;
  for (const c of cluster) if (!ZERO.test(c)) width += WIDE.test(c) ? 2 : 1;
  return width;
}

/**
 * The columns a terminal gives a line of printable text (terminalCell's output), one grapheme
 * cluster at a time: an emoji sequence 2; otherwise each East Asian Wide and Fullwidth character 2,
 * each combining mark that takes no space, joiner and variation selector 0, each other character 1.
 *
 * @example displayWidth('中小企業') // => 8
 * @example displayWidth('e\u0301') // => 1
 * @example displayWidth('👩‍💻') // => 2 (three characters, one picture)
 * Complexity: O(length).
 */
export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let width = 0;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  return width;
}
