import { createHash } from 'node:crypto';
import { digestFiles } from './files-digest.js';
import type { LoadedScenario } from './parse.js';
import { canonicalJson } from './parse.js';
import { contentDigest } from './content-digest.js';
import { nameKey } from './name-key.js';
import type { Scenario } from './scenario-schema.js';

/**
 * The top-level fields of a scenario that do not change the law of its forecast (what the trials
 * are drawn from), and so are left out of forecastHash:
 * - `seed` and `trials`: which draws, and how many, from the same law (a run made again);
 * - `name`, `description`, `$schema`, `extends`: words and where the file came from;
 * - `targets`: what the figures are tested against, not the figures (a stress case takes the plan's).
 * Every other field (currency, calendar, market, stress, tiers) is kept. Data files' paths are left
 * out too, their content kept (forecastHash).
 *
 * Lists the model reads as sets are hashed in a canonical order, since their order changes neither the
 * law nor (for tiers and lead sources, whose streams are seeded by name) a single draw: tiers, each
 * tier's lead sources, pipeline groups and contract terms, and the rows of customer books and pipeline
 * files (a book exported again in another order), an `empirical`'s values and a `discrete`'s
 * value-weight pairs (distributionsAsSets); a pipeline file's stage map is left out, being in its rows'
 * probabilities. "One forecast" is one law: some of these draw other trials from one seed. Listed in the order written, the plan and its copy
 * with the tiers swapped hashed apart, and `arrcast score` scored that one forecast twice.
 *
 * Names of tiers, lead sources and stages are hashed by how they read (nameKey), as every reader finds
 * them (score's tier column, targets, the data files' tier column): "Café" in NFC or NFD, "SMB" or
 * "smb", a name with a zero-width space, is one forecast's tier. (Its draws differ, as another seed's
 * do: streams are keyed by the exact name.)
 */
/**
 * Which way forecastHash is computed (summary.json's `scenario.forecastHashVersion`). A summary with a
 * forecastHash and no version is version 1's (arrcast before the sets and names above): its hash of
 * one forecast differs from this version's, so hashes of different versions are never compared
 * (report/forecast-identity.ts). Raise it whenever a scenario's forecastHash changes. A string, as the
 * summary's `seed` is: the summary's numbers are figures (test/model/baseline-identity.test.ts checks each).
 */
export const FORECAST_HASH_VERSION = '2';

export const NOT_FORECAST_FIELDS = ['seed', 'trials', 'name', 'description', '$schema', 'extends', 'targets'] as const;

/**
 * sha256 (hex) of what defines a scenario's forecast: the validated scenario without
 * NOT_FORECAST_FIELDS and without its data files' paths, and the data of those files (customer
 * books, pipelines) as the model reads them. Two scenarios with one forecastHash forecast the same
 * year from the same law: a copy in another folder, or one with another seed, trial count or name.
 * `hash` (LoadedScenario) covers all of these, so such copies hashed apart, and `arrcast score`
 * scored one forecast twice, `--with-stress` showed one case twice.
 *
 * @example forecastHash(await loadScenario('plan.yaml')) === forecastHash(await loadScenario('copy-with-seed-8.yaml')) // true
 * Complexity: O(size of the scenario, and n log n in each data file's n rows: rowsAsSet).
 */
export function forecastHash(loaded: Pick<LoadedScenario, 'scenario' | 'files'>): string {
  // Keyed by what the scenario and its files hold (not by the objects, which a caller may copy): a key
  // costs a hash of the scenario (the files' digest is kept with their data), the hash
  // sorts every book's rows (12-21 ms), and the studio summarizes one loaded scenario on every answer.
  // The key is the content digest the engine's caches use (content-digest.ts).
  const key = contentDigest(loaded);
  let hash = recent.get(key);
  if (hash === undefined) {
    hash = createHash('sha256').update(forecastJson(loaded.scenario)).update(loaded.files ? `\0files\0${digestFiles(withoutFileNames(loaded.files))}` : '').digest('hex');
    if (recent.size >= RECENT_HASHES) recent.delete(recent.keys().next().value!);
  } else recent.delete(key);
  recent.set(key, hash);
  return hash;
}

/** The forecastHashes of the contents most recently hashed, by their content's digest, least recent first. */
const recent = new Map<string, string>();
const RECENT_HASHES = 32;

/** canonicalJson of the scenario without NOT_FORECAST_FIELDS nor its data files' paths, its set-like lists in canonical order. */
function forecastJson(written: Scenario): string {
  const scenario = distributionsAsSets(written) as Scenario;
  const out: Record<string, unknown> = { ...scenario };
  for (const key of NOT_FORECAST_FIELDS) delete out[key];
  const tiers = scenario.tiers.map((t) => {
    const tier: Record<string, unknown> = { ...t, name: nameKey(t.name) };
    if (t.existing?.customersFile !== undefined) tier.existing = { ...t.existing, customersFile: undefined };
    const nb = t.newBusiness;
    if (nb !== undefined) {
      const pipeline = nb.openingPipeline;
      tier.newBusiness = {
        ...nb,
        leadSources: asSet(nb.leadSources?.map((source) => ({ ...source, grade: keyOf(source.grade), channel: keyOf(source.channel) }))),
        terms: asSet(nb.terms),
        // A file's stage map is in its rows' probabilities (each row's stage read as its probability).
        openingPipeline:
          pipeline === undefined ? undefined : { ...pipeline, file: undefined, groups: asSet(pipeline.groups), stages: pipeline.file === undefined ? stagesByKey(pipeline.stages) : undefined },
      };
    }
    return canonicalJson(tier);
  });
  out.tiers = undefined;
  // The tiers' canonical texts, sorted, stand in for the list (a set of strings, unambiguous as JSON).
  return `${canonicalJson(out)}\0tiers\0${canonicalJson(tiers.sort(byCodeUnits))}`;
}

/**
 * The scenario with each `empirical`'s values and each `discrete`'s value-weight pairs in sorted
 * order: the law drawn from is the same in any order (each value equally likely; each with its
 * weight's share), though a uniform maps to another value, so the draws differ, as another seed's do.
 * Complexity: O(size of the scenario, and n log n in each distribution's n values).
 */
function distributionsAsSets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(distributionsAsSets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = distributionsAsSets(v);
  const numbers = (list: unknown): list is number[] => Array.isArray(list) && list.every((x) => typeof x === 'number');
  if (out.dist === 'empirical' && numbers(out.values)) out.values = [...out.values].sort(byNumber);
  if (out.dist === 'discrete' && numbers(out.values) && numbers(out.weights) && out.values.length === out.weights.length) {
    const weights = out.weights;
    const pairs = out.values.map((v, i) => [v, weights[i]!] as const).sort((a, b) => byNumber(a[0], b[0]) || byNumber(a[1], b[1]));
    out.values = pairs.map((p) => p[0]);
    out.weights = pairs.map((p) => p[1]);
  }
  return out;
}

const byNumber = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** A list the model reads as a set, as its elements' canonical texts in sorted order; undefined stays undefined. */
function asSet(list: readonly unknown[] | undefined): string[] | undefined {
  return list?.map(canonicalJson).sort(byCodeUnits);
}

const keyOf = (name: string | undefined): string | undefined => (name === undefined ? undefined : nameKey(name));

/** A stage map with its names as read (the schema refuses two that read alike). */
const stagesByKey = (stages: Readonly<Record<string, number>> | undefined) =>
  stages === undefined ? undefined : Object.fromEntries(Object.entries(stages).map(([name, p]) => [nameKey(name), p]));

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files' data without the `file` each book and pipeline names itself by (a path, for messages),
 * and each one's rows in a canonical order (rowsAsSet).
 */
function withoutFileNames(files: NonNullable<LoadedScenario['files']>): object {
  const strip = (byTier: Record<string, object> | undefined) =>
    Object.fromEntries(Object.entries(byTier ?? {}).map(([tier, data]) => [nameKey(tier), rowsAsSet({ ...data, file: undefined })]));
  return { books: strip(files.books as Record<string, object> | undefined), pipelines: strip(files.pipelines as Record<string, object> | undefined) };
}

/**
 * A columnar table (`size` rows, a typed array of `size` values per column) as its column names and
 * its rows' bytes in sorted order: the same rows in any order give one value. Other fields are kept.
 * Complexity: O(n log n) in the rows (bench/forecast-hash-book-cost.mjs).
 */
function rowsAsSet(table: Record<string, unknown>): Record<string, unknown> {
  const size = table.size;
  if (typeof size !== 'number') return table;
  const names = Object.keys(table)
    .filter((k) => ArrayBuffer.isView(table[k]) && (table[k] as unknown as ArrayLike<number>).length === size)
    .sort();
  if (names.length === 0) return table;
  const columns = names.map((k) => table[k] as Float64Array | Int32Array);
  if (!columns.every((c) => c instanceof Float64Array || c instanceof Int32Array)) return table;
  const rowBytes = columns.reduce((n, c) => n + c.BYTES_PER_ELEMENT, 0);
  // Rows ordered by their values, column by column (NaN last, -0 before 0: a total order, so equal
  // multisets of rows give equal bytes); comparing numbers, not byte ranges, keeps it to a few ms.
  const order = Array.from({ length: size }, (_, r) => r).sort((a, b) => {
    for (const c of columns) {
      const x = c[a]!;
      const y = c[b]!;
      if (x < y) return -1;
      if (x > y) return 1;
      if (x !== y) {
        // A NaN (a health not given) is involved: after every number; two NaNs are equal, go on.
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        continue;
      }
      if (x === 0 && !Object.is(x, y)) return Object.is(x, -0) ? -1 : 1;
    }
    return 0;
  });
  const rows = new Uint8Array(size * rowBytes);
  const view = new DataView(rows.buffer);
  let at = 0;
  for (const r of order) {
    for (const c of columns) {
      if (c instanceof Float64Array) view.setFloat64(at, c[r]!, true);
      else view.setInt32(at, c[r]!, true);
      at += c.BYTES_PER_ELEMENT;
    }
  }
  const out: Record<string, unknown> = { ...table, rowColumns: names.join(','), rows };
  for (const k of names) delete out[k];
  return out;
}
