import { createHash } from 'node:crypto';
import { LineCounter, type Document } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';
import { locate, writtenAsJson, writtenEmpty } from './locate.js';
import { decimalCommaKeyNote } from './decimal-comma-key.js';
import { withDecimalCommaListNote } from './decimal-comma-list.js';
import { misreadLists, type MisreadList } from './misread-lists.js';
import type { ScenarioFiles } from './scenario-files.js';
import type { InputFile } from './input-file.js';
import { composeYaml, yamlToData } from './read-yaml.js';
import { flattenIssues, issueMessage, type RawIssue } from './zod-issues.js';
import { checkedAdvice } from './checked-advice.js';
import { onLine, percentMixIssues } from './percent-mix.js';
import { nearKey } from './near-key.js';
import { allowedKeys } from './allowed-keys.js';
import { illFormedText } from './well-formed-text.js';
import { seedTextIssue } from './seed-text.js';
import { numbersReadOtherwise, type WrittenNumber } from './number-text.js';
import { numberTextIssues } from './number-text-issues.js';
import { digestOfContent } from './digest-of-content.js';

/** A validated scenario with where it came from and a hash of its content. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The file name (or label) it was read from, for messages. */
  readonly source: string;
  /** sha256 of the validated scenario (defaults filled in), hex: two files that mean the same hash the same. */
  readonly hash: string;
  /**
   * A digest of the content loaded (the scenario and its files' data: scenario/content-digest.ts),
   * recorded at load. A run given content that digests the same is named by `hash` (a spread copy or
   * a structuredClone of the files gets the load's hash); other content, by a hash of its own.
   */
  readonly contentDigest?: string;
  /**
   * The base scenarios it `extends`, nearest first (absent when it extends none). `scenario` and
   * `hash` are those of the merged scenario.
   */
  readonly bases?: readonly string[];
  /** Data of the files the scenario names (customer books, pipelines); `hash` covers their bytes. */
  readonly files?: ScenarioFiles;
  /**
   * The part file it was read from (merge): `source` and `bases` then name the files the shard's run
   * read, which were not read again here (the part holds the scenario).
   */
  readonly fromPart?: string;
  /** Where those files were read from (each once, at the path opened), for the check that no output replaces them. */
  readonly dataFiles?: readonly InputFile[];
  /**
   * Where the value at a path of the scenario is written (line, column, and the file when a base
   * wrote it), for problems found after validation (the model's limits, see engine/run-errors.ts).
   */
  readonly locate?: (path: ReadonlyArray<string | number>) => Pick<ScenarioIssue, 'line' | 'column' | 'source' | 'realSource'>;
  /**
   * Whether the value at a path was written with a percent sign (`conversion: 45%`): a warning then
   * takes it as that percent, not as a fraction written a place off.
   */
  readonly writtenAsPercent?: (path: ReadonlyArray<string | number>) => boolean;
  /**
   * The [ ] lists its files write that are likely misread decimal commas (misread-lists.ts), with the
   * file that writes each where it is a base (absent when none is).
   */
  readonly misreadLists?: ReadonlyArray<MisreadList & { readonly source?: string; readonly realSource?: string }>;
  /**
   * Each number of a distribution that mixes `%` with a percent written without it and runs as
   * written (percent-mix.ts), placed (a base's with its file): a warning, never a refusal.
   */
  readonly percentMixes?: ReadonlyArray<MisreadList & { readonly source?: string; readonly realSource?: string }>;
  /**
   * How messages name a data file a base writes, by its field's path in the scenario (merge.ts
   * pathKey): as written, joined to the base's name (`plans/lnk/../data/book.csv`), where `scenario`
   * holds it rewritten relative to this file. Absent when no base writes one.
   */
  readonly dataNames?: ReadonlyMap<string, string>;
}

/** One YAML/JSON file read into a document (for positions) and plain data (for validation). */
export interface ScenarioDocument {
  readonly source: string;
  readonly doc: Document;
  readonly lines: LineCounter;
  /** The top-level mapping as plain data. */
  readonly data: Record<string, unknown>;
  /**
   * A `seed` written as a number that is not the seed it reads as (seed-text.ts), located in this
   * file: reported with the file's other problems, by whoever validates it (parseScenario, each
   * layer of loadWithExtends), so one mistake does not hide the rest.
   */
  readonly seedIssue?: ScenarioIssue;
  /** Numbers YAML read otherwise than arrcast reads their text (number-text.ts), by their path in this file. */
  readonly written: readonly WrittenNumber[];
  /**
   * A base's data paths as messages name them, by their field's path in this file (pathKey): its
   * `data` holds them rewritten relative to the top file (extends.ts rebaseFilePaths).
   */
  readonly dataNames?: ReadonlyMap<string, string>;
}

/**
 * Read scenario text (YAML, or JSON, which is YAML too) into a document, without validating it.
 * Throws ScenarioError for broken syntax, an empty file, anything but a mapping at the top, and
 * what `read-yaml.ts` refuses (nesting too deep, an alias bomb, merge keys, several documents). A
 * seed written as a number that is not the seed it reads as (`seed: 7.0`, see seed-text.ts) is not
 * thrown but kept as `seedIssue`, to be reported with the schema's problems.
 *
 * @example readScenarioDocument('name: x\ntiers: []\n', 'x.yaml').data.name // => 'x'
 * Complexity: O(size of the text).
 */
export function readScenarioDocument(text: string, source: string): ScenarioDocument {
  const lines = new LineCounter();
  const doc = composeYaml(text, source, lines);
  const data = yamlToData(doc, source);
  if (data === null || data === undefined) throw new ScenarioError(source, [{ path: [], message: 'is empty' }]);
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ScenarioError(source, [{ path: [], message: 'must be a mapping of keys (name, tiers, ...), not a list or a single value', line: 1, column: 1 }]);
  const seedIssue = seedTextIssue(doc, lines, source);
  return { source, doc, lines, data: data as Record<string, unknown>, ...(seedIssue ? { seedIssue } : {}), written: numbersReadOtherwise(doc) };
}

/**
 * Validate plain scenario data against the schema. `place` turns each problem into a located
 * issue (line, column, and the file when it is not `source`). `found`: problems already located
 * (a file's seedIssue), which stand for the schema's at the same place (`seed: .nan` is one
 * mistake, not also "expected number or string, got NaN"). Throws ScenarioError with every problem, sorted by `rank` of their file,
 * then line and column.
 *
 * Complexity: O(size of the data).
 */
export function validateScenario(
  data: unknown,
  source: string,
  place: (raw: RawIssue) => ScenarioIssue,
  rank: (file: string | undefined) => number = () => 0,
  found: readonly ScenarioIssue[] = [],
  written: readonly WrittenNumber[] = [],
): LoadedScenario {
  const parsed = scenarioSchema.safeParse(data);
  const illFormed = illFormedText(data);
  // Numbers YAML read otherwise than their fields read their text (`openingArr: 18.000`): each is
  // one problem, the text's, in place of any the number YAML made of it has (number-text.ts).
  const textIssues = numberTextIssues(scenarioSchema, data, written);
  const textAt = new Set(textIssues.map((i) => JSON.stringify(i.path)));
  const asWritten = parsed.success ? [] : flattenIssues(parsed.error.issues, data);
  // A distribution mixing `%` with a percent written without it (`mean: 90%, sd: 2`): refused as
  // written, its number's problem in place of what that number made of it; accepted, a warning
  // (percent-mix.ts).
  const mix = percentMixIssues(scenarioSchema, data, asWritten);
  if (!parsed.success || illFormed.length > 0 || found.length > 0 || textIssues.length > 0 || mix.issues.length > 0) {
    const schemaIssues = asWritten.filter((i) => (i.key !== undefined || !textAt.has(JSON.stringify(i.path))) && !mix.explained.some((at) => i.path.length >= at.length && onLine(i.path, at)));
    throw new ScenarioError(
      source,
      sortByPosition([...found, ...[...illFormed, ...mix.issues, ...withAllowedKeys(checkedAdvice(scenarioSchema, data, [...schemaIssues, ...textIssues]), data)].map(place).filter((issue) => !found.some((f) => samePlace(f, issue)))], rank),
    );
  }
  const locate = (path: ReadonlyArray<string | number>) => {
    const { line, column, source: file, realSource } = place({ path, message: '' });
    return { ...(line !== undefined ? { line, column } : {}), ...(file !== undefined ? { source: file } : {}), ...(realSource !== undefined ? { realSource } : {}) };
  };
  markValidated(parsed.data);
  const hash = hashScenario(parsed.data);
  const writtenAsPercent = (path: ReadonlyArray<string | number>) => {
    let v: unknown = data;
    for (const part of path) v = v !== null && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string | number, unknown>)[part] : undefined;
    return typeof v === 'string' && /%\s*$/.test(v);
  };
  const percentMixes = mix.warnings.map((w) => {
    const { line, column, source: file, realSource } = place(w);
    return { path: w.path, message: w.message, ...(line !== undefined ? { line, column } : {}), ...(file !== undefined ? { source: file } : {}), ...(realSource !== undefined ? { realSource } : {}) };
  });
  return { scenario: parsed.data, source, hash, contentDigest: digestOfContent(hash, ''), locate, writtenAsPercent, ...(percentMixes.length > 0 ? { percentMixes } : {}) };
}

/** Every scenario object the schema validated (parseScenario, loadScenario, a merged part's): see isValidatedScenario. */
const validated = new WeakSet<Scenario>();

/** Note a scenario as validated by the schema. */
export function markValidated(scenario: Scenario): void {
  validated.add(scenario);
}

/**
 * Whether an object is a scenario the schema validated (not one a caller built by hand, whose
 * defaults and limits nothing checked): the library's entry points refuse the others by name.
 */
export function isValidatedScenario(value: unknown): value is Scenario {
  return typeof value === 'object' && value !== null && validated.has(value as Scenario);
}

/** Two issues at the same line and column of the same file, when located. */
const samePlace = (a: ScenarioIssue, b: ScenarioIssue) => a.line !== undefined && a.line === b.line && a.column === b.column && a.source === b.source;

/**
 * An unknown key gets the key its place takes that it most likely meant (near-key.ts: "unknown key
 * "attrtion" (did you mean "attrition"?)"); one with no near miss gets the keys its place takes
 * ("unknown key "leads"; the keys here are: leadsPerMonth, conversion, ..."), so a guess at a name
 * can be put right without the schema at hand. Each place lists them once, at its first such key.
 */
function withAllowedKeys(issues: RawIssue[], data: unknown): RawIssue[] {
  const listed = new Set<string>();
  const keysAt = new Map<string, string[] | undefined>();
  return issues.map((given) => {
    if (given.key === undefined) return given;
    const at = JSON.stringify(given.path);
    if (!keysAt.has(at)) keysAt.set(at, allowedKeys(data, given.path));
    const keys = keysAt.get(at);
    // zod-issues.ts's guess from the scenario's common keys, unless this place takes no such key
    // (`spred` in a beta was told "seed").
    const guess = / \(did you mean "([^"]+)"\?\)$/.exec(given.message);
    if (guess !== null && (keys === undefined || keys.includes(guess[1]!))) return given;
    const issue = guess === null ? given : { ...given, message: given.message.slice(0, guess.index) };
    if (issue.message.includes('(did you mean')) return issue;
    // A near miss of a key this place takes, whichever it is (`attrtion`, `hireslip`, `nme`): the
    // common misspellings zod-issues.ts knows are a few keys of the whole scenario.
    const near = keys === undefined ? undefined : nearKey(issue.key!, keys);
    if (near !== undefined) return { ...issue, message: `${issue.message} (did you mean "${near}"?)` };
    // A key of a section written beside it (`acv:` in the column of `newBusiness:`, a tier's key).
    const section = keys === undefined ? undefined : sectionTaking(data, issue.path, keys, issue.key!);
    if (section !== undefined) return { ...issue, message: `${issue.message}: it is a key of ${section}, written beside it; indent it under ${section}` };
    if (listed.has(at)) return issue;
    listed.add(at);
    return keys === undefined ? issue : { ...issue, message: `${issue.message}; the keys here are: ${keys.join(', ')}` };
  });
}

/**
 * The section at `path` (one of its `keys` whose value is a mapping in `data`) that takes `key`, if
 * exactly one does.
 */
function sectionTaking(data: unknown, path: ReadonlyArray<string | number>, keys: readonly string[], key: string): string | undefined {
  let node: unknown = data;
  for (const part of path) node = node !== null && typeof node === 'object' && Object.hasOwn(node, part) ? (node as Record<string | number, unknown>)[part] : undefined;
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const record = node as Record<string, unknown>;
  const taking = keys.filter((k) => {
    const value = Object.hasOwn(record, k) ? record[k] : undefined;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !('dist' in value) && (allowedKeys(data, [...path, k]) ?? []).includes(key);
  });
  return taking.length === 1 ? taking[0] : undefined;
}

/**
 * Parse and validate scenario text (YAML, or JSON, which is YAML too). Every problem is reported at
 * once with its path and its line and column; throws ScenarioError. Text that `extends` another
 * file is refused here: only `loadScenario`, which knows where the file is, can resolve it.
 *
 * @example parseScenario(readFileSync('plan.yaml', 'utf8'), 'plan.yaml').scenario.tiers.length
 */
export function parseScenario(text: string, source = '<input>'): LoadedScenario {
  const document = readScenarioDocument(text, source);
  const { doc, lines, data, seedIssue } = document;
  if (Object.prototype.hasOwnProperty.call(data, 'extends'))
    throw new ScenarioError(
      source,
      sortByPosition(
        [
          ...(seedIssue ? [seedIssue] : []),
          {
            path: ['extends'],
            message: 'a scenario that extends another must be read from its file (loadScenario, or the arrcast commands), which resolves the base path',
            ...locate(doc, lines, ['extends']),
          },
        ],
        () => 0,
      ),
    );
  return validateDocument(document);
}

/**
 * Validate one file read by readScenarioDocument (no `extends` resolved), its problems located in
 * it, its seedIssue among them.
 */
export function validateDocument({ source, doc, lines, data, seedIssue, written }: ScenarioDocument): LoadedScenario {
  const loaded = validateScenario(
    data,
    source,
    (raw) => ({
      path: raw.path,
      message: withDecimalCommaListNote(issueMessage(raw, () => writtenEmpty(doc, raw.path), writtenAsJson(doc)) + decimalCommaKeyNote(doc, raw.path, raw.key), doc, raw.path, raw.key),
      ...locate(doc, lines, raw.path, raw.key),
    }),
    () => 0,
    seedIssue ? [seedIssue] : [],
    written,
  );
  const misread = misreadLists(doc, lines);
  return misread.length > 0 ? { ...loaded, misreadLists: misread } : loaded;
}

/** The hash each scenario object had when it was last hashed (validated, or hashScenario): see changedSinceHashed. */
const hashedAs = new WeakMap<Scenario, string>();

/** sha256 of a scenario's canonical JSON (keys sorted), hex. */
export function hashScenario(scenario: Scenario): string {
  const hash = scenarioDigest(scenario);
  hashedAs.set(scenario, hash);
  return hash;
}

/** hashScenario's value without keeping it (a caller's edit in place stays refused: changedSinceHashed). */
export const scenarioDigest = (scenario: Scenario): string => createHash('sha256').update(canonicalJson(scenario)).digest('hex');

/**
 * Whether a scenario object was changed in place since it was hashed: a LoadedScenario's `hash`
 * names its content, and runs key their caches (a warm engine's compiled plans, a resume) by it, so
 * a scenario edited after loading would run as the old one. False for an object never hashed.
 * Complexity: O(size of the scenario).
 */
export function changedSinceHashed(scenario: Scenario, now: string = scenarioDigest(scenario)): boolean {
  const before = hashedAs.get(scenario);
  return before !== undefined && before !== now;
}

/** JSON with object keys sorted and undefined members left out: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}


/** Issues in file order (by `rank` of their file), then by line and column; unlocated ones last in their file. */
export function sortByPosition(issues: ScenarioIssue[], rank: (file: string | undefined) => number): ScenarioIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        rank(a.issue.source) - rank(b.issue.source) ||
        (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ issue }) => issue);
}
