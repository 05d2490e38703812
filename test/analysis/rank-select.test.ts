import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { describe, moments, PERCENTILES, statOfValues, statRanks } from '../../src/analysis/describe.js';
import { selectRanks } from '../../src/analysis/rank-select.js';

/** The plain reference: the finite values copied, sorted (typed-array sort: -0 before +0), read by index. */
function sortedCopy(values: ArrayLike<number>): Float64Array {
  const finite = Array.from(values).filter((v) => Number.isFinite(v));
  return Float64Array.from(finite).sort();
}

/** The same bits, so -0 and +0 differ. */
const sameBits = (a: number, b: number) => Object.is(a, b);

function expectSelected(values: ArrayLike<number>, ranks: readonly number[]): void {
  const sorted = sortedCopy(values);
  const m = moments(values);
  const got = selectRanks(values, ranks, { count: sorted.length, min: m?.min ?? NaN, max: m?.max ?? NaN });
  for (const r of ranks) {
    if (r < 0 || r >= sorted.length) expect(got.has(r)).toBe(false);
    else expect(sameBits(got.get(r)!, sorted[r]!), `rank ${r}: ${got.get(r)} vs ${sorted[r]}`).toBe(true);
  }
}

const doubles = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 1.5),
);

suite('selectRanks', () => {
  it('gives the values a sorted copy holds at every rank asked, bit for bit, for any values', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 400 }), fc.array(fc.integer({ min: -2, max: 410 }), { maxLength: 40 }), (xs, ranks) => {
        expectSelected(Float64Array.from(xs), ranks);
        expectSelected(Float32Array.from(xs), ranks);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same through the bucket path (columns of thousands, with repeats and any values mixed in)', () => {
    fc.assert(
      fc.property(fc.array(doubles, { minLength: 1, maxLength: 200 }), fc.integer({ min: 2100, max: 9000 }), fc.array(fc.integer({ min: 0, max: 9000 }), { maxLength: 30 }), (xs, n, ranks) => {
        const values = Float64Array.from({ length: n }, (_, i) => xs[i % xs.length]! * (1 + (i % 13) / 7));
        expectSelected(values, [...ranks, ...statRanks(n)]);
        expectSelected(Float32Array.from(values), ranks);
      }),
      { numRuns: 150 },
    );
  });

  it('splits crowded buckets and still reads every rank right: lognormal tails, integer counts, one outlier, ±0', () => {
    let s = 12345;
    const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    const n = 60_000;
    const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const cases: Record<string, Float64Array | Float32Array> = {
      lognormal: Float64Array.from({ length: n }, () => Math.exp(3 * normal())),
      counts: Float32Array.from({ length: n }, () => Math.floor(-Math.log(u()) * 3)),
      outlier: Float64Array.from({ length: n }, (_, i) => (i === 7 ? 1e12 : 1 + (i % 3) * 1e-9)),
      zeros: Float32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? -0 : 0)),
      constant: Float64Array.from({ length: n }, () => 42.5),
      nonFinite: Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? NaN : i % 7 === 0 ? Infinity : normal())),
    };
    const ranks = [...statRanks(n), 0, 1, n - 1, 30_000, 45_000, n / 2 + 1];
    for (const values of Object.values(cases)) expectSelected(values, ranks);
  });

  it("reads a store's other column types alike: uint16 counts and plain arrays, through the bucket path", () => {
    let s = 777;
    const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    const n = 20_001;
    const counts = Uint16Array.from({ length: n }, () => Math.floor(-Math.log(u()) * 900));
    const ranks = [...statRanks(n), 0, n - 1, 10_000];
    expectSelected(counts, ranks);
    expectSelected(Array.from(counts, (c) => c * 1.25), ranks);
  });
});

suite('statOfValues', () => {
  it('is describe() of a sorted copy, number for number', () => {
    fc.assert(
      fc.property(fc.array(doubles, { minLength: 1, maxLength: 3000 }), (xs) => {
        for (const values of [Float64Array.from(xs), Float32Array.from(xs)]) {
          const m = moments(values);
          const reference = describe(values);
          if (!m) {
            expect(reference).toBeUndefined();
            continue;
          }
          const fast = statOfValues(m, values);
          for (const p of PERCENTILES) {
            const k = `p${p}` as const;
            expect(sameBits(fast.percentiles[k], reference!.percentiles[k]), `${k}`).toBe(true);
            // One finite value: no intervals in either (not estimable).
            expect(fast.percentileIntervals === null).toBe(reference!.percentileIntervals === null);
            if (fast.percentileIntervals === null) continue;
            // Too few values for this percentile's interval to lie inside them: null in both.
            expect(fast.percentileIntervals[k] === null).toBe(reference!.percentileIntervals![k] === null);
            if (fast.percentileIntervals[k] === null) continue;
            expect(sameBits(fast.percentileIntervals[k][0], reference!.percentileIntervals![k]![0])).toBe(true);
            expect(sameBits(fast.percentileIntervals[k][1], reference!.percentileIntervals![k]![1])).toBe(true);
          }
          expect(fast).toEqual(reference);
        }
      }),
      { numRuns: 200 },
    );
  });
});
