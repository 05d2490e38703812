import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitsUint16, TrialStore } from '../../src/engine/trial-store.js';
import type { TrialLayout } from '../../src/model/trial-layout.js';
import type { ChunkResult } from '../../src/model/simulate-chunk.js';

/** A layout of float64 column w, float32 ratio r and float32 counts n and m (kept as uint16 while they fit). */
function layout(): TrialLayout {
  const columns = [
    { key: 'w', kind: 'metric', precision: 'f64' },
    { key: 'r', kind: 'ratio', precision: 'f32' },
    { key: 'n', kind: 'count', precision: 'f32' },
    { key: 'm', kind: 'count', precision: 'f32' },
  ] as unknown as TrialLayout['columns'];
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])), aliases: new Map(), keys: columns.map((c) => c.key) };
}

/** A chunk with these values per column (the float32 ones r, n, m in `narrow`, as a worker writes them). */
function chunk(index: number, w: number[], r: number[], n: number[], m: number[]): ChunkResult {
  return { chunk: index, trials: w.length, wide: Float64Array.from(w), narrow: Float32Array.from([...r, ...n, ...m]), componentSums: new Float64Array(1) };
}

const bitsOf = (a: ArrayLike<number>) => Array.from(Float32Array.from(a as ArrayLike<number>), (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('count columns kept as uint16', () => {
  it('keeps whole counts 0..65,535 in a uint16 array, the same values', () => {
    const store = new TrialStore(layout(), 4, 2);
    store.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [1, 2], [0.5, 0.25], [65_535, 7], [3, 4]));
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [3, 4], [0.1, 0.2], [0, 1], [5, 6]));
    expect(store.column('n')).toBeInstanceOf(Uint16Array);
    expect(store.column('r')).toBeInstanceOf(Float32Array);
    expect(Array.from(store.column('n')!)).toEqual([0, 1, 65_535, 7]);
    expect(Array.from(store.column('m')!)).toEqual([5, 6, 3, 4]);
  });

  it('widens a column to float32 at the first value that does not fit, keeping the values so far, whatever the order of arrival', () => {
    for (const bad of [65_536, 70_000.5, -1, 0.5, -0, NaN, Infinity, 16_777_216]) {
      const store = new TrialStore(layout(), 6, 3);
      store.add({ index: 2, offset: 4, trials: 2 }, chunk(2, [0, 0], [0, 0], [9, 10], [1, 1]));
      store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [0, 0], [1, 2], [1, 1]));
      expect(store.column('n')).toBeInstanceOf(Uint16Array);
      store.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [0, 0], [0, 0], [3, bad], [1, 1]));
      expect(store.column('n')).toBeInstanceOf(Float32Array);
      expect(store.column('m')).toBeInstanceOf(Uint16Array);
      expect(bitsOf(store.column('n')!)).toEqual(bitsOf([1, 2, 3, bad, 9, 10]));
    }
  });

  it('reads back exactly the float32 values a chunk held, for any values (fast-check)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.float({ noDefaultInfinity: false }), fc.constantFrom(-0, 65_535, 65_536, NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 20 }), (pairs) => {
        const n = pairs.map(([a]) => Math.fround(a));
        const m = pairs.map(([, b]) => Math.fround(b));
        const store = new TrialStore(layout(), n.length, 1);
        store.add({ index: 0, offset: 0, trials: n.length }, chunk(0, n.map(() => 0), n.map(() => 0), n, m));
        expect(bitsOf(store.column('n')!)).toEqual(bitsOf(n));
        expect(bitsOf(store.column('m')!)).toEqual(bitsOf(m));
        expect(store.column('n')).toBeInstanceOf(fitsUint16(n) ? Uint16Array : Float32Array);
      }),
    );
  });

  it('never shares a uint16 column with a float32 one of the same values', () => {
    const store = new TrialStore(layout(), 2, 1);
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [1, 2], [1, 2], [1, 2]));
    expect(store.column('n')).not.toBe(store.column('r'));
    // Two counts of the same values share one array, widened together when one value does not fit.
    expect(store.column('m')).toBe(store.column('n'));
  });

  it('a shared count column widened hands out the widened array for both', () => {
    const store = new TrialStore(layout(), 4, 2);
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [0, 0], [1, 2], [1, 2]));
    store.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [0, 0], [0, 0], [100_000, 2], [100_000, 2]));
    expect(store.column('m')).toBe(store.column('n'));
    expect(Array.from(store.column('m')!)).toEqual([1, 2, 100_000, 2]);
    // m then differs: its own values, widened as they must be.
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [0, 0], [1, 2], [1, 3]));
    expect(Array.from(store.column('n')!)).toEqual([1, 2, 100_000, 2]);
    expect(Array.from(store.column('m')!)).toEqual([1, 3, 100_000, 2]);
  });

  it('copies chunks from another store through the same check (a resumed run)', () => {
    const from = new TrialStore(layout(), 4, 2);
    from.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [0, 0], [0, 0], [80_000, 1], [4, 4]));
    const store = new TrialStore(layout(), 4, 2);
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [0, 0], [5, 6], [4, 4]));
    store.copyChunks(from, [{ index: 1, offset: 2, trials: 2 }]);
    expect(Array.from(store.column('n')!)).toEqual([5, 6, 80_000, 1]);
    expect(store.column('n')).toBeInstanceOf(Float32Array);
    expect(Array.from(store.column('m')!)).toEqual([4, 4, 4, 4]);
  });

  it('takes a part\'s values through the same check (merging)', () => {
    const store = new TrialStore(layout(), 4, 2);
    store.putValues(2, Float32Array.of(1, 2), 0);
    expect(store.column('n')).toBeInstanceOf(Uint16Array);
    store.putValues(2, Float32Array.of(3.5, 4), 2);
    expect(store.column('n')).toBeInstanceOf(Float32Array);
    expect(Array.from(store.column('n')!)).toEqual([1, 2, 3.5, 4]);
  });
});
