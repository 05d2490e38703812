import type { z } from 'zod';
import { flattenIssues, type RawIssue } from './zod-issues.js';
import { readHumanNumber } from './human-number.js';
import { withValueAt } from './checked-advice.js';
import { PLAUSIBLE_RENEWAL } from './plausible-renewal.js';

/**
 * One rule for `%` in a distribution: each number is read by itself, `%` dividing that number by
 * 100 wherever it is written (a mean, median, mode, min, max, p10/p90, sd, a listed value, a stated
 * quantile or bound), never a share of another parameter (`sd: 10%` is 0.1, ten points, not a tenth
 * of the mean). So a distribution that writes some of its values with `%` and one without it, above
 * 1 and at most 100 (`{ dist: normal, mean: 90%, sd: 2, min: 0, max: 1 }`), mixes percents with a
 * number read as 200%, which ran silently (a flat renewal rate) or was refused with no word of the %
 * ("beta with mean 0.92 needs sd < 0.2713"). Such a number is refused at its line, with its percent,
 * when its field takes that reading: the whole schema checks the distribution with each such number
 * read as a percent (as checked-advice.ts checks advice), and a reading that leaves a problem in the
 * distribution is not offered (`{ median: 25%, p90: 2 }` of an expansion share: 2% is below the
 * median, so 2 stays 200%).
 */

/** The keys of a distribution whose numbers are in the field's own units (what `%` is a share of). */
const OWN_UNITS = new Set(['value', 'min', 'mode', 'max', 'mean', 'median', 'sd', 'p10', 'p90', 'lower', 'upper']);

interface Written {
  readonly path: ReadonlyArray<string | number>;
  readonly raw: unknown;
}

interface Mixed {
  /** Where the distribution is. */
  readonly path: ReadonlyArray<string | number>;
  /** Its first value written with `%` (its path inside the distribution), for the message. */
  readonly percent: Written;
  /** Its values above 1 and at most 100 written without `%`. */
  readonly bare: readonly Written[];
}

/** A renewal rate's field: a percent reading of its level is offered only where it is a plausible renewal rate. */
const RENEWAL_FIELDS = new Set(['renewalRate', 'dollarRenewalRate']);
/**
 * An expansion's size is a share of the customer's ARR where values above 1 are normal (150%, 2, 3):
 * a bare value up to this is plausible as written and gets no percent guess; above it (`p90: 60`,
 * a customer adding sixty times its ARR) the % reading is the likely one.
 */
const EXPANSION_SIZE_AS_WRITTEN_MAX = 10;

/** The field a distribution at `path` is of: its last key that is not a year-level distribution's own (a lognormal's `median`). */
function fieldOf(path: ReadonlyArray<string | number>): { key: string | undefined; parent: string | undefined } {
  let i = path.length - 1;
  while (i >= 0 && (typeof path[i] !== 'string' || OWN_UNITS.has(path[i] as string))) i--;
  const parent = path.slice(0, i).reverse().find((k): k is string => typeof k === 'string');
  return { key: path[i] as string | undefined, parent };
}

/** Whether `x` written without % at `key` of a distribution of the field at `path` is plausibly x% (see the constants above). */
function plausibleAsPercent(path: ReadonlyArray<string | number>, key: string | number, x: number): boolean {
  const field = fieldOf(path);
  if (field.key !== undefined && RENEWAL_FIELDS.has(field.key)) return key === 'sd' || (x / 100 >= PLAUSIBLE_RENEWAL.min && x / 100 <= PLAUSIBLE_RENEWAL.max);
  if (field.key === 'size' && field.parent === 'expansion') return Math.abs(x) > EXPANSION_SIZE_AS_WRITTEN_MAX;
  return true;
}

/** What percentMixIssues finds: refusals, the distributions they explain, and warnings. */
export interface PercentMixes {
  /** Each bare number of a distribution the schema refuses as written and accepts with it read as a percent. */
  readonly issues: RawIssue[];
  /** Those distributions, whose other problems the caller leaves out (what the mixed number made of them). */
  readonly explained: ReadonlyArray<ReadonlyArray<string | number>>;
  /**
   * Each bare number of a distribution the schema accepts as written (it ran before this check, so it
   * still runs: "Existing scenario files keep their meaning") and with it read as a percent: a warning.
   */
  readonly warnings: RawIssue[];
}

/**
 * The distributions in `data` that mix `%` with a percent written without it, where the percent
 * reading is plausible for the field (plausibleAsPercent) and leaves no problem inside the
 * distribution. One the schema refuses as written is a refusal at the number, with its percent; one
 * it accepts is a warning, never a refusal. A problem elsewhere (a parent's missing key) changes
 * neither: every problem is said at once.
 *
 * Complexity: O(size of the data) when nothing is mixed; one more validation of the data when some
 * distribution is.
 */
export function percentMixIssues(schema: z.ZodType, data: unknown, asWritten: readonly RawIssue[]): PercentMixes {
  const mixed = mixedDistributions(data)
    .map((m) => ({ ...m, bare: m.bare.map((b) => ({ b, x: numberOf(b.raw)! })).filter(({ b, x }) => plausibleAsPercent(m.path, b.path[b.path.length - 1]!, x)).map(({ b }) => b) }))
    .filter((m) => m.bare.length > 0);
  if (mixed.length === 0) return { issues: [], explained: [], warnings: [] };
  const copies = new Map<object, object>();
  let read = data;
  for (const m of mixed) for (const b of m.bare) read = withValueAt(read, b.path, `${numberOf(b.raw)}%`, copies);
  const parsed = schema.safeParse(read);
  const left = parsed.success ? [] : flattenIssues(parsed.error.issues, read);
  const issues: RawIssue[] = [];
  const warnings: RawIssue[] = [];
  const explained: Array<ReadonlyArray<string | number>> = [];
  for (const m of mixed) {
    const inside = (i: RawIssue) => i.path.length >= m.path.length && onLine(i.path, m.path);
    if (left.some(inside)) continue;
    const refused = asWritten.some(inside);
    if (refused) explained.push(m.path);
    for (const b of m.bare) (refused ? issues : warnings).push({ path: b.path, message: mixMessage(b, m.percent, refused) });
  }
  return { issues, explained, warnings };
}

/** Whether one path is the other or leads to it. */
export function onLine(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** '2 has no %, beside 90% (mean) in the same distribution, so it reads as 2 (200%): did you mean 2% (0.02)?' */
function mixMessage(bare: Written, percent: Written, refused: boolean): string {
  const x = numberOf(bare.raw)!;
  const named = percent.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  // Moving the decimal exponent gives the decimal a person means (33.3 -> 0.333, not 0.33299999...).
  const meant = refused ? `did you mean ${x}% (${Number(`${x}e-2`)})?` : `it runs so; if you meant ${x}% (${Number(`${x}e-2`)}), write ${x}%.`;
  return `${x} has no %, beside ${String(percent.raw).trim()} (${named}) in the same distribution, so it reads as ${x} (${Number(`${x}e2`)}%): ${meant} A % divides only the number it is written on`;
}

/** The number a value written without `%` reads as, else undefined. */
function numberOf(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || /%\s*$/.test(raw)) return undefined;
  const r = readHumanNumber(raw);
  return r.ok ? r.value : undefined;
}

const writtenWithPercent = (raw: unknown) => typeof raw === 'string' && /%\s*$/.test(raw) && readHumanNumber(raw).ok;

/** A number that reads as a percent written without its sign: above 1 and at most 100 in size. */
const percentLike = (raw: unknown) => {
  const x = numberOf(raw);
  return x !== undefined && Math.abs(x) > 1 && Math.abs(x) <= 100;
};

/**
 * Every distribution (a mapping with a `dist`) in `data` that writes a value with `%` and another
 * percent-like one without it. Iterative: a scenario of 250,000 values is walked with a stack.
 */
function mixedDistributions(data: unknown): Mixed[] {
  const out: Mixed[] = [];
  // Each node's path as a link to its parent's, made into a list only for a distribution that mixes.
  const stack: Array<{ node: unknown; at: Link | undefined }> = [{ node: data, at: undefined }];
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (node[i] !== null && typeof node[i] === 'object') stack.push({ node: node[i], at: { up: at, key: i } });
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) if (record[key] !== null && typeof record[key] === 'object') stack.push({ node: record[key], at: { up: at, key } });
    if (typeof record.dist !== 'string') continue;
    const values = ownValues(record);
    const percent = values.find((v) => writtenWithPercent(v.raw));
    if (percent === undefined) continue;
    const bare = values.filter((v) => percentLike(v.raw));
    if (bare.length === 0) continue;
    const path = pathOf(at);
    const placed = (v: Written): Written => ({ path: [...path, ...v.path], raw: v.raw });
    out.push({ path, percent, bare: bare.map(placed) });
  }
  return out;
}

interface Link {
  readonly up: Link | undefined;
  readonly key: string | number;
}

function pathOf(at: Link | undefined): Array<string | number> {
  const path: Array<string | number> = [];
  for (let l = at; l !== undefined; l = l.up) path.push(l.key);
  return path.reverse();
}

/** A distribution's values in the field's own units (OWN_UNITS, listed `values`, stated `quantiles`), each with its path inside it. */
function ownValues(record: Record<string, unknown>): Written[] {
  const out: Written[] = [];
  for (const key of Object.keys(record)) {
    const raw = record[key];
    // A year-level distribution's own (`median: { dist: pert, min: 20%, ... }`): its values with % are this one's too.
    if (OWN_UNITS.has(key) && raw !== null && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as Record<string, unknown>).dist === 'string')
      out.push(...ownValues(raw as Record<string, unknown>).filter((v) => writtenWithPercent(v.raw)).map((v) => ({ path: [key, ...v.path], raw: v.raw })));
    else if (OWN_UNITS.has(key)) out.push({ path: [key], raw });
    else if (key === 'values' && Array.isArray(raw)) raw.forEach((v, i) => out.push({ path: [key, i], raw: v }));
    else if (key === 'quantiles' && raw !== null && typeof raw === 'object' && !Array.isArray(raw))
      for (const [q, v] of Object.entries(raw as Record<string, unknown>)) out.push({ path: [key, q], raw: v });
  }
  return out;
}
