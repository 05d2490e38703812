import { describe, expect, it } from 'vitest';
import { LagSplitter } from '../../src/model/lag-splitter.js';
import { lagPmf } from '../../src/model/lag-pmf.js';
import { createStream } from '../../src/random/source.js';
import { expectBinomialCounts } from '../helpers/stats.js';

/** A source that fails the test if it is read: a split that needs no draw must not take one. */
const untouchable = (): number => {
  throw new Error('the stream was read');
};

describe('LagSplitter', () => {
  for (const spec of [6, { dist: 'fixed' as const, value: 3 }, { dist: 'discrete' as const, values: [4], weights: [0.3] }, { dist: 'discrete' as const, values: [2, 5], weights: [0, 1] }])
    it(`a certain lag (${JSON.stringify(spec)}) puts every unit there and draws nothing`, () => {
      const pmf = lagPmf(spec);
      const split = new LagSplitter(pmf, untouchable);
      for (const n of [0, 1, 7, 24, 25, 1000]) {
        const counts = split.split(n);
        const at = pmf.pmf.indexOf(1);
        expect(at, 'the lag with all the mass').toBeGreaterThanOrEqual(0);
        counts.forEach((c, j) => expect(c, `n ${n}, lag ${j}`).toBe(j === at ? n : 0));
      }
    });

  // Multinomial(n, pmf): each lag's count is Binomial(n, pmf[j]), mean n q and variance v = n q (1 - q), so
  // the mean of T splits is within 4 sqrt(v / T) of it, and their sample variance within 4 standard errors
  // of v (the binomial's fourth central moment v (1 + 3 (n - 2) q (1 - q))): a split with the right means
  // but the wrong spread (rounded shares) fails that. Both paths (per unit, n <= 24; by binomials, above).
  const pmf = lagPmf({ dist: 'discrete', values: [0, 2, 3], weights: [0.5, 0.3, 0.2] });
  for (const n of [5, 24, 25, 300])
    it(`n ${n}: each lag's mean count is n pmf[lag], the counts add to n`, () => {
      const split = new LagSplitter(pmf, createStream(`lag-split-${n}`));
      const T = 20_000;
      const counts = Array.from({ length: 4 }, () => new Float64Array(T));
      // The splits whose counts do not add to n, none (one assertion, not an expect() a split).
      const wrongTotals: string[] = [];
      for (let t = 0; t < T; t++) {
        const c = split.split(n);
        if (c[0]! + c[1]! + c[2]! + c[3]! !== n) wrongTotals.push(`split ${t}: ${Array.from(c).join(' + ')}`);
        for (let j = 0; j < 4; j++) counts[j]![t] = c[j]!;
      }
      expect(wrongTotals).toEqual([]);
      for (let j = 0; j < 4; j++) expectBinomialCounts(counts[j]!, n, pmf.pmf[j]!);
    });
});
