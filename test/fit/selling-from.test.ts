import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { sellingFrom } from '../../src/fit/selling-from.js';

/** Poisson by inversion (sequential search up the pmf): plain and right for means up to a few dozen. */
function poisson(u: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const x = u();
  while (x > cdf) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * A tier that sold all along (steady Poisson leads, 24 months) must seldom be read as launched within
 * the history: the rule tests its leading zero months at 1% (NOT_SELLING_YET_P). Testing them at the
 * later months' mean read a tier of 0.1 leads a month as launched in 7.8% of histories (0.2: 4.0%). Over
 * 4,000 seeded histories a level, the share read as launched must stay within 1% + 3 standard errors of
 * a 1% share (sqrt(0.01 x 0.99 / 4000) = 0.157%): 1.47%. The old rule exceeds it at 0.1 and 0.2.
 */
describe('sellingFrom: steady tiers are not read as launched', () => {
  const histories = 4000;
  const bound = 0.01 + 3 * Math.sqrt((0.01 * 0.99) / histories);
  for (const level of [0.05, 0.1, 0.2, 0.5, 1, 2, 5]) {
    it(`at ${level} leads a month, at most ${(bound * 100).toFixed(2)}% of 24-month histories`, () => {
      const u = seedrandom.alea(`selling-from-${level}`);
      const leads = new Float64Array(24);
      let launched = 0;
      for (let h = 0; h < histories; h++) {
        for (let m = 0; m < 24; m++) leads[m] = poisson(u, level);
        const started = leads.findIndex((x) => x > 0);
        if (sellingFrom(leads, started, 0.01, 6).from > 0) launched++;
      }
      expect(launched / histories).toBeLessThanOrEqual(bound);
    });
  }
});

describe('sellingFrom: launched tiers', () => {
  const opening = (zeros: number, level: number, n = 24) => Float64Array.from({ length: n }, (_, i) => (i < zeros ? 0 : level));

  it('fits a tier of 500 leads a month from month 19 of 24 from its 6 months', () => {
    expect(sellingFrom(opening(18, 500), 18, 0.01, 6)).toEqual({ from: 18 });
  });

  it('fits a tier launched in its last 5 months over all 24, saying it is too recent', () => {
    expect(sellingFrom(opening(19, 500), 19, 0.01, 6)).toEqual({ from: 0, tooRecent: { months: 5 } });
  });

  it('keeps a low-volume tier\'s genuine empty first month (e^-3 = 5% at 3 a month, above 1%)', () => {
    expect(sellingFrom(opening(1, 3), 1, 0.01, 6)).toEqual({ from: 0 });
  });

  it('reads 2 empty months at 3 a month as launched (e^-(2 x 2.75) = 0.4%, below 1%)', () => {
    // The whole history's mean: 22 months of 3 over 24 = 2.75.
    expect(sellingFrom(opening(2, 3), 2, 0.01, 6)).toEqual({ from: 2 });
  });

  it('fits every month of a tier with activity from its first month, or none at all', () => {
    expect(sellingFrom(opening(0, 10), 0, 0.01, 6)).toEqual({ from: 0 });
    expect(sellingFrom(opening(24, 10), -1, 0.01, 6)).toEqual({ from: 0 });
  });
});
