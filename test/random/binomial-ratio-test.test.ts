import { describe, expect, it } from 'vitest';
import { Binomial, RATIO_MARGIN, RATIO_MAX_D, RATIO_MAX_N } from '../../src/random/binomial.js';
import { stirlingTail } from '../../src/random/log-factorial.js';
import { createStream, type RandomSource } from '../../src/random/source.js';

/**
 * BTRS as it was before its acceptance test could be decided by a product of probability ratios:
 * every attempt that leaves the squeeze is decided by the logs (Hörmann 1993, as binomial.ts wrote
 * it). Plain and slow; for n p >= 10 with the symmetry p > 1/2 -> n - B(n, 1 - p).
 */
function referenceBtrs(source: RandomSource, n: number, p: number): number {
  const flip = p > 0.5;
  const e = flip ? 1 - p : p;
  const ratio = e / (1 - e);
  const spq = Math.sqrt(n * e * (1 - e));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * e;
  const c = n * e + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * e);
  const base = stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = source() - 0.5;
    const v = source();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return flip ? n - k : k;
    if (k < 0 || k > n) continue;
    const lhs = Math.log((v * alpha) / (a / (us * us) + b));
    const d = k - m;
    const lk = Math.log((ratio * (n - k + 1)) / (k + 1));
    const rhs =
      base +
      d * lk +
      (m + 0.5) * (Math.log1p(-d / (n - m + 1)) + Math.log1p(-d / (k + 1))) +
      (n + 1) * Math.log1p(d / (n - k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (lhs <= rhs) return flip ? n - k : k;
  }
}

/** A source that returns `first` in order, then the stream's uniforms. */
function prefixed(first: number[], seed: string): RandomSource {
  const rest = createStream(seed);
  let i = 0;
  return () => (i < first.length ? first[i++]! : rest());
}

/** f(m + d) / f(m) for Binomial(n, e), m its mode, as the product of d successive ratios (binomial.ts's way). */
function productOfRatios(n: number, e: number, d: number): number {
  const ratio = e / (1 - e);
  const m = Math.floor((n + 1) * e);
  const k = m + d;
  let f = 1;
  if (d > 0) for (let j = m; j < k; j++) f *= (ratio * (n - j)) / (j + 1);
  else for (let j = k; j < m; j++) f *= (j + 1) / (ratio * (n - j));
  return f;
}

/**
 * The logs' side of BTRS's test (the reference's rhs) less the log of the product of ratios, at
 * k = m + d of Binomial(n, e) inside the product's domain (n e >= 10, e <= 1/2, n <= RATIO_MAX_N, k in
 * 0..n); its absolute value unless `signed`; undefined outside the domain.
 */
function logsAgainstProduct(n: number, e: number, d: number, signed = false): number | undefined {
  const m = Math.floor((n + 1) * e);
  const k = m + d;
  if (n * e < 10 || e > 0.5 || n > RATIO_MAX_N || k < 0 || k > n) return undefined;
  const ratio = e / (1 - e);
  const rhs =
    stirlingTail(m) +
    stirlingTail(n - m) +
    d * Math.log((ratio * (n - k + 1)) / (k + 1)) +
    (m + 0.5) * (Math.log1p(-d / (n - m + 1)) + Math.log1p(-d / (k + 1))) +
    (n + 1) * Math.log1p(d / (n - k + 1)) -
    stirlingTail(k) -
    stirlingTail(n - k);
  const gap = rhs - Math.log(productOfRatios(n, e, d));
  return signed ? gap : Math.abs(gap);
}

/**
 * The two uniforms of a BTRS attempt of Binomial(n, e) (e <= 1/2) that lands on k above the mode's
 * side of the centre with x = v alpha / (a / us^2 + b) as given, outside the squeeze (us below 0.07 or v above vr);
 * undefined when no such attempt exists (v would not be a uniform).
 */
function attemptAt(n: number, e: number, k: number, x: number): [number, number] | undefined {
  const spq = Math.sqrt(n * e * (1 - e));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * e;
  const c = n * e + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const want = k + 0.5 - c;
  let lo = 0;
  let hi = 0.5 - 1e-12;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (((2 * a) / (0.5 - mid) + b) * mid < Math.abs(want)) lo = mid;
    else hi = mid;
  }
  const u = (want >= 0 ? 1 : -1) * 0.5 * (lo + hi);
  const us = 0.5 - Math.abs(u);
  if (Math.floor(((2 * a) / us + b) * u + c) !== k) return undefined;
  const v = (x * (a / (us * us) + b)) / alpha;
  if (!(v > 0 && v < 1) || (us >= 0.07 && v <= 0.92 - 4.2 / b)) return undefined;
  return [u + 0.5, v];
}

let scanned: Array<{ n: number; e: number; d: number; gap: number }> | undefined;
/**
 * Every (n, e, d) of the product's domain with n from 20 to 200, e with (n + 1) e at an integer up to 40
 * (and a rounding either side), |d| up to RATIO_MAX_D, whose signed departure (logsAgainstProduct)
 * exceeds 1e-14; computed once for the tests that read it.
 */
function smallNScan(): Array<{ n: number; e: number; d: number; gap: number }> {
  if (scanned) return scanned;
  scanned = [];
  for (let n = 20; n <= 200; n++)
    for (let mm = Math.ceil((10 * (n + 1)) / n); mm <= Math.min(40, (n + 1) / 2); mm++)
      for (const e of [mm / (n + 1), (mm / (n + 1)) * (1 - 1e-15), (mm / (n + 1)) * (1 + 1e-15)])
        for (let d = -RATIO_MAX_D; d <= RATIO_MAX_D; d++) {
          const gap = logsAgainstProduct(n, e, d, true);
          if (gap !== undefined && Math.abs(gap) > 1e-14) scanned.push({ n, e, d, gap });
        }
  return scanned;
}

describe('binomial BTRS: the ratio test decides as the logs do', () => {
  it.each([
    [25, 0.4],
    [40, 0.3],
    [125, 0.14],
    [100, 0.25],
    [2000, 0.03],
    [70, 0.5],
    [60, 0.75],
    [1000, 0.5],
    [5000, 0.2],
    [1e6, 0.3],
    [2 ** 31 + 7, 0.01], // beyond the ratio test's n: the logs alone
  ])('Binomial(%d, %d): the same draws and uniforms as the reference', (n, p) => {
    // Small n p leaves the squeeze on about half of its attempts; large n p often has |k - m| > RATIO_MAX_D.
    const fast = createStream(`test/binomial-ratio/${n}/${p}`);
    const slow = createStream(`test/binomial-ratio/${n}/${p}`);
    const b = new Binomial(fast);
    b.setP(p);
    for (let i = 0; i < 1500; i++) expect(b.draw(n)).toBe(referenceBtrs(slow, n, p));
    // Both consumed the same uniforms: the streams are at the same point.
    expect(fast()).toBe(slow());
  });

  it("the margin is at least 1,000 times the logs' worst departure from the product, wherever the product is used", () => {
    // The logs' side, log(f(k) / f(m)) as BTRS writes it, departs from the exact value by rounding; the
    // product of ratios is within 3 |d| roundings (2e-14) of it. Over a random spread of (n, p, d) in
    // the product's domain and every small n at p with (n + 1) p at an integer (where the departure is
    // largest: 3.7e-13 at n = 122, d = 64 in the spd18 review's scan), the worst departure must leave the
    // margin a factor of 1,000: a margin of 1e-13 or 1e-14 fails here.
    const stream = createStream('test/binomial-ratio/bound');
    let worst = 0;
    const measure = (n: number, e: number, d: number): void => {
      const gap = logsAgainstProduct(n, e, d);
      if (gap !== undefined) worst = Math.max(worst, gap);
    };
    for (let t = 0; t < 20_000; t++) {
      const n = Math.floor(Math.exp(stream() * Math.log(RATIO_MAX_N - 20))) + 20;
      const e = Math.exp(Math.log(10 / n) + stream() * (Math.log(0.5) - Math.log(10 / n)));
      measure(n, e, Math.round((2 * stream() - 1) * RATIO_MAX_D));
    }
    for (const { gap } of smallNScan()) worst = Math.max(worst, Math.abs(gap));
    // The scan reaches the rounding it is meant to see (a departure of at least 1e-14)...
    expect(worst).toBeGreaterThan(1e-14);
    // ...and the margin covers it 1,000 times over.
    expect(worst * 1000).toBeLessThan(RATIO_MARGIN);
  });

  it('an attempt between the two sides at the largest departures is decided as the logs decide', () => {
    // The attempts where the logs and the product disagree: x strictly between exp(logs' side) and the
    // product, at the (n, p, k) of the largest departures in the small-n scan. Only the margin sends
    // them to the logs: with a margin of 0 the product decides and the draw differs from the reference's.
    const cases = [...smallNScan()].sort((x, y) => Math.abs(y.gap) - Math.abs(x.gap));
    let decided = 0;
    for (const { n, e, d, gap } of cases.slice(0, 150)) {
      const m = Math.floor((n + 1) * e);
      // x at the middle of the two sides: log x = log f + gap / 2 (gap = logs' side - log f).
      const attempt = attemptAt(n, e, m + d, Math.exp(gap / 2) * productOfRatios(n, e, d));
      if (!attempt) continue;
      const seed = `test/binomial-ratio/gap/${n}/${e}/${d}`;
      const sampler = new Binomial(prefixed(attempt, seed));
      sampler.setP(e);
      expect(sampler.draw(n)).toBe(referenceBtrs(prefixed(attempt, seed), n, e));
      decided++;
    }
    expect(decided).toBeGreaterThan(20);
  });

  it('attempts whose two sides are within and just outside the margin are decided as the logs decide', () => {
    // An attempt that leaves the squeeze (v above vr) at k = m + d, with v set so that the test's two
    // sides x and f(k) / f(m) are equal up to a relative offset: offsets inside the margin (1e-9) go
    // to the logs, those outside are decided by the product; each must give the reference's draw.
    const cases: Array<[number, number]> = [
      [40, 0.3],
      [125, 0.14],
      [2000, 0.03],
    ];
    let decided = 0;
    for (const [n, p] of cases) {
      const e = p;
      const ratio = e / (1 - e);
      const spq = Math.sqrt(n * e * (1 - e));
      const b = 1.15 + 2.53 * spq;
      const a = -0.0873 + 0.0248 * b + 0.01 * e;
      const c = n * e + 0.5;
      const alpha = (2.83 + 5.1 / b) * spq;
      const m = Math.floor((n + 1) * e);
      for (const target of [-3, -1, 1, 2, 4]) {
        // u such that k = m + target: solve ((2a / us + b) u + c) = k + 0.5 for u > 0 (us = 0.5 - u).
        const want = m + target + 0.5 - c;
        let lo = 0;
        let hi = 0.5 - 1e-9;
        for (let it = 0; it < 200; it++) {
          const mid = 0.5 * (lo + hi);
          const val = ((2 * a) / (0.5 - Math.abs(mid)) + b) * mid;
          if (val < Math.abs(want)) lo = mid;
          else hi = mid;
        }
        const u = (want >= 0 ? 1 : -1) * 0.5 * (lo + hi);
        const us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + c);
        const d = k - m;
        let f = 1;
        if (d > 0) for (let j = m; j < k; j++) f *= (ratio * (n - j)) / (j + 1);
        else for (let j = k; j < m; j++) f *= (j + 1) / (ratio * (n - j));
        for (const offset of [0, 1e-15, -1e-15, 1e-12, -1e-12, 3e-9, -3e-9, 1e-6, -1e-6]) {
          const v = (f * (1 + offset) * (a / (us * us) + b)) / alpha;
          if (!(v > 0.92 - 4.2 / b && v < 1)) continue;
          const sampler = new Binomial(prefixed([u + 0.5, v], `test/binomial-ratio/edge/${n}/${target}/${offset}`));
          sampler.setP(p);
          const slow = prefixed([u + 0.5, v], `test/binomial-ratio/edge/${n}/${target}/${offset}`);
          expect(sampler.draw(n)).toBe(referenceBtrs(slow, n, p));
          decided++;
        }
      }
    }
    // The crafted attempts were reached (v above the squeeze's vr and below 1) for most cases.
    expect(decided).toBeGreaterThan(100);
  });
});
