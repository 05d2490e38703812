import { describe, expect, it } from 'vitest';
import { distributionSchema } from '../../src/scenario/distribution-schema.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import { createStream } from '../../src/random/source.js';
import { prepareAlias } from '../../src/random/discrete.js';
import {
  betaCdf,
  expectChiSquareFit,
  expectKs,
  expectMeanWithin,
  expectSupport,
  expectVarianceWithin,
  mu4FromKurtosis,
  poissonPmf,
  regularizedGamma,
  sample,
} from '../helpers/stats.js';

/**
 * Every family a scenario can name, at the edges of the parameters its schema accepts, through the
 * path a scenario takes (schema, then compileDistribution, then a bound stream): each either samples
 * its law or is refused. Tolerances: KS at level 1e-3 (helpers/stats.ts; with N = 20,000 a CDF off by
 * 0.025 anywhere fails with power above 0.98), means and variances within 4 standard errors (a right
 * sampler fails 6e-5 of the time), counts of an event of probability q within 4 binomial standard errors.
 */
const N = 20_000;

/** Draws of a spec as a scenario would give it: validated by the schema, compiled, bound to its own stream. */
function draws(spec: unknown, name: string, n = N): Float64Array {
  const parsed = distributionSchema.parse(spec);
  const draw = compileDistribution(parsed).bind(createStream(`test/edge-parameters/${name}`));
  return sample(n, draw);
}

/** The schema's refusal of a spec: each issue as 'path: message'. */
function refusal(spec: unknown): string[] {
  const r = distributionSchema.safeParse(spec);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Standard normal CDF from the incomplete gamma (Phi(x) = (1 + sign(x) P(1/2, x^2/2)) / 2), written apart from src. */
function phi(x: number): number {
  const { p, q } = regularizedGamma(0.5, (x * x) / 2);
  return x >= 0 ? 1 - q / 2 : q / 2;
}

/** The upper normal tail 1 - Phi(x) for x > 0, accurate far out (where 1 - phi(x) would be 0). */
const upperTail = (x: number) => regularizedGamma(0.5, (x * x) / 2).q / 2;

/** Count of draws at or below x, expected within 4 binomial standard errors of n q. */
function expectShareBelow(xs: Float64Array, x: number, q: number): void {
  let k = 0;
  for (const v of xs) if (v <= x) k++;
  const se = Math.sqrt(xs.length * q * (1 - q));
  expect(Math.abs(k - xs.length * q), `${k} of ${xs.length} at or below ${x}, expected ${q} (SE ${se})`).toBeLessThanOrEqual(4 * se);
}

describe('lognormal at the edges of sigma', () => {
  it.each([1e-6, 5])('sigma %d (5 is the largest accepted): log draws are N(mu, sigma) by KS', (sigma) => {
    const xs = draws({ dist: 'lognormal', mu: 2, sigma }, `lognormal/${sigma}`);
    expectSupport(xs, 0, Infinity);
    expectKs(xs, (x) => phi((Math.log(x) - 2) / sigma));
  });

  it('refuses a sigma above 5 by the field', () => {
    expect(refusal({ dist: 'lognormal', mu: 0, sigma: 5.5 }).join('\n')).toMatch(/sigma 5\.5 is above 5: .*give a sigma of at most 5/);
  });

  // mean/sd with a tiny ratio: sigma^2 = log(1 + (sd/mean)^2) lost every digit in 1 + r^2 (r^2 < 1.1e-16
  // rounds 1 + r^2 to 1), so the stated sd came out 0 and every draw the same number. sd/mean 1e-2 is
  // the control on the other side, where log(1 + r^2) is still used.
  it.each([
    { mean: 1000, sd: 1e-6, ratio: '1e-9' },
    { mean: 50_000, sd: 1e-5, ratio: '2e-10' },
    { mean: 1, sd: 0.01, ratio: '1e-2' },
  ])('mean $mean and sd $sd (sd/mean $ratio): draws have that mean and sd', ({ mean, sd }) => {
    const xs = draws({ dist: 'lognormal', mean, sd }, `lognormal/mean-sd/${mean}/${sd}`);
    // sigma <= 0.01: the fourth central moment is 3 sd^4 to within 0.1% (excess kurtosis 16 sigma^2 and less).
    expectMeanWithin(xs, mean, sd);
    expectVarianceWithin(xs, sd * sd, 3 * sd ** 4);
  });

  // Tiny means: sd^2 / mean^2 underflowed (1e-200 squared is 0: 0 / 0, a NaN sigma the schema let
  // through; 1e-170 squared is 0 next to 1e-320, the sd lost). sd / mean is 1 and 1e-10, exactly.
  it.each([
    { mean: 1e-200, sd: 1e-200, sigma: Math.sqrt(Math.log(2)) },
    { mean: 1e-160, sd: 1e-170, sigma: 1e-10 },
  ])('mean $mean and sd $sd: log draws are N(log(mean) - sigma^2 / 2, sigma) by KS, sigma = $sigma', ({ mean, sd, sigma }) => {
    const xs = draws({ dist: 'lognormal', mean, sd }, `lognormal/tiny/${mean}/${sd}`);
    expectSupport(xs, 0, Infinity);
    const mu = Math.log(mean) - (sigma * sigma) / 2;
    expectKs(xs, (x) => phi((Math.log(x) - mu) / sigma));
    // In units of the mean (the draws' squares would underflow): mean 1, sd sd / mean.
    const cv = sd / mean;
    expectMeanWithin(xs.map((x) => x / mean), 1, cv);
  });

  it('an sd so far above the mean that (sd/mean)^2 overflows is refused by its sigma', () => {
    expect(refusal({ dist: 'lognormal', mean: 1e-200, sd: 1e200 }).join('\n')).toMatch(/sigma over 1e308 is above 5: .*\(sd 1e\+200 is over 1e308 times the mean 1e-200, at most 268000\); give an sd of at most 2\.68e-195/);
  });

  // median/p90 and p10/p90 at their edges: p90 a hair above the median (sigma 8e-10) and as far as a
  // sigma of 5 allows (p90 = exp(5 x 1.2816) = 606 x the median; 600: sigma 4.99).
  it.each([
    { median: 1, p90: 1 + 1e-9 },
    { median: 1, p90: 600 },
    { median: 1e-12, p90: 1e-12 * (1 + 1e-9) },
  ])('median $median and p90 $p90: half the draws at or below the median, 90% at or below p90', ({ median, p90 }) => {
    const xs = draws({ dist: 'lognormal', median, p90 }, `lognormal/median/${median}/${p90}`);
    expectSupport(xs, 0, Infinity);
    expectShareBelow(xs, median, 0.5);
    expectShareBelow(xs, p90, 0.9);
  });

  it.each([
    { p10: 1, p90: 1 + 1e-9 },
    // sigma = log(p90 / p10) / (2 x 1.2816) <= 5: p90 up to 3.7e5 x p10.
    { p10: 1, p90: 3e5 },
  ])('p10 $p10 and p90 $p90: 10% of the draws at or below p10, half at or below sqrt(p10 p90), 90% at or below p90', ({ p10, p90 }) => {
    const xs = draws({ dist: 'lognormal', p10, p90 }, `lognormal/p10/${p10}/${p90}`);
    expectShareBelow(xs, p10, 0.1);
    expectShareBelow(xs, Math.sqrt(p10 * p90), 0.5);
    expectShareBelow(xs, p90, 0.9);
  });
});

describe('uniform, fixed and the untruncated normal at the edges of their parameters', () => {
  it.each([
    { min: -1e15, max: 1e15 },
    { min: 1, max: 1 + 1e-12 },
  ])('uniform on [$min, $max]: KS', ({ min, max }) => {
    const xs = draws({ dist: 'uniform', min, max }, `uniform/${min}/${max}`);
    expectSupport(xs, min, max);
    expectKs(xs, (x) => Math.min(1, Math.max(0, (x - min) / (max - min))));
  });

  it.each([0, -1e15, 1e15, 1e-300])('fixed %d, as a number and as { dist: fixed }: every draw is it', (value) => {
    expect([...new Set(draws(value, `fixed/number/${value}`, 100))]).toEqual([value]);
    expect([...new Set(draws({ dist: 'fixed', value }, `fixed/object/${value}`, 100))]).toEqual([value]);
  });

  it.each([
    { mean: 0, sd: 1e-300 },
    { mean: 100, sd: 1e-10 },
    { mean: 0, sd: 1e15 },
    { mean: 1e15, sd: 1e15 },
  ])('normal of mean $mean and sd $sd, untruncated: standardised draws are N(0, 1) by KS', ({ mean, sd }) => {
    const xs = draws({ dist: 'normal', mean, sd }, `normal/${mean}/${sd}`);
    expectKs(xs, (x) => phi((x - mean) / sd));
  });
});

describe('beta at the edges of its shapes', () => {
  const moments = (a: number, b: number) => {
    const s = a + b;
    const variance = (a * b) / (s * s * (s + 1));
    const exKurt = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
    return { mean: a / s, variance, mu4: mu4FromKurtosis(variance, exKurt) };
  };
  it.each([
    [{ dist: 'beta', alpha: 1e-3, beta: 1e-3 }, 1e-3, 1e-3],
    [{ dist: 'beta', alpha: 1e6, beta: 1e6 }, 1e6, 1e6],
    [{ dist: 'beta', alpha: 0.05, beta: 500 }, 0.05, 500],
    // mean/sd at the edge of sd^2 < mean (1 - mean): both shapes 2e-4.
    [{ dist: 'beta', mean: 0.5, sd: 0.4999 }, 0.5 * ((0.25 / 0.4999 ** 2) - 1), 0.5 * ((0.25 / 0.4999 ** 2) - 1)],
  ] as const)('%j: mean and variance', (spec, a, b) => {
    const xs = draws(spec, `beta/${a}/${b}`);
    expectSupport(xs, 0, 1);
    const m = moments(a, b);
    expectMeanWithin(xs, m.mean, Math.sqrt(m.variance));
    expectVarianceWithin(xs, m.variance, m.mu4);
  });

  it('Beta(0.05, 500), almost all of it near 0: KS against the incomplete beta', () => {
    expectKs(draws({ dist: 'beta', alpha: 0.05, beta: 500 }, 'beta/ks/0.05/500'), (x) => betaCdf(x, 0.05, 500));
  });

  it('refuses an sd at or beyond the largest a beta of that mean can have, by the field', () => {
    // sqrt(0.5 x 0.5) = 0.5: an sd of 0.5 is at the bound, refused with the mean, the bound and the sd, each also in %.
    expect(refusal({ dist: 'beta', mean: 0.5, sd: 0.5 })).toEqual([
      'sd: beta with mean 0.5 (50%) needs sd below 0.5 (50%), the widest a share with that mean can spread (sd^2 < mean(1 - mean)); got sd 0.5 (50%): write a smaller sd, or state the range as quantiles ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })',
    ]);
  });
});

describe('PERT and triangular with the mode at an end', () => {
  // PERT(min, mode, max) is min + (max - min) Beta(1 + 4 (mode - min)/(max - min), 1 + 4 (max - mode)/(max - min)).
  it.each([
    ['pert', 0, (x: number) => betaCdf((x - 10) / 5, 1, 5)],
    ['pert', 1, (x: number) => betaCdf((x - 10) / 5, 5, 1)],
    ['triangular', 0, (x: number) => { const t = Math.min(1, Math.max(0, (x - 10) / 5)); return 1 - (1 - t) ** 2; }],
    ['triangular', 1, (x: number) => { const t = Math.min(1, Math.max(0, (x - 10) / 5)); return t * t; }],
  ] as const)('%s on [10, 15], mode at the %s end: KS', (dist, end, cdf) => {
    const xs = draws({ dist, min: 10, mode: 10 + 5 * end, max: 15 }, `${dist}/${end}`);
    expectSupport(xs, 10, 15);
    expectKs(xs, cdf);
  });

  it.each(['pert', 'triangular'])('%s with min = mode = max is refused by the field (a fixed value is a number)', (dist) => {
    expect(refusal({ dist, min: 5, mode: 5, max: 5 })).toEqual([`max: ${dist} needs min < max, got min 5 and max 5: give max above 5, or write the value alone (a plain number) if it does not vary`]);
  });
});

describe('normal truncated far in a tail', () => {
  it('N(0, 1) on [8, 9], where the CDF between the bounds is 6e-16: KS against the tail', () => {
    const xs = draws({ dist: 'normal', mean: 0, sd: 1, min: 8, max: 9 }, 'normal/8-9');
    expectSupport(xs, 8, 9);
    const mass = upperTail(8) - upperTail(9);
    expectKs(xs, (x) => (x <= 8 ? 0 : x >= 9 ? 1 : (upperTail(8) - upperTail(x)) / mass));
  });
});

describe('counts at the edges', () => {
  it('negative binomial with the largest dispersion is Poisson (chi-square)', () => {
    const xs = draws({ dist: 'negativeBinomial', mean: 5, dispersion: 1e15 }, 'nb/poisson');
    expectSupport(xs, 0, Infinity, { integer: true });
    expectChiSquareFit(xs, poissonPmf(5));
  });

  it('negative binomial of mean 1e12 and dispersion 0.01: P(0) = (k / (k + m))^k', () => {
    const xs = draws({ dist: 'negativeBinomial', mean: 1e12, dispersion: 0.01 }, 'nb/heavy');
    expectShareBelow(xs, 0, (0.01 / (0.01 + 1e12)) ** 0.01);
  });

  it('Poisson of the largest accepted mean, 1e15: mean and variance', () => {
    const xs = draws({ dist: 'poisson', mean: 1e15 }, 'poisson/1e15', 5_000);
    expectMeanWithin(xs, 1e15, Math.sqrt(1e15));
    expectVarianceWithin(xs, 1e15, 1e15 + 3e30);
  });
});

describe('discrete and empirical at the edges', () => {
  it('a discrete atom of weight 1e-3 is drawn that often', () => {
    const xs = draws({ dist: 'discrete', values: [0, 7], weights: [999, 1] }, 'discrete/atom');
    expectShareBelow(xs, 0, 0.999);
  });

  it.each([1e-12, 1e-15])('the alias table encodes an atom of weight %d next to 1 to within 2^-53 a column', (w) => {
    // P(outcome i) = (prob[i] + sum over columns j aliased to i of (1 - prob[j])) / n.
    const table = prepareAlias([1, w, 2]);
    const p = new Array<number>(3).fill(0);
    for (let j = 0; j < 3; j++) {
      p[j]! += table.prob[j]! / 3;
      if (table.prob[j]! < 1) p[table.alias[j]!]! += (1 - table.prob[j]!) / 3;
    }
    expect(Math.abs(p[1]! - w / (3 + w))).toBeLessThanOrEqual(3 * 2 ** -53);
    expect(p[1]).toBeGreaterThan(0);
  });

  it('empirical with one value is that value; with repeats each copy counts', () => {
    expect([...new Set(draws({ dist: 'empirical', values: [7] }, 'empirical/one', 100))]).toEqual([7]);
    const xs = draws({ dist: 'empirical', values: [1, 1, 1, 2] }, 'empirical/repeats');
    expectSupport(xs, 1, 2);
    expectShareBelow(xs, 1, 0.75);
  });

  it('discrete with repeated values and weights adds their weights', () => {
    const xs = draws({ dist: 'discrete', values: [1, 2, 1], weights: [1, 2, 1] }, 'discrete/repeats');
    expectShareBelow(xs, 1, 0.5);
  });
});

describe('quantiles (metalog) with steep tails', () => {
  // Whatever the fitted curve, an exact fit must put the stated share of draws at or below each stated value.
  it.each([
    [{ dist: 'quantiles', quantiles: { p10: 1, p50: 3, p90: 20 }, lower: 0 }],
    [{ dist: 'quantiles', quantiles: { p10: 1, p50: 3, p90: 60 }, lower: 0, upper: 1000 }],
    [{ dist: 'quantiles', quantiles: { p1: 0.5, p10: 1, p50: 3, p90: 20, p99: 200 }, lower: 0 }],
    [{ dist: 'quantiles', quantiles: { p10: 1, p50: 99, p90: 99.9 }, lower: 0, upper: 100 }],
    [{ dist: 'quantiles', quantiles: { p5: 10, p50: 11, p95: 30 }, lower: 9 }],
  ] as const)('%j: the stated quantiles hold', (spec) => {
    const xs = draws(spec, `quantiles/${JSON.stringify(spec)}`);
    expectSupport(xs, spec.lower, 'upper' in spec ? spec.upper : Infinity);
    for (const [key, value] of Object.entries(spec.quantiles)) expectShareBelow(xs, value, Number(key.slice(1)) / 100);
  });

  it('a set no smooth distribution fits, or whose tail has no mean, is refused by the field', () => {
    expect(refusal({ dist: 'quantiles', quantiles: { p10: 1, p50: 2, p90: 100 } }).join('\n')).toMatch(/^quantiles: these quantiles give a metalog whose density is negative/);
    expect(refusal({ dist: 'quantiles', quantiles: { p10: 1, p50: 3, p90: 60 }, lower: 0 }).join('\n')).toMatch(/^quantiles: these quantiles give a metalog with an infinite mean/);
  });
});
