import { describe, expect, it } from 'vitest';
import { LagSplitter } from '../../src/model/lag-splitter.js';
import { lagPmf } from '../../src/model/lag-pmf.js';
import { createStream } from '../../src/random/source.js';

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

  // Multinomial(n, pmf): each lag's count has mean n pmf[j] and variance n pmf[j] (1 - pmf[j]), so the
  // mean of T splits is within 4 sqrt(variance / T) of it; both paths (per unit, n <= 24; by binomials, above).
  const pmf = lagPmf({ dist: 'discrete', values: [0, 2, 3], weights: [0.5, 0.3, 0.2] });
  for (const n of [5, 24, 25, 300])
    it(`n ${n}: each lag's mean count is n pmf[lag], the counts add to n`, () => {
      const split = new LagSplitter(pmf, createStream(`lag-split-${n}`));
      const T = 20_000;
      const sums = new Float64Array(4);
      // The splits whose counts do not add to n, none (one assertion, not an expect() a split).
      const wrongTotals: string[] = [];
      for (let t = 0; t < T; t++) {
        const c = split.split(n);
        if (c[0]! + c[1]! + c[2]! + c[3]! !== n) wrongTotals.push(`split ${t}: ${Array.from(c).join(' + ')}`);
        for (let j = 0; j < 4; j++) sums[j]! += c[j]!;
      }
      expect(wrongTotals).toEqual([]);
      for (let j = 0; j < 4; j++) {
        const q = pmf.pmf[j]!;
        const se = Math.sqrt((n * q * (1 - q)) / T);
        expect(Math.abs(sums[j]! / T - n * q), `lag ${j}`).toBeLessThanOrEqual(4 * se);
      }
    });
});
