import { describe, expect, it } from 'vitest';
import { TailSplitter } from '../../src/model/tail-splitter.js';
import { lagPmf } from '../../src/model/lag-pmf.js';
import { createStream } from '../../src/random/source.js';

/**
 * A cohort's events still to come after d months: each of n units becomes an event at lag j with
 * probability p pmf[j]; those with j > d are still to come. By thinning each lag's count is
 * Binomial(n, p pmf[j]) (0 for j <= d): mean n p pmf[j], variance n p pmf[j] (1 - p pmf[j]), so
 * the mean of T draws is within 4 sqrt(variance / T) of it.
 */
describe('TailSplitter', () => {
  const pmf = lagPmf({ dist: 'discrete', values: [0, 1, 2, 3], weights: [0.1, 0.2, 0.3, 0.4] });
  const cases = [
    { n: 1000, p: 0.05, d: 1 },
    { n: 200, p: 0.3, d: 0 },
    { n: 50, p: 1, d: 2 },
    { n: 1000, p: 0.05, d: -1 },
  ];
  for (const { n, p, d } of cases)
    it(`n ${n}, p ${p}, after ${d} months: each lag's count has mean n p pmf[lag] beyond d, none at or before`, () => {
      const split = new TailSplitter(pmf, createStream(`tail-${n}-${p}-${d}`));
      const T = 20_000;
      const sums = new Float64Array(4);
      for (let t = 0; t < T; t++) {
        const c = split.split(n, p, d);
        for (let j = 0; j < 4; j++) sums[j]! += c[j]!;
      }
      const weights = [0.1, 0.2, 0.3, 0.4];
      for (let j = 0; j < 4; j++) {
        if (j <= d) {
          expect(sums[j], `lag ${j}`).toBe(0);
          continue;
        }
        const q = p * weights[j]!;
        const mean = n * q;
        const se = Math.sqrt((n * q * (1 - q)) / T);
        expect(Math.abs(sums[j]! / T - mean), `lag ${j}`).toBeLessThan(4 * se + 1e-12);
      }
    });

  it('nothing is left after the longest lag, and tailAfter is P(lag > d)', () => {
    const split = new TailSplitter(pmf, createStream('tail-end'));
    expect(Array.from(split.split(1000, 0.5, 3))).toEqual([0, 0, 0, 0]);
    expect(split.tailAfter(-1)).toBe(1);
    expect(split.tailAfter(0)).toBeCloseTo(0.9, 12);
    expect(split.tailAfter(2)).toBeCloseTo(0.4, 12);
    expect(split.tailAfter(3)).toBe(0);
  });
});
