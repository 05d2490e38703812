import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/source.js';
import { selectedOrder, sortedOrder } from '../../src/report/charts/column-order.js';
import { exceedanceCurve, exceedanceCurveOf, exceedanceProbabilities, histogram, quantileSorted } from '../../src/report/charts/downsample.js';
import { EXCEEDANCE_PROBABILITIES } from '../../src/report/charts/exceedance.js';
import { REVENUE_DISTRIBUTION_PROBABILITIES } from '../../src/report/charts/revenue-distribution.js';

// The charts' fast path (the values at the wanted ranks selected, the histogram counted in trial order)
// against its plain form: the finite values copied into a plain array and sorted with a comparator
// (Object.is orders -0 before +0, as the typed-array sort the report used does), then read.
const plainSorted = (values: ArrayLike<number>): Float64Array =>
  Float64Array.from(
    Array.from(values)
      .filter(Number.isFinite)
      .sort((a, b) => a - b || (Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0)),
  );

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
  for (const [name, values] of Object.entries(columns)) {
    const sorted = plainSorted(values);
    const plain = sortedOrder(sorted);
    const fast = selectedOrder(values, [...REVENUE_DISTRIBUTION_PROBABILITIES, ...EXCEEDANCE_PROBABILITIES]);

    it(`${name}: the same count and the same quantile, to the bit, as the finite values sorted (also at probabilities not selected up front)`, () => {
      expect(fast.count).toBe(sorted.length);
      for (const p of probabilities) {
        const want = quantileSorted(sorted, p);
        expect(Object.is(fast.quantile(p), want), `p ${p}: ${fast.quantile(p)} against ${want}`).toBe(true);
        expect(Object.is(plain.quantile(p), want)).toBe(true);
      }
    });

    it(`${name}: the same histogram as the finite values sorted, bins, counts and shares`, () => {
      const range: [number, number] = sorted.length > 0 ? [quantileSorted(sorted, 0.005), quantileSorted(sorted, 0.995)] : [0, 1];
      const want = histogram(sorted, 40, range);
      expect(fast.histogram(40, range)).toEqual(want);
      expect(plain.histogram(40, range)).toEqual(want);
    });

    it(`${name}: the same exceedance curve as the finite values sorted`, () => {
      expect(exceedanceCurveOf(fast, 100)).toEqual(exceedanceCurve(sorted, 100));
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
