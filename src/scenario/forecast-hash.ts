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
 * - `name`, `description`, `fittedFrom`, `$schema`, `extends`: words and where the file came from;
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
 * A law is hashed as the model reads it, however it is written: `{ dist: fixed, value: X }` as X; a
 * `discrete`'s or `empirical`'s values as each distinct value's share (weights 1, 1 as 0.5, 0.5, a
 * value of weight 0 left out, one value left as that number: discreteLaw); a seasonality rescaled to
 * average 1, a flat one as none; a stress of 0 as none. Defaults written out or left out, `0.10` or
 * `0.1`, `90%` or `0.9` are one already (the validated scenario, defaults filled in, is hashed).
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
export const FORECAST_HASH_VERSION = '3';
// '3' (December 2026): laws as the model reads them (fixed, discrete and empirical, seasonality, a stress of 0).

export const NOT_FORECAST_FIELDS = ['seed', 'trials', 'name', 'description', 'fittedFrom', '$schema', 'extends', 'targets'] as const;

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
  out.stress = stressRead(scenario.stress as Record<string, unknown> | undefined);
  const tiers = scenario.tiers.map((t) => {
    const tier: Record<string, unknown> = { ...t, name: nameKey(t.name) };
    if (t.existing?.customersFile !== undefined) tier.existing = { ...t.existing, customersFile: undefined };
    tier.stress = stressRead(t.stress as Record<string, unknown> | undefined);
    const nb = t.newBusiness;
    if (nb !== undefined) {
      const pipeline = nb.openingPipeline;
      // A lead source without its own seasonality reads the tier's (new-business-plan.ts).
      const seasonality = seasonalityRead(nb.seasonality ?? FLAT_YEAR, FLAT_YEAR);
      tier.newBusiness = {
        ...nb,
        seasonality,
        leadSources: asSet(
          nb.leadSources?.map((source) => ({
            ...source,
            grade: keyOf(source.grade),
            channel: keyOf(source.channel),
            seasonality: seasonalityRead(source.seasonality, seasonality ?? FLAT_YEAR),
          })),
        ),
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
  // `{ dist: fixed, value: 5 }` is the plain number 5, which the schema takes for it (the model draws
  // neither: distribution-sampler.ts).
  if (out.dist === 'fixed' && typeof out.value === 'number') return out.value;
  if (out.dist === 'empirical' && numbers(out.values) && out.values.length > 0) return discreteLaw(out.values, out.values.map(() => 1));
  if (out.dist === 'discrete' && numbers(out.values) && numbers(out.weights) && out.values.length === out.weights.length) return discreteLaw(out.values, out.weights);
  return out;
}

/**
 * A law on finitely many values as the model reads it: each distinct value with its share of the
 * weights (the model draws in proportion to them: random/discrete.ts prepareAlias; an `empirical`
 * is each value once, equally likely), sorted by value; a value of weight 0 is never drawn, and one
 * value left is that number (the model's constant). So weights 1, 1 and 0.5, 0.5 (2, 3 and 0.4, 0.6),
 * values listed twice, `empirical` [1, 2] and `discrete` [1, 2] of equal weights are one law.
 * Shares are weight / total, exact where the arithmetic is: weights that differ only by rounding
 * (1/3 written 0.3333) hash apart, as their laws differ in the last digits.
 * Complexity: O(n log n) in the n values.
 */
function discreteLaw(values: readonly number[], weights: readonly number[]): unknown {
  const byValue = new Map<number, number>();
  for (let i = 0; i < values.length; i++) if (weights[i]! > 0) byValue.set(values[i]!, (byValue.get(values[i]!) ?? 0) + weights[i]!);
  const pairs = [...byValue].sort((a, b) => byNumber(a[0], b[0]));
  if (pairs.length === 1) return pairs[0]![0];
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  return { dist: 'discrete', values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1] / total) };
}

/**
 * A seasonality as the model reads it: rescaled to average 1 (model/new-business-plan.ts), so
 * [2, 2, ...] and [1, 1, ...] are one; `flat` (what an absent one reads as) is left out.
 */
function seasonalityRead(profile: readonly number[] | undefined, flat: readonly number[] | undefined): number[] | undefined {
  if (profile === undefined) return undefined;
  const mean = profile.reduce((a, b) => a + b, 0) / profile.length;
  const read = profile.map((w) => (mean > 0 ? w / mean : 0));
  return flat !== undefined && read.length === flat.length && read.every((w, i) => w === flat[i]) ? undefined : read;
}

const FLAT_YEAR: readonly number[] = new Array<number>(12).fill(1);

/** A stress without its changes of 0 (no change, as one not given), and none when none is left. */
function stressRead(stress: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  if (stress === undefined) return undefined;
  const kept = Object.entries(stress).filter(([, v]) => v !== 0 && v !== undefined);
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
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
