import { describe, expect, it } from 'vitest';
import { TrialStore } from '../../src/engine/trial-store.js';
import type { TrialLayout } from '../../src/model/trial-layout.js';
import type { ChunkResult } from '../../src/model/simulate-chunk.js';

/** A layout of float32 columns a, b, c and float64 column w (kinds irrelevant here). */
function layout(): TrialLayout {
  const columns = [
    { key: 'w', kind: 'metric', precision: 'f64' },
    { key: 'a', kind: 'ratio', precision: 'f32' },
    { key: 'b', kind: 'ratio', precision: 'f32' },
    { key: 'c', kind: 'ratio', precision: 'f32' },
  ] as unknown as TrialLayout['columns'];
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])), aliases: new Map(), keys: columns.map((c) => c.key) };
}

/** A chunk of `n` trials with these values per column (float32 columns a, b, c in `narrow`). */
function chunk(index: number, w: number[], a: number[], b: number[], c: number[]): ChunkResult {
  return { chunk: index, trials: w.length, wide: Float64Array.from(w), narrow: Float32Array.from([...a, ...b, ...c]), componentSums: new Float64Array(1) };
}

describe('a store sharing the array of columns that hold the same bits', () => {
  it('hands out the earlier column while every chunk agrees, and its own values once one differs, whatever the order of arrival', () => {
    const store = new TrialStore(layout(), 6, 3);
    store.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [1, 2], [3, 4], [3, 4], [5, 6]));
    expect(store.column('b')).toBe(store.column('a'));
    expect(store.column('c')).not.toBe(store.column('a'));
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [1, 2], [1, 2], [1, 2]));
    expect(store.column('b')).toBe(store.column('a'));
    expect(Array.from(store.column('b')!)).toEqual([1, 2, 3, 4, 0, 0]);
    // -0 is not +0: the bits differ, so b takes its own values here.
    store.add({ index: 2, offset: 4, trials: 2 }, chunk(2, [0, 0], [7, 0], [7, -0], [0, 0]));
    expect(store.column('b')).not.toBe(store.column('a'));
    expect(Array.from(store.column('a')!)).toEqual([1, 2, 3, 4, 7, 0]);
    expect(Array.from(store.column('b')!)).toEqual([1, 2, 3, 4, 7, -0]);
    expect(Object.is(store.column('b')![5], -0)).toBe(true);
    expect(Array.from(store.column('c')!)).toEqual([1, 2, 5, 6, 0, 0]);
  });

  it('gives every column its own array before copying chunks into it', () => {
    const store = new TrialStore(layout(), 4, 2);
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [1, 2], [3, 4], [3, 4], [3, 4]));
    const other = new TrialStore(layout(), 4, 2);
    other.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [5, 6], [7, 8], [9, 9], [1, 1]));
    store.copyChunks(other, [{ index: 1, offset: 2, trials: 2 }]);
    expect(Array.from(store.column('a')!)).toEqual([3, 4, 7, 8]);
    expect(Array.from(store.column('b')!)).toEqual([3, 4, 9, 9]);
    expect(Array.from(store.column('c')!)).toEqual([3, 4, 1, 1]);
  });
});

describe('sharing across types', () => {
  it('never shares a float32 column with a float64 one, even where the words agree', () => {
    const store = new TrialStore(layout(), 2, 1);
    // 0 as float64 is two zero words; 0 as float32 one: the first words agree.
    store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [0, 0], [0, 0], [1, 1], [1, 1]));
    expect(store.column('a')).not.toBe(store.column('w'));
    expect(store.column('a')).toBeInstanceOf(Float32Array);
  });
});
