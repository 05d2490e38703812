import { z } from 'zod';
import { formatPath } from '../scenario/scenario-error.js';
import { nearestName } from '../scenario/edit-distance.js';
import { readHumanNumber } from '../scenario/human-number.js';
import { quoteText } from '../scenario/display-text.js';
import type { Controls } from './controls.js';
import { MAX_DRIVER_ID, MAX_SPREAD } from './state.js';
import { MAX_PAGE_ID, MAX_SAVE_NAME, MAX_SHOWN_HASH } from './request-bodies.js';

/**
 * What each field of a request body holds, in the words of the page and the scenario: said after a
 * value it refuses. Keyed by the field's last name ('central' is a driver's, wherever it is). The
 * limits are the schemas' own constants (state.ts, request-bodies.ts), not restated by hand.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  state: 'an object: the page state, e.g. {"drivers": {"0/conversion": {"central": 0.02}}, "market": 0.3}',
  drivers: 'an object of moved drivers by id (GET /api/controls lists them), e.g. {"0/conversion": {"central": 0.02}}',
  central: "a number: the driver's central value in its unit (a rate as 0.02, an amount as 12000), one of the values GET /api/controls lists for it",
  spread: `a number above 0 and at most ${MAX_SPREAD}: a factor of the file's spread (1: as the file; 0.5: half as wide)`,
  market: 'null (the market as the file draws it) or a number strictly between 0 and 1: the market year as a percentile (0.3: a year like the worst 30%)',
  targets: 'a list of numbers at least 0, one per target on the page, in its order',
  confidence: 'a number strictly between 0 and 1: the confidence of the budget (0.8 for 80%)',
  pass: '"first" (the quick answer of fewer trials) or "full" (all of them)',
  order: 'an object {"page": "...", "change": 0}: the page\'s id and its change number',
  page: `a text of 1 to ${MAX_PAGE_ID} characters: the page's id`,
  change: "a whole number at least 0: the page's change number",
  name: `a text of at most ${MAX_SAVE_NAME} characters: the file name to save as, e.g. "lower-conversion"`,
  shown: `a text of at most ${MAX_SHOWN_HASH} characters: the hash of the answer the page shows`,
};

/** A value, short, for a message: a number as itself, a text quoted, else its kind. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return quoteText(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return Array.isArray(v) ? `a list of ${v.length} item${v.length === 1 ? '' : 's'}` : 'an object';
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let at = input;
  for (const k of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, k)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[k];
  }
  return at;
}

const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => {
  let t = s;
  for (;;) {
    if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
    else if (t instanceof z.ZodDefault) t = t.unwrap() as z.ZodType;
    else return t;
  }
};

/** The schema at `path` (a record's values are one schema, whatever the key), unwrapped; undefined past a leaf. */
function schemaAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): z.ZodType | undefined {
  let s = unwrap(schema);
  for (const k of path) {
    if (s instanceof z.ZodObject) s = unwrap((s.shape as Record<string, z.ZodType>)[String(k)]);
    else if (s instanceof z.ZodRecord) s = unwrap(s.valueType as z.ZodType);
    else if (s instanceof z.ZodArray) s = unwrap(s.element as z.ZodType);
    else return undefined;
  }
  return s;
}

/** The keys the object schema at `path` takes. */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const s = schemaAt(schema, path);
  return s instanceof z.ZodObject ? Object.keys(s.shape as Record<string, z.ZodType>) : [];
}

/**
 * A number written as a text ("2%", "0.8"): the JSON number it reads as, for the message, when the
 * field (`leaf`) takes it; when it does not (`{"market": "30"}` is 30, the field strictly between 0
 * and 1), not "send 30": that the number is outside the field's range too.
 */
function asNumberHint(v: unknown, leaf: z.ZodType | undefined): string {
  if (typeof v !== 'string') return '';
  const r = readHumanNumber(v.trim());
  if (!r.ok) return '';
  if (leaf === undefined || leaf.safeParse(r.value).success) return `; send it as a JSON number, without quotes: ${r.value}`;
  return `; as a number it is ${r.value}, which the field does not take either: send a JSON number, without quotes, in that range`;
}

/** A key as a message shows it: an id of hundreds of characters cut at 40, as a value is (shown). */
const shortKey = (k: string | number) => (typeof k === 'string' && k.length > 40 ? `${k.slice(0, 40)}…` : k);

/**
 * The first problem of a request body, in the words the CLI gives a scenario's: the field (a moved
 * driver's with its label, `state.drivers["0/conversion"].central (SMB conversion)`), the value
 * refused and what the field takes, with a hint where one is plain (`"2%"`: send 0.02; a misspelt
 * key: the key it likely is). zod's own words ("Invalid input: expected number, received string")
 * named the field but neither the value nor what is allowed.
 *
 * @example bodyProblem(answerBody, { state: { confidence: 1.5 }, pass: 'full' }) // => { field: 'state.confidence', message: 'state.confidence: got 1.5; it takes a number strictly between 0 and 1: ...' }
 */
export function bodyProblem(schema: z.ZodType, body: unknown, controls?: Controls): { field: string; message: string } | undefined {
  const r = schema.safeParse(body);
  if (r.success) return undefined;
  // An unknown key first: it may be a misspelt field whose value the rest would have checked.
  const issue = r.error.issues.find((i) => i.code === 'unrecognized_keys') ?? r.error.issues[0]!;
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    const key = issue.keys[0]!;
    const near = nearestName(key, known);
    const field = formatPath([...path, key].map(shortKey));
    const where = path.length === 0 ? 'the body' : formatPath(path.map(shortKey));
    return { field, message: `${field}: ${quoteText(String(shortKey(key)))} is not a field of ${where}${near ? ` (did you mean ${near}?)` : ''}; its fields are ${known.join(', ')}` };
  }
  const value = valueAt(body, path);
  const field = formatPath(path.map(shortKey)) || 'body';
  // A moved driver named by the page's label too: the id alone ("0/conversion") says little to a reader.
  const id = path[0] === 'state' && path[1] === 'drivers' && typeof path[2] === 'string' ? path[2] : undefined;
  const label = id === undefined ? undefined : controls?.drivers.find((c) => c.id === id)?.label;
  const named = label === undefined ? field : `${field} (${label})`;
  // An id too long is refused by its key, not its value ("got an object" said nothing of the id).
  if (id !== undefined && id.length > MAX_DRIVER_ID) return { field, message: `${field}: a driver id of ${id.length} characters, longer than any (at most ${MAX_DRIVER_ID}): GET /api/controls lists the ids` };
  if (path.length === 0) return { field: 'body', message: `the body must be a JSON object such as {"state": {...}, "pass": "full"}, got ${shown(body)}` };
  const last = [...path].reverse().find((k): k is string => typeof k === 'string');
  const item = typeof path[path.length - 1] === 'number';
  const allowed =
    item && last === 'targets'
      ? 'a number at least 0: a target value'
      : id !== undefined && path.length === 3
        ? 'an object of what moves: {"central": 0.02}, {"spread": 1.5} or both'
        : last !== undefined
          ? ALLOWED[last]
          : undefined;
  if (allowed === undefined) return { field, message: `${named}: ${issue.message}` };
  const gotten = value === undefined ? 'is required' : `got ${shown(value)}`;
  const size = issue.code === 'too_big' && Array.isArray(value) ? ` (at most ${String(issue.maximum)})` : '';
  return { field, message: `${named}: ${gotten}${size}; it takes ${allowed}${asNumberHint(value, schemaAt(schema, path))}` };
}
