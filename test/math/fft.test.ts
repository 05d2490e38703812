import { describe, expect, it } from 'vitest';
import { fft } from '../../src/math/fft.js';
import { createStream } from '../../src/random/source.js';

const randomVector = (n: number, seed: string) => {
  const u = createStream(seed);
  return Float64Array.from({ length: n }, () => u() - 0.3);
};

/** The transform summed term by term: sum_t x_t exp(-+2 pi i s t / n), divided by n for the inverse. */
function directDft(re: Float64Array, im: Float64Array, inverse: boolean): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  const sign = inverse ? 1 : -1;
  for (let s = 0; s < n; s++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      // (s t) mod n keeps the angle in [0, 2 pi): accurate cos and sin.
      const angle = (2 * Math.PI * ((s * t) % n)) / n;
      const c = Math.cos(angle);
      const w = sign * Math.sin(angle);
      sr += re[t]! * c - im[t]! * w;
      si += re[t]! * w + im[t]! * c;
    }
    outRe[s] = inverse ? sr / n : sr;
    outIm[s] = inverse ? si / n : si;
  }
  return [outRe, outIm];
}

describe('fft', () => {
  it('worked example: an impulse transforms to ones', () => {
    const re = Float64Array.of(1, 0, 0, 0);
    const im = new Float64Array(4);
    fft(re, im);
    expect(Array.from(re)).toEqual([1, 1, 1, 1]);
    expect(Array.from(im).map(Math.abs)).toEqual([0, 0, 0, 0]);
  });

  // Lengths with an odd number of radix-2 stages (2, 8, 32, 512: the last stage alone) and an even one
  // (4, 16, 64, 1024: stages in pairs), both directions.
  for (const n of [1, 2, 4, 8, 16, 32, 64, 512, 1024])
    for (const inverse of [false, true])
      it(`n = ${n}${inverse ? ', inverse' : ''}: the transform summed directly`, () => {
        const re = randomVector(n, `fft-re-${n}`);
        const im = randomVector(n, `fft-im-${n}`);
        const [wantRe, wantIm] = directDft(re, im, inverse);
        let magnitude = 0;
        for (let t = 0; t < n; t++) magnitude += Math.abs(re[t]!) + Math.abs(im[t]!);
        fft(re, im, inverse);
        // fft's stated round-off, log2(n) x 1e-16 of the input's sum of magnitudes (divided by n for
        // the inverse), plus the direct sum's own (n terms, each within about 1e-16 of it), with a
        // factor 10 of room: at most 2e-13 here, where a wrong twiddle or pairing moves outputs by 0.01 or more.
        const tol = (10 * (Math.log2(n) + n) * 1e-16 * magnitude) / (inverse ? n : 1);
        const bad: string[] = [];
        for (let s = 0; s < n; s++) {
          if (!(Math.abs(re[s]! - wantRe[s]!) <= tol)) bad.push(`re ${s}: ${re[s]} vs ${wantRe[s]}`);
          if (!(Math.abs(im[s]! - wantIm[s]!) <= tol)) bad.push(`im ${s}: ${im[s]} vs ${wantIm[s]}`);
        }
        expect(bad).toEqual([]);
      });

  it('refuses a length that is not a power of two, or arrays of different lengths', () => {
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(RangeError);
    expect(() => fft(new Float64Array(4), new Float64Array(8))).toThrow(RangeError);
    expect(() => fft(new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
  });
});
