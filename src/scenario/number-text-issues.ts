import type { z } from 'zod';
import { withValueAt } from './checked-advice.js';
import type { WrittenNumber } from './number-text.js';
import { flattenIssues, type RawIssue } from './zod-issues.js';

/**
 * The problems of numbers YAML read otherwise than their field reads their text (number-text.ts):
 * each text is put in place of the number YAML made of it and `schema` checks the data once more;
 * the refusals of those texts by their fields' own readers of numbers (`openingArr: 18.000`: "write
 * 18000 (the point a thousands separator) or 18 (a decimal point), whichever it is") are the
 * problems. A field that reads the text as YAML did (a rate's `12.500`), or that is no number
 * (a name), gives none. No second check when the file writes no such number (the usual file).
 *
 * @example numberTextIssues(scenarioSchema, data, [{ path: ['tiers', 0, 'existing', 'openingArr'], text: '18.000' }]) // one issue at that path
 * Complexity: O(one validation of the data + numbers x path length), nothing when `written` is empty.
 */
export function numberTextIssues(schema: z.ZodType, data: unknown, written: readonly WrittenNumber[]): RawIssue[] {
  if (written.length === 0) return [];
  const copies = new Map<object, object>();
  let withText = data;
  for (const { path, text } of written) withText = withValueAt(withText, path, text, copies);
  const parsed = schema.safeParse(withText);
  if (parsed.success) return [];
  const at = new Set(written.map(({ path }) => JSON.stringify(path)));
  return flattenIssues(parsed.error.issues, withText).filter((issue) => issue.numberText === true && issue.key === undefined && at.has(JSON.stringify(issue.path)));
}
