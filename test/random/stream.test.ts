import { describe, expect, it } from 'vitest';
import { createStream, streamSeed, uint32Reader } from '../../src/random/source.js';
import { expectKs, expectMeanWithin, expectVarianceWithin, expectSupport, pearson as correlation } from '../helpers/stats.js';

/**
 * The seeded stream (sfc32 keyed from the seed string through seedrandom's Alea): uniformity of
 * its output, the object interface agreeing with the call interface, and independence between
 * streams whose seed strings are neighbours (the next chunk, the next tier, the next driver).
 *
 * Tolerances: a Pearson correlation of n independent pairs of uniforms has standard error
 * 1 / sqrt(n) (to O(1/n)), so |r| <= 4.5 / sqrt(n) is a test of level 6.8e-6 per pair; with the
 * pairs below the whole file raises a false alarm with probability below 1e-3. The seeds are fixed,
 * so the test is deterministic; the level says how unlikely a pass is for correlated streams of
 * the size that would matter (|rho| >= 0.02 is detected with power above 0.999 at n = 100,000).
 */
const N = 100_000;
const Z = 4.5;

function draws(seed: string, n = N): Float64Array {
  return createStream(seed).fill(new Float64Array(n));
}

describe('seeded stream (sfc32, Alea-derived keys)', () => {
  it('is uniform on [0, 1) on the 2^-32 grid: mean, variance, KS (Stephens), support', () => {
    for (const seed of ['7/0/SMB/leads', '7/0/market', 'test/stream/uniform']) {
      const xs = draws(seed);
      expectMeanWithin(xs, 0.5, Math.sqrt(1 / 12));
      expectVarianceWithin(xs, 1 / 12, 1 / 80);
      expectKs(xs, (x) => Math.min(1, Math.max(0, x)));
      expectSupport(xs, 0, 1, { upperOpen: true });
      for (let i = 0; i < 1000; i++) expect(Number.isInteger(xs[i]! * 4294967296)).toBe(true);
    }
  });

  it('low bits are uniform too: the 7 low bits (the ziggurat layer) have 128 equally likely values (chi-square)', () => {
    const u = createStream('test/stream/low-bits');
    const counts = new Float64Array(128);
    for (let i = 0; i < N; i++) counts[u.nextUint32() & 0x7f]! += 1;
    const e = N / 128;
    let chi2 = 0;
    for (const c of counts) chi2 += ((c - e) * (c - e)) / e;
    // 127 degrees of freedom: mean 127, sd sqrt(254); 127 + 4.5 sd = 198.7.
    expect(chi2).toBeLessThan(127 + Z * Math.sqrt(254));
  });

  it('next, nextUint32, fill and calling the stream read the same sequence', () => {
    const seed = 'test/stream/interfaces';
    const a = createStream(seed);
    const ref = Array.from({ length: 700 }, () => a());
    const b = createStream(seed);
    const mixed: number[] = [];
    for (let i = 0; i < 100; i++) mixed.push(b.next());
    for (let i = 0; i < 100; i++) mixed.push(b.nextUint32() / 4294967296);
    mixed.push(...b.fill(new Float64Array(300)));
    for (let i = 0; i < 200; i++) mixed.push(b());
    expect(mixed).toEqual(ref);
    const c = createStream(seed);
    const read = uint32Reader(c);
    expect(Array.from({ length: 10 }, read)).toEqual(ref.slice(0, 10).map((x) => x * 4294967296));
    // A plain function source is read as floor(U x 2^32).
    const plain = uint32Reader(() => 0.5);
    expect(plain()).toBe(2147483648);
  });

  it('fill of any length from any point reads the sequence next() reads, and leaves the stream where n draws would', () => {
    const seed = 'test/stream/fill';
    for (const before of [0, 1, 255, 256, 300])
      for (const n of [0, 1, 255, 256, 257, 1000, 5000]) {
        const ref = createStream(seed);
        const expected = Array.from({ length: before + n + 300 }, () => ref.next());
        const s = createStream(seed);
        for (let i = 0; i < before; i++) s.next();
        const filled = s.fill(new Float64Array(n));
        expect(Array.from(filled), `${before} then ${n}`).toEqual(expected.slice(before, before + n));
        const saved = s.state();
        const after = Array.from({ length: 300 }, () => s.next());
        expect(after, `after ${before} then ${n}`).toEqual(expected.slice(before + n));
        const replayed = createStream(seed, saved);
        expect(Array.from({ length: 300 }, () => replayed.next()), `replayed after ${before} then ${n}`).toEqual(after);
      }
  });

  it('replays from a saved state at any point, across block boundaries', () => {
    for (const before of [0, 1, 255, 256, 257, 1000]) {
      const s = createStream('test/stream/replay');
      for (let i = 0; i < before; i++) s();
      const saved = s.state();
      const original = Array.from({ length: 600 }, () => s());
      const restored = createStream('test/stream/replay', saved);
      expect(Array.from({ length: 600 }, () => restored())).toEqual(original);
      expect(restored.state()).toEqual(s.state());
    }
  });

  it('streams with neighbouring seed strings are uncorrelated: next chunk, next tier, next driver, next seed', () => {
    const pairs: [string, string][] = [
      [streamSeed(7, 0, 'SMB', 'leads'), streamSeed(7, 1, 'SMB', 'leads')],
      [streamSeed(7, 0, 'SMB', 'leads'), streamSeed(8, 0, 'SMB', 'leads')],
      [streamSeed(7, 0, 'SMB', 'leads'), streamSeed(7, 0, 'SMB', 'deals')],
      [streamSeed(7, 0, 'SMB', 'leads'), streamSeed(7, 0, 'Mid-market', 'leads')],
      [streamSeed(7, 0, 'market'), streamSeed(7, 1, 'market')],
      ['a', 'b'],
      ['', ' '],
    ];
    for (const [s1, s2] of pairs) {
      const x = draws(s1);
      const y = draws(s2);
      const r = correlation(x, y);
      expect(Math.abs(r), `${s1} vs ${s2}: r = ${r}`).toBeLessThan(Z / Math.sqrt(N));
      // Shifted by one draw too (a stream one step ahead of its neighbour).
      const r1 = correlation(x.subarray(1), y.subarray(0, N - 1));
      expect(Math.abs(r1), `${s1} vs ${s2} (lag 1): r = ${r1}`).toBeLessThan(Z / Math.sqrt(N - 1));
    }
  });

  it('chunk k against chunk k + 1 for 64 chunks: the correlations behave like independent N(0, 1/n) (chi-square of n r^2)', () => {
    const n = 20_000;
    let prev = draws(streamSeed(7, 0, 'SMB', 'acv'), n);
    let chi2 = 0;
    for (let k = 1; k <= 64; k++) {
      const next = draws(streamSeed(7, k, 'SMB', 'acv'), n);
      const r = correlation(prev, next);
      expect(Math.abs(r)).toBeLessThan(Z / Math.sqrt(n));
      chi2 += n * r * r;
      prev = next;
    }
    // Sum of 64 squares of (about) independent N(0, 1): chi-square with 64 df, mean 64, sd sqrt(128).
    expect(chi2).toBeLessThan(64 + Z * Math.sqrt(128));
    expect(chi2).toBeGreaterThan(64 - Z * Math.sqrt(128));
  });

  it('within a stream, consecutive draws are uncorrelated (lags 1, 2, 3, 256)', () => {
    const x = draws('test/stream/serial', N + 256);
    for (const lag of [1, 2, 3, 256]) {
      const r = correlation(x.subarray(0, N), x.subarray(lag, N + lag));
      expect(Math.abs(r), `lag ${lag}: r = ${r}`).toBeLessThan(Z / Math.sqrt(N));
    }
  });
});
