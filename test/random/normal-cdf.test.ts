import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/math/normal-cdf.js';

// Reference values computed with mpmath at 60 significant digits (mpmath.ncdf, and bisection on
// ncdf for the quantiles), at the exact double value of each argument, rounded to 20 digits.
const CDF_REFERENCE: ReadonlyArray<readonly [number, number]> = [
  [-37.5, 4.6053530095819548438e-308],
  [-20, 2.7536241186062336951e-89],
  [-10, 7.619853024160526066e-24],
  [-5, 2.8665157187919391167e-7],
  [-3, 0.0013498980316300945267],
  [-2, 0.0227501319481792072],
  [-1, 0.15865525393145705141],
  [0, 0.5],
  [0.5, 0.69146246127401310364],
];

const QUANTILE_REFERENCE: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -37.047096299361199237],
  [1e-100, -21.273453560965324294],
  [1e-20, -9.2623400897984075796],
  [1e-10, -6.3613409024040561991],
  [1e-5, -4.2648907939228246102],
  [0.02425, -1.9729610513118848376],
  [0.3, -0.52440051270804081597],
  [0.9, 1.2815515655446005935],
  [0.975, 1.9599639845400538556],
  [0.999999, 4.7534243088170877657],
];

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Independent check for |x| <= 3: Marsaglia (2004) Taylor series Phi(x) = 1/2 + phi(x)(x + x^3/3 + x^5/15 + ...). */
function marsagliaSeries(x: number): number {
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let i = 3; i < 400; i += 2) {
    term *= x2 / i;
    sum += term;
    if (Math.abs(term) < 1e-18 * Math.abs(sum)) break;
  }
  return 0.5 + sum * Math.exp(-0.5 * x2 - 0.91893853320467274178);
}

describe('normalCdf', () => {
  it.each(CDF_REFERENCE)('Phi(%d) matches the mpmath reference to 1e-14 relative', (x, expected) => {
    expect(relativeError(normalCdf(x), expected)).toBeLessThan(1e-14);
  });

  it('gives Phi(1.959963984540054) = 0.975', () => {
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(2e-16);
  });

  it('agrees with the Marsaglia 2004 series on [-3, 3] to 1e-15 absolute (all Cody regions up to 3)', () => {
    let worst = 0;
    for (let x = -3; x <= 3; x += 0.01) worst = Math.max(worst, Math.abs(normalCdf(x) - marsagliaSeries(x)));
    expect(worst).toBeLessThan(1e-15);
  });

  it('is symmetric and non-decreasing across the region boundaries', () => {
    let previous = 0;
    let decreases = 0;
    let worstSymmetry = 0;
    for (let x = -40; x <= 10; x += 0.0013) {
      const f = normalCdf(x);
      if (f < previous) decreases++;
      previous = f;
      worstSymmetry = Math.max(worstSymmetry, Math.abs(f + normalCdf(-x) - 1));
    }
    expect(decreases).toBe(0);
    expect(worstSymmetry).toBeLessThan(2e-16);
  });

  it('handles infinities and NaN', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('normalQuantile', () => {
  it.each(QUANTILE_REFERENCE)('Phi^-1(%d) matches the mpmath reference to 1e-15 relative', (p, expected) => {
    expect(relativeError(normalQuantile(p), expected)).toBeLessThan(1e-15);
  });

  it('gives quantile(0.9) = 1.2815515655446004 within a few ulps (the P10/P90 constant)', () => {
    expect(Math.abs(normalQuantile(0.9) - 1.2815515655446004)).toBeLessThan(1e-15);
  });

  it('round-trips Phi(Phi^-1(p)) = p over a log grid of lower-tail p to 1e-12 relative', () => {
    let worst = 0;
    let worstSymmetry = 0;
    for (let e = -300; e <= -0.31; e += 0.37) {
      const p = 10 ** e;
      worst = Math.max(worst, relativeError(normalCdf(normalQuantile(p)), p));
      // the upper tail through symmetry, Phi^-1(1 - p) = -Phi^-1(p), where 1 - p keeps enough digits
      if (p > 1e-3) worstSymmetry = Math.max(worstSymmetry, Math.abs(normalQuantile(1 - p) + normalQuantile(p)));
    }
    expect(worst).toBeLessThan(1e-12);
    expect(worstSymmetry).toBeLessThan(1e-12);
  });

  it('round-trips Phi^-1(Phi(x)) = x for x in [-37, 0] and linear p in (0, 1) to 1e-12', () => {
    let worstX = 0;
    for (let x = -37; x <= 0; x += 0.0123) worstX = Math.max(worstX, Math.abs(normalQuantile(normalCdf(x)) - x) / Math.max(1, -x));
    expect(worstX).toBeLessThan(1e-12);
    let worstP = 0;
    for (let p = 0.0005; p < 1; p += 0.001) worstP = Math.max(worstP, Math.abs(normalCdf(normalQuantile(p)) - p));
    expect(worstP).toBeLessThan(1e-12);
  });

  it('handles 0, 1 and invalid probabilities', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
