import { hashScenario, markValidated, type LoadedScenario } from '../scenario/parse.js';
import { scenarioSchema } from '../scenario/scenario-schema.js';
import { attachFiles } from '../scenario/load-files.js';
import { checkAllowedRoots, workingDirectoryPathPolicy, type PathPolicy } from '../scenario/path-policy.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { excerpt } from '../scenario/display-text.js';
import { ARRCAST_VERSION } from '../version.js';
import { planChunks } from './chunks.js';
import { MergeError, throwIfAborted } from './errors.js';
import { contentHash } from '../scenario/content-digest.js';
import { digestOfContent } from '../scenario/digest-of-content.js';
import { readPartFile, readPartHeader, type PartInfo } from './part-file.js';
import { copyLittleEndian, PartFileError, partGenerator, sumsPerChunk, zodProblem } from './part-format.js';
import { GENERATOR_ID } from '../random/source.js';
import { checkPartFinite } from './part-guard.js';
import { PART_RUN_FIELDS } from './part-run.js';
import type { z } from 'zod';
import { checkOptions, type AgreesWithSchema } from './options-schema.js';
import { mergeOptionsSchema } from './merge-options.js';
import { planLoaded, type Simulation } from './simulate.js';
import { TrialStore } from './trial-store.js';

/** At most this many shard numbers are listed in a message; the rest are counted. */
const LISTED = 10;

/** "3/4", "2/4 and 3/4", "1/8, 2/8, ... and 12 more": shard numbers as people write them (1-based). */
function shardList(indices: readonly number[], count: number): string {
  const names = indices.slice(0, LISTED).map((i) => `${i + 1}/${count}`);
  if (indices.length > LISTED) return `${names.join(', ')} and ${indices.length - LISTED} more`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}


/**
 * Check that parts are the shards of one run, each exactly once: same arrcast version (this one),
 * random generator (this one's GENERATOR_ID), scenario (by hash), seed, trials, chunk size and shard count, and every shard 1/N to N/N present
 * once. Throws MergeError naming every disagreement, or the missing and duplicate shards.
 *
 * @example checkParts([a, b, c]) // MergeError: cannot merge: shard 4/4 is missing
 * Complexity: O(parts + shards).
 */
export function checkParts(parts: readonly PartInfo[]): void {
  if (parts.length === 0) throw new MergeError(['no parts given']);
  const problems: string[] = [];
  for (const field of PART_RUN_FIELDS) {
    const groups = new Map<string, { shown: string; files: string[] }>();
    for (const { file, header } of parts) {
      const key = field.key(header);
      const group = groups.get(key) ?? { shown: field.show(header), files: [] };
      group.files.push(file);
      groups.set(key, group);
    }
    if (groups.size > 1) problems.push(`the parts differ in ${field.label}: ${[...groups.values()].map((g) => `${g.shown} in ${g.files.join(', ')}`).join('; ')}`);
  }
  if (problems.length > 0) throw new MergeError([...problems, 'merge only the parts of one run (arrcast run --shard K/N with the same scenario, seed and trials)']);
  const version = parts[0]!.header.arrcastVersion;
  if (version !== ARRCAST_VERSION)
    throw new MergeError([`the parts were written by arrcast ${excerpt(version)}, and this is arrcast ${ARRCAST_VERSION}; merge with the version that ran the shards`]);
  // The same version number can span a change of generator (a development build): the id decides.
  const generator = partGenerator(parts[0]!.header);
  if (generator !== GENERATOR_ID)
    throw new MergeError([
      `the parts were drawn with the random generator ${excerpt(generator)}, and this arrcast draws with ${GENERATOR_ID}: their trials cannot be merged with this arrcast's; run the shards again with this arrcast`,
    ]);

  const count = parts[0]!.header.shard.count;
  const files = Array.from({ length: count }, (): string[] => []);
  for (const { file, header } of parts) files[header.shard.index]!.push(file);
  const missing = files.flatMap((f, i) => (f.length === 0 ? [i] : []));
  if (missing.length > 0)
    problems.push(`${missing.length === 1 ? 'shard' : 'shards'} ${shardList(missing, count)} ${missing.length === 1 ? 'is' : 'are'} missing (${count - missing.length} of ${count} given)`);
  files.forEach((f, i) => {
    if (f.length > 1) problems.push(`shard ${i + 1}/${count} is given ${f.length === 2 ? 'twice' : `${f.length} times`}: ${f.join(', ')}`);
  });
  if (problems.length > 0) throw new MergeError(problems);
}

/**
 * The scenario a part was run with, validated again by this arrcast and hashed: it must hash as the
 * part says (so outputs name the same scenario hash as a single run's). A scenario that reads data
 * files (a customer book, a pipeline) reads them again, relative to the scenario file as the run
 * named it: they must be there, unchanged (their bytes are in the hash). A part can be crafted, so
 * the scenario path it names is not trusted: the data files must be inside `policy`'s folders (the
 * working directory and --allow-path folders, see path-policy.ts).
 */
export async function loadedFromPart({ file, header }: PartInfo, policy: PathPolicy): Promise<LoadedScenario> {
  const parsed = scenarioSchema.safeParse(header.resolvedScenario);
  if (!parsed.success) throw new PartFileError(file, `holds a scenario this arrcast does not accept (${Object.values(zodProblem(parsed.error.issues[0])).join(': ')})`);
  markValidated(parsed.data);
  const scenarioHash = hashScenario(parsed.data);
  const bare: LoadedScenario = {
    scenario: parsed.data,
    source: header.scenario.source,
    fromPart: file,
    hash: scenarioHash,
    contentDigest: digestOfContent(scenarioHash, ''),
    ...(header.scenario.bases ? { bases: header.scenario.bases } : {}),
  };
  let loaded: LoadedScenario;
  try {
    loaded = await attachFiles(bare, header.scenario.source, policy);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    throw new PartFileError(file, `needs the data files its scenario names, as the run read them: ${err.message.split('\n').join('; ')}`);
  }
  const hash = loaded.hash;
  // A run of an edited copy is named by a hash of its content (run-hash.ts), which no load gives: the
  // same content read here again hashes to it.
  if (hash !== header.scenario.hash && contentHash(loaded) !== header.scenario.hash)
    throw new PartFileError(
      file,
      loaded.files
        ? `was run on other data: its scenario and data files now hash to ${hash.slice(0, 12)}, not ${header.scenario.hash.slice(0, 12)} (a data file changed since the run, or the run was given data not read from them?)`
        : `is corrupt: its scenario hashes to ${hash.slice(0, 12)}, not ${header.scenario.hash.slice(0, 12)} as its header says`,
    );
  // Accepted by its content: named as its run was (a run or resume of the merged run is that run's).
  return hash === header.scenario.hash ? loaded : { ...loaded, hash: header.scenario.hash };
}

/** How parts are merged. */
export interface MergeOptions {
  readonly signal?: AbortSignal;
  /**
   * Folders, besides the working directory's tree, that the data files of the parts' scenario may
   * be read from (the CLI's --allow-path). See path-policy.ts.
   */
  readonly allowedRoots?: readonly string[];
}

/** Every key of MergeOptions (checked complete by the compiler). */
void (true satisfies AgreesWithSchema<MergeOptions, z.infer<typeof mergeOptionsSchema>>);

/** Run a step on every part, gathering their PartFileErrors into one MergeError. */
async function eachPart<T, R>(items: readonly T[], step: (item: T) => Promise<R> | R): Promise<R[]> {
  const results: R[] = [];
  const problems: string[] = [];
  for (const item of items) {
    try {
      results.push(await step(item));
    } catch (err) {
      if (!(err instanceof PartFileError)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length > 0) throw new MergeError(problems);
  return results;
}

/**
 * Merge the parts of a sharded run (`simulateShard` for shards 0 to N - 1, written with
 * writePartFile) into the whole run: the same Simulation, bit for bit, as `simulate` with the same
 * scenario, seed and trials, so summarize and writeReport give byte-identical outputs. Every file's
 * header is read and checked first (checkParts), then the parts are read one at a time into the
 * store. Throws MergeError listing every problem found; nothing is merged from parts that do not
 * add up to one whole run. `signal` cancels it between parts (RunAbortedError).
 *
 * @example const sim = await mergeParts(['p/shard-1-of-2.arrcast-part', 'p/shard-2-of-2.arrcast-part'])
 */
export async function mergeParts(files: readonly string[], options: MergeOptions = {}): Promise<Simulation> {
  const started = performance.now();
  // A single path would be read as its characters, each "a file that does not exist".
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string'))
    throw new TypeError(
      `mergeParts takes an array of part file paths (got ${typeof files === 'string' ? `the string ${JSON.stringify(files)}: pass [path]` : Array.isArray(files) ? `an array holding ${files.map((f) => typeof f).find((t) => t !== 'string')}` : files === null ? 'null' : typeof files})`,
    );
  checkOptions('mergeParts', mergeOptionsSchema, options, true);
  checkAllowedRoots(options.allowedRoots);
  // Aborted before the call: nothing is read (a missing part was reported instead of the abort).
  throwIfAborted(options.signal);
  const infos = await eachPart(files, readPartHeader);
  checkParts(infos);
  const ordered = [...infos].sort((a, b) => a.header.shard.index - b.header.shard.index);
  const policy = await workingDirectoryPathPolicy(options.allowedRoots);
  const [loaded] = await eachPart([ordered[0]!], (info) => loadedFromPart(info, policy));
  const plan = planLoaded(loaded!);
  const run = ordered[0]!.header;
  // Every part must lay out its body as this arrcast lays out the scenario's trials.
  const expected = JSON.stringify(plan.layout.columns.map((c) => ({ key: c.key, precision: c.precision })));
  await eachPart(ordered, ({ file, header }) => {
    if (JSON.stringify(header.columns) !== expected || header.sumsPerChunk !== sumsPerChunk(plan.tiers.length))
      throw new PartFileError(file, `has columns other than those arrcast ${ARRCAST_VERSION} lays out for its scenario`);
  });

  const chunks = planChunks(run.trials, run.chunkSize);
  const store = new TrialStore(plan.layout, run.trials, chunks.length);
  await eachPart(ordered, async ({ file, header }) => {
    throwIfAborted(options.signal);
    const part = await readPartFile(file);
    if (JSON.stringify(part.header) !== JSON.stringify(header)) throw new PartFileError(file, 'changed while it was being merged');
    store.columns.forEach((column, c) => {
      const bytes = part.columnBytes[c]!;
      if (!(column instanceof Uint16Array)) return copyLittleEndian(bytes, column, header.firstTrial);
      // A count kept as uint16 (trial-store.ts): the part's float32 values, through the store's check.
      const values = new Float32Array(bytes.byteLength / 4);
      copyLittleEndian(bytes, values, 0);
      store.putValues(c, values, header.firstTrial);
    });
    header.chunks.forEach((chunk, i) => store.setChunkSums(chunk, part.chunkSums[i]!));
    checkPartFinite(file, header, store);
  });
  throwIfAborted(options.signal);
  return { loaded: loaded!, runHash: run.scenario.hash, plan, seed: run.seed, trials: run.trials, workers: 0, store, elapsedMs: performance.now() - started, generator: partGenerator(run) };
}
