/** A number as arrcast reads it that a planner most likely meant, and why (in parentheses). */
export interface NumberMeant {
  readonly text: string;
  readonly why: string;
}

/**
 * What a planner most likely meant by a number written in a form arrcast does not read, as the
 * text arrcast does read, with why (apart); undefined when no one reading is likely.
 *
 * - a multiplier in words or in finance's shorthand: `5MM`, `1.2 million`, `3mn`, `2bn`,
 *   `40 thousand` → `5M`, `1.2M`, `3M`, `2B`, `40k`;
 * - thousands grouped with dots (`1.200.000`, `1.200,50`) or spaces (`1 200 000`) → the digits
 *   without them, since `.` is the decimal point;
 * - a decimal comma, as a European spreadsheet writes it (`0,86`, `2,4M`, `86,5%`) → a point. Not
 *   with three digits after the comma (`1234,567`): that may be a thousands separator; but `0,125`
 *   (no group of thousands is 0) → `0.125`.
 *
 * Leading zeros are dropped: `00,125` is 0.125, not the "00.125" no one writes. A group of
 * thousands never leads with 0 (as arrcast reads them, human-number.ts): `0.200.000` and `0 200`
 * get no reading. human-number.ts's numberAdvice offers the reading only if the field reads it.
 *
 * @example numberMeant('00,125') // => { text: '0.125', why: '(the decimal point is ".", not ",")' }
 */
export function numberMeant(text: string): NumberMeant | undefined {
  const worded = WORDED.exec(text);
  if (worded && PLAIN.test(worded[1]!)) {
    const letter = MULTIPLIERS[worded[2]!.toLowerCase()];
    if (letter !== undefined) return { text: `${withoutLeadingZeros(worded[1]!)}${letter}`, why: '(k = thousand, M = million, B = billion)' };
  }
  const dotted = DOT_GROUPED.exec(text);
  if (dotted) return { text: `${dotted[1]}${dotted[2]!.replace(/\./g, '')}${dotted[3] ? `.${dotted[3]}` : ''}`, why: '(the decimal point is "."; thousands are written 1,200,000 or 1200000)' };
  const comma = DECIMAL_COMMA.exec(text);
  // Three digits after the comma may be thousands (1,234 is read as 1234), not after a leading 0.
  if (comma && (comma[3]!.length !== 3 || /^0+$/.test(comma[2]!)))
    return { text: `${comma[1]}${withoutLeadingZeros(comma[2]!)}.${comma[3]}${comma[4] ?? ''}`, why: '(the decimal point is ".", not ",")' };
  const spaced = SPACE_GROUPED.exec(text);
  if (spaced) return { text: spaced[1]!.replace(/ /g, ''), why: '(thousands are written 1,200,000 or 1200000, without spaces)' };
  return undefined;
}

/** `007` -> `7`, `00` -> `0`, `-01.5` -> `-1.5`: the whole part without the zeros before its first digit. */
const withoutLeadingZeros = (number: string) => number.replace(/^([+-]?)0+(?=[0-9])/, '$1');

/** A number, then a multiplier that is not one of the single letters arrcast reads. */
const WORDED = /^\s*([+-]?[0-9][0-9.,_]*|[+-]?\.[0-9]+)\s*([a-z]+)\.?\s*$/i;
/** A plain number, thousands separators allowed (the number part of `1,500MM`). */
const PLAIN = /^[+-]?(?:(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:_[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)$/;
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
const DOT_GROUPED = /^\s*([+-]?)([1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}|[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?=,))(?:,([0-9]+))?\s*$/;
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
const SPACE_GROUPED = /^\s*([+-]?[1-9][0-9]{0,2}(?: [0-9]{3})+(?:\.[0-9]+)?)\s*$/;
