import { z } from 'zod';
import { nearestName } from '../scenario/edit-distance.js';
import { formatPath } from '../scenario/scenario-error.js';
import { valueKind } from '../scenario/option-keys.js';
import { RunOptionError, type OptionIssue } from './errors.js';

/**
 * The options objects of the library's run functions (simulate, simulateShard, createEngine and its
 * runs, mergeParts, writePartFile, summarize) each have one zod schema, the source of truth for their
 * keys and values: checked before any work starts (piscina's habit), the problems kept as data with
 * their paths (zod's), thrown as a RunOptionError (`option`, `path`, `issues`) whose message says the
 * first as the hand-written checks did. An unknown key, at the top or inside a field that is an
 * object (`shard: { idx: 1 }`), is refused with the nearest it could mean, not ignored.
 */

/** The keys of an object type whose value is typed never: an options schema's refused() fields. */
type RefusedKeys<S> = { [K in keyof S]-?: [NonNullable<S[K]>] extends [never] ? K : never }[keyof S];

/**
 * Where an options interface `I` (which carries each option's documentation) and its schema's type
 * `S` (z.infer) differ: a key in one only (the schema's refused keys left out), or a value of
 * another type either way; a field the schema leaves to a check of its own (z.unknown(), typed
 * unknown) is not compared. `never` when they agree. Checked by the compiler beside each interface:
 * `void (true satisfies AgreesWithSchema<SimulateOptions, z.infer<typeof simulateOptionsSchema>>)`.
 */
export type SchemaMismatch<I, S> =
  | Exclude<keyof I, keyof S>
  | Exclude<keyof S, keyof I | RefusedKeys<S>>
  | Exclude<
      {
        [K in keyof I & keyof S]-?: [unknown] extends [S[K]] ? ([S[K]] extends [{}] ? Compared<I[K], S[K], K> : true) : Compared<I[K], S[K], K>;
      }[keyof I & keyof S],
      true
    >;
type Compared<A, B, K> = [NonNullable<B>] extends [NonNullable<A>] ? ([NonNullable<A>] extends [NonNullable<B>] ? true : K) : K;

/** true when `I` and the schema's type `S` agree, else the keys where they differ (so the compiler names them). */
export type AgreesWithSchema<I, S> = [SchemaMismatch<I, S>] extends [never] ? true : SchemaMismatch<I, S>;

/** What a refused value was, for a message: a number as itself, a short string quoted, else its kind. */
export const got = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' && v.length <= 40 ? JSON.stringify(v) : valueKind(v));

/** The `error` of a schema whose message is made from the value refused. */
export const says = (text: (input: unknown) => string) => ({ error: (iss: { readonly input?: unknown }) => text(iss.input) });

/** A field checked by a test of its own: `why(value)` the message when refused, else undefined. */
export const rule = <T>(why: (v: unknown) => string | undefined) =>
  z.custom<T>().superRefine((v, ctx) => {
    const message = why(v);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: v });
  });

/** A function, else `must be a function (got ...)`. */
export const callback = <F>(what = 'a function') => rule<F>((v) => (typeof v === 'function' ? undefined : `must be ${what} (got ${valueKind(v)})`));

/** A field an options object refuses with words of its own (an option of another function): listed nowhere. */
export const refused = (message: string) => z.never({ error: message });

/** An object of fields, each optional, no other key (the unknown one is told the nearest). */
export const fields = <S extends z.ZodRawShape>(shape: S, notObject: (v: unknown) => string) =>
  z.strictObject(shape, says((v) => notObject(v)));

/** The options of `fn`: each field optional; refused fields (refused()) are not among those listed. */
export function optionsSchema<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, (s as z.ZodType).optional()])) as unknown as { [K in keyof S]: z.ZodOptional<S[K]> });
}

const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => {
  let t = s;
  while (t instanceof z.ZodOptional) t = t.unwrap() as z.ZodType;
  return t;
};

/** The keys an object schema at `path` takes, refused ones left out. */
function keysAt(schema: z.ZodType, path: ReadonlyArray<string | number>): string[] {
  let s = unwrap(schema);
  for (const k of path) s = unwrap(s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>)[String(k)] : undefined);
  if (!(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, z.ZodType>)
    .filter(([, f]) => !(unwrap(f) instanceof z.ZodNever))
    .map(([k]) => k);
}

/** Options named as their command-line flag where one sets them (the CLI passes its flags through). */
const FLAG_NAMES: Readonly<Record<string, string>> = { maxMinutes: 'max-minutes' };

/**
 * Check `options` of `fn` against its schema, before anything runs: undefined passes (no options);
 * else a RunOptionError naming the first problem (an unknown key first, as it may be a misspelt
 * option whose value the rest would have checked), with every problem in `issues`. `libraryOnly`:
 * no flag of the CLI sets these options, so each is named as the library spells it (`recheck: ...`).
 *
 * @example checkOptions('simulate', simulateOptionsSchema, { worker: 4 }) // RunOptionError: worker: is not an option of simulate (did you mean workers?); its options are ...
 * Complexity: O(size of the options).
 */
export function checkOptions(fn: string, schema: z.ZodType, options: unknown, libraryOnly = false): void {
  if (options === undefined) return;
  const result = schema.safeParse(options);
  if (result.success) return;
  // One zod issue may hold several unknown keys: each is an issue of its own.
  const perIssue = result.error.issues.map((iss) => issuesOf(fn, schema, iss, options));
  const issues: OptionIssue[] = perIssue.flat();
  const order = (iss: z.core.$ZodIssue) => (iss.path.length === 0 && iss.code === 'invalid_type' ? 0 : iss.code === 'unrecognized_keys' ? 1 : 2);
  const at = result.error.issues.map((iss, i) => ({ i, o: order(iss) })).sort((a, b) => a.o - b.o || a.i - b.i)[0]!.i;
  const first = perIssue[at]![0]!;
  const option = first.path.length === 0 ? 'options' : String(first.path[0]);
  // The object itself, and a key it does not take, are the library's to name (no flag sets them).
  const library = libraryOnly || first.path.length === 0 || result.error.issues[at]!.code === 'unrecognized_keys' ? true : undefined;
  throw new RunOptionError(FLAG_NAMES[option] ?? option, first.message, library, { path: first.path, issues: [first, ...issues.filter((i) => i !== first)] });
}

/** One zod issue as the project words it: one issue for each unknown key it names. */
function issuesOf(fn: string, schema: z.ZodType, iss: z.core.$ZodIssue, options: unknown): OptionIssue[] {
  const path = iss.path.filter((k): k is string | number => typeof k !== 'symbol');
  if (path.length === 0 && iss.code === 'invalid_type') return [{ path, message: `the options of ${fn} must be an object (got ${valueKind(options)})` }];
  // A field's message says which field it is ('its trials must be ...', 'the shard count must be ...').
  if (iss.code !== 'unrecognized_keys') return [{ path, message: iss.message }];
  const known = keysAt(schema, path);
  return iss.keys.map((key) => {
    const near = nearestName(key, known);
    const at = [...path, key];
    if (path.length === 0) return { path: at, message: `is not an option of ${fn}${near ? ` (did you mean ${near}?)` : ''}; its options are ${known.join(', ')}` };
    return { path: at, message: `${key} is not a field of ${formatPath(path)}${near ? ` (did you mean ${near}?)` : ''}; its fields are ${known.join(', ')}` };
  });
}
