import { quoteText } from './display-text.js';

/** A line feed or carriage return. */
const LINE_BREAK = /[\n\r]/;

/**
 * Whether `text` fits on one line: no line feed or carriage return. A name (the scenario's, a
 * tier's, a lead source's grade or channel, a target's label) is printed inside the terminal's
 * sentences and tables, which keep their own line feeds (report/terminal-text.ts), so a break in a
 * name started a line of its own there: `ok (Plan` then `wrote reports/x, 3 tiers)` from validate.
 * Every other control character is shown as an escape instead.
 *
 * @example isOneLine('SMB') // => true
 * @example isOneLine('SM\nB') // => false
 */
export const isOneLine = (text: string): boolean => !LINE_BREAK.test(text);

/** The refusal of a name with a line break, for a zod refine. */
export const oneLineError = {
  error: (iss: { readonly input: unknown }) =>
    `${quoteText(String(iss.input))} holds a line break: a name is printed on one line of the terminal's sentences and tables, where a break would start a line of its own; write it on one line`,
};
