import { describe, expect, it } from 'vitest';
import { piledUpBeta, piledUpBetas } from '../../src/analysis/beta-piled-up.js';

/** Beta's shape from its mean and sd (method of moments), computed here, not by the code under test. */
const shape = (m: number, s: number) => {
  const nu = (m * (1 - m)) / (s * s) - 1;
  return { a: m * nu, b: (1 - m) * nu };
};

/**
 * P(X <= x) for Beta(a, b) with a < 1, by Simpson's rule after u = x^a (which takes away the density's
 * pole at 0): the integrand (1 - u^(1/a))^(b - 1) is smooth, and the normalising constant is the same
 * integral to 1. Independent of src/math/incomplete-beta.ts.
 */
function cdfSmallAlpha(x: number, a: number, b: number): number {
  const integral = (top: number) => {
    const n = 20_000;
    const h = top / n;
    const f = (u: number) => (1 - u ** (1 / a)) ** (b - 1);
    let s = f(0) + f(top);
    for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
    return (s * h) / 3;
  };
  return integral(x ** a) / integral(1);
}

describe('a beta by mean and sd whose sd leaves it no hump (beta-piled-up)', () => {
  it("mean 3%, sd 4%: piles up at 0%, with the median and the widest sd that keeps a hump", () => {
    const { a, b } = shape(0.03, 0.04);
    expect(a).toBeCloseTo(0.516, 3);
    const w = piledUpBeta({ mean: 0.03, sd: 0.04 }, ['tiers', 0, 'newBusiness', 'conversion']);
    expect(w?.path).toEqual(['tiers', 0, 'newBusiness', 'conversion', 'sd']);
    // The median it states, 1.46% to three digits: the CDF crosses one half between 1.455% and 1.465%.
    expect(cdfSmallAlpha(0.01455, a, b)).toBeLessThan(0.5);
    expect(cdfSmallAlpha(0.01465, a, b)).toBeGreaterThan(0.5);
    // The sd offered keeps alpha at 1 or above; 0.01 point more does not.
    expect(shape(0.03, 0.0291).a).toBeGreaterThanOrEqual(1);
    expect(shape(0.03, 0.0292).a).toBeLessThan(1);
    expect(w?.message).toBe(
      'a beta with mean 3% and sd 4% piles up at 0%: an sd this wide for its mean gives alpha 0.52, below 1, so its density rises without bound toward 0% and half its draws fall below 1.46% (its median); for a range around 3%, give an sd of at most 2.91%, or state its P10, P50 and P90 ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })',
    );
  });

  it('mean 97%, sd 4%: the mirror image, piled up at 100%', () => {
    expect(shape(0.97, 0.04).b).toBeLessThan(1);
    expect(shape(0.97, 0.0291).b).toBeGreaterThanOrEqual(1);
    expect(piledUpBeta({ mean: 0.97, sd: 0.04 }, [])?.message).toMatch(/^a beta with mean 97% and sd 4% piles up at 100%: .* gives beta 0.52, below 1, .* half its draws fall above 98.5% \(its median\); for a range around 97%, give an sd of at most 2.91%/);
  });

  it('mean 50%, sd 45%: piled up at both ends', () => {
    expect(piledUpBeta({ mean: 0.5, sd: 0.45 }, [])?.message).toMatch(/piles up at both 0% and 100%: .*alpha 0.12 and beta 0.12, below 1, .* most of its draws lie near one end or the other; .* at most 28.8%/);
  });

  it.each([
    ['a hump: mean 3%, sd 2.9%', { mean: 0.03, sd: 0.029 }],
    ['the example renewal: mean 90%, sd 2%', { mean: 0.9, sd: 0.02 }],
    ['an sd the schema refuses (no second word)', { mean: 0.03, sd: 0.2 }],
    ['stated by alpha and beta: its shape is what it says', { alpha: 0.5, beta: 10 }],
  ])('no warning: %s', (_, spec) => {
    expect(piledUpBeta(spec as { mean?: number; sd?: number }, [])).toBeUndefined();
  });

  it('finds every such beta in a scenario, wherever it stands, in document order', () => {
    const scenario = {
      tiers: [
        { name: 'A', existing: { renewalRate: { dist: 'beta', mean: 0.97, sd: 0.04 } }, newBusiness: { conversion: { dist: 'beta', mean: 0.03, sd: 0.04 } } },
        { name: 'B', newBusiness: { leadSources: [{ conversion: { dist: 'beta', mean: 0.02, sd: 0.01 } }, { conversion: { dist: 'beta', mean: 0.02, sd: 0.03 } }] } },
      ],
    };
    expect(piledUpBetas(scenario).map((w) => w.path.join('.'))).toEqual([
      'tiers.0.existing.renewalRate.sd',
      'tiers.0.newBusiness.conversion.sd',
      'tiers.1.newBusiness.leadSources.1.conversion.sd',
    ]);
  });
});
