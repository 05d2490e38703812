import { describe, expect, it } from 'vitest';
import { Binomial } from '../../src/random/binomial.js';
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
    // Small n p leaves the squeeze on about half of its attempts; large n p often has |k - m| > 64.
    const fast = createStream(`test/binomial-ratio/${n}/${p}`);
    const slow = createStream(`test/binomial-ratio/${n}/${p}`);
    const b = new Binomial(fast);
    b.setP(p);
    for (let i = 0; i < 1500; i++) expect(b.draw(n)).toBe(referenceBtrs(slow, n, p));
    // Both consumed the same uniforms: the streams are at the same point.
    expect(fast()).toBe(slow());
  });

  it("the logs' side of the test and the product's agree far inside the margin (1e-9) wherever the product is used", () => {
    // |k - m| <= 64 and n <= 2^31, n p >= 10, p <= 1/2 (binomial.ts's RATIO_MAX_D and RATIO_MAX_N): the
    // reference's log(f(k) / f(m)) against the log of the product of ratios. Measured worst: 8.5e-14.
    const stream = createStream('test/binomial-ratio/bound');
    let worst = 0;
    for (let t = 0; t < 20_000; t++) {
      const n = Math.floor(Math.exp(stream() * Math.log(2 ** 31 - 20))) + 20;
      const e = Math.exp(Math.log(10 / n) + stream() * (Math.log(0.5) - Math.log(10 / n)));
      const ratio = e / (1 - e);
      const m = Math.floor((n + 1) * e);
      const d = Math.round((2 * stream() - 1) * 64);
      const k = m + d;
      if (n * e < 10 || k < 0 || k > n) continue;
      const lk = Math.log((ratio * (n - k + 1)) / (k + 1));
      const rhs =
        stirlingTail(m) +
        stirlingTail(n - m) +
        d * lk +
        (m + 0.5) * (Math.log1p(-d / (n - m + 1)) + Math.log1p(-d / (k + 1))) +
        (n + 1) * Math.log1p(d / (n - k + 1)) -
        stirlingTail(k) -
        stirlingTail(n - k);
      let f = 1;
      if (d > 0) for (let j = m; j < k; j++) f *= (ratio * (n - j)) / (j + 1);
      else for (let j = k; j < m; j++) f *= (j + 1) / (ratio * (n - j));
      worst = Math.max(worst, Math.abs(rhs - Math.log(f)));
    }
    expect(worst).toBeLessThan(1e-11);
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
