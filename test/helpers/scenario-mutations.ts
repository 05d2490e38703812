/**
 * fast-check arbitraries that break valid scenarios: random mutations of the files in scenarios/
 * and test/fixtures/minimal.yaml (wrong types, missing and unknown keys, NaN, infinities, negative
 * and huge numbers, empty lists, rates above 1, swapped bounds, numbers written as strings, deep
 * nesting, enormous lists, hostile keys and tier names), written as YAML or JSON, sometimes with the
 * text itself damaged afterwards.
 */
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './fixtures.js';

type Data = unknown;
type Path = ReadonlyArray<string | number>;

/** The valid scenarios mutations start from: every file in scenarios/ and the minimal fixture. */
export const BASE_FILES: ReadonlyArray<{ name: string; path: string }> = [
  ...readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => ({ name: f, path: join(ROOT, 'scenarios', f) })),
  { name: 'minimal.yaml', path: join(ROOT, 'test/fixtures/minimal.yaml') },
];

/**
 * A fresh directory holding an untouched copy of every base file, so a mutated scenario written
 * beside them can still `extends:` its base (downside.yaml extends example.yaml).
 */
export function baseDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-fuzz-'));
  for (const f of BASE_FILES) copyFileSync(f.path, join(dir, f.name));
  return dir;
}

/** Copy plain data; keys are defined, never assigned, so "__proto__" stays an ordinary key. */
function clone(value: Data): Data {
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) define(out, k, clone(v));
    return out;
  }
  return value;
}

function define(obj: object, key: string, value: Data): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every path to a value in the data (the root excluded), in document order. */
function paths(value: Data, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...at, i]), paths(v, [...at, i], out)));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([...at, k]);
      paths(v, [...at, k], out);
    }
  return out;
}

function parentOf(root: Data, path: Path): Record<string | number, Data> {
  let node = root as Record<string | number, Data>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, Data>;
  return node;
}

function valueAt(root: Data, path: Path): Data {
  let node = root;
  for (const part of path) node = (node as Record<string | number, Data>)[part];
  return node;
}

/** A driver: a number or a distribution inside a tier (not a list entry, a name or a count of months). */
const isDriver = (value: Data, path: Path): boolean =>
  path[0] === 'tiers' &&
  typeof path[path.length - 1] === 'string' &&
  (typeof value === 'number' || (value !== null && typeof value === 'object' && 'dist' in value));

const nested = (value: Data, depth: number): Data => (depth === 0 ? value : [nested(value, depth - 1)]);

/** Values that are wrong, absurd or borderline somewhere in a scenario. */
const oddValue: fc.Arbitrary<Data> = fc.oneof(
  fc.constantFrom<Data>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -1e9,
    -0,
    0,
    0.5,
    1,
    1.0000001,
    1.5,
    2,
    12,
    13,
    25,
    1e9,
    1e15,
    1e16,
    1e300,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    5e-324,
    'many',
    '',
    '0.05',
    '1e6',
    true,
    null,
    [],
    {},
    'uniform',
    'USD',
    '__proto__',
    { dist: 'beta', mean: 0.5, sd: 0.1 },
    { dist: 'beta', alpha: 1e-9, beta: 1e-9 },
    { dist: 'normal', mean: 0, sd: 1 },
    { dist: 'normal', mean: 0.5, sd: 1e-12, min: 0, max: 1 },
    { dist: 'lognormal', mu: 30, sigma: 5 },
    { dist: 'lognormal', median: 1e14, p90: 1e15 },
    { dist: 'poisson', mean: 1e15 },
    { dist: 'negativeBinomial', mean: 1e15, dispersion: 1e-9 },
    { dist: 'uniform', min: 0, max: 1e15 },
    { dist: 'pert', min: 0, mode: 0, max: 1 },
    { dist: 'triangular', min: 1, mode: 1, max: 1 },
    { dist: 'discrete', values: [0, 24], weights: [1, 1] },
    { dist: 'discrete', values: [1], weights: [0] },
    { dist: 'empirical', values: [0, 1e15] },
    { dist: 'quantiles', quantiles: { p10: 0.0001, p50: 0.5, p90: 0.9999 }, lower: 0, upper: 1 },
    { dist: 'quantiles', quantiles: { p1: 1, p50: 1e14, p99: 1e15 }, lower: 0 },
    { dist: 'nope' },
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308],
  ),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.string({ maxLength: 12 }),
);

/** Distributions for a driver: valid, extreme, and wrong for the field they land in. */
const driverValue: fc.Arbitrary<Data> = fc.oneof(
  fc.constantFrom<Data>(
    0,
    0.5,
    1,
    3,
    1e6,
    1e15,
    { dist: 'fixed', value: 0.2 },
    { dist: 'uniform', min: 0, max: 1 },
    { dist: 'uniform', min: 0, max: 1e15 },
    { dist: 'triangular', min: 0, mode: 0.1, max: 1 },
    { dist: 'pert', min: 0, mode: 0.9, max: 1 },
    { dist: 'normal', mean: 0.5, sd: 0.1, min: 0, max: 1 },
    { dist: 'normal', mean: 1e14, sd: 1e14, min: 0 },
    { dist: 'lognormal', median: 1e4, p90: 3e4 },
    { dist: 'lognormal', mu: 22, sigma: 5 },
    { dist: 'lognormal', mean: 1e15, sd: 1e15 },
    { dist: 'beta', mean: 0.99, sd: 0.005 },
    { dist: 'beta', alpha: 0.01, beta: 0.01 },
    { dist: 'poisson', mean: 0 },
    { dist: 'poisson', mean: 1e9 },
    { dist: 'negativeBinomial', mean: 1e6, dispersion: 0.01 },
    { dist: 'discrete', values: [0, 1], weights: [1, 1e-300] },
    { dist: 'discrete', values: [0, 24], weights: [1, 1] },
    { dist: 'empirical', values: [0, 0.5, 1] },
    { dist: 'empirical', values: [1e15, 0] },
    { dist: 'quantiles', quantiles: { p10: 0.1, p50: 0.5, p90: 0.9 }, lower: 0, upper: 1 },
    { dist: 'quantiles', quantiles: { p10: 1e3, p50: 1e5, p90: 1e8 }, lower: 0 },
    { dist: 'quantiles', quantiles: { p10: 1e-300, p50: 1e-100, p90: 1e15 }, lower: 0 },
  ),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0, max: 1e16, noNaN: true }),
);

/** Keys to add: unknown ones, prototype names, and real keys in the wrong place. */
const oddKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'extra',
  'dist',
  'min',
  'max',
  'mean',
  'sd',
  'value',
  'remove',
  'extends',
  'renewalRat',
  'leadsPerMonth',
  'factor',
  'stress',
  'tiers',
  '<<',
);

/** Tier names that have broken code elsewhere: prototype names, empty, long, quoting characters. */
const oddName = fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', '', '   ', 'x'.repeat(61), 'a,b"c', 'Größe', 'SMB', 'smb ', '<script>', '../..');

export type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly value: Data }
  | { readonly op: 'driver'; readonly at: number; readonly value: Data }
  | { readonly op: 'scale'; readonly at: number; readonly factor: number }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'addKey'; readonly at: number; readonly key: string; readonly value: Data }
  | { readonly op: 'swap'; readonly at: number; readonly with: number }
  | { readonly op: 'asString'; readonly at: number }
  | { readonly op: 'nest'; readonly at: number; readonly depth: number }
  | { readonly op: 'enormous'; readonly at: number; readonly length: number; readonly fill: number }
  | { readonly op: 'emptyTiers' }
  | { readonly op: 'copyTier'; readonly at: number; readonly name: string | undefined }
  | { readonly op: 'tierName'; readonly at: number; readonly name: string };

const at = fc.nat({ max: 10_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('set' as const), at, value: oddValue }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('driver' as const), at, value: driverValue }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('scale' as const), at, factor: fc.constantFrom(-1, 0, 1e-6, 0.5, 2, 10, 1e6, 1e12, 1e300) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('addKey' as const), at, key: oddKey, value: oddValue }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('swap' as const), at, with: fc.nat({ max: 10 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('asString' as const), at }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('nest' as const), at, depth: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 60, max: 200 })) }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('enormous' as const),
      at,
      length: fc.constantFrom(0, 13, 1_000, 20_000),
      fill: fc.constantFrom(0, 0.5, 1, 7, 1e15),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('emptyTiers' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('copyTier' as const), at, name: fc.option(fc.constantFrom('Copy', 'Other'), { nil: undefined }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('tierName' as const), at, name: oddName }), weight: 1 },
);

/** Apply one mutation to data in place (the root is a mapping); a mutation with nothing to act on does nothing. */
function apply(root: Record<string, Data>, m: Mutation): void {
  const tiers = Array.isArray(root.tiers) ? (root.tiers as Data[]) : undefined;
  if (m.op === 'emptyTiers') {
    define(root, 'tiers', []);
    return;
  }
  if (m.op === 'copyTier' || m.op === 'tierName') {
    if (!tiers || tiers.length === 0) return;
    const tier = tiers[m.at % tiers.length];
    if (tier === null || typeof tier !== 'object' || Array.isArray(tier)) return;
    if (m.op === 'tierName') define(tier, 'name', m.name);
    else {
      const copy = clone(tier) as Record<string, Data>;
      if (m.name !== undefined) define(copy, 'name', m.name);
      tiers.push(copy);
    }
    return;
  }
  const all = m.op === 'driver' ? paths(root).filter((p) => isDriver(valueAt(root, p), p)) : paths(root);
  if (all.length === 0) return;
  const path = all[m.at % all.length]!;
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  const current = parent[key];
  const set = (value: Data) => (Array.isArray(parent) ? (parent[key as number] = value) : define(parent, String(key), value));
  switch (m.op) {
    case 'set':
    case 'driver':
      set(clone(m.value));
      break;
    case 'scale':
      if (typeof current === 'number') set(current * m.factor);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'addKey': {
      const target = current !== null && typeof current === 'object' && !Array.isArray(current) ? current : parent;
      if (!Array.isArray(target)) define(target, m.key, clone(m.value));
      break;
    }
    case 'swap': {
      if (Array.isArray(parent)) break;
      const keys = Object.keys(parent);
      const other = keys[m.with % keys.length]!;
      const value = parent[other];
      define(parent, other, current);
      set(value);
      break;
    }
    case 'asString':
      if (typeof current === 'number') set(String(current));
      break;
    case 'nest':
      set(nested(clone(current), m.depth));
      break;
    case 'enormous':
      set(new Array<number>(m.length).fill(m.fill));
      break;
  }
}

/** Damage to the written text: cut it short, drop or repeat a line, or insert characters. */
export type TextDamage =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'dropLine'; readonly at: number }
  | { readonly kind: 'repeatLine'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

export const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('dropLine' as const), at }),
  fc.record({ kind: fc.constant('repeatLine' as const), at }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    text: fc.constantFrom(':', '[', '{', '"', "'", '\t', '  ', '\n', '&a ', '*a', '<<: ', '---\n', '%YAML 1.1\n', '!!binary ', '? ', '- ', '#', '\u0000', '\uFFFD', '\u00e9'),
  }),
);

function damage(text: string, d: TextDamage): string {
  if (d.kind === 'truncate') return text.slice(0, d.at % (text.length + 1));
  if (d.kind === 'insert') {
    const i = d.at % (text.length + 1);
    return text.slice(0, i) + d.text + text.slice(i);
  }
  const lines = text.split('\n');
  const i = d.at % lines.length;
  if (d.kind === 'dropLine') lines.splice(i, 1);
  else lines.splice(i, 0, lines[i]!);
  return lines.join('\n');
}

/** One generated case: which base, what was done to it, and how it is written. */
export interface MutatedScenario {
  readonly base: string;
  readonly mutations: readonly Mutation[];
  readonly format: 'yaml' | 'json';
  readonly damage: TextDamage | undefined;
  /** The file's text, before `invalidByteAt`. */
  readonly text: string;
  /** Where a 0xFF byte (never valid UTF-8) is inserted into the UTF-8 of `text`, if anywhere. */
  readonly invalidByteAt: number | undefined;
}

/** The bytes of a case's file. */
export function bytesOf(c: MutatedScenario): Buffer {
  const bytes = Buffer.from(c.text, 'utf8');
  if (c.invalidByteAt === undefined) return bytes;
  const i = c.invalidByteAt % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff]), bytes.subarray(i)]);
}

const baseData = new Map(BASE_FILES.map((f) => [f.name, parse(readFileSync(f.path, 'utf8')) as Record<string, Data>]));

/** `arbitrary` one time in `n`, otherwise undefined. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: n - 1 }, { arbitrary, weight: 1 });

/** A base scenario, 1 to 3 mutations of it, YAML or JSON, and one time in five damaged text (one in twenty an invalid byte). */
export const mutatedScenario: fc.Arbitrary<MutatedScenario> = fc
  .record({
    base: fc.constantFrom(...BASE_FILES.map((f) => f.name)),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    format: fc.constantFrom('yaml' as const, 'json' as const),
    damage: rarely(textDamage, 5),
    invalidByteAt: rarely(fc.nat({ max: 10_000 }), 20),
  })
  .map(({ base, mutations, format, damage: d, invalidByteAt }) => {
    const data = clone(baseData.get(base)!) as Record<string, Data>;
    for (const m of mutations) apply(data, m);
    // JSON has no NaN or infinities: JSON.stringify writes null for them (itself a mutation).
    let text = format === 'json' ? JSON.stringify(data, null, 2) : stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
    if (d) text = damage(text, d);
    return { base, mutations, format, damage: d, text, invalidByteAt };
  });

/**
 * Every number in a value that is not finite, and every null (what JSON writes for NaN and
 * infinities), by its dotted path. A null a summary states cannot be estimated is not one: a member
 * of an object whose `notEstimable` says why (the summary's contract for figures too few trials give).
 */
export function nonFinite(value: unknown, at = '', out: string[] = [], nullsStated = false): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${at}=${value}`);
  } else if (value === null) out.push(`${at}=null`);
  else if (Array.isArray(value)) value.forEach((v, i) => nonFinite(v, `${at}[${i}]`, out));
  else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const stated = nullsStated || typeof (value as { notEstimable?: unknown }).notEstimable === 'string';
    // A Stat's percentileIntervals may hold nulls when it states why beside them (percentileIntervalsNotEstimable).
    const statedFor = (k: string) => typeof (value as Record<string, unknown>)[`${k}NotEstimable`] === 'string';
    for (const [k, v] of Object.entries(value)) if (!(stated && v === null)) nonFinite(v, at ? `${at}.${k}` : k, out, statedFor(k));
  }
  return out;
}
