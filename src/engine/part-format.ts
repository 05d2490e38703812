import { createHash } from 'node:crypto';
import { z } from 'zod';
import { checkUnchangedSinceLoaded } from './unchanged-since-loaded.js';
import { COMPONENTS, METRICS } from '../model/components.js';
import { CHUNK_SIZE } from '../model/simulate-chunk.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { displayText, excerpt, quoteText } from '../scenario/display-text.js';
import { formatPath } from '../scenario/scenario-error.js';
import { ARRCAST_VERSION } from '../version.js';
import { LEGACY_GENERATOR_ID } from '../random/source.js';
import { MAX_SHARDS, planChunks, shardChunks } from './chunks.js';
import { RunOptionError } from './errors.js';
import type { SimulationPart } from './simulate.js';
import { jsonShapeProblem } from '../scenario/json-shape.js';

/**
 * The file of one shard of a run (`arrcast run --shard K/N`), merged by `arrcast merge`. Binary,
 * little-endian:
 *
 * | bytes | what |
 * |---|---|
 * | 8 | magic `ARRCPART` (ASCII) |
 * | 4 | format version, uint32 (1) |
 * | 4 | header length H, uint32 |
 * | 8 | body length B, uint64 |
 * | H | header: JSON, UTF-8 (PartHeader) |
 * | B | body: each column of the layout in order, the part's trials as float64 or float32 (its `precision`); then each chunk's component sums, `sumsPerChunk` float64 |
 * | 32 | SHA-256 of everything before it |
 *
 * Encoding and decoding here are pure (bytes in, bytes out); part-file.ts reads and writes files.
 */
export const PART_MAGIC = 'ARRCPART';
export const PART_FORMAT_VERSION = 1;
/** The extension of part files, and of the file names `arrcast run --shard` picks in a directory. */
export const PART_EXTENSION = '.arrcast-part';
/** Bytes before the header: magic, version, header length, body length. */
export const PREAMBLE_BYTES = 24;
export const CHECKSUM_BYTES = 32;
/** A header longer than this is not one arrcast wrote (a scenario is at most 5 MiB of text). */
export const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/**
 * A part file that cannot be read: not a part, truncated, corrupt, or of another format version. The
 * CLI exits with code 2. A part may be crafted: the message is passed through `displayText`, and
 * what it quotes of the part is a short excerpt (display-text.ts).
 */
export class PartFileError extends Error {
  override readonly name: string = 'PartFileError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(displayText(`${file} ${detail}`));
  }
}

/** A part file cut short or damaged (its length, header or checksum): it holds no shard's trials that can be read. */
export class DamagedPartError extends PartFileError {
  override readonly name = 'DamagedPartError';
}

/**
 * Where and what is wrong with a value a zod schema refused, for a message about a file that may be
 * crafted: the path (keys quoted and cut, see formatPath), an unknown key as a short excerpt.
 */
export function zodProblem(issue: z.core.$ZodIssue | undefined): { at: string; what: string } {
  if (issue === undefined) return { at: 'top level', what: 'invalid' };
  const at = formatPath(issue.path.map((p) => (typeof p === 'number' ? p : String(p)))) || 'top level';
  const what =
    issue.code === 'unrecognized_keys'
      ? `unknown key ${quoteText(issue.keys[0] ?? '')}${issue.keys.length > 1 ? ` and ${issue.keys.length - 1} more` : ''}`
      : excerpt(issue.message, 80);
  return { at, what };
}

const columnSchema = z.strictObject({ key: z.string().min(1), precision: z.enum(['f64', 'f32']) });
const count = (max: number) => z.number().int().min(0).max(max);

const headerSchema = z.strictObject({
  format: z.literal('arrcast-part'),
  formatVersion: z.literal(PART_FORMAT_VERSION),
  arrcastVersion: z.string().min(1).max(100),
  /** The random numbers' id (GENERATOR_ID); absent in parts written before generator ids (LEGACY_GENERATOR_ID). */
  generator: z.string().min(1).max(100).optional(),
  scenario: z.strictObject({ name: z.string(), source: z.string(), hash: z.string().regex(/^[0-9a-f]{64}$/), bases: z.array(z.string()).optional() }),
  /** The validated scenario (defaults filled in) the trials are of, as `scenario.json` holds it. */
  resolvedScenario: z.record(z.string(), z.unknown()),
  seed: z.string().min(1).max(200),
  /** Trials and chunk size of the whole run. */
  trials: count(MAX_TRIALS).min(1),
  chunkSize: count(MAX_TRIALS).min(1),
  /** `index` is 0-based; people write shards 1-based ("shard 2/4" is index 1). */
  shard: z.strictObject({ index: count(MAX_SHARDS - 1), count: count(MAX_SHARDS).min(1) }),
  /** Indices of the run's chunks in this part, in order. */
  chunks: z.array(count(MAX_TRIALS)),
  /** The run's trial number (0-based) of this part's first trial, and how many trials it holds. */
  firstTrial: count(MAX_TRIALS),
  partTrials: count(MAX_TRIALS),
  columns: z.array(columnSchema).min(1),
  sumsPerChunk: count(1_000_000),
});

/** What a part says about itself: the run it belongs to and the layout of its body. */
export type PartHeader = z.infer<typeof headerSchema>;

/** The generator id of a part: its header's, or LEGACY_GENERATOR_ID for a part written before generator ids. */
export const partGenerator = (header: Pick<PartHeader, 'generator'>): string => header.generator ?? LEGACY_GENERATOR_ID;

/** A whole part, decoded: its header, each column's bytes (little-endian, in the column's precision) and each chunk's component sums. */
export interface DecodedPart {
  readonly header: PartHeader;
  readonly columnBytes: readonly Uint8Array[];
  readonly chunkSums: readonly Float64Array[];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The little-endian bytes of a typed array: a view on little-endian machines, a copy otherwise. */
function leBytes(values: Float64Array | Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  const wide = values instanceof Float64Array;
  for (let i = 0; i < values.length; i++) {
    if (wide) view.setFloat64(i * 8, values[i]!, true);
    else view.setFloat32(i * 4, values[i]!, true);
  }
  return out;
}

/** Copy little-endian `bytes` into `target` from element `offset` on (the bytes hold whole elements of target's type). */
export function copyLittleEndian(bytes: Uint8Array, target: Float64Array | Float32Array, offset: number): void {
  const size = target.BYTES_PER_ELEMENT;
  const n = bytes.byteLength / size;
  if (!Number.isInteger(n) || offset + n > target.length) throw new RangeError(`${bytes.byteLength} bytes do not fit at element ${offset} of ${target.length}`);
  if (LITTLE_ENDIAN) {
    new Uint8Array(target.buffer, target.byteOffset + offset * size, bytes.byteLength).set(bytes);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) target[offset + i] = size === 8 ? view.getFloat64(i * 8, true) : view.getFloat32(i * 4, true);
}

/** Component sums per chunk: tier x metric x component (see ChunkResult.componentSums). */
export const sumsPerChunk = (tiers: number) => tiers * METRICS.length * COMPONENTS.length;

/** Body bytes a header describes: its columns over its trials, then its chunks' sums. */
function bodyBytes(header: Pick<PartHeader, 'columns' | 'partTrials' | 'chunks' | 'sumsPerChunk'>): number {
  const perTrial = header.columns.reduce((n, c) => n + (c.precision === 'f64' ? 8 : 4), 0);
  return perTrial * header.partTrials + header.chunks.length * header.sumsPerChunk * 8;
}

/**
 * Encode a shard's result as a part file, in pieces to write one after the other (the columns'
 * pieces are views on the store on little-endian machines: no copy of the trials). A re-forecast's
 * part (simulateShard with actuals) is refused: the format does not carry actuals.
 *
 * @example await writeFile('p.arrcast-part', Buffer.concat(encodePart(await simulateShard(loaded, { shard: { index: 0, count: 4 } }))))
 * Complexity: O(bytes), for the checksum.
 */
export function encodePart(part: SimulationPart): Uint8Array[] {
  // A whole run (simulate's: a part's fields but shard and chunks) given from JavaScript failed on with a TypeError.
  if (part.shard === undefined || !Array.isArray(part.chunks))
    throw new RangeError("a part file holds one shard's part, as simulateShard returns it; this is a whole run (simulate's): write its report (writeReport), or run its shards");
  // A part file says nothing of actuals: a re-forecast's part would merge as a plan's, even beside
  // the plan's own parts. Refused until the format carries them (as `run` refuses --shard with --actuals).
  if (part.reforecast)
    throw new RunOptionError('actuals', "a re-forecast's shard cannot be written as a part file: a part does not carry its actuals (not yet), so its merge would be a plan's");
  // Its header names the run's hash (runHash) and holds the scenario: one edited in place since would be merged as the run's.
  checkUnchangedSinceLoaded(part.loaded, 'its part file', part.runHash);
  const { loaded, plan, store } = part;
  const header: PartHeader = {
    format: 'arrcast-part',
    formatVersion: PART_FORMAT_VERSION,
    arrcastVersion: ARRCAST_VERSION,
    generator: part.generator,
    scenario: { name: loaded.scenario.name, source: loaded.source, hash: part.runHash, ...(loaded.bases ? { bases: [...loaded.bases] } : {}) },
    resolvedScenario: loaded.scenario as unknown as Record<string, unknown>,
    seed: part.seed,
    trials: part.trials,
    chunkSize: CHUNK_SIZE,
    shard: { index: part.shard.index, count: part.shard.count },
    chunks: part.chunks.map((c) => c.index),
    firstTrial: part.chunks[0]?.offset ?? 0,
    partTrials: store.trials,
    columns: plan.layout.columns.map((c) => ({ key: c.key, precision: c.precision })),
    sumsPerChunk: sumsPerChunk(plan.tiers.length),
  };
  // A count the store keeps as uint16 goes out as the float32 its layout column is (the same values).
  const body: Uint8Array[] = store.columns.map((c) => leBytes(c instanceof Uint16Array ? Float32Array.from(c) : c));
  for (let i = 0; i < part.chunks.length; i++) {
    const sums = store.chunkSumsAt(i);
    if (!sums || sums.length !== header.sumsPerChunk) throw new Error(`chunk ${part.chunks[i]!.index} of the part has no component sums`);
    body.push(leBytes(sums));
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const preamble = new Uint8Array(PREAMBLE_BYTES);
  preamble.set(new TextEncoder().encode(PART_MAGIC));
  const view = new DataView(preamble.buffer);
  view.setUint32(8, PART_FORMAT_VERSION, true);
  view.setUint32(12, json.byteLength, true);
  view.setBigUint64(16, BigInt(bodyBytes(header)), true);
  const pieces = [preamble, json, ...body];
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return [...pieces, new Uint8Array(hash.digest())];
}

/** The fixed start of a part file: where its header and body end. */
export interface PartPreamble {
  readonly formatVersion: number;
  readonly headerLength: number;
  readonly bodyLength: number;
  /** Bytes of the whole file, checksum included. */
  readonly totalLength: number;
}

/**
 * Read the first PREAMBLE_BYTES of a part file (fewer if the file is shorter). Throws
 * PartFileError for a file that is not a part, is cut short, or is of another format version.
 */
export function decodePreamble(bytes: Uint8Array, file: string): PartPreamble {
  if (bytes.byteLength === 0) throw new PartFileError(file, 'is empty, not an arrcast part file');
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, PART_MAGIC.length));
  if (!PART_MAGIC.startsWith(magic) || (bytes.byteLength >= PART_MAGIC.length && magic !== PART_MAGIC))
    throw new PartFileError(file, `is not an arrcast part file (it does not start with ${PART_MAGIC}); parts are written by arrcast run --shard K/N`);
  if (bytes.byteLength < PREAMBLE_BYTES) throw new DamagedPartError(file, `is truncated: ${bytes.byteLength} bytes, shorter than a part's fixed start`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE_BYTES);
  const formatVersion = view.getUint32(8, true);
  if (formatVersion !== PART_FORMAT_VERSION)
    throw new PartFileError(file, `is a part of format version ${formatVersion}; this arrcast (${ARRCAST_VERSION}) reads version ${PART_FORMAT_VERSION}`);
  const headerLength = view.getUint32(12, true);
  const body = view.getBigUint64(16, true);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES || body > BigInt(Number.MAX_SAFE_INTEGER))
    throw new DamagedPartError(file, 'is corrupt: its header or body length is impossible');
  const bodyLength = Number(body);
  return { formatVersion, headerLength, bodyLength, totalLength: PREAMBLE_BYTES + headerLength + bodyLength + CHECKSUM_BYTES };
}

/**
 * Decode and check a part's header from the file's first bytes (at least the preamble and the
 * header). The header must be one arrcast writes and add up: its chunks are those its shard gets
 * in a run of its trials, and its body length is what its columns, trials and chunks take.
 */
export function decodePartHeader(bytes: Uint8Array, file: string): PartHeader {
  const preamble = decodePreamble(bytes, file);
  const end = PREAMBLE_BYTES + preamble.headerLength;
  if (bytes.byteLength < end) throw new DamagedPartError(file, `is truncated: ${bytes.byteLength} bytes, expected ${preamble.totalLength}`);
  let data: unknown;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE_BYTES, end));
  } catch {
    throw new DamagedPartError(file, 'is corrupt: its header is not JSON');
  }
  const shape = jsonShapeProblem(text);
  if (shape !== undefined) throw new DamagedPartError(file, `is corrupt: its header ${shape}`);
  try {
    data = JSON.parse(text);
  } catch {
    throw new DamagedPartError(file, 'is corrupt: its header is not JSON');
  }
  const parsed = headerSchema.safeParse(data);
  if (!parsed.success) {
    const { at, what } = zodProblem(parsed.error.issues[0]);
    throw new DamagedPartError(file, `is corrupt: its header's ${at} is not valid (${what})`);
  }
  const header = parsed.data;
  const corrupt = (what: string) => new DamagedPartError(file, `is corrupt: ${what}`);
  if (header.shard.index >= header.shard.count) throw corrupt(`its shard index ${header.shard.index} is not below its shard count ${header.shard.count}`);
  const expected = shardChunks(planChunks(header.trials, header.chunkSize), header.shard);
  if (expected.length !== header.chunks.length || expected.some((c, i) => c.index !== header.chunks[i]))
    throw corrupt(`its chunks are not those of shard ${header.shard.index + 1}/${header.shard.count} of ${header.trials} trials`);
  if (header.firstTrial !== (expected[0]?.offset ?? 0) || header.partTrials !== expected.reduce((n, c) => n + c.trials, 0))
    throw corrupt("its first trial or trial count does not match its chunks");
  if (bodyBytes(header) !== preamble.bodyLength) throw corrupt(`its body length ${preamble.bodyLength} is not what its header describes (${bodyBytes(header)})`);
  return header;
}

/**
 * Decode a whole part file: check its length and checksum, then its header, and cut its body into
 * columns and chunk sums (views on `bytes`, not copies).
 *
 * @example decodePart(Buffer.concat(encodePart(part)), 'p.arrcast-part').header.shard // => { index, count }
 * Complexity: O(bytes), for the checksum.
 */
export function decodePart(bytes: Uint8Array, file: string): DecodedPart {
  const preamble = decodePreamble(bytes, file);
  if (bytes.byteLength < preamble.totalLength) throw new DamagedPartError(file, `is truncated: ${bytes.byteLength} bytes, expected ${preamble.totalLength}`);
  if (bytes.byteLength > preamble.totalLength)
    throw new DamagedPartError(file, `is corrupt: ${bytes.byteLength - preamble.totalLength} bytes after the end of the part (${preamble.totalLength} bytes)`);
  const checked = preamble.totalLength - CHECKSUM_BYTES;
  const digest = createHash('sha256').update(bytes.subarray(0, checked)).digest();
  if (!digest.equals(bytes.subarray(checked))) throw new DamagedPartError(file, 'is corrupt: its checksum does not match its contents');
  const header = decodePartHeader(bytes, file);
  let at = PREAMBLE_BYTES + preamble.headerLength;
  const take = (n: number) => bytes.subarray(at, (at += n));
  const columnBytes = header.columns.map((c) => take(header.partTrials * (c.precision === 'f64' ? 8 : 4)));
  const chunkSums = header.chunks.map(() => {
    const sums = new Float64Array(header.sumsPerChunk);
    copyLittleEndian(take(header.sumsPerChunk * 8), sums, 0);
    return sums;
  });
  return { header, columnBytes, chunkSums };
}
