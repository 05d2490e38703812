import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrialStore } from '../../src/engine/trial-store.js';
import type { TrialLayout } from '../../src/model/trial-layout.js';
import type { ChunkResult } from '../../src/model/simulate-chunk.js';
import { moments } from '../../src/analysis/describe.js';
import { RunningMoments } from '../../src/math/running-moments.js';

/** Same numbers, bit for bit (-0 and NaN included), or both undefined. */
const same = (a: ReturnType<typeof moments>, b: ReturnType<typeof moments>) =>
  a === undefined || b === undefined ? a === b : (['n', 'mean', 'sd', 'min', 'max'] as const).every((k) => Object.is(a[k], b[k]));

describe('RunningMoments', () => {
  it('folded in pieces, in order, gives the numbers one fold of the whole gives', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 9000 }), fc.array(fc.nat(), { maxLength: 6 }), (xs, cuts) => {
        const values = Float64Array.from(xs);
        const whole = new RunningMoments();
        whole.fold(values);
        const pieces = new RunningMoments();
        const ends = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const end of [...ends, values.length]) {
          pieces.fold(values, from, end);
          from = Math.max(from, end);
        }
        expect(same(pieces.result(), whole.result())).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the same across block boundaries (pieces of 1,000 over 12,500 values)', () => {
    const values = Float32Array.from({ length: 12_500 }, (_, i) => Math.sin(i) * 1e6 + (i % 1000 === 7 ? NaN : 0));
    const whole = new RunningMoments();
    whole.fold(values);
    const pieces = new RunningMoments();
    for (let from = 0; from < values.length; from += 1000) pieces.fold(values, from, Math.min(values.length, from + 1000));
    expect(same(pieces.result(), whole.result())).toBe(true);
    expect(same(whole.result(), moments(values))).toBe(true);
  });

  it('gives the same bits from a Float64Array, a Float32Array, a Uint16Array and a plain array of the same values, in ranges', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.float(), fc.integer({ min: 0, max: 65_535 })), { maxLength: 5000 }), fc.nat(), fc.nat(), (xs, a, b) => {
        const f32 = Float32Array.from(xs);
        const from = a % (f32.length + 1);
        const to = from + (b % (f32.length - from + 1));
        const folded = (values: ArrayLike<number>) => {
          const m = new RunningMoments();
          m.fold(values, from, to);
          return m.result();
        };
        const plain = folded(Array.from(f32));
        expect(same(folded(f32), plain)).toBe(true);
        expect(same(folded(Float64Array.from(f32)), plain)).toBe(true);
        if (xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 65_535 && !Object.is(x, -0))) expect(same(folded(Uint16Array.from(f32)), plain)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** A layout: float64 w, float32 a and b (b a twin of a until it differs), a uint16 count k, and a float32 own draw o. */
function layout(): TrialLayout {
  const columns = [
    { key: 'w', kind: 'metric', precision: 'f64' },
    { key: 'a', kind: 'ratio', precision: 'f32' },
    { key: 'b', kind: 'ratio', precision: 'f32' },
    { key: 'k', kind: 'count', precision: 'f32' },
    { key: 'o', kind: 'ownDraw', precision: 'f32' },
  ] as unknown as TrialLayout['columns'];
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])), aliases: new Map([['alias', 'a']]), keys: columns.map((c) => c.key) };
}

describe('TrialStore.momentsOf', () => {
  it('is moments() of each column once every chunk is in, whatever order they came in (twins, counts widened, a shortened column)', () => {
    let s = 31;
    const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    const chunks = 7;
    const n = 300;
    const results: ChunkResult[] = Array.from({ length: chunks }, (_, i) => {
      const a = Array.from({ length: n }, () => (u() < 0.02 ? NaN : 1e5 * u()));
      // b is a's twin in the first chunks, then its own; k a count, one chunk holding a value a uint16 cannot.
      const b = i < 3 ? a : a.map((v) => v * 1.5);
      const k = Array.from({ length: n }, () => Math.floor(50 * u()) + (i === 5 ? 0.5 : 0));
      const o = Array.from({ length: n }, () => u());
      return { chunk: i, trials: n, wide: Float64Array.from({ length: n }, () => 1e8 * u()), narrow: Float32Array.from([...a, ...b, ...k, ...o]), componentSums: new Float64Array(1) };
    });
    for (const order of [[0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0], [3, 0, 6, 1, 5, 2, 4]]) {
      const store = new TrialStore(layout(), chunks * n, chunks, { ownDrawTrials: 1000 });
      order.forEach((i, arrived) => {
        store.add({ index: i, offset: i * n, trials: n }, results[i]!);
        // Not before every chunk is in.
        if (arrived < chunks - 1) expect(store.momentsOf('w')).toBeUndefined();
      });
      for (const key of ['w', 'a', 'b', 'k', 'o', 'alias']) {
        const folded = store.momentsOf(key)!.result();
        expect(same(folded, moments(store.column(key)!)), `${key}, order ${order.join(',')}`).toBe(true);
      }
      expect(store.momentsOf('nothing')).toBeUndefined();
    }
  });

  it('has none for a store filled by putValues (merging parts): the summary reads the columns', () => {
    const store = new TrialStore(layout(), 2, 1);
    store.putValues(0, [1, 2], 0);
    store.setChunkSums(0, new Float64Array(1));
    expect(store.momentsOf('w')).toBeUndefined();
  });
});
