import { fft, twiddles } from './fft.js';

/**
 * The discrete Fourier transform of a real sequence x of even length n, by one complex FFT of
 * length n / 2 (x's even and odd terms as its real and imaginary parts, then one pass that
 * separates them): half the work of a complex FFT of length n. Writes the transform's first
 * n / 2 + 1 bins, X[k] = sum_t x_t exp(-2 pi i k t / n) for k = 0..n/2, into re and im (the rest
 * are their conjugates, X[n - k] = conj(X[k])). `x` is left as it was.
 *
 * @param x - real input, length n a power of two >= 2.
 * @param re - output real parts, length >= n / 2 + 1; `im` likewise.
 * @param scratch - two arrays of length n / 2 (reused: no allocation per call).
 * @example realFft(Float64Array.of(1, 0, 0, 0), re, im, scratch) // re => [1, 1, 1], im => [0, 0, 0]
 * @remarks O(n log n), about half of `fft` of length n. Round-off as `fft` (about log2(n) x 1e-16
 *   times the input's sum of magnitudes).
 */
export function realFft(x: Float64Array, re: Float64Array, im: Float64Array, scratch: { re: Float64Array; im: Float64Array }): void {
  const n = x.length;
  const m = n >> 1;
  if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`realFft: length ${n} is not a power of two >= 2`);
  const zr = scratch.re.subarray(0, m);
  const zi = scratch.im.subarray(0, m);
  for (let t = 0; t < m; t++) {
    zr[t] = x[2 * t]!;
    zi[t] = x[2 * t + 1]!;
  }
  fft(zr, zi);
  const { cos, sin } = twiddles(n);
  for (let k = 0; k <= m; k++) {
    // Z[k] and conj(Z[m - k]) (indices mod m) give the transforms of the even and odd terms.
    const a = k % m;
    const b = (m - k) % m;
    const er = (zr[a]! + zr[b]!) / 2;
    const ei = (zi[a]! - zi[b]!) / 2;
    const or = (zi[a]! + zi[b]!) / 2;
    const oi = -(zr[a]! - zr[b]!) / 2;
    // W^k = exp(-2 pi i k / n); W^m = -1.
    const wr = k === m ? -1 : cos[k]!;
    const wi = k === m ? 0 : -sin[k]!;
    re[k] = er + wr * or - wi * oi;
    im[k] = ei + wr * oi + wi * or;
  }
}

/**
 * The inverse of `realFft`: the real sequence x of length n whose transform's first n / 2 + 1 bins
 * are re and im (a Hermitian spectrum, as a real sequence's transform and its powers are), divided
 * by n so that realFft then inverseRealFft is the identity. One complex inverse FFT of length n / 2.
 *
 * @param re - the bins' real parts, k = 0..n/2; `im` likewise (im[0] and im[n/2] are taken as 0).
 * @param x - output, length n a power of two >= 2.
 * @param scratch - two arrays of length n / 2.
 * @example inverseRealFft(Float64Array.of(1, 1, 1), new Float64Array(3), x, scratch) // x => [1, 0, 0, 0]
 * @remarks O(n log n).
 */
export function inverseRealFft(re: Float64Array, im: Float64Array, x: Float64Array, scratch: { re: Float64Array; im: Float64Array }): void {
  const n = x.length;
  const m = n >> 1;
  if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`inverseRealFft: length ${n} is not a power of two >= 2`);
  const zr = scratch.re.subarray(0, m);
  const zi = scratch.im.subarray(0, m);
  const { cos, sin } = twiddles(n);
  for (let k = 0; k < m; k++) {
    // E = (X[k] + conj(X[m - k])) / 2 and O = (X[k] - conj(X[m - k])) W^-k / 2; Z[k] = E + i O.
    const ar = re[k]!;
    const ai = k === 0 ? 0 : im[k]!;
    const br = re[m - k]!;
    const bi = k === 0 ? 0 : -im[m - k]!;
    const er = (ar + br) / 2;
    const ei = (ai + bi) / 2;
    const dr = (ar - br) / 2;
    const di = (ai - bi) / 2;
    // W^-k = exp(+2 pi i k / n).
    const wr = cos[k]!;
    const wi = sin[k]!;
    const or = dr * wr - di * wi;
    const oi = dr * wi + di * wr;
    zr[k] = er - oi;
    zi[k] = ei + or;
  }
  fft(zr, zi, true);
  for (let t = 0; t < m; t++) {
    x[2 * t] = zr[t]!;
    x[2 * t + 1] = zi[t]!;
  }
}
