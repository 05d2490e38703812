import { describe, expect, it } from 'vitest';
import { TailSplitter } from '../../src/model/tail-splitter.js';
import { lagPmf } from '../../src/model/lag-pmf.js';
import { createStream } from '../../src/random/source.js';
import { expectBinomialCounts } from '../helpers/stats.js';

/**
 * A cohort's events still to come after d months: each of n units becomes an event at lag j with
 * probability p pmf[j]; those with j > d are still to come. By thinning each lag's count is
 * Binomial(n, p pmf[j]) (0 for j <= d): mean n p pmf[j], variance n p pmf[j] (1 - p pmf[j]); the
 * mean and the sample variance of T draws within 4 standard errors of them (expectBinomialCounts).
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
      const counts = Array.from({ length: 4 }, () => new Float64Array(T));
      for (let t = 0; t < T; t++) {
        const c = split.split(n, p, d);
        for (let j = 0; j < 4; j++) counts[j]![t] = c[j]!;
      }
      const weights = [0.1, 0.2, 0.3, 0.4];
      for (let j = 0; j < 4; j++) {
        if (j <= d) {
          expect(counts[j]!.every((x) => x === 0), `lag ${j}`).toBe(true);
          continue;
        }
        expectBinomialCounts(counts[j]!, n, p * weights[j]!);
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
