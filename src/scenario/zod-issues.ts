import type { z } from 'zod';
import { quoteText } from './display-text.js';
import { editDistance, nearestName } from './edit-distance.js';
import { monthNumber } from './human-number-schema.js';
import { metricMeant, TARGET_METRICS } from './metric-meant.js';
import { type Readings } from './human-number.js';
import { describeValue, withValueGiven } from './value-given.js';

/** A validation problem before it is located in the file. */
export interface RawIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** For an unknown key: the key itself, so it can be pointed at. */
  readonly key?: string;
  /** The message worded for a file in JSON (a shape hint's `- name: SMB` is YAML's), where it differs (issueMessage). */
  readonly jsonMessage?: string;
  /** A section (a mapping) given as null: said otherwise where the file writes it as nothing (issueMessage). */
  readonly nullSection?: true;
  /** The number a text that is none is advised to be, and the message without it (checked-advice.ts). */
  readonly advice?: { readonly text: string; readonly unadvised: string };
  /** A number field's reader refused the text written (human-number-schema.ts), not the number it reads as. */
  readonly numberText?: true;
  /** The numbers the text may have meant (`1.000`: 1000 or 1), for the whole schema to check each (checked-advice.ts). */
  readonly readings?: Readings;
}

/** A section written as nothing (`existing:` with nothing indented under it), which YAML reads as null. */
const EMPTY_SECTION = 'is empty (nothing is indented under it): give its keys on the lines below, indented further, or remove it';

/**
 * A problem's message as the file shows it: a section given as null is "empty (nothing is indented
 * under it)" where the file writes nothing (`writtenEmpty`, asked only then), else it "is null"
 * (`existing: ~`, JSON's `"existing": null`), where those words would not fit.
 */
export function issueMessage(raw: RawIssue, writtenEmpty: () => boolean, json = false): string {
  if (json && raw.jsonMessage !== undefined) return raw.jsonMessage;
  return raw.nullSection && writtenEmpty() ? EMPTY_SECTION : raw.message;
}

const toPath = (path: ReadonlyArray<PropertyKey>) => path.map((p) => (typeof p === 'number' ? p : String(p)));

/**
 * Flatten zod's issues into one readable issue per problem. A union (a number or a distribution)
 * reports the branch that matched the value's shape, not every branch; unknown keys become one
 * issue per key, pointing at the key.
 *
 * Iterative, with an explicit stack of the issue lists still being read: a file with 200,000 bad
 * list items gives 200,000 issues, and neither recursion nor a spread into `push` may depend on
 * how many there are. The order is that of a depth-first walk (a union's chosen branch is listed
 * where the union is).
 *
 * @example flattenIssues(schema.safeParse(data).error.issues, data) // => [{ path: ['tiers', 0, 'name'], message: 'is required' }]
 * Complexity: O(issues x path length), stack depth O(1) whatever the number of issues.
 */
export function flattenIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  base: ReadonlyArray<string | number> = [],
): RawIssue[] {
  const out: RawIssue[] = [];
  const stack: { readonly issues: readonly z.core.$ZodIssue[]; readonly base: ReadonlyArray<string | number>; next: number }[] = [
    { issues, base, next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.issues.length) {
      stack.pop();
      continue;
    }
    const issue = frame.issues[frame.next++]!;
    const path = frame.base.concat(toPath(issue.path));
    const value = valueAt(input, path);
    if (issue.code === 'invalid_union' && issue.errors.length === 0 && 'discriminator' in issue) {
      const options = (issue as unknown as { options?: unknown[] }).options ?? [];
      const names = options.map(String);
      out.push({
        path,
        message:
          value === undefined
            ? `a distribution needs ${issue.discriminator}: name its family (${issue.discriminator}: lognormal, say), one of: ${names.join(', ')}`
            : `unknown ${issue.discriminator} ${describeValue(value)}${typeof value === 'string' ? nearest(value, names) : ''}; use one of: ${names.join(', ')}`,
      });
      continue;
    }
    if (value === undefined && path.length > 0 && valueAt(input, path.slice(0, -1)) !== undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') {
      out.push({ path, message: 'is required' });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = pickBranch(issue.errors);
      if (branch) {
        stack.push({ issues: branch, base: path, next: 0 });
        continue;
      }
      // Each branch's first issue says what it takes: a type (number, array) or words ("uniform").
      const firsts = issue.errors.map((b) => b[0]);
      const words = firsts.filter((i): i is z.core.$ZodIssueInvalidValue => i?.code === 'invalid_value' && i.path.length === 0).flatMap((i) => i.values);
      const expected = [
        ...words.map((w) => JSON.stringify(w)),
        ...firsts.filter((i): i is z.core.$ZodIssueInvalidType => i?.code === 'invalid_type').map((i) => (i.expected === 'int' ? 'whole number' : i.expected)),
      ];
      out.push({
        path,
        message: expected.length
          ? `expected ${Array.from(new Set(expected)).join(' or ')}, got ${describeValue(value)}${typeof value === 'string' ? nearest(value, words.map(String)) : ''}`
          : issue.message,
      });
    } else if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path, key, message: `unknown key ${quoteText(key)}${suggest(key)}` });
    } else if (issue.code === 'invalid_value' && ZOD_DEFAULT.test(issue.message)) {
      // One of a few words (overflow: lost or carry, a target's metric): zod's own text gave neither
      // the value nor a near miss ('Invalid option: expected one of "lost"|"carry"').
      const names = issue.values.map(String);
      out.push({
        path,
        message: `must be ${names.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}${typeof value === 'string' ? nearest(value, names) : ''}`,
      });
    } else if (issue.code === 'invalid_type' && issue.expected === 'int') {
      // A number that is not whole (1.2345k is 1234.5): the field's own words ("must be a whole number"),
      // or these where the field has none (zod's were 'Invalid input: expected int, received number').
      out.push({ path, message: ZOD_DEFAULT.test(issue.message) ? `must be a whole number, got ${describeValue(value)}` : withValueGiven(issue.message, value) });
    } else if ((issue.code === 'too_small' || issue.code === 'too_big') && ZOD_DEFAULT.test(issue.message)) {
      out.push({ path, message: boundMessage(issue, value) });
    } else if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
      // A number's bound in the field's own words ('must be a month number from 1 (January) to 12'), and the value given.
      out.push({ path, message: withValueGiven(issue.message, value) });
    } else if (issue.code === 'invalid_key' && ZOD_DEFAULT.test(issue.message)) {
      // A record's key its schema refuses (a pipeline stage named ""): zod said 'Invalid key in record'.
      const inner = issue.issues[0];
      const key = path[path.length - 1];
      out.push({ path, message: `this key ${inner && (inner.code === 'too_small' || inner.code === 'too_big') ? boundMessage(inner, key) : 'is not taken here'}` });
    } else if (issue.code === 'invalid_type' && issue.expected === 'object' && value === null) {
      // `existing: ~`, or `existing:` with nothing indented under it (issueMessage says so), which YAML reads as null.
      out.push({ path, message: 'is null: give its keys, or remove it', nullSection: true });
    } else if (issue.code === 'invalid_type') {
      // zod's "record" is a mapping whose keys are the planner's (a quantiles map): an object to read.
      const expected = issue.expected === 'record' ? 'object' : issue.expected;
      const hint =
        issue.expected === 'number' && isDistribution(value)
          ? YEAR_LEVEL_HINT
          : issue.expected === 'array' && byMonthName(value)
            ? MONTH_LIST_HINT
            : expected === 'array' || expected === 'object'
              ? shapeHint(expected as 'array' | 'object', value, path)
              : '';
      // The same hint worded for JSON, where the hint is shapeHint's (not the year-level or month notes).
      const shaped = (expected === 'array' && !byMonthName(value)) || expected === 'object' ? shapeHint(expected as 'array' | 'object', value, path, true) : '';
      const message = `expected ${expected}, got ${describeValue(value)}${hint}`;
      out.push({ path, message, ...(shaped !== '' && hint !== shaped ? { jsonMessage: `expected ${expected}, got ${describeValue(value)}${shaped}` } : {}) });
    } else {
      const params = issue.code === 'custom' ? (issue.params as { advice?: RawIssue['advice']; numberText?: true; readings?: Readings } | undefined) : undefined;
      const advice = params?.advice;
      const readings = params?.readings;
      out.push({ path, message: issue.message, ...(advice !== undefined ? { advice } : {}), ...(params?.numberText === true ? { numberText: true as const } : {}), ...(readings !== undefined ? { readings } : {}) });
    }
  }
  return out;
}

/** zod's own wording, which a field with words of its own replaces: 'Too small: expected number to be >=0'. */
const ZOD_DEFAULT = /^(Too small|Too big|Invalid input|Invalid option|Invalid key in record)\b/;

/**
 * A bound zod checked, in the words the rest of the messages use: 'must be at least 0, got -3',
 * 'must not be empty', 'may hold at most 50 items, got 51' (zod said 'Too small: expected number
 * to be >=0', 'Too big: expected array to have <=50 items').
 */
function boundMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const inclusive = issue.inclusive !== false;
  const exact = (issue as { exact?: boolean }).exact === true;
  if (issue.origin === 'string') {
    const length = typeof value === 'string' ? [...value].length : undefined;
    if (exact) return `must be exactly ${limit.toLocaleString('en-US')} characters${length === undefined ? '' : `, got ${length.toLocaleString('en-US')}`}`;
    if (small && limit <= 1) return 'must not be empty';
    return `must be ${small ? 'at least' : 'at most'} ${limit.toLocaleString('en-US')} characters${length === undefined ? '' : `, got ${length.toLocaleString('en-US')}`}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const n = Array.isArray(value) ? value.length : undefined;
    const items = `${limit.toLocaleString('en-US')} item${limit === 1 ? '' : 's'}`;
    if (exact) return `must hold exactly ${items}${n === undefined ? '' : `, got ${n.toLocaleString('en-US')}`}`;
    return `${small ? `needs at least ${items}` : `may hold at most ${items}`}${n === undefined ? '' : `, got ${n.toLocaleString('en-US')}`}`;
  }
  return `must be ${small ? (inclusive ? 'at least' : 'above') : inclusive ? 'at most' : 'below'} ${limit}, got ${describeValue(value)}`;
}

/** The value at a path in the parsed document, or undefined. */
function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = input;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** A mapping with a `dist` key: a distribution written where a number is expected. */
const isDistribution = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value) && 'dist' in value;

/** Where a distribution may stand for a parameter (year-level-schema.ts). */
/** For a per-month list written as a mapping by month name (`seasonality: { Jan: 0.9, Feb: 1 }`). */
const MONTH_LIST_HINT = " by month name: write a list instead, one value per fiscal month, the fiscal year's first month first";

/** Whether a value is a mapping whose every key names a month (`Jan`, `february`, `Sept.`). */
function byMonthName(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => !/^\s*[0-9]/.test(k) && monthNumber(k) !== undefined);
}

const YEAR_LEVEL_HINT =
  ' (a distribution; only the mean of a poisson or negativeBinomial leadsPerMonth and the median of a lognormal acv, pipeline group amount, reps.sourcedDealsPerMonth or expansion size take a year-level distribution)';

/**
 * How to write a list where a mapping was written, or a mapping where a list was: the form the field
 * takes, from what was written. `tiers:` keyed by name (`SMB:`) is a list of `- name: SMB`; a
 * quantiles list of three values is `{ p10, p50, p90 }`; a list of one-key mappings (`- openingArr:
 * 5M` under `existing:`) is one mapping without the dashes. It said "expected array, got a mapping"
 * and "expected record, got a list" alone. `json`: worded for a JSON file (no dashes, keys quoted).
 *
 * @example shapeHint('object', [0.8, 0.85, 0.89], ['tiers', 0, 'existing', 'renewalRate', 'quantiles']) // => ': write each with its percentile as key: { p10: 0.8, p50: 0.85, p90: 0.89 }'
 */
function shapeHint(expected: 'array' | 'object', value: unknown, path: ReadonlyArray<string | number>, json = false): string {
  const last = path[path.length - 1];
  if (expected === 'array') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
    if (last === 'tiers')
      return json
        ? ': write a list [ ], each tier an object with its "name" (a tier keyed by its name, "SMB": { ... }, is written { "name": "SMB", ... })'
        : ': write a list, each tier beginning with "- name: " (a tier keyed by its name, `SMB:`, is written `- name: SMB`)';
    return json ? ': write a list, its items inside [ ]' : ': write a list, each item on a line of its own beginning with "- ", or inside [ ]';
  }
  if (!Array.isArray(value)) return '';
  if (last === 'quantiles') {
    const numbers = value.every((v) => typeof v === 'number');
    if (json)
      return numbers && value.length === 3
        ? `: write each with its percentile as key: { "p10": ${value[0]}, "p50": ${value[1]}, "p90": ${value[2]} }`
        : ': write each with its percentile as key, as in { "p10": 40000, "p50": 60000, "p90": 110000 }';
    return numbers && value.length === 3
      ? `: write each with its percentile as key: { p10: ${value[0]}, p50: ${value[1]}, p90: ${value[2]} }`
      : ': write each with its percentile as key, as in { p10: 40000, p50: 60000, p90: 110000 }';
  }
  const oneKeyEach = value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1);
  if (oneKeyEach)
    return json
      ? ': its items are keys of one object: write them inside one { }, not a list [ ] of objects of one key each'
      : ': its items are keys of one mapping: remove the "- " before each, keeping them at one indentation';
  return json ? ': write "key": value pairs inside { }, not a list [ ]' : ': write key: value pairs (each on a line of its own, or inside { }), not a list';
}

/**
 * The one union branch that got past the type check, if exactly one did. A branch of one word
 * (`'uniform'`) that the value is not, or of a type the value is not (whatever checks zod ran after:
 * a string has a length), did not.
 */
function pickBranch(branches: ReadonlyArray<readonly z.core.$ZodIssue[]>): readonly z.core.$ZodIssue[] | undefined {
  const typeMismatch = (b: readonly z.core.$ZodIssue[]) =>
    (b[0]?.code === 'invalid_type' || (b.length === 1 && b[0]?.code === 'invalid_value')) && b[0].path.length === 0;
  const live = branches.filter((b) => !typeMismatch(b));
  return live.length === 1 ? live[0] : undefined;
}

/** Common misspellings of keys planners write; a nudge, not a guess at every typo. */
const KNOWN_KEYS = [
  'leadsPerMonth', 'conversion', 'salesCycleMonths', 'acv', 'seasonality', 'openingArr', 'customers', 'renewalCalendar',
  'renewalRate', 'dollarRenewalRate', 'priceUplift', 'contraction', 'expansion', 'probability', 'size', 'monthsAfterClose', 'newBusiness',
  'newCustomerExpansion', 'existing', 'fiscalYearStartMonth', 'currency', 'trials', 'seed', 'market', 'loadings', 'tiers',
  'stress', 'factor', 'extends', 'renewal',
];

/**
 * Parameters of distributions, suggested only for the same key in another case (`P90`, `Median`):
 * they are short, so a near miss by edit distance would often be another word.
 */
const DISTRIBUTION_KEYS = ['median', 'mean', 'sd', 'p10', 'p50', 'p90', 'min', 'max', 'mode', 'mu', 'sigma', 'alpha', 'beta', 'value', 'values', 'weights', 'quantiles', 'lower', 'upper', 'dispersion', 'terms'];

/** Words planners use for a distribution's parameters, and the key arrcast reads. */
const DISTRIBUTION_SYNONYMS: Readonly<Record<string, string>> = { low: 'min', high: 'max', likely: 'mode', mostlikely: 'mode', std: 'sd', stdev: 'sd', stddev: 'sd', average: 'mean' };

function suggest(key: string): string {
  if (key.length > 64) return ''; // no key is this long; and edit distance is O(length)
  const lower = key.toLowerCase();
  // Exact words first (a key in another case, a synonym), then near misses: `std` is two edits from
  // `seed`, and was suggested it before its synonym `sd` was looked at.
  const near =
    KNOWN_KEYS.find((k) => k.toLowerCase() === lower) ??
    DISTRIBUTION_KEYS.find((k) => k === lower) ??
    (Object.prototype.hasOwnProperty.call(DISTRIBUTION_SYNONYMS, lower) ? DISTRIBUTION_SYNONYMS[lower] : undefined) ??
    KNOWN_KEYS.find((k) => editDistance(k.toLowerCase(), lower) <= 2);
  return near && near !== key ? ` (did you mean "${near}"?)` : '';
}

/** ` (did you mean "lognormal"?)` for a name within two edits of one of `names` (any case), a target metric as metricMeant reads it; else empty. */
function nearest(text: string, names: readonly string[]): string {
  // A target's metric is guessed as --target guesses it (`arr` means endingArr: metricMeant).
  const metrics = names.length === TARGET_METRICS.length && TARGET_METRICS.every((m) => names.includes(m));
  const near = metrics ? metricMeant(text) : nearestName(text, names);
  return near && near !== text ? ` (did you mean "${near}"?)` : '';
}
