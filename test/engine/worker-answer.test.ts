import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { transferableSymbol } from 'piscina';
import runChunk from '../../src/engine/worker.js';
import type { ChunkTask } from '../../src/engine/chunk-task.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { allocateChunkBuffers, simulateChunk } from '../../src/model/simulate-chunk.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A pooled run's chunk results live on SharedArrayBuffers the main thread allocates per in-flight
 * slot: the worker writes into them and answers with views on them, so no buffer is copied or
 * detached on either thread. The first ArrayBuffer a thread detaches makes V8 throw away its
 * optimized typed-array code and compile all later code with detached-buffer checks
 * (src/engine/worker.ts; bench/RESULTS.md, spd22).
 */
describe("a worker's answer to a chunk", () => {
  it('is the chunk result itself, not a piscina movable: views on the buffers it was sent', async () => {
    const loaded = await loadScenario(join(ROOT, 'test/fixtures/minimal.yaml'));
    const plan = planLoaded(loaded);
    const task: ChunkTask = { scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, seed: '5', chunk: 2, trials: 50, buffers: allocateChunkBuffers(plan, true) };
    const answer = runChunk(task) as unknown as Record<PropertyKey, unknown>;
    // piscina's worker posts `result[transferableSymbol]` as the transfer list of a movable answer
    // (piscina/dist/worker.js), and an empty one otherwise.
    expect(transferableSymbol in answer).toBe(false);
    const expected = simulateChunk(plan, '5', 2, 50, allocateChunkBuffers(plan));
    expect((answer.wide as Float64Array).buffer).toBe(task.buffers.wide);
    expect((answer.narrow as Float32Array).buffer).toBe(task.buffers.narrow);
    expect(Buffer.from((answer.wide as Float64Array).buffer).equals(Buffer.from(expected.wide.buffer))).toBe(true);
    expect(Buffer.from((answer.narrow as Float32Array).buffer).equals(Buffer.from(expected.narrow.buffer))).toBe(true);
    expect(Array.from(answer.componentSums as Float64Array)).toEqual(Array.from(expected.componentSums));
  });

  it('a pooled run (2 workers) detaches no ArrayBuffer on any thread: V8 spends no detaching protector', () => {
    // V8 prints one line per thread whose protector is spent; the build before this design printed 3
    // for this run (each worker's answer by transfer, and the main thread's transfer list).
    const index = pathToFileURL(join(ROOT, 'dist/index.js')).href;
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const code = `const m = await import(${JSON.stringify(index)});
      const s = await m.simulate(await m.loadScenario(${JSON.stringify(scenario)}), { trials: 4000, seed: 3, workers: 2 });
      console.log('trials', s.trials, s.workers);`;
    const r = spawnSync(process.execPath, ['--trace-protector-invalidation', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('trials 4000 2');
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(lines.filter((l) => l.includes('Invalidating protector cell ArrayBufferDetaching'))).toEqual([]);
  });
});
