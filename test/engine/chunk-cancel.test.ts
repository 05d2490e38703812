import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import runChunk from '../../src/engine/worker.js';
import { cancelFlag, CHUNK_SKIPPED, stopAllChunks, stopChunksAfter, wasCancelled, type ChunkTask } from '../../src/engine/chunk-task.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { allocateChunkBuffers, simulateChunk } from '../../src/model/simulate-chunk.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

/** The worker's side of a cancelled run on a warm pool: a chunk still queued when the run is cancelled is not simulated. */
describe('chunks of a cancelled run', () => {
  it('a queued chunk that finds its run cancelled returns at once, its buffers untouched; otherwise it simulates as before', async () => {
    const loaded = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const plan = planLoaded(loaded);
    const flag = cancelFlag();
    const task = (): ChunkTask => ({ scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, seed: '3', chunk: 1, trials: 200, buffers: allocateChunkBuffers(plan), cancelled: flag });

    const live = task();
    const result = runChunk(live);
    expect(result).toBeDefined();
    const expected = simulateChunk(plan, '3', 1, 200, allocateChunkBuffers(plan));
    expect(Buffer.from(live.buffers.wide).equals(Buffer.from(expected.wide.buffer))).toBe(true);

    stopAllChunks(flag);
    const skipped = task();
    expect(() => runChunk(skipped)).toThrow(CHUNK_SKIPPED);
    expect(new Float64Array(skipped.buffers.wide).every((v) => v === 0)).toBe(true);
  });

  it('after a failed chunk, the chunks after it return unsimulated and those before it still run', () => {
    const at = (chunk: number): ChunkTask => ({ scenario: {} as ChunkTask['scenario'], files: {}, hash: 'h', seed: '3', chunk, trials: 1, buffers: {} as ChunkTask['buffers'], cancelled: flag });
    const flag = cancelFlag();
    expect([0, 5, 9].map((c) => wasCancelled(at(c)))).toEqual([false, false, false]);
    stopChunksAfter(flag, 5);
    expect([0, 4, 5, 6, 9].map((c) => wasCancelled(at(c)))).toEqual([false, false, false, true, true]);
    // A later failure of a higher chunk does not raise the bound; a lower one lowers it.
    stopChunksAfter(flag, 7);
    expect(wasCancelled(at(6))).toBe(true);
    stopChunksAfter(flag, 2);
    expect([2, 3, 5].map((c) => wasCancelled(at(c)))).toEqual([false, true, true]);
    // A stopped run stays stopped, whatever fails after.
    stopAllChunks(flag);
    stopChunksAfter(flag, 1);
    expect([0, 1].map((c) => wasCancelled(at(c)))).toEqual([true, true]);
  });
});
