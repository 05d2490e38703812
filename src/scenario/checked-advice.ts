import type { z } from 'zod';
import { flattenIssues, type RawIssue } from './zod-issues.js';
import { readingsAdvice } from './human-number.js';

/**
 * Problems whose advice ("did you mean 5.5?", "write -1.2M") the field then takes, the rest told
 * without it: the reader of a number (human-number.ts) knows only that the advised text is a number
 * of the field's kind, not the field's range (`conversion: "5,5"` was told "5.5?", then "must be
 * within [0, 1]"; `openingArr: "-1,2M"` "-1.2M?", then "must be >= 0"). So each advised text is put
 * in place of the text it advises on and the whole `schema` checks it: a problem it did not have
 * before, at the field, inside it or around it (a distribution whose min passes its mode; not at
 * the top, whose checks wait for every field), means the field refuses the advice too.
 *
 * One more validation, with every advice in place at once (a file of 200,000 such cells is checked
 * once, not once each); the data is copied along the advised paths only.
 *
 * @example checkedAdvice(scenarioSchema, { ..., conversion: '5,5' }, issues) // its message: '"5,5" is not a number: write e.g. 0.85, ...'
 * Complexity: O(one validation of the data + issues x path length).
 */
export function checkedAdvice(schema: z.ZodType, data: unknown, given: readonly RawIssue[]): RawIssue[] {
  const issues = checkedReadings(schema, data, given);
  const advised = issues.filter((i) => i.advice !== undefined);
  if (advised.length === 0) return [...issues];
  const copies = new Map<object, object>();
  let advisedData = data;
  for (const issue of advised) advisedData = withValueAt(advisedData, issue.path, issue.advice!.text, copies);
  const parsed = schema.safeParse(advisedData);
  const before = new Set(issues.map(key));
  const fresh = parsed.success ? [] : flattenIssues(parsed.error.issues, advisedData).filter((i) => !before.has(key(i)));
  return issues.map((issue) => {
    if (issue.advice === undefined) return issue;
    const refused = fresh.some((f) => f.path.length > 0 && onLine(f.path, issue.path));
    if (!refused) return issue;
    const { advice, ...unadvised } = issue;
    return { ...unadvised, message: advice.unadvised };
  });
}

/**
 * Problems naming the numbers their text may have meant (`fiscalYearStartMonth: 2.000`: 2000 or 2;
 * human-number.ts Readings), each offering only the readings its field takes: the k-th reading of
 * every such problem is put in place at once and the whole `schema` checks them, as for advice
 * above; a reading with a problem it did not have before, at the field or on its line, is not
 * offered ("write 2 (a decimal point)"; none left: "neither 13000 nor 13 is a number this field
 * takes"). A month was told "write 2000 ... or 2", and 2000 is no month.
 * Complexity: O(readings per problem (2) x one validation), nothing when no problem has readings.
 */
function checkedReadings(schema: z.ZodType, data: unknown, issues: readonly RawIssue[]): RawIssue[] {
  const withReadings = issues.filter((i) => i.readings !== undefined);
  if (withReadings.length === 0) return [...issues];
  const before = new Set(issues.map(key));
  const refused = new Map<RawIssue, Set<number>>(withReadings.map((i) => [i, new Set<number>()]));
  const most = Math.max(...withReadings.map((i) => i.readings!.options.length));
  for (let k = 0; k < most; k++) {
    const placed = withReadings.filter((i) => k < i.readings!.options.length);
    const copies = new Map<object, object>();
    let read = data;
    for (const issue of placed) read = withValueAt(read, issue.path, asNumber(issue.readings!.options[k]!.text), copies);
    const parsed = schema.safeParse(read);
    const fresh = parsed.success ? [] : flattenIssues(parsed.error.issues, read).filter((i) => !before.has(key(i)));
    for (const issue of placed) if (fresh.some((f) => f.path.length > 0 && onLine(f.path, issue.path))) refused.get(issue)!.add(k);
  }
  return issues.map((issue) => {
    const no = refused.get(issue);
    if (no === undefined || no.size === 0) return issue;
    const kept = issue.readings!.options.map((_, k) => k).filter((k) => !no.has(k));
    return { ...issue, message: readingsAdvice(issue.readings!, kept) };
  });
}

/** A reading as the number it is (a field of plain numbers takes it, as one that reads text does). */
const asNumber = (text: string): number | string => (Number.isFinite(Number(text)) ? Number(text) : text);

const key = (i: RawIssue) => `${JSON.stringify(i.path)}\u0000${i.key ?? ''}\u0000${i.message}`;

/** Whether one path is the other or leads to it. */
function onLine(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `data` with `value` at `path`, copying only the lists and mappings on the path (each once: `copies`). */
export function withValueAt(data: unknown, path: ReadonlyArray<string | number>, value: unknown, copies: Map<object, object>): unknown {
  if (path.length === 0) return value;
  if (data === null || typeof data !== 'object') return data;
  let copy = copies.get(data);
  if (copy === undefined) {
    copy = Array.isArray(data) ? [...data] : { ...(data as Record<string, unknown>) };
    copies.set(data, copy);
    copies.set(copy, copy);
  }
  const [head, ...rest] = path;
  const node = copy as Record<string | number, unknown>;
  node[head!] = withValueAt(node[head!], rest, value, copies);
  return copy;
}
