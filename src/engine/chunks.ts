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
