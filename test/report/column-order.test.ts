import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/source.js';
import { selectedOrder, sortedOrder } from '../../src/report/charts/column-order.js';
import { exceedanceCurveOf, exceedanceProbabilities } from '../../src/report/charts/downsample.js';
import { EXCEEDANCE_PROBABILITIES } from '../../src/report/charts/exceedance.js';
import { REVENUE_DISTRIBUTION_PROBABILITIES } from '../../src/report/charts/revenue-distribution.js';

// The charts' fast path (the values at the wanted ranks selected, the histogram counted in trial order)
// against an oracle written out here, independent of src/: the finite values copied into a plain array
// and sorted with a comparator (Object.is orders -0 before +0, as the typed-array sort the report used
// does), the type-7 quantile and the histogram by hand, as quantileSorted and histogram computed them
// before column-order.ts (22a8760). Literal values below pin the oracle itself.
const plainSorted = (values: ArrayLike<number>): number[] =>
  Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b || (Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0));

/** Type 7 by hand: position (n - 1) p, snapped to the whole number within n 2^-50 of it (1 - 0.7 of 11 values is the 4th), interpolated. */
function handQuantile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const raw = (n - 1) * p;
  const h = Math.abs(raw - Math.round(raw)) <= n * 2 ** -50 ? Math.round(raw) : raw;
  const lo = Math.floor(h);
  if (h === lo) return sorted[lo]!;
  return sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!);
}

/** A histogram by hand: a round step (1, 2, 2.5, 5 or 10 times a power of ten) near the range over target, bins [start, end) from a multiple of it, the last closed. */
function handHistogram(sorted: readonly number[], target: number, [min, max]: readonly [number, number]) {
  const n = sorted.length;
  if (n === 0) return [];
  const raw = max > min ? (max - min) / target : Math.max(Math.abs(min) * 0.01, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = power * [1, 2, 2.5, 5, 10].find((m) => raw / power <= m)!;
  const first = Math.floor(min / step) * step;
  const bins = Math.max(1, Math.floor((max - first) / step) + 1);
  const counts: number[] = new Array(bins).fill(0);
  for (const v of sorted) if (v >= first && v <= first + bins * step) counts[Math.min(bins - 1, Math.floor((v - first) / step))]! += 1;
  return counts.map((count, i) => ({ start: first + i * step, end: first + (i + 1) * step, count, share: count / n }));
}

const source = createStream('column-order-test');
const columns: Record<string, ArrayLike<number>> = {
  // A skewed float64 column, large enough that rank-select splits its buckets (above 2,048 a bucket).
  skewed: Float64Array.from({ length: 40_000 }, () => 1e6 * (1 + source()) ** 6),
  // float32 values (the store's own columns are), with ties from rounding to a few values.
  float32Ties: Float32Array.from({ length: 5_001 }, () => Math.round(source() * 7) / 3),
  // Every value equal but for one outlier far out: nearly every rank in one bucket.
  outlier: Float64Array.from({ length: 3_000 }, (_, i) => (i === 1_234 ? 1e12 : 42)),
  // -0 and +0 mixed with negatives, NaN and infinities, which no chart counts.
  zerosAndNonFinite: Float64Array.from({ length: 6_000 }, (_, i) => [-0, 0, -3.5, NaN, Infinity, -Infinity, 7, 0][i % 8]!),
  constant: Float64Array.from({ length: 100 }, () => 5),
  single: Float64Array.of(3),
  two: Float32Array.of(2, -1),
  onlyNaN: Float64Array.of(NaN, NaN),
  empty: new Float64Array(0),
};
const probabilities = [...REVENUE_DISTRIBUTION_PROBABILITIES, ...EXCEEDANCE_PROBABILITIES, 0.3, 1 - 0.7, 0.999, 0.0001];

describe('a column order read from values selected at their ranks (column-order.ts)', () => {
  it('reads fixed values: type 7 interpolated, snapped at 1 - 0.7 of 11 values; the histogram\'s last bin closed', () => {
    const eight = selectedOrder(Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6), [0.5]);
    expect(eight.count).toBe(8);
    expect(eight.quantile(0.5)).toBe(3.5); // halfway between the 4th and 5th lowest, 3 and 4
    expect(eight.quantile(0.25)).toBe(1.75); // position 1.75: 1 + 0.75 (2 - 1)
    expect(eight.quantile(1)).toBe(9);
    const eleven = selectedOrder(Float64Array.from({ length: 11 }, (_, i) => (10 - i) * 1e15), []);
    expect(eleven.quantile(1 - 0.7)).toBe(3e15); // the 4th lowest, not 0.44 past it
    // 1..10 over [2, 9] in about 4 bins: a step of 2 from 2, the last bin [8, 10] holding 10.
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const share = (count: number) => count / 10;
    expect(selectedOrder(ten, []).histogram(4, [2, 9])).toEqual([
      { start: 2, end: 4, count: 2, share: share(2) },
      { start: 4, end: 6, count: 2, share: share(2) },
      { start: 6, end: 8, count: 2, share: share(2) },
      { start: 8, end: 10, count: 3, share: share(3) },
    ]);
    expect(handHistogram(Array.from(ten), 4, [2, 9]).map((b) => b.count)).toEqual([2, 2, 2, 3]);
    expect(handQuantile([1, 1, 2, 3, 4, 5, 6, 9], 0.5)).toBe(3.5);
  });

  for (const [name, values] of Object.entries(columns)) {
    const sorted = plainSorted(values);
    const plain = sortedOrder(Float64Array.from(sorted));
    const fast = selectedOrder(values, [...REVENUE_DISTRIBUTION_PROBABILITIES, ...EXCEEDANCE_PROBABILITIES]);

    it(`${name}: the same count and the same quantile, to the bit, as the finite values sorted (also at probabilities not selected up front)`, () => {
      expect(fast.count).toBe(sorted.length);
      for (const p of probabilities) {
        const want = handQuantile(sorted, p);
        expect(Object.is(fast.quantile(p), want), `p ${p}: ${fast.quantile(p)} against ${want}`).toBe(true);
        expect(Object.is(plain.quantile(p), want)).toBe(true);
      }
    });

    it(`${name}: the same histogram as the finite values sorted, bins, counts and shares`, () => {
      const range: [number, number] = sorted.length > 0 ? [handQuantile(sorted, 0.005), handQuantile(sorted, 0.995)] : [0, 1];
      const want = handHistogram(sorted, 40, range);
      expect(fast.histogram(40, range)).toEqual(want);
      expect(plain.histogram(40, range)).toEqual(want);
    });

    it(`${name}: the same exceedance curve as the finite values sorted`, () => {
      const want = sorted.length === 0 ? [] : Array.from({ length: 101 }, (_, i) => ({ value: handQuantile(sorted, i / 100), probability: (100 - i) / 100 }));
      expect(exceedanceCurveOf(fast, 100)).toEqual(want);
    });
  }

  it('refuses a p outside [0, 1] as quantileSorted does, and reads NaN of no values', () => {
    const fast = selectedOrder(Float64Array.of(1, 2, 3), [0.5]);
    for (const p of [-0.1, 1.5, NaN]) expect(() => fast.quantile(p), String(p)).toThrow(RangeError);
    expect(selectedOrder(new Float64Array(0), [0.5]).quantile(0.5)).toBeNaN();
  });

  it('exceedanceProbabilities are the doubles exceedanceCurve read its quantiles at (a whole percentage / 100)', () => {
    expect(exceedanceProbabilities(100)).toEqual(Array.from({ length: 101 }, (_, i) => i / 100));
    expect(exceedanceProbabilities(200)[1]).toBe(0.5 / 100);
  });
});
