import { describe, expect, it } from 'vitest';
import { piledUpBeta, piledUpBetas } from '../../src/analysis/beta-piled-up.js';
import { writtenBeta } from '../../src/fit/written-beta.js';

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

/**
 * P(X <= x) for the symmetric Beta(a, a), a < 1, x < 1/2: as cdfSmallAlpha, normalised by P(X <= 1/2) = 1/2
 * (its integral to 1 has the pole at 1 too).
 */
function symmetricCdf(x: number, a: number): number {
  const integral = (top: number) => {
    const n = 20_000;
    const h = top / n;
    const f = (u: number) => (1 - u ** (1 / a)) ** (a - 1);
    let s = f(0) + f(top);
    for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
    return (s * h) / 3;
  };
  return (0.5 * integral(x ** a)) / integral(0.5 ** a);
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
    // The share below a tenth of the mean it states, 23.5%, and its P10 (the docstring's 0.056%).
    expect(cdfSmallAlpha(0.003, a, b)).toBeGreaterThan(0.2345);
    expect(cdfSmallAlpha(0.003, a, b)).toBeLessThan(0.2355);
    expect(cdfSmallAlpha(0.000555, a, b)).toBeLessThan(0.1);
    expect(cdfSmallAlpha(0.000565, a, b)).toBeGreaterThan(0.1);
    expect(w?.message).toBe(
      'a beta with mean 3% and sd 4% piles up at 0%: an sd this wide for its mean gives alpha 0.52, below 1, so its density rises without bound toward 0%: half its draws fall below 1.46% (its median) and 23.5% below 0.3%; for a range around 3%, give an sd of at most 2.91%, or state its P10, P50 and P90 ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })',
    );
  });

  it('mean 97%, sd 4%: the mirror image, piled up at 100%', () => {
    expect(shape(0.97, 0.04).b).toBeLessThan(1);
    expect(shape(0.97, 0.0291).b).toBeGreaterThanOrEqual(1);
    expect(piledUpBeta({ mean: 0.97, sd: 0.04 }, [])?.message).toMatch(/^a beta with mean 97% and sd 4% piles up at 100%: .* gives beta 0.52, below 1, .* half its draws fall above 98.5% \(its median\) and 23.5% above 99.7%; for a range around 97%, give an sd of at most 2.91%/);
  });

  it('mean 50%, sd 44%: piled up at both ends, the share at both stated', () => {
    // Beta(a, a) is symmetric: the share below 5% and above 95% is twice the share below 5%.
    const { a } = shape(0.5, 0.44);
    const both = 2 * symmetricCdf(0.05, a);
    expect(both).toBeGreaterThan(0.6685);
    expect(both).toBeLessThan(0.6695);
    expect(piledUpBeta({ mean: 0.5, sd: 0.44 }, [])?.message).toMatch(/piles up at both 0% and 100%: .*alpha 0.15 and beta 0.15, below 1, .*toward both 0% and 100%: 66.9% of its draws lie below 5% or above 95%; .* at most 28.8%/);
  });

  it("quotes the mean and sd as written, every digit (17.05%, not 17.1%)", () => {
    expect(piledUpBeta({ mean: 0.1705, sd: 0.1705 }, [])?.message).toMatch(/^a beta with mean 17.05% and sd 17.05% piles up at 0%: .* for a range around 17.05%,/);
  });

  // Material: at least 15% of draws within a tenth of the way from the mean to an end (both summed).
  // A shape just under 1 is not: mean 97% sd 3% (beta 0.94) puts 10.3% above 99.7%, a flat Beta(1, b)
  // about 9.5%; mean 50% sd 29% (alpha = beta = 0.99, about uniform) 10.2% below 5% or above 95%.
  it.each([
    ['mean 97%, sd 3%', 0.97, 0.03, 0.1025, 0.1035],
    ['mean 50%, sd 29%', 0.5, 0.29, 0.101, 0.103],
  ])('no warning where the pile-up is immaterial: %s', (_, m, s, lo, hi) => {
    const { a, b } = shape(m, s);
    expect(Math.min(a, b)).toBeLessThan(1);
    // The near-end share, by the symmetry Beta(a, b) at 1 - x = Beta(b, a) at x, from the small-shape end.
    const near = m > 0.5 ? cdfSmallAlpha((1 - m) / 10, b, a) : 2 * symmetricCdf(m / 10, a);
    expect(near).toBeGreaterThan(lo);
    expect(near).toBeLessThan(hi);
    expect(piledUpBeta({ mean: m, sd: s }, [])).toBeUndefined();
  });

  it("no warning at arrcast fit's own cap, 0.9 sqrt(m(1 - m)), which fit's comment explains", () => {
    // A conversion fit moves to 1.251% to carry a year's sd of 10%: 0.9 sqrt(m(1 - m)) = 0.1 at m = 0.012502.
    expect(0.9 * Math.sqrt(0.01251 * (1 - 0.01251))).toBeCloseTo(0.1, 3);
    expect(piledUpBeta({ mean: 0.01251, sd: 0.1 }, [])).toBeUndefined();
    expect(piledUpBeta({ mean: 0.01251, sd: 0.09 }, [])).toBeDefined();
    // Every beta fit writes at its cap (a mean near an end moved, or an sd cut at 45%) validates without it.
    for (const [mean, sd] of [[0.0005, 0.05], [1, 0.0595], [0.9999, 0.03], [0.02, 0.2], [0.5, 0.6], [0.3, 0.45]] as const) {
      const w = writtenBeta(mean, sd);
      expect(piledUpBeta(w, []), `writtenBeta(${mean}, ${sd}) = ${JSON.stringify(w)}`).toBeUndefined();
    }
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
