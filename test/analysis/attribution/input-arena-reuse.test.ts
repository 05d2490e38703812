import { describe, expect, it } from 'vitest';
import { InputArena, prepareInput } from '../../../src/analysis/attribution/input.js';

/**
 * A summary hands the attribution the block its sorts are done with (summarize.ts): the inputs must
 * come out as they do in fresh memory, whatever the block held before.
 */
describe('InputArena on a block used before', () => {
  const n = 1_000;
  const dirty = (bytes: number) => {
    const buffer = new ArrayBuffer(bytes);
    new Float64Array(buffer).fill(-123.25);
    return buffer;
  };
  const same = (a: ReturnType<typeof prepareInput>, b: ReturnType<typeof prepareInput>) => {
    expect(Array.from(a.sorted)).toEqual(Array.from(b.sorted));
    expect(Array.from(a.percentile)).toEqual(Array.from(b.percentile));
    expect(Array.from(a.bin)).toEqual(Array.from(b.bin));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  };

  it('gives an input with no spread its zeros (standardise writes none), and a varying one its values', () => {
    const constant = new Float32Array(n).fill(0.25);
    const varying = Float32Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const block = dirty(2 * InputArena.bytesPerInput(n));
    const arena = new InputArena(n, 2, block);
    const flat = prepareInput(constant, 'own', 8, arena);
    const moving = prepareInput(varying, 'own', 8, arena);
    // In the block it was given, not in memory of its own.
    expect(flat.x.buffer).toBe(block);
    expect(moving.x.buffer).toBe(block);
    expect(Array.from(flat.x).every((v) => v === 0)).toBe(true);
    same(flat, prepareInput(constant, 'own', 8));
    same(moving, prepareInput(varying, 'own', 8));
  });

  it("touches no byte of the block an input does not take (a float32 input's sorted values take half their room)", () => {
    const block = dirty(2 * InputArena.bytesPerInput(n));
    const arena = new InputArena(n, 2, block);
    const input = prepareInput(Float32Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n), 'own', 8, arena);
    // Its five arrays, back to back from the block's start: sorted (float32), percentile, bin, order (int32) and x.
    const used = 4 * n + 8 * n + 2 * n + 4 * n + 8 * n;
    expect(input.sorted).toBeInstanceOf(Float32Array);
    const words = new Float64Array(block);
    // Every 8-byte word past what it took still holds what the block held before: never zeroed, so never made resident.
    expect(words.subarray(Math.ceil(used / 8)).every((v) => v === -123.25)).toBe(true);
    expect(words.subarray(Math.ceil(used / 8)).length).toBeGreaterThan(n);
  });

  it('takes memory of its own when the block is too small, leaving the block as it was', () => {
    const block = dirty(InputArena.bytesPerInput(n) - 8);
    const input = prepareInput(new Float32Array(n).fill(1), 'own', 8, new InputArena(n, 1, block));
    expect(input.x.buffer).not.toBe(block);
    expect(Array.from(input.x).every((v) => v === 0)).toBe(true);
    expect(new Float64Array(block).every((v) => v === -123.25)).toBe(true);
  });
});
