import { describe as suite, expect, it } from 'vitest';
import { constantStat, describe } from '../../src/analysis/describe.js';

suite('describe', () => {
  it('gives type-7 percentiles (R and numpy default), mean, sample sd and extremes', () => {
    // 1..101: P(x) of type 7 is 1 + x (the order statistic at (n - 1) p = x).
    const xs = Float64Array.from({ length: 101 }, (_, i) => 101 - i);
    const s = describe(xs)!;
    expect(s.percentiles).toEqual({ p1: 2, p5: 6, p10: 11, p25: 26, p50: 51, p75: 76, p90: 91, p95: 96, p99: 100 });
    expect(s.mean).toBe(51);
    // Sample variance of 1..n is n(n+1)/12.
    expect(s.sd).toBeCloseTo(Math.sqrt((101 * 102) / 12), 12);
    expect(s.standardError).toBeCloseTo(s.sd! / Math.sqrt(101), 12);
    expect([s.min, s.max]).toEqual([1, 101]);
  });

  it('interpolates between order statistics', () => {
    expect(describe(Float64Array.of(4, 1, 3, 2))!.percentiles.p50).toBe(2.5);
    // (n - 1) p = 0.3 -> 1 + 0.3 x (2 - 1).
    expect(describe(Float64Array.of(2, 1, 3, 4))!.percentiles.p10).toBeCloseTo(1.3, 12);
  });

  it('leaves out NaN (no data) and returns undefined when nothing is left', () => {
    expect(describe(Float64Array.of(NaN, 5, NaN, 7))!.mean).toBe(6);
    expect(describe(Float64Array.of(NaN))).toBeUndefined();
  });

  it('a constant has zero spread and every percentile equal to it', () => {
    const s = constantStat(94e6);
    expect(s.sd).toBe(0);
    expect(new Set(Object.values(s.percentiles))).toEqual(new Set([94e6]));
  });
});

suite('describe matches a full sort', () => {
  it('on shuffled data with ties, NaN and a reused scratch buffer', () => {
    // A deterministic shuffle (linear congruential), values with many ties.
    let x = 42;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const scratch = new Float64Array(5000);
    for (const n of [1, 2, 3, 10, 99, 1000, 4999]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(next() * 50));
      if (n > 3) values[1] = NaN;
      const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
      const type7 = (p: number) => {
        const h = (finite.length - 1) * p;
        const lo = Math.floor(h);
        return finite[lo]! + (h - lo) * ((finite[Math.min(lo + 1, finite.length - 1)] ?? 0) - finite[lo]!);
      };
      const s = describe(values, scratch)!;
      for (const p of [1, 5, 10, 25, 50, 75, 90, 95, 99]) expect(s.percentiles[`p${p}` as 'p50']).toBeCloseTo(type7(p / 100), 10);
      expect(s.min).toBe(finite[0]);
      expect(s.max).toBe(finite[finite.length - 1]);
    }
  });
});
