import { describe, expect, it } from 'vitest';
import { createStream, uniform } from '../../src/random/index.js';
import { fitBookShare } from '../../src/fit/book-share.js';
import { fitRenewal } from '../../src/fit/renewal.js';

/**
 * Zero variance within rounding. A constant share of ARR renewed computed in floating point
 * (renewed x 0.07) or rounded to whole dollars (round(renewed x 0.07)) leaves a residual of 1e-20
 * to 1, not 0: the exact test `residual > 0` let it through the sandwich with an error of about 0,
 * and the fit wrote "7.00% (95% interval 7.00% to 7.00%)". Such a history has no scatter to take an
 * error from, so it takes the interval at the boundary, as a residual of exactly 0 does.
 *
 * The width is checked against the binomial standard error √(p(1 − p)/n) of the n units (months,
 * as no customer count is given here), not against the code: at least a 95% Wald interval's half
 * and at most twice it, so a zero-width interval fails and so does [0, 1].
 */
const Z = 1.959963984540054;
const waldWidth = (p: number, n: number) => 2 * Z * Math.sqrt((p * (1 - p)) / n);

/** 12 months of ARR renewed between 80,000 and 120,000, whole dollars, from a seeded stream. */
function renewedArr(seed: string): Float64Array {
  const u = uniform(createStream(seed));
  return Float64Array.from({ length: 12 }, () => Math.round(u(80_000, 120_000)));
}

describe('a constant contraction share within rounding takes the boundary interval', () => {
  it('contraction_arr = round(renewed_arr x 0.07): an interval about 7% of the width 12 months as units give', () => {
    const renewed = renewedArr('flat/rounded');
    const lost = renewed.map((r) => Math.round(r * 0.07));
    const f = fitBookShare(lost, renewed, 'contraction');
    expect(f.zeroVariance?.units).toBeGreaterThan(11);
    expect(f.share.lo).toBeLessThan(0.07);
    expect(f.share.hi).toBeGreaterThan(0.07);
    const width = f.share.hi - f.share.lo;
    expect(width).toBeGreaterThan(0.5 * waldWidth(0.07, 12));
    expect(width).toBeLessThan(2 * waldWidth(0.07, 12));
  });

  it('unrounded float products renewed x share, for every share k / 200: none is zero-width (57 of 199 were)', () => {
    const renewed = renewedArr('flat/float');
    const narrow: number[] = [];
    for (let k = 1; k < 200; k++) {
      const share = k / 200;
      const f = fitBookShare(renewed.map((r) => r * share), renewed, 'contraction');
      const width = f.share.hi - f.share.lo;
      // Where the Wald interval is a fair yardstick (at least one unit's worth on each side, 12p >= 1
      // and 12(1 - p) >= 1), within half and twice its width; nearer the ends wider than zero and
      // far narrower than [0, 1].
      const fair = 12 * share >= 1 && 12 * (1 - share) >= 1;
      if (fair ? !(width > 0.5 * waldWidth(share, 12) && width < 2 * waldWidth(share, 12)) : !(width > 0.5 * waldWidth(share, 12) && width < 0.5)) narrow.push(k);
    }
    expect(narrow).toEqual([]);
  });

  it('a dollar renewal of round(due x 0.93) every month: the boundary interval too, not the sandwich\'s zero width', () => {
    const due = renewedArr('flat/due');
    const f = fitRenewal(due, due.map((d) => Math.round(d * 0.93)));
    expect(f.zeroVariance).toBeDefined();
    const width = f.rate.hi - f.rate.lo;
    expect(width).toBeGreaterThan(0.5 * waldWidth(0.93, 12));
    expect(width).toBeLessThan(2 * waldWidth(0.93, 12));
  });

  it('a real scatter of a few dollars a month over ARR of hundreds of thousands still takes the sandwich', () => {
    const renewed = renewedArr('flat/scatter');
    const f = fitBookShare(renewed.map((r, i) => Math.round(r * 0.07) + (i % 2 === 0 ? 40 : -40)), renewed, 'contraction');
    expect(f.zeroVariance).toBeUndefined();
  });
});

describe('months with a part and no whole count in the ratio\'s residual', () => {
  it('quarterly renewals of 300,000 and upsells of 10,000 every month: 12 months, the sandwich over all of them', () => {
    const renewed = Float64Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? 300_000 : 0));
    const expansion = new Float64Array(12).fill(10_000);
    const f = fitBookShare(expansion, renewed, 'expansion');
    // r = 120,000 / 1,200,000 = 0.1; residuals 10,000 − 30,000 in the 4 renewal months, 10,000 in
    // the 8 others: Σ e² = 4 x 4e8 + 8 x 1e8 = 2.4e9; se = √(2.4e9 x 12/11) / 1.2e6.
    expect(f.share.n).toBe(12);
    const se = Math.sqrt((2.4e9 * 12) / 11) / 1.2e6;
    expect(f.year.standardError).toBeCloseTo(se, 12);
  });
});

describe('an expansion share at zero variance counts one kind of unit', () => {
  it('1,000 customers renewing: the t interval has about 999 df (near the normal 1.96), not the 11 of 12 months', () => {
    const renewed = new Float64Array(12).fill(100_000);
    const f = fitBookShare(new Float64Array(12).fill(5_000), renewed, 'expansion', 1_000);
    const se = 0.05 / Math.sqrt(1_000);
    // t(0.975, 999) = 1.9623 (tables); t(0.975, 11) = 2.2010.
    expect((f.share.hi - f.share.value) / se).toBeCloseTo(1.9623, 3);
  });
});
