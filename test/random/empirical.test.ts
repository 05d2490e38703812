import { describe, expect, it } from 'vitest';
import { empiricalIndex } from '../../src/random/empirical.js';
import { createStream } from '../../src/random/source.js';
import { expectChiSquareFit, sample, expectSupport } from '../helpers/stats.js';

const N = 100_000;

describe('empiricalIndex', () => {
  it.each([1, 2, 7, 1024, 1025, 5000])('n = %d: uniform over 0..n-1 (chi-square)', (n) => {
    const draw = empiricalIndex(createStream(`test/empirical/${n}`));
    const xs = sample(N, () => draw(n));
    expectSupport(xs, 0, n, { upperOpen: true, integer: true });
    if (n > 1) expectChiSquareFit(xs, (k) => (k < n ? 1 / n : 0));
  });

  it('stays below n when the source returns its largest value', () => {
    const draw = empiricalIndex(() => 1 - 2 ** -53);
    for (const n of [1, 3, 1024, 1025, 2 ** 31 + 1]) expect(draw(n)).toBe(n - 1);
  });
});
