import { z } from 'zod';
import { humanNumberPattern, readHumanNumber, type NumberKind } from './human-number.js';
import { MONTH_NAMES } from './month-names.js';

/**
 * A number field of the scenario that also takes a number as people write it (`85%`, `110k`,
 * `1.5M`, rules in `human-number.ts`): the text becomes its number before `inner` checks it, so
 * `inner`'s messages and limits hold for both. Text that is not a number is refused with the rules
 * (one custom issue, so a union such as "a number or a distribution" reports it, not its branches).
 * The JSON Schema shows the field as `inner`'s number or a string of that shape (`json-schema.ts`).
 *
 * `kind` says whether `%` may be written (human-number.ts, NumberKind): give `amount` for an amount
 * in the currency, `count` for a number of things that may have decimals (a mean), `whole` for a
 * count checked elsewhere. A field whose `inner` is a whole number (`.int()`: a count, a month, a year) is
 * of kind `whole` without being told, so no count reads `2000%` as 20.
 *
 * @example humanNumber(z.number().min(0)).parse('110k') // => 110000
 */
export function humanNumber<T extends z.ZodType<number>>(inner: T, kind?: ReaderKind) {
  // Not z.preprocess: its input counts as optional, which would drop the field from the JSON
  // Schema's `required` (validation still refuses a missing value, but editors would not).
  return z.pipe(z.unknown().transform(READERS[kind !== undefined && isMonth(kind) ? kind : isWhole(inner) ? 'whole' : (kind ?? 'any')]), inner);
}

/**
 * A field's kind of number (NumberKind), or a whole number that is a `month` of the calendar
 * (fiscalYearStartMonth: a name or a month of a year gets its number) or a `fiscalMonth` (1 the
 * fiscal year's first), whose text that is no number gets examples of months, not 12, 2000 or 20k.
 */
export type ReaderKind = NumberKind | 'month' | 'fiscalMonth';

/** Whether a field's kind is a month's (a whole number with months' examples). */
const isMonth = (kind: ReaderKind): kind is 'month' | 'fiscalMonth' => kind === 'month' || kind === 'fiscalMonth';

/** The examples a month field's refusal gives, for a text that is no number. */
const MONTH_EXAMPLES: Record<'month' | 'fiscalMonth', string> = {
  month: "write the month's number, from 1 (January) to 12 (December)",
  fiscalMonth: "write the fiscal month's number, from 1 (the fiscal year's first month) to 12",
};

/** Whether a number schema takes only whole numbers (zod's `.int()`, a `number_format` check). */
function isWhole(schema: z.core.$ZodType): boolean {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  return checks.some((c) => (c._zod.def as { check?: string }).check === 'number_format');
}

/** The reader of text of each kind; which one a field's pipe holds tells its kind back (numberOf). */
const READERS: Record<ReaderKind, (value: unknown, ctx: z.core.$RefinementCtx) => unknown> = {
  any: reader('any'),
  amount: reader('amount'),
  count: reader('count'),
  units: reader('units'),
  whole: reader('whole'),
  month: reader('month'),
  fiscalMonth: reader('fiscalMonth'),
};

function reader(kind: ReaderKind) {
  return (value: unknown, ctx: z.core.$RefinementCtx): unknown => {
    if (typeof value !== 'string') return value;
    const r = isMonth(kind) ? readHumanNumber(value, 'whole', MONTH_EXAMPLES[kind]) : readHumanNumber(value, kind);
    if (r.ok) return r.value;
    // A calendar month is a number in a scenario (fiscalYearStartMonth): a name, or a month of a
    // year (2027-02), gets its number. Only there: openingArr: 2027-02 is no month, and a fiscal
    // month's number depends on the month the fiscal year starts in.
    const month = kind === 'month' ? monthNumber(value) : undefined;
    const message = month === undefined ? r.message : `${JSON.stringify(value)} is not a number: a month is written as its number (${month} for ${MONTH_NAMES[month - 1]})`;
    // The advised number goes with the issue, for the whole schema to check it (checked-advice.ts).
    const advice = month === undefined ? r.advice : undefined;
    // `numberText`: the issue is the reader's, about the text (number-text-issues.ts finds it by this).
    // Its readings (`2.000`: 2000 or 2) too, each then checked against the field's range (checked-advice.ts).
    const readings = month === undefined ? r.readings : undefined;
    ctx.addIssue({ code: 'custom', message, input: value, params: { numberText: true, ...(advice !== undefined ? { advice } : {}), ...(readings !== undefined ? { readings } : {}) } });
    return z.NEVER;
  };
}


/**
 * The number of a month written by name (`Feb`, `february`, `Sept.`) or as a month of a year
 * (`2027-02`), else undefined.
 *
 * @example monthNumber('Feb') // => 2
 */
export function monthNumber(text: string): number | undefined {
  // A month of a year, `2027-02`.
  const dated = /^\s*[0-9]{4}-([0-9]{1,2})\s*$/.exec(text);
  if (dated) {
    const month = Number(dated[1]);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  const word = text.trim().replace(/\.$/, '').toLowerCase();
  if (word.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word) || (word === 'sept' && name === 'September'));
  return i < 0 ? undefined : i + 1;
}

/** Whether a schema is a `humanNumber(...)` field (its clones by describe/meta included). */
export function isHumanNumber(schema: z.core.$ZodType): boolean {
  return numberOf(schema) !== undefined;
}

/** The number schema inside a `humanNumber(...)` field and its kind, or undefined for any other schema. */
function numberOf(schema: z.core.$ZodType): { readonly inner: z.core.$ZodType; readonly kind: NumberKind } | undefined {
  const def = schema._zod.def as { type: string; in?: z.core.$ZodType; out?: z.core.$ZodType };
  if (def.type !== 'pipe' || def.in === undefined || def.out === undefined) return undefined;
  const read = def.in._zod.def as { type: string; out?: z.core.$ZodType };
  const transform = read.type === 'pipe' ? (read.out?._zod.def as { transform?: unknown } | undefined)?.transform : undefined;
  const kind = (Object.keys(READERS) as ReaderKind[]).find((k) => READERS[k] === transform);
  return kind === undefined ? undefined : { inner: def.out, kind: isMonth(kind) ? 'whole' : kind };
}

/**
 * The JSON Schema of a `humanNumber(inner)` field, given the one zod wrote for it (which keeps its
 * description): `inner`'s number with its limits, or text of the shape `human-number.ts` reads.
 */
export function humanNumberJsonSchema(schema: z.core.$ZodType, written: Record<string, unknown>): Record<string, unknown> {
  const field = numberOf(schema);
  if (field === undefined) return written;
  const { $schema: _, ...number } = z.toJSONSchema(field.inner, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { description } = written;
  return {
    ...(description !== undefined ? { description } : {}),
    anyOf: [number, { type: 'string', pattern: humanNumberPattern(field.kind) }],
  };
}
