import { CHUNK_SIZE } from '../model/simulate-chunk.js';

/** One chunk of a run: its index (which seeds its streams) and how many trials it holds. */
export interface ChunkSpec {
  readonly index: number;
  readonly trials: number;
  /** Index of its first trial in the run. */
  readonly offset: number;
}

/**
 * Cut a run into fixed-size chunks. The cut depends only on the trial count, never on the number of
 * workers, which is what makes results identical for any pool size.
 *
 * @example planChunks(2500) // => [{index 0, 1000 trials}, {index 1, 1000}, {index 2, 500}]
 * Complexity: O(trials / CHUNK_SIZE).
 */
export function planChunks(trials: number, chunkSize = CHUNK_SIZE): ChunkSpec[] {
  const chunks: ChunkSpec[] = [];
  for (let offset = 0, index = 0; offset < trials; offset += chunkSize, index++)
    chunks.push({ index, offset, trials: Math.min(chunkSize, trials - offset) });
  return chunks;
}

/** Most shards a run can be split into: one per chunk of the largest run (10,000,000 trials). */
export const MAX_SHARDS = 10_000;

/** Which shard of how many: `index` is 0-based (0 .. count - 1). People write it 1-based, "K/N". */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/**
 * The chunks shard `index` of `count` runs: a contiguous block, the shards' blocks in order and as
 * even as whole chunks allow (sizes differ by at most one chunk; the later shards get the extra
 * ones). Shard k runs chunks floor(k·C/N) up to floor((k+1)·C/N) - 1 of the C chunks. With more
 * shards than chunks, some shards get none. Every chunk belongs to exactly one shard, and the
 * assignment depends only on (C, N), so any machine computes the same split.
 *
 * @example shardChunks(planChunks(5000), { index: 3, count: 4 }).map((c) => c.index) // => [3, 4]
 * Complexity: O(chunks of the shard).
 */
export function shardChunks(chunks: readonly ChunkSpec[], shard: ShardSpec): ChunkSpec[] {
  const { index, count } = shard;
  const first = Math.floor((index * chunks.length) / count);
  const end = Math.floor(((index + 1) * chunks.length) / count);
  return chunks.slice(first, end);
}
