import type { z } from 'zod';
import { withValueAt } from './checked-advice.js';
import type { WrittenNumber } from './number-text.js';
import { flattenIssues, type RawIssue } from './zod-issues.js';
import { readHumanNumber, readingsAdvice } from './human-number.js';

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
  const issues = parsed.success ? [] : flattenIssues(parsed.error.issues, withText);
  const at = new Set(written.map(({ path }) => JSON.stringify(path)));
  const refused = issues.filter((issue) => issue.numberText === true && issue.key === undefined && at.has(JSON.stringify(issue.path)));
  // A text the field takes as another number than YAML's (`012` under %YAML 1.1: YAML 10, octal;
  // arrcast 12): neither is run, and the readings its field takes are offered (checked-advice.ts:
  // `fiscalYearStartMonth: 013` is told "write 11", where it ran as 11 unseen). Not where the field
  // refuses YAML's number but takes the text (a name; or YAML's reading is refused as it is), nor
  // a seed (seed-text.ts says it), nor where the field's reader refused the text already.
  const own = new Set(refused.map((i) => JSON.stringify(i.path)));
  const before = new Set(flattenIssues(schema.safeParse(data).error?.issues ?? [], data).map((i) => JSON.stringify(i.path)));
  const after = new Set(issues.map((i) => JSON.stringify(i.path)));
  for (const { path, text, value } of written) {
    const key = JSON.stringify(path);
    const read = readHumanNumber(text);
    if (!read.ok || read.value === value || own.has(key) || (before.has(key) && !after.has(key)) || (path.length === 1 && path[0] === 'seed')) continue;
    const readings = { lead: `${JSON.stringify(text)} is read by YAML as ${value} (under %YAML 1.1, a leading 0 is octal) and as ${read.value} by arrcast`, options: [{ text: String(read.value) }, { text: String(value) }] };
    refused.push({ path, message: readingsAdvice(readings), numberText: true, readings });
  }
  return refused;
}
