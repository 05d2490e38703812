import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { transferableSymbol } from 'piscina';
import runChunk from '../../src/engine/worker.js';
import type { ChunkTask } from '../../src/engine/chunk-task.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { allocateChunkBuffers, simulateChunk } from '../../src/model/simulate-chunk.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A worker hands a chunk's results back by copy, never by transfer: the first ArrayBuffer a thread
 * detaches makes V8 throw away every function it has optimized that reads a typed array, and compile
 * all later code with detached-buffer checks (src/engine/worker.ts; bench/RESULTS.md, spd22).
 */
describe("a worker's answer to a chunk", () => {
  it('is the chunk result itself, not a piscina movable: posted by structured clone, nothing of the worker detached', async () => {
    const loaded = await loadScenario(join(ROOT, 'test/fixtures/minimal.yaml'));
    const plan = planLoaded(loaded);
    const task: ChunkTask = { scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, seed: '5', chunk: 2, trials: 50, buffers: allocateChunkBuffers(plan) };
    const answer = runChunk(task) as unknown as Record<PropertyKey, unknown>;
    // piscina's worker posts `result[transferableSymbol]` as the transfer list of a movable answer
    // (piscina/dist/worker.js), and an empty one otherwise.
    expect(transferableSymbol in answer).toBe(false);
    const expected = simulateChunk(plan, '5', 2, 50, allocateChunkBuffers(plan));
    expect(answer.wide).toBeInstanceOf(Float64Array);
    expect(Buffer.from((answer.wide as Float64Array).buffer).equals(Buffer.from(expected.wide.buffer))).toBe(true);
    expect(Buffer.from((answer.narrow as Float32Array).buffer).equals(Buffer.from(expected.narrow.buffer))).toBe(true);
    expect(Array.from(answer.componentSums as Float64Array)).toEqual(Array.from(expected.componentSums));
    // Posting it as piscina does (no transfer list) copies it and leaves the worker's buffers attached.
    const posted = structuredClone(answer);
    expect((posted.wide as Float64Array).length).toBe(expected.wide.length);
    expect(task.buffers.wide.byteLength).toBe(expected.wide.buffer.byteLength);
  });

  it("why (V8's detaching protector, in a fresh thread): optimized typed-array code survives a copy, not a transfer", async () => {
    // The probe's optimization status (V8's %GetOptimizationStatus, bit 16: optimized code attached)
    // before and after one buffer is posted by copy or by transfer.
    const code = `
      const v8 = require('node:v8');
      const { parentPort, workerData } = require('node:worker_threads');
      v8.setFlagsFromString('--allow-natives-syntax');
      const probe = new Function('a', 'let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s;');
      const optimize = new Function('f', 'a', '%PrepareFunctionForOptimization(f); f(a); f(a); %OptimizeFunctionOnNextCall(f); f(a); return %GetOptimizationStatus(f);');
      const status = new Function('f', 'return %GetOptimizationStatus(f);');
      const before = optimize(probe, new Float64Array(64));
      const b = new ArrayBuffer(64);
      if (workerData.transfer) structuredClone(b, { transfer: [b] }); else structuredClone(b);
      parentPort.postMessage({ before, after: status(probe) });`;
    const statusAfter = (transfer: boolean) =>
      new Promise<{ before: number; after: number }>((resolve, reject) => {
        const w = new Worker(code, { eval: true, workerData: { transfer } });
        w.once('message', (m) => resolve(m as { before: number; after: number }));
        w.once('error', reject);
      });
    const OPTIMIZED = 16;
    const [copied, transferred] = await Promise.all([statusAfter(false), statusAfter(true)]);
    expect(copied.before & OPTIMIZED).toBe(OPTIMIZED);
    expect(copied.after & OPTIMIZED).toBe(OPTIMIZED);
    expect(transferred.before & OPTIMIZED).toBe(OPTIMIZED);
    expect(transferred.after & OPTIMIZED).toBe(0);
  });
});
