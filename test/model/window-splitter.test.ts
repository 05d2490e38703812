import { describe, expect, it } from 'vitest';
import { lagPmf } from '../../src/model/lag-pmf.js';
import { WindowSplitter } from '../../src/model/window-splitter.js';
import { createStream } from '../../src/random/source.js';
import { expectBinomialCounts } from '../helpers/stats.js';

/** A source that fails the test if it is read: a split that needs no draw must not take one. */
const untouchable = (): number => {
  throw new Error('the stream was read');
};

const cycle = lagPmf({ dist: 'discrete', values: [3, 4, 5, 6, 7, 8, 9], weights: [0.1, 0.2, 0.25, 0.2, 0.12, 0.08, 0.05] });

describe('WindowSplitter', () => {
  it('share: P(lo <= lag <= hi), clipped to the lags, exactly 1 for a window holding them all and 0 for one holding none', () => {
    const w = new WindowSplitter(cycle, untouchable);
    expect(w.share(0, 9)).toBe(1);
    expect(w.share(-5, 20)).toBe(1);
    expect(w.share(3, 9)).toBe(1);
    expect(w.share(0, 2)).toBe(0);
    expect(w.share(10, 12)).toBe(0);
    expect(w.share(5, 3)).toBe(0);
    expect(w.share(4, 5)).toBeCloseTo(0.45, 15);
    expect(w.share(0, 4)).toBeCloseTo(0.3, 15);
    expect(w.share(8, 11)).toBeCloseTo(0.13, 15);
  });

  it('a window with one lag of mass puts every unit there and draws nothing', () => {
    const w = new WindowSplitter(cycle, untouchable);
    for (const [lo, hi, at] of [[0, 3, 3], [9, 12, 9], [6, 6, 6]] as const) {
      const counts = w.split(17, lo, hi);
      counts.forEach((c, j) => expect(c, `window ${lo}..${hi}, lag ${j}`).toBe(j === at ? 17 : 0));
    }
  });

  // The lags of units in the window: the pmf restricted to it and renormalised, so each lag's count is
  // Binomial(n, q), q = pmf[j] / share: mean n q, variance n q (1 - q); the mean and the sample variance of
  // T splits within 4 standard errors of them. Per unit (n <= 24) and by binomials (above).
  for (const [n, lo, hi] of [[6, 0, 5], [6, 5, 12], [40, 4, 7], [300, 0, 6]] as const)
    it(`n ${n} in the window ${lo}..${hi}: counts add to n, none outside, each lag's mean n pmf / share`, () => {
      const w = new WindowSplitter(cycle, createStream(`window-split-${n}-${lo}-${hi}`));
      const share = w.share(lo, hi);
      const T = 20_000;
      const counts = Array.from({ length: cycle.max + 1 }, () => new Float64Array(T));
      const wrong: string[] = [];
      for (let t = 0; t < T; t++) {
        const c = w.split(n, lo, hi);
        let total = 0;
        c.forEach((x, j) => {
          total += x;
          if (x > 0 && (j < lo || j > hi)) wrong.push(`split ${t}: ${x} at lag ${j}`);
          counts[j]![t] = x;
        });
        if (total !== n) wrong.push(`split ${t}: total ${total}`);
      }
      expect(wrong).toEqual([]);
      for (let j = 0; j <= cycle.max; j++) {
        const q = j >= lo && j <= hi ? cycle.pmf[j]! / share : 0;
        // Binomial(n, q): mean and variance within 4 standard errors (a lag outside the window: all 0).
        if (q > 0 && q < 1) expectBinomialCounts(counts[j]!, n, q);
        else expect(counts[j]!.every((x) => x === n * q), `lag ${j}`).toBe(true);
      }
    });
});
