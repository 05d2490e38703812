import { groupThousands } from '../math/group-thousands.js';
import { readHumanNumber } from './human-number.js';

/**
 * A refused number as a message shows it after "got": its digits grouped when the rule before it
 * groups its own ("must be at most 10,000,000, got 1,000,000,000,000"; ungrouped, a planner counts
 * zeros), else as written. A number in exponent form, or past 21 digits, stays as String gives it.
 *
 * @example numberGiven(1e12, true) // => '1,000,000,000,000'
 * @example numberGiven(-1234.5, true) // => '-1,234.5'
 */
export function numberGiven(value: number, grouped: boolean): string {
  const text = String(value);
  return grouped && /^-?\d+(\.\d+)?$/.test(text) ? groupThousands(text) : text;
}

/**
 * The number a text refused as a field's value reads as, in brackets after it, when that says
 * more than the text itself: `"0.5k"` -> ' (500)', but `"-5"` -> '' (was '"-5" (-5)').
 */
export function textReading(text: string, grouped: boolean): string {
  const read = readHumanNumber(text);
  return read.ok === true && String(read.value) !== text.trim() ? ` (${numberGiven(read.value, grouped)})` : '';
}

/** Whether a message groups its numbers' digits (10,000,000), so a value after it should too. */
export const groupsDigits = (message: string): boolean => /\d,\d{3}\b/.test(message);
