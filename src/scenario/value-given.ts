import { groupThousands } from '../math/group-thousands.js';
import { quoteText } from './display-text.js';
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

/**
 * A field's own words for a number it refuses, with the value given after them, as every other
 * refusal says it ('must be a whole number' was all a planner saw for `customers: 200.5`): before
 * the advice that follows a "; ", and a text's number after it (`"0.5k" (500)`). Words that already
 * say what was given keep theirs, as does a percent hint ("did you mean 0.05 (or 5%)?" names it).
 *
 * The one rule for every "got": the zod issues' words, a field's range (field-schemas.ts) and a
 * distribution's parameter bounds (distribution-schema.ts) all come here. They had three helpers,
 * and a beta's mean of 17 said "got 17; did you mean 0.17 (or 17%)?" for a conversion but
 * "; did you mean 0.92 (or 92%)?" alone for a renewal rate.
 *
 * @example withValueGiven('must be a whole number', 200.5) // => 'must be a whole number, got 200.5'
 * @example withValueGiven('a share is in [0, 1]; did you mean 0.5 (or 50%)?', 50) // => the same, unchanged
 * @example withValueGiven('must be within [0, 1]; a renewal rate is at most 1', 1.2) // => 'must be within [0, 1], got 1.2; a renewal rate is at most 1'
 */
export function withValueGiven(message: string, value: unknown): string {
  if (/\bgot\b|did you mean/.test(message) || value === undefined) return message;
  const grouped = groupsDigits(message);
  const shown = typeof value === 'number' ? numberGiven(value, grouped) : describeValue(value);
  const given = `, got ${shown}${typeof value === 'string' ? textReading(value, grouped) : ''}`;
  const advice = message.indexOf('; ');
  return advice < 0 ? message + given : message.slice(0, advice) + given + message.slice(advice);
}

/** A short description of a value for messages: `"many"` (an excerpt, escaped: see display-text.ts), `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  // What YAML's !!timestamp, !!binary and !!set make: not mappings, as the message said they were.
  if (value instanceof Date) return 'a date (YAML !!timestamp)';
  if (value instanceof Uint8Array) return 'binary data (YAML !!binary)';
  if (value instanceof Set) return 'a set (YAML !!set)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quoteText(value);
  return String(value);
}
