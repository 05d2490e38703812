import { describe, expect, it } from 'vitest';
import { TrialStore } from '../../src/engine/trial-store.js';
import type { TrialLayout } from '../../src/model/trial-layout.js';
import type { ChunkResult } from '../../src/model/simulate-chunk.js';

/** A layout of float64 column w, float32 columns a and b (b aliased as "bee") and count n (kept as uint16). */
function layout(): TrialLayout {
  const columns = [
    { key: 'w', kind: 'metric', precision: 'f64' },
    { key: 'a', kind: 'ratio', precision: 'f32' },
    { key: 'b', kind: 'ratio', precision: 'f32' },
    { key: 'n', kind: 'count', precision: 'f32' },
  ] as unknown as TrialLayout['columns'];
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])), aliases: new Map([['bee', 'b']]), keys: columns.map((c) => c.key) };
}

function chunk(index: number, w: number[], a: number[], b: number[], n: number[]): ChunkResult {
  return { chunk: index, trials: w.length, wide: Float64Array.from(w), narrow: Float32Array.from([...a, ...b, ...n]), componentSums: Float64Array.of(index + 1) };
}

/** A store of 4 trials in two chunks; `twin`: b holds a's values (so it shares a's array). */
function filled(twin: boolean, keepApart?: string[]): TrialStore {
  const store = new TrialStore(layout(), 4, 2, keepApart ? { keepApart } : {});
  store.add({ index: 0, offset: 0, trials: 2 }, chunk(0, [1.5, 2.5], [0.1, 0.2], twin ? [0.1, 0.2] : [0.7, 0.8], [3, 4]));
  store.add({ index: 1, offset: 2, trials: 2 }, chunk(1, [3.5, 4.5], [0.3, 0.4], twin ? [0.3, 0.4] : [0.9, 1], [5, 6]));
  return store;
}

/** Lets the event loop turn (the released buffers' message is dropped there). */
const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('TrialStore.release', () => {
  it('keeps the kept columns\' values and empties the others, whose memory goes (their arrays detached)', async () => {
    const store = filled(false);
    const w = store.column('w')!;
    const a = store.column('a')!;
    const before = Array.from(w);
    store.release(['w', 'bee']);
    expect(Array.from(store.column('w')!)).toEqual(before);
    // The columns were views of one block (see TrialStore.slab), freed whole: the kept ones were
    // copied out of it into arrays of their own, and every view of the block reads empty.
    expect(store.column('w')!.buffer.byteLength).toBe(store.column('w')!.byteLength);
    expect(w.length).toBe(0);
    expect(Array.from(store.column('b')!)).toEqual(Array.from(Float32Array.of(0.7, 0.8, 0.9, 1)));
    expect(store.column('a')).toBeUndefined();
    expect(store.column('n')).toBeUndefined();
    expect(store.columns.map((c) => c.length)).toEqual([4, 0, 4, 0]);
    // The released array was handed to a message that is never read: detached at once.
    expect(a.length).toBe(0);
    expect(a.buffer.byteLength).toBe(0);
    await turn();
    expect(Array.from(store.column('w')!)).toEqual(before);
  });

  it('keeps what the moments and component sums were', () => {
    const store = filled(false);
    const moments = store.momentsOf('a')!.result();
    store.release(['w']);
    expect(store.momentsOf('a')!.result()).toEqual(moments);
    expect(Array.from(store.componentSums())).toEqual([3]);
  });

  it('keeps a column that shares a released one\'s array readable, and frees a shared array only when no kept column reads it', () => {
    const kept = filled(true);
    expect(kept.column('b')).toBe(kept.column('a'));
    kept.release(['b']);
    expect(Array.from(kept.column('b')!)).toEqual(Array.from(Float32Array.of(0.1, 0.2, 0.3, 0.4)));
    const gone = filled(true);
    const shared = gone.column('a')!;
    gone.release(['w']);
    expect(gone.column('a')).toBeUndefined();
    expect(gone.column('b')).toBeUndefined();
    expect(shared.length).toBe(0);
  });

  it('releases more when called again, and never brings a column back', () => {
    const store = filled(false);
    store.release(['w', 'a']);
    store.release(['w', 'n']);
    expect(store.column('a')).toBeUndefined();
    expect(store.column('n')).toBeUndefined();
    expect(Array.from(store.column('w')!)).toEqual([1.5, 2.5, 3.5, 4.5]);
  });

  it('ignores keys the layout does not have, and keeps nothing when given nothing', () => {
    const store = filled(false);
    store.release(['nope']);
    expect(store.columns.every((c) => c.length === 0)).toBe(true);
  });

  it('a column kept apart (keepApart, aliases resolved) is its own array from the start: kept as it is, not copied', () => {
    const store = filled(false, ['w', 'bee', 'no-such-column']);
    const w = store.column('w')!;
    const b = store.column('b')!;
    const a = store.column('a')!;
    expect(w.buffer.byteLength).toBe(w.byteLength);
    expect(b.buffer.byteLength).toBe(b.byteLength);
    // The others share one block.
    expect(a.buffer).toBe(store.column('n')!.buffer);
    store.release(['w', 'b']);
    expect(store.column('w')).toBe(w);
    expect(store.column('b')).toBe(b);
    expect(Array.from(w)).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(a.length).toBe(0);
  });
});
