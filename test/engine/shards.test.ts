import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { simulate, simulateShard } from '../../src/engine/simulate.js';
import { MAX_SHARDS, planChunks, shardChunks } from '../../src/engine/chunks.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
// A count the store keeps as uint16 compared as the float32 its layout column is (trial-store.ts).
const bytes = (c: Float64Array | Float32Array | Uint16Array) => {
  const a = c instanceof Uint16Array ? Float32Array.from(c) : c;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
};

describe('shardChunks: which chunks each shard runs', () => {
  it.each([
    // trials, shards, chunk indices of each shard
    [5_000, 4, [[0], [1], [2], [3, 4]]],
    [5_500, 2, [[0, 1, 2], [3, 4, 5]]],
    [10_000, 3, [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]],
    [1_500, 5, [[], [], [0], [], [1]]],
    [800, 1, [[0]]],
  ])('%d trials in %d shards', (trials, count, expected) => {
    const chunks = planChunks(trials);
    expect(Array.from({ length: count }, (_, index) => shardChunks(chunks, { index, count }).map((c) => c.index))).toEqual(expected);
  });

  it('every chunk in exactly one shard, in order, blocks differing by at most one chunk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 400 }), (chunkCount, count) => {
        const chunks = planChunks(chunkCount * 10, 10);
        const blocks = Array.from({ length: count }, (_, index) => shardChunks(chunks, { index, count }));
        expect(blocks.flat().map((c) => c.index)).toEqual(chunks.map((c) => c.index));
        const sizes = blocks.map((b) => b.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('simulateShard', () => {
  it('each part holds exactly the single run’s trials and chunk sums of its chunks (in-process and on a pool)', async () => {
    const whole = await simulate(example, { trials: 5_000, seed: 7, workers: 0 });
    for (let index = 0; index < 4; index++) {
      const part = await simulateShard(example, { trials: 5_000, seed: 7, workers: index === 3 ? 2 : 0, shard: { index, count: 4 } });
      expect(part.trials).toBe(5_000);
      expect(part.seed).toBe('7');
      const first = part.chunks[0]!;
      const partTrials = part.chunks.reduce((n, c) => n + c.trials, 0);
      expect(part.store.trials).toBe(partTrials);
      expect(partTrials).toBe(index === 3 ? 2_000 : 1_000);
      whole.store.columns.forEach((col, c) =>
        expect(bytes(part.store.columns[c]!).equals(bytes(col.subarray(first.offset, first.offset + partTrials)))).toBe(true),
      );
      part.chunks.forEach((spec, i) => expect(Array.from(part.store.chunkSumsAt(i)!)).toEqual(Array.from(whole.store.chunkSumsAt(spec.index)!)));
    }
  });

  it('a shard with no chunks (more shards than chunks) is an empty part', async () => {
    let progressed = false;
    const part = await simulateShard(example, { trials: 1_500, seed: 7, shard: { index: 1, count: 5 }, onProgress: () => (progressed = true) });
    expect(part.chunks).toEqual([]);
    expect(part.store.trials).toBe(0);
    expect(part.store.chunks).toBe(0);
    expect(part.workers).toBe(0);
    expect(progressed).toBe(false);
  });

  it('simulate refuses a shard: a shard is not a whole run', async () => {
    const options = { trials: 1_000, workers: 0, shard: { index: 0, count: 2 } };
    await expect(simulate(example, options)).rejects.toThrow('--shard: simulate runs the whole run; run one shard with simulateShard');
  });

  it.each([
    [{ index: 0, count: 0 }, `--shard: the shard count must be a whole number from 1 to 10,000 (got 0)`],
    [{ index: 0, count: MAX_SHARDS + 1 }, `--shard: the shard count must be a whole number from 1 to 10,000 (got 10001)`],
    [{ index: 0, count: 2.5 }, '--shard: the shard count must be a whole number from 1 to 10,000 (got 2.5)'],
    [{ index: 4, count: 4 }, '--shard: the shard index must be a whole number from 0 to 3 (0-based; got 4)'],
    [{ index: -1, count: 4 }, '--shard: the shard index must be a whole number from 0 to 3 (0-based; got -1)'],
    [{ index: 0.5, count: 4 }, '--shard: the shard index must be a whole number from 0 to 3 (0-based; got 0.5)'],
  ])('a bad shard %j is refused up front by name', async (shard, message) => {
    const run = simulateShard(example, { trials: 1_000, workers: 0, shard });
    await expect(run).rejects.toBeInstanceOf(RunOptionError);
    await expect(simulateShard(example, { trials: 1_000, workers: 0, shard })).rejects.toThrow(message);
  });
});
