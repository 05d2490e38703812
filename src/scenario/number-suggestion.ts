/**
 * What a planner most likely meant by a number written in a form arrcast does not read, as the
 * text arrcast does read, with why; undefined when no one reading is likely.
 *
 * - a multiplier in words or in finance's shorthand: `5MM`, `1.2 million`, `3mn`, `2bn`,
 *   `40 thousand` → `5M`, `1.2M`, `3M`, `2B`, `40k`;
 * - thousands grouped with dots (`1.200.000`, `1.200,50`) or spaces (`1 200 000`) → the digits
 *   without them, since `.` is the decimal point;
 * - a decimal comma, as a European spreadsheet writes it (`0,86`, `2,4M`, `86,5%`) → a point. Not
 *   with three digits after the comma (`1234,567`): that may be a thousands separator; but `0,125`
 *   (no group of thousands is 0) → `0.125`.
 *
 * @example numberSuggestion('5MM') // => '5M? (k = thousand, M = million, B = billion)'
 * Complexity: O(length of the text).
 */
export function numberSuggestion(text: string): string | undefined {
  const worded = WORDED.exec(text);
  if (worded && PLAIN.test(worded[1]!)) {
    const letter = MULTIPLIERS[worded[2]!.toLowerCase()];
    if (letter !== undefined) return `${worded[1]}${letter}? (k = thousand, M = million, B = billion)`;
  }
  const dotted = DOT_GROUPED.exec(text);
  if (dotted) return `${dotted[1]}${dotted[2]!.replace(/\./g, '')}${dotted[3] ? `.${dotted[3]}` : ''}? (the decimal point is "."; thousands are written 1,200,000 or 1200000)`;
  const comma = DECIMAL_COMMA.exec(text);
  // Three digits after the comma may be thousands (1,234 is read as 1234), not after a leading 0.
  if (comma && (comma[3]!.length !== 3 || /^0+$/.test(comma[2]!))) return `${comma[1]}${comma[2]}.${comma[3]}${comma[4] ?? ''}? (the decimal point is ".", not ",")`;
  const spaced = SPACE_GROUPED.exec(text);
  if (spaced) return `${spaced[1]!.replace(/ /g, '')}? (thousands are written 1,200,000 or 1200000, without spaces)`;
  return undefined;
}

/** A number, then a multiplier that is not one of the single letters arrcast reads. */
const WORDED = /^\s*([+-]?[0-9][0-9.,_]*|[+-]?\.[0-9]+)\s*([a-z]+)\.?\s*$/i;
/** A plain number, thousands separators allowed (the number part of `1,500MM`). */
const PLAIN = /^[+-]?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:_[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)$/;
const MULTIPLIERS: Readonly<Record<string, string>> = {
  mm: 'M',
  mn: 'M',
  mio: 'M',
  mil: 'M',
  mill: 'M',
  million: 'M',
  millions: 'M',
  thousand: 'k',
  thousands: 'k',
  bn: 'B',
  bln: 'B',
  billion: 'B',
  billions: 'B',
};
/** `1.200.000` or `1.200,50`: dots between groups of three digits, perhaps a decimal comma. */
const DOT_GROUPED = /^\s*([+-]?)([0-9]{1,3}(?:\.[0-9]{3}){2,}|[0-9]{1,3}(?:\.[0-9]{3})+(?=,))(?:,([0-9]+))?\s*$/;
/** The digits after a decimal comma, perhaps with a suffix arrcast reads: `86`, `5%`, `4M`. */
const AFTER_DECIMAL_COMMA = String.raw`([0-9]+)\s*([%kKmMbBtT])?`;
/** `0,86`, `2,4M`, `86,5 %`: one decimal comma, perhaps a suffix arrcast reads. */
const DECIMAL_COMMA = new RegExp(String.raw`^\s*([+-]?)([0-9]+),${AFTER_DECIMAL_COMMA}\s*$`);
/**
 * What is left after a decimal comma where a comma separates entries (`{ sd: 2,5% }` leaves the key
 * `5%`): the same digits and suffix as in DECIMAL_COMMA.
 */
export const AFTER_DECIMAL_COMMA_ALONE = new RegExp(`^${AFTER_DECIMAL_COMMA}$`);
/** `1 200 000`: spaces between groups of three digits. */
const SPACE_GROUPED = /^\s*([+-]?[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?)\s*$/;
