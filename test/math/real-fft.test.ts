import { describe, expect, it } from 'vitest';
import { fft } from '../../src/math/fft.js';
import { inverseRealFft, realFft } from '../../src/math/real-fft.js';
import { createStream } from '../../src/random/source.js';

const scratchOf = (n: number) => ({ re: new Float64Array(n / 2), im: new Float64Array(n / 2) });
const randomReal = (n: number, seed: string) => {
  const u = createStream(seed);
  return Float64Array.from({ length: n }, () => u() - 0.3);
};
/** Round-off allowance: log2(n) x 1e-15 of the input's sum of magnitudes (fft's stated bound, with room). */
const allowance = (x: Float64Array) => Math.log2(x.length) * 1e-15 * x.reduce((s, v) => s + Math.abs(v), 0);

describe('realFft and inverseRealFft', () => {
  it('worked example: an impulse transforms to ones and back', () => {
    const re = new Float64Array(3);
    const im = new Float64Array(3);
    realFft(Float64Array.of(1, 0, 0, 0), re, im, scratchOf(4));
    expect(Array.from(re)).toEqual([1, 1, 1]);
    expect(Array.from(im).map(Math.abs)).toEqual([0, 0, 0]);
    const x = new Float64Array(4);
    inverseRealFft(re, im, x, scratchOf(4));
    expect(Array.from(x)).toEqual([1, 0, 0, 0]);
  });

  it('worked example: x = [1, 2, 3, 4] gives X = [10, -2 + 2i, -2]', () => {
    const re = new Float64Array(3);
    const im = new Float64Array(3);
    realFft(Float64Array.of(1, 2, 3, 4), re, im, scratchOf(4));
    expect(Array.from(re)).toEqual([10, -2, -2]);
    expect(im[1]).toBe(2);
    expect(Math.abs(im[0]!) + Math.abs(im[2]!)).toBe(0);
  });

  for (const n of [2, 8, 64, 1 << 15])
    it(`n = ${n}: the first n/2 + 1 bins of the complex FFT, and back to x`, () => {
      const x = randomReal(n, `real-fft-${n}`);
      const cr = Float64Array.from(x);
      const ci = new Float64Array(n);
      fft(cr, ci);
      const re = new Float64Array(n / 2 + 1);
      const im = new Float64Array(n / 2 + 1);
      const scratch = scratchOf(n);
      realFft(x, re, im, scratch);
      const tol = allowance(x);
      for (let k = 0; k <= n / 2; k++) {
        expect(Math.abs(re[k]! - cr[k]!), `re ${k}`).toBeLessThanOrEqual(tol);
        expect(Math.abs(im[k]! - ci[k]!), `im ${k}`).toBeLessThanOrEqual(tol);
      }
      const back = new Float64Array(n);
      inverseRealFft(re, im, back, scratch);
      for (let t = 0; t < n; t++) expect(Math.abs(back[t]! - x[t]!), `x ${t}`).toBeLessThanOrEqual(tol);
    });

  it('a product of spectra is the circular convolution (summed directly)', () => {
    const n = 32;
    const a = randomReal(n, 'conv-a');
    const b = randomReal(n, 'conv-b');
    const scratch = scratchOf(n);
    const [ar, ai, br, bi] = [0, 0, 0, 0].map(() => new Float64Array(n / 2 + 1)) as [Float64Array, Float64Array, Float64Array, Float64Array];
    realFft(a, ar, ai, scratch);
    realFft(b, br, bi, scratch);
    for (let k = 0; k <= n / 2; k++) {
      const r = ar[k]! * br[k]! - ai[k]! * bi[k]!;
      ai[k] = ar[k]! * bi[k]! + ai[k]! * br[k]!;
      ar[k] = r;
    }
    const c = new Float64Array(n);
    inverseRealFft(ar, ai, c, scratch);
    for (let t = 0; t < n; t++) {
      let direct = 0;
      for (let s = 0; s < n; s++) direct += a[s]! * b[(t - s + n) % n]!;
      expect(Math.abs(c[t]! - direct), `c ${t}`).toBeLessThanOrEqual(1e-13);
    }
  });

  it('refuses a length that is not a power of two', () => {
    expect(() => realFft(new Float64Array(6), new Float64Array(4), new Float64Array(4), scratchOf(6))).toThrow(RangeError);
    expect(() => inverseRealFft(new Float64Array(2), new Float64Array(2), new Float64Array(1), scratchOf(2))).toThrow(RangeError);
  });
});
