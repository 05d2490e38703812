import { describe, expect, it } from 'vitest';
import { FALSE_ALARM_RATE, intervalWidening } from '../../src/analysis/interval-widening.js';

/** P(X > x) for X chi-square with an even df = 2m, exactly: e^(−x/2) Σ_{j<m} (x/2)^j / j!. */
function evenChiSquareTail(x: number, df: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 1; j < df / 2; j++) {
    term *= x / 2 / j;
    sum += term;
  }
  return Math.exp(-x / 2) * sum;
}

/** The x with P(X > x) = p, by bisection on the exact tail. */
function evenChiSquareUpper(p: number, df: number): number {
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (evenChiSquareTail(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('intervalWidening', () => {
  it('calls the company figures too narrow only past the chi-square(C − 1)/(C − 1) quantile of a well-mixed run, at 0.1% shared by the three figures', () => {
    // 21 chains of 1,000: for independent draws trials / (the figures' effective sample) ~ chi-square(20)/20.
    const cut = evenChiSquareUpper(FALSE_ALARM_RATE / 3, 20) / 20;
    expect(cut).toBeGreaterThan(2.3); // a bare widening of 2 (squared 4) is not it ...
    expect(cut).toBeLessThan(2.6);
    const at = (squared: number) => intervalWidening(21_000, 21, 21_000, 21_000 / squared);
    // ... the approximation (Wilson-Hilferty) within 3% of the exact quantile.
    expect(at(cut * 0.97).figuresTooNarrow).toBe(false);
    expect(at(cut * 1.03).figuresTooNarrow).toBe(true);
    // The act25 bare threshold, a widening of 2 (squared 4), would have been passed by chi-square(1) > 4: 4.6% of well-mixed 2-chain runs;
    // 2 chains are not judged at all now.
    expect(intervalWidening(2000, 2, 2000, 2000 / 40).figuresTooNarrow).toBe(false);
    expect(intervalWidening(2000, 2, 2000, 2000 / 40).figuresJudged).toBe(false);
  });

  it('states the larger of the drivers\' and (with 10 or more chains) the figures\' widening, and says which', () => {
    // sqrt(2,000 / 7) = 16.90 by hand; 2 chains: the figures' 1,900 not used.
    const few = intervalWidening(2000, 2, 7, 1900);
    expect(few.factor).toBeCloseTo(16.903, 2);
    expect(few.from).toBe('drivers');
    // 20 chains: sqrt(20,000 / 500) = 6.325 against the drivers' sqrt(20,000 / 560) = 5.976.
    const many = intervalWidening(20_000, 20, 560, 500);
    expect(many.factor).toBeCloseTo(6.325, 2);
    expect(many.from).toBe('figures');
    expect(intervalWidening(20_000, 20, 100, 500)).toMatchObject({ factor: expect.closeTo(14.142, 2), from: 'drivers', figuresTooNarrow: true });
  });
});
