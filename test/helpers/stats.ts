/**
 * Statistical test helpers for the sampler tests. Every tolerance here comes from a standard
 * error or a test statistic's null distribution at a stated significance level, never a guess.
 * The special functions (log-gamma, incomplete gamma and beta) are written independently of
 * src/random so the samplers are checked against an outside reference.
 */
import { expect } from 'vitest';

/** Default significance level for goodness-of-fit tests: a correct sampler fails 1 time in 1000. */
export const ALPHA = 1e-3;

/** Draw n values from a draw function into a Float64Array. */
export function sample(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** Standard normal draws by Box-Muller from a small LCG: deterministic, every value distinct, no dependency. */
export function lcgNormals(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  return out;
}

/**
 * Assert every sample lies in [lower, upper] (or [lower, upper) with upperOpen), with one
 * assertion for the whole array (per-element expect calls are slow).
 */
export function expectSupport(xs: ArrayLike<number>, lower: number, upper: number, opts: { upperOpen?: boolean; integer?: boolean } = {}): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let bad = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!(x >= lower && (opts.upperOpen ? x < upper : x <= upper)) || (opts.integer && !Number.isInteger(x))) bad++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  expect(bad, `${bad} samples outside ${opts.integer ? 'the integers in ' : ''}[${lower}, ${upper}${opts.upperOpen ? ')' : ']'} (min ${min}, max ${max})`).toBe(0);
}

export function sampleMean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Unbiased sample variance (divisor n - 1), two-pass. */
export function sampleVariance(xs: ArrayLike<number>): number {
  const m = sampleMean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    s += d * d;
  }
  return s / (xs.length - 1);
}

/**
 * Mean of a chain of correlated draws (an MCMC chain, a re-forecast's trials) with its standard error
 * from batch means: the draws cut into runs of `batch` neighbours, SE = sd of the run means / sqrt(runs).
 * A batch much longer than the chain's autocorrelation time makes the run means nearly independent.
 */
export function batchMeans(xs: Float64Array, batch = 100): { mean: number; se: number } {
  const k = Math.floor(xs.length / batch);
  const means = Array.from({ length: k }, (_, i) => xs.subarray(i * batch, (i + 1) * batch).reduce((s, x) => s + x, 0) / batch);
  const mean = means.reduce((s, x) => s + x, 0) / k;
  const v = means.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1);
  return { mean, se: Math.sqrt(v / k) };
}

/**
 * Assert |sample mean - mean| <= z * sd / sqrt(n): the sample mean is within z standard errors
 * (z = 4: a correct sampler fails with probability 6e-5 under the CLT).
 */
export function expectMeanWithin(samples: ArrayLike<number>, mean: number, sd: number, z = 4): void {
  const n = samples.length;
  const m = sampleMean(samples);
  const se = sd / Math.sqrt(n);
  expect(Math.abs(m - mean), `sample mean ${m} vs ${mean} (SE ${se}, z = ${(m - mean) / se})`).toBeLessThanOrEqual(z * se);
}

/**
 * Assert the unbiased sample variance is within z standard errors of `variance`, with the exact
 * variance of s^2: Var(s^2) = mu4 / n - sigma^4 (n - 3) / (n (n - 1)), mu4 the fourth central
 * moment (asymptotically (mu4 - sigma^4) / n).
 */
export function expectVarianceWithin(samples: ArrayLike<number>, variance: number, fourthCentralMoment: number, z = 4): void {
  const n = samples.length;
  const v = sampleVariance(samples);
  const se = Math.sqrt(fourthCentralMoment / n - (variance * variance * (n - 3)) / (n * (n - 1)));
  expect(Math.abs(v - variance), `sample variance ${v} vs ${variance} (SE ${se}, z = ${(v - variance) / se})`).toBeLessThanOrEqual(
    z * se,
  );
}

/**
 * Counts that should be Binomial(n, q): their mean within 4 standard errors of n q, their sample
 * variance within 4 standard errors of v = n q (1 - q) (fourth central moment v (1 + 3 (n - 2) q (1 - q))).
 */
export function expectBinomialCounts(counts: ArrayLike<number>, n: number, q: number): void {
  const v = n * q * (1 - q);
  expectMeanWithin(counts, n * q, Math.sqrt(v));
  expectVarianceWithin(counts, v, v * (1 + 3 * (n - 2) * q * (1 - q)));
}

/** Counts that should be Poisson(m): mean and sample variance within 4 standard errors of m (fourth central moment m + 3 m^2). */
export function expectPoissonCounts(counts: ArrayLike<number>, m: number): void {
  expectMeanWithin(counts, m, Math.sqrt(m));
  expectVarianceWithin(counts, m, m + 3 * m * m);
}

/** Fourth central moment from the variance and the excess kurtosis. */
export function mu4FromKurtosis(variance: number, excessKurtosis: number): number {
  return variance * variance * (3 + excessKurtosis);
}

// ---------------------------------------------------------------------------------------------
// Kolmogorov-Smirnov

/** The one-sample KS statistic D = sup |F_n(x) - F(x)| (samples are copied, then sorted). */
export function ksStatistic(samples: Float64Array, cdf: (x: number) => number): number {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    const dPlus = (i + 1) / n - f;
    const dMinus = f - i / n;
    if (dPlus > d) d = dPlus;
    if (dMinus > d) d = dMinus;
  }
  return d;
}

/** Survival function of the Kolmogorov distribution, Q(lambda) = 2 sum (-1)^(k-1) exp(-2 k^2 lambda^2). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    s += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

/**
 * Critical value of the KS statistic at level alpha for n samples: the Kolmogorov distribution's
 * upper-alpha point lambda, with Stephens' (1970) finite-n correction
 * D = lambda / (sqrt(n) + 0.12 + 0.11 / sqrt(n)).
 */
export function ksCritical(n: number, alpha: number = ALPHA): number {
  let lo = 0.2;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (kolmogorovSurvival(mid) > alpha) lo = mid;
    else hi = mid;
  }
  const lambda = 0.5 * (lo + hi);
  const sn = Math.sqrt(n);
  return lambda / (sn + 0.12 + 0.11 / sn);
}

/**
 * The two-sample Kolmogorov-Smirnov statistic: the largest distance between the two empirical CDFs
 * (ties handled by stepping past every copy of a value). Compare with ksCritical(n m / (n + m)).
 */
export function twoSampleKs(a: Float64Array, b: Float64Array): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Assert the samples pass a KS test against `cdf` at level alpha. */
export function expectKs(samples: Float64Array, cdf: (x: number) => number, alpha: number = ALPHA): void {
  const d = ksStatistic(samples, cdf);
  const crit = ksCritical(samples.length, alpha);
  expect(d, `KS statistic ${d} vs critical ${crit} (n = ${samples.length}, alpha = ${alpha})`).toBeLessThanOrEqual(crit);
}

// ---------------------------------------------------------------------------------------------
// Special functions (independent of src/random)

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; relative accuracy ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(a, x) and upper Q(a, x) (Numerical Recipes gser/gcf). */
export function regularizedGamma(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 100000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    const p = sum * Math.exp(logPrefix);
    return { p, q: 1 - p };
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const q = Math.exp(logPrefix) * h;
  return { p: 1 - q, q };
}

/** CDF of Gamma(shape, scale). */
export function gammaCdf(x: number, shape: number, scale: number): number {
  return regularizedGamma(shape, x / scale).p;
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), the CDF of Beta(a, b) (Numerical Recipes betai). */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Upper-p quantile of the chi-square distribution with df degrees of freedom (bisection on Q). */
export function chiSquareQuantile(p: number, df: number): number {
  const alpha = 1 - p;
  let lo = 0;
  let hi = df + 100 * Math.sqrt(2 * df) + 100;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (regularizedGamma(df / 2, mid / 2).q > alpha) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

// ---------------------------------------------------------------------------------------------
// Chi-square goodness of fit for integer-valued samplers

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly critical: number;
  readonly cells: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of integer samples against a pmf on {min, min+1, ...}.
 * Cells run from min to the largest observed value, the last one taking the whole upper tail;
 * adjacent cells are pooled (left to right) until each expected count is >= 5, a short remainder
 * joining the last pooled cell. No parameters are estimated, so df = cells - 1. Throws if a sample
 * is not an integer >= min or lands where the pmf is exactly 0.
 */
export function chiSquareFit(samples: ArrayLike<number>, pmf: (k: number) => number, min = 0, alpha: number = ALPHA): ChiSquareResult {
  const n = samples.length;
  let max = min;
  for (let i = 0; i < n; i++) {
    const v = samples[i]!;
    if (!Number.isInteger(v) || v < min) throw new Error(`chiSquareFit: sample ${v} is not an integer >= ${min}`);
    if (v > max) max = v;
  }
  const counts = new Float64Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[samples[i]! - min]! += 1;
  let statistic = 0;
  let cells = 0;
  let groupObs = 0;
  let groupExp = 0;
  let lastObs = 0;
  let lastExp = 0;
  let cumulative = 0;
  for (let k = min; k <= max; k++) {
    const obs = counts[k - min]!;
    let prob: number;
    if (k < max) {
      prob = pmf(k);
      cumulative += prob;
    } else {
      prob = Math.max(0, 1 - cumulative); // P(X >= max)
    }
    if (prob === 0 && obs > 0 && k < max) throw new Error(`chiSquareFit: ${obs} samples at ${k}, where the pmf is 0`);
    groupObs += obs;
    groupExp += n * prob;
    if (groupExp >= 5) {
      if (cells > 0) statistic += ((lastObs - lastExp) * (lastObs - lastExp)) / lastExp;
      lastObs = groupObs;
      lastExp = groupExp;
      cells++;
      groupObs = 0;
      groupExp = 0;
    }
  }
  if (cells === 0) throw new Error('chiSquareFit: too few samples for a single cell with expected count >= 5');
  lastObs += groupObs;
  lastExp += groupExp;
  statistic += ((lastObs - lastExp) * (lastObs - lastExp)) / lastExp;
  const df = cells - 1;
  if (df < 1) throw new Error('chiSquareFit: fewer than 2 cells after pooling');
  return { statistic, df, critical: chiSquareQuantile(1 - alpha, df), cells };
}

/** Assert integer samples pass the chi-square goodness-of-fit test against pmf at level alpha. */
export function expectChiSquareFit(samples: ArrayLike<number>, pmf: (k: number) => number, min = 0, alpha: number = ALPHA): void {
  const r = chiSquareFit(samples, pmf, min, alpha);
  expect(r.statistic, `chi-square ${r.statistic} on ${r.df} df vs critical ${r.critical} (alpha = ${alpha})`).toBeLessThanOrEqual(r.critical);
}

// ---------------------------------------------------------------------------------------------
// Reference pmfs (log-space, via the independent logGamma)

export function poissonPmf(mean: number): (k: number) => number {
  const logMean = Math.log(mean);
  return (k) => Math.exp(-mean + k * logMean - logGamma(k + 1));
}

export function binomialPmf(n: number, p: number): (k: number) => number {
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const lgn = logGamma(n + 1);
  return (k) => (k < 0 || k > n ? 0 : Math.exp(lgn - logGamma(k + 1) - logGamma(n - k + 1) + k * lp + (n - k) * lq));
}

/** Beta-binomial: k successes of n at a rate drawn from Beta(a, b). */
export function betaBinomialPmf(n: number, a: number, b: number): (k: number) => number {
  const front = logGamma(n + 1) - logGamma(n + a + b) + logGamma(a + b) - logGamma(a) - logGamma(b);
  return (k) => Math.exp(front - logGamma(k + 1) - logGamma(n - k + 1) + logGamma(k + a) + logGamma(n - k + b));
}

/** The first k at which a pmf on 0..n reaches each quartile (1/4, 1/2, 3/4), with its CDF there. O(n). */
export function pmfQuartiles(pmf: (k: number) => number, n: number): Array<{ k: number; p: number }> {
  let cdf = 0;
  const quartiles: Array<{ k: number; p: number }> = [];
  for (let k = 0, q = 0; k <= n && q < 3; k++) {
    cdf += pmf(k);
    if (cdf >= (q + 1) / 4) quartiles.push({ k, p: cdf }), q++;
  }
  return quartiles;
}

/** Negative binomial with mean m and dispersion k (variance m + m^2 / k). */
export function negativeBinomialPmf(mean: number, dispersion: number): (x: number) => number {
  const k = dispersion;
  const lp = Math.log(k / (k + mean));
  const lq = Math.log(mean / (k + mean));
  return (x) => Math.exp(logGamma(x + k) - logGamma(k) - logGamma(x + 1) + k * lp + x * lq);
}

/**
 * Pearson's correlation of two equal-length samples, two-pass (written here, independently of
 * src/analysis/ranks.ts's `correlation`). Under independence its standard error is about 1 / sqrt(n).
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]! - mx;
    const b = y[i]! - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}
