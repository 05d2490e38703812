import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import runChunk from '../../src/engine/worker.js';
import { cancelFlag, CHUNK_SKIPPED, type ChunkTask } from '../../src/engine/chunk-task.js';
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

    Atomics.store(flag, 0, 1);
    const skipped = task();
    expect(() => runChunk(skipped)).toThrow(CHUNK_SKIPPED);
    expect(new Float64Array(skipped.buffers.wide).every((v) => v === 0)).toBe(true);
  });
});
