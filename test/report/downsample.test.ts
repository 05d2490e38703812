import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/source.js';
import { describe as describeStat } from '../../src/analysis/describe.js';
import { exceedanceCurve, histogram, niceStep, nonEmptySpan, quantileSorted, sortedFinite } from '../../src/report/charts/downsample.js';

describe('downsampling per-trial values for charts', () => {
  const source = createStream('downsample-test');
  const values = Float64Array.from({ length: 5001 }, () => 1e6 * (1 + source()) ** 3);

  it('quantileSorted refuses a p outside [0, 1] (it would read past the values), and takes its ends', () => {
    const sorted = Float64Array.of(1, 2, 3, 4);
    for (const p of [-0.1, 1.5, 2, NaN]) expect(() => quantileSorted(sorted, p), String(p)).toThrow(RangeError);
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(4);
  });
  it('quantileSorted is the same type-7 percentile as describe(), to the bit', () => {
    const sorted = sortedFinite(values);
    const stat = describeStat(values)!;
    for (const p of [1, 5, 10, 25, 50, 75, 90, 95, 99] as const) expect(quantileSorted(sorted, p / 100)).toBe(stat.percentiles[`p${p}`]);
  });

  it('sortedFinite drops NaN and sorts numerically', () => {
    expect(Array.from(sortedFinite([3, NaN, -1, 20, Infinity]))).toEqual([-1, 3, 20]);
  });

  it('histogram counts every value once, in round-edged bins', () => {
    const sorted = sortedFinite(values);
    const bins = histogram(sorted, 40);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    expect(bins.length).toBeGreaterThanOrEqual(20);
    expect(bins.length).toBeLessThanOrEqual(81);
    const step = bins[0]!.end - bins[0]!.start;
    expect(bins[0]!.start % step).toBe(0);
    expect(bins[0]!.start).toBeLessThanOrEqual(sorted[0]!);
    expect(bins.at(-1)!.end).toBeGreaterThanOrEqual(sorted.at(-1)!);
  });

  it('histogram over a range counts only what falls inside it', () => {
    const sorted = sortedFinite(values);
    const lo = quantileSorted(sorted, 0.1);
    const hi = quantileSorted(sorted, 0.9);
    const bins = histogram(sorted, 20, [lo, hi]);
    const counted = bins.reduce((n, b) => n + b.count, 0);
    const inside = sorted.filter((v) => v >= bins[0]!.start && v <= bins.at(-1)!.end).length;
    expect(counted).toBe(inside);
  });

  it('histogram of a constant is one bin holding everything', () => {
    const bins = histogram(Float64Array.of(5, 5, 5), 40);
    expect(bins).toHaveLength(1);
    expect(bins[0]!.share).toBe(1);
  });

  it('niceStep picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.9e6)).toBe(1e6);
    expect(niceStep(1.7e6)).toBe(2e6);
    expect(niceStep(2.2e6)).toBe(2.5e6);
    expect(niceStep(4e6)).toBe(5e6);
    expect(niceStep(6e6)).toBe(1e7);
  });

  it('exceedanceCurve runs from the maximum at 0% to the minimum at 100%, through every percentile', () => {
    const sorted = sortedFinite(values);
    const curve = exceedanceCurve(sorted, 100);
    expect(curve).toHaveLength(101);
    expect(curve[0]).toEqual({ value: sorted[0], probability: 1 });
    expect(curve[100]).toEqual({ value: sorted.at(-1), probability: 0 });
    expect(curve[10]!.probability).toBe(0.9);
    // The empirical chance of at least that value is the curve's probability, within one trial.
    for (const pt of curve) {
      const atLeast = sorted.filter((v) => v >= pt.value).length / sorted.length;
      expect(Math.abs(atLeast - pt.probability)).toBeLessThanOrEqual(1 / sorted.length + 1e-12);
    }
  });

  it('nonEmptySpan widens an empty span', () => {
    expect(nonEmptySpan(1, 2)).toEqual([1, 2]);
    const [lo, hi] = nonEmptySpan(100, 100);
    expect(lo).toBeLessThan(100);
    expect(hi).toBeGreaterThan(100);
  });
});
