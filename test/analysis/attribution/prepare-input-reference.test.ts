import { describe, expect, it } from 'vitest';
import { binCount, inputPercentileAt, inputValueAt, prepareInput, radixOrder } from '../../../src/analysis/attribution/input.js';
import { normalCdf } from '../../../src/math/normal-cdf.js';
import { createStream } from '../../../src/random/source.js';

/**
 * The attribution's ranking of an input (a stable LSD radix sort of float32 keys, in blocks of 4,096
 * values, then runs of equal keys given their average rank) against a plain reference that is
 * obviously right: the indices sorted by Array.prototype.sort (stable) on Math.fround of the value,
 * ties (equal float32 values, -0 and +0 among them) sharing the average of their 1-based ranks; percentile = rank / n,
 * bin = min(K - 1, floor((rank - 1) K / n)), sorted = the values in that order. Compared number for number.
 */
function reference(values: ArrayLike<number>, bins: number) {
  const n = values.length;
  const f = Array.from({ length: n }, (_, i) => Math.fround(values[i]!));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => f[a]! - f[b]!);
  const k = Math.max(1, Math.min(bins, n));
  const percentile = new Float64Array(n);
  const bin = new Uint16Array(n);
  for (let r = 0; r < n; ) {
    let end = r + 1;
    while (end < n && f[order[end]!] === f[order[r]!]) end++;
    // Ranks r + 1 .. end: their average.
    const rank = (r + 1 + end) / 2;
    for (let j = r; j < end; j++) {
      percentile[order[j]!] = rank / n;
      bin[order[j]!] = Math.min(k - 1, Math.floor(((rank - 1) * k) / n));
    }
    r = end;
  }
  return { order, percentile, bin, sorted: Float64Array.from(order, (i) => values[i]!) };
}

/** Columns of the kinds a run ranks: continuous draws, a few repeated values, both signs, of lengths across the 4,096-value blocks. */
function columns(): Array<[string, Float64Array]> {
  const u = createStream('prepare-input-reference');
  const of = (n: number, draw: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => draw(i));
  return [
    ['one value', of(1, () => 0.3)],
    ['uniforms, 1,000', of(1000, () => u())],
    ['normals of both signs across blocks, 9,001', of(9001, () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()))],
    ['six repeated values with zero, 5,000', of(5000, () => [-2.5, -1, 0, 0.05, 0.05 + 1e-9, 7][Math.floor(u() * 6)]!)],
    ['lognormal sizes spanning magnitudes, 4,097', of(4097, () => Math.exp(20 * (u() - 0.5)))],
    ['values within float32 rounding of each other, 3,000', of(3000, () => 1 + Math.floor(u() * 50) * 2 ** -30)],
    ['all equal, 257', of(257, () => -4)],
    // -0 and +0 are one value: tied (they were ranked apart, -0 below +0: 0.38 and 0.63 here instead of 0.505 each).
    ['zeros of both signs, 100', of(100, (i) => [0, -0, 1, -1][i % 4]!)],
    ['values that round to -0 or +0 in float32, 100', of(100, (i) => (i % 2 ? 1 : -1) * 1e-50 * (1 + (i % 7)))],
  ];
}

describe('prepareInput against a plain ranking', () => {
  it.each(columns())('%s: percentiles, bins, sorted values and the order as the reference gives them', (_, values) => {
    const ref = reference(values, binCount(values.length));
    const got = prepareInput(values, 'own');
    expect(Array.from(radixOrder(values).order)).toEqual(ref.order);
    expect(got.percentile).toEqual(ref.percentile);
    expect(got.bin).toEqual(ref.bin);
    expect(got.sorted).toEqual(ref.sorted);
    // A plain array ranks as its typed copy does.
    expect(prepareInput(Array.from(values), 'own').percentile).toEqual(ref.percentile);
  });

  it('a float32 column (an own draw): its sorted values as float32, the same numbers; percentiles, bins and x as its float64 copy gives them', () => {
    const u = createStream('prepare-input-reference-float32');
    const values = Float32Array.from({ length: 6_000 }, () => Math.exp(3 * (u() - 0.5)) * (u() < 0.1 ? -1 : 1));
    const wide = Float64Array.from(values);
    const ref = reference(wide, binCount(values.length));
    const got = prepareInput(values, 'own');
    const copy = prepareInput(wide, 'own');
    expect(got.sorted).toBeInstanceOf(Float32Array);
    expect(copy.sorted).toBeInstanceOf(Float64Array);
    expect(Array.from(got.sorted)).toEqual(Array.from(ref.sorted));
    expect(got.percentile).toEqual(ref.percentile);
    expect(got.bin).toEqual(ref.bin);
    expect(got.x).toEqual(copy.x);
  });

  it("a market factor: Φ(z) as its percentile, bins of its ranks", () => {
    const values = columns()[2]![1];
    const ref = reference(values, 7);
    const got = prepareInput(values, 'market', 7);
    expect(got.percentile).toEqual(Float64Array.from(values, (z) => normalCdf(z)));
    expect(got.bin).toEqual(ref.bin);
  });
});

describe('inputPercentileAt, the inverse of inputValueAt', () => {
  it('gives back the percentile between distinct values, the middle of a run of equal ones, 0 and 1 outside, Φ for the market', () => {
    const own = prepareInput(Float64Array.of(4, 1, 3, 2, 2, 2, 5), 'own');
    // Sorted 1 2 2 2 3 4 5: index h / 6 (type 7).
    for (const p of [0, 1 / 6 / 2, 0.6, 0.75, 11 / 12, 1]) expect(inputPercentileAt(own, inputValueAt(own, p))).toBeCloseTo(p, 12);
    expect(inputPercentileAt(own, 2)).toBe(2 / 6); // indices 1 to 3
    expect(inputPercentileAt(own, 0.5)).toBe(0);
    expect(inputPercentileAt(own, 6)).toBe(1);
    const market = prepareInput(Float64Array.of(-1, 0, 1), 'market');
    expect(inputPercentileAt(market, -1.2815515655446004)).toBeCloseTo(0.1, 12);
  });
});
