import { fftPermuted, twiddles } from './fft.js';

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
  // The even terms into zr, the odd into zi, each straight into its bit-reversed place (fft's first step).
  packReversed(x, zr, zi, m);
  fftPermuted(zr, zi, false);
  separate(zr, zi, re, im, n);
}

/** zr[rev(t)] = x[2t], zi[rev(t)] = x[2t + 1], rev reversing the bits of t < m (m a power of two). */
function packReversed(x: Float64Array, zr: Float64Array, zi: Float64Array, m: number): void {
  for (let t = 0, j = 0; t < m; t++) {
    zr[j] = x[2 * t]!;
    zi[j] = x[2 * t + 1]!;
    // j = rev(t + 1): a bit-reversed increment.
    let bit = m >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
  }
}

/** From Z, the half-length transform of (even, odd) terms, the first n / 2 + 1 bins of x's transform. */
function separate(zr: Float64Array, zi: Float64Array, re: Float64Array, im: Float64Array, n: number): void {
  const m = n >> 1;
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
  combine(re, im, zr, zi, n);
  fftPermuted(zr, zi, true);
  unpack(zr, zi, x, m);
}

/**
 * Z, the half-length transform whose inverse interleaves x's even and odd terms, from x's bins,
 * each Z[k] written straight into its bit-reversed place rev(k) (fft's first step).
 */
function combine(re: Float64Array, im: Float64Array, zr: Float64Array, zi: Float64Array, n: number): void {
  const m = n >> 1;
  const { cos, sin } = twiddles(n);
  for (let k = 0, j = 0; k < m; k++) {
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
    zr[j] = er - oi;
    zi[j] = ei + or;
    // j = rev(k + 1): a bit-reversed increment.
    let bit = m >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
  }
}

/** x's even terms from zr, its odd from zi. */
function unpack(zr: Float64Array, zi: Float64Array, x: Float64Array, m: number): void {
  for (let t = 0; t < m; t++) {
    x[2 * t] = zr[t]!;
    x[2 * t + 1] = zi[t]!;
  }
}
