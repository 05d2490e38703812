/**
 * In-place complex FFT of length n, a power of two (iterative radix-2 Cooley-Tukey, bit-reversed
 * input order): re + i im becomes its discrete Fourier transform sum_t x_t exp(-2 pi i s t / n), or
 * with `inverse` the inverse transform, divided by n so that fft then inverse fft is the identity.
 *
 * Two radix-2 stages are done in one pass over the data (each group of four points goes through both
 * stages' butterflies while held in registers), with each butterfly's arithmetic exactly that of the
 * plain radix-2 loop: the same products and sums in the same order, so the same bits, in half the
 * passes over memory.
 *
 * @example const re = Float64Array.of(1, 0, 0, 0), im = new Float64Array(4); fft(re, im); // re => [1, 1, 1, 1]
 * @remarks O(n log n) time, no allocation but one table of twiddles per length (cached). Round-off
 *   of each output is about log2(n) x 1e-16 times the input's sum of magnitudes.
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n || n === 0 || (n & (n - 1)) !== 0) throw new RangeError(`fft: length ${n} is not a power of two matching both arrays`);
  bitReverse(re, im, n);
  fftPermuted(re, im, inverse);
}

/**
 * `fft` of input already in bit-reversed order (what `bitReverse` leaves): the butterflies and, for the
 * inverse, the division by n. For a caller that writes its input straight into bit-reversed places.
 */
export function fftPermuted(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  const { cos, sin } = twiddles(n);
  const sign = inverse ? 1 : -1;
  // Stages of length 2, 4, ..., n; paired from the first, the last alone when their number is odd.
  let len = 2;
  for (; 2 * len <= n; len <<= 2) stagePair(re, im, cos, sin, sign, n, len);
  if (len <= n) stage(re, im, cos, sin, sign, n, len);
  if (inverse) scale(re, im, n);
}

/** The bit-reversal permutation of re and im (the same swaps on both). */
export function bitReverse(re: Float64Array, im: Float64Array, n: number): void {
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!;
      re[i] = re[j]!;
      re[j] = t;
      t = im[i]!;
      im[i] = im[j]!;
      im[j] = t;
    }
  }
}

/** One radix-2 stage of length `len`: butterflies (a, a + len / 2) with twiddle W^(k n / len). */
function stage(re: Float64Array, im: Float64Array, cos: Float64Array, sin: Float64Array, sign: number, n: number, len: number): void {
  const half = len >> 1;
  const step = n / len;
  for (let start = 0; start < n; start += len) {
    for (let k = 0; k < half; k++) {
      const wr = cos[k * step]!;
      const wi = sign * sin[k * step]!;
      const a = start + k;
      const b = a + half;
      const xr = re[b]! * wr - im[b]! * wi;
      const xi = re[b]! * wi + im[b]! * wr;
      re[b] = re[a]! - xr;
      im[b] = im[a]! - xi;
      re[a] = re[a]! + xr;
      im[a] = im[a]! + xi;
    }
  }
}

/**
 * The radix-2 stages of lengths `len` and 2 len in one pass. Points p0 = start + k, p1 = p0 + len / 2,
 * p2 = p0 + len, p3 = p2 + len / 2 (k < len / 2) meet only each other in both stages: the first pairs
 * (p0, p1) and (p2, p3), both with twiddle W^(k n / len); the second (p0, p2) with W^(k n / 2len) and
 * (p1, p3) with W^((k + len / 2) n / 2len). Each butterfly is `stage`'s, operation for operation.
 */
function stagePair(re: Float64Array, im: Float64Array, cos: Float64Array, sin: Float64Array, sign: number, n: number, len: number): void {
  const half = len >> 1;
  const step = n / len;
  const step2 = step >> 1;
  const span = 2 * len;
  for (let start = 0; start < n; start += span) {
    for (let k = 0; k < half; k++) {
      const p0 = start + k;
      const p1 = p0 + half;
      const p2 = p0 + len;
      const p3 = p2 + half;
      let r0 = re[p0]!;
      let i0 = im[p0]!;
      let r1 = re[p1]!;
      let i1 = im[p1]!;
      let r2 = re[p2]!;
      let i2 = im[p2]!;
      let r3 = re[p3]!;
      let i3 = im[p3]!;
      // Stage len: (p0, p1) and (p2, p3).
      const wr = cos[k * step]!;
      const wi = sign * sin[k * step]!;
      let xr = r1 * wr - i1 * wi;
      let xi = r1 * wi + i1 * wr;
      r1 = r0 - xr;
      i1 = i0 - xi;
      r0 = r0 + xr;
      i0 = i0 + xi;
      xr = r3 * wr - i3 * wi;
      xi = r3 * wi + i3 * wr;
      r3 = r2 - xr;
      i3 = i2 - xi;
      r2 = r2 + xr;
      i2 = i2 + xi;
      // Stage 2 len: (p0, p2) and (p1, p3).
      const ar = cos[k * step2]!;
      const ai = sign * sin[k * step2]!;
      xr = r2 * ar - i2 * ai;
      xi = r2 * ai + i2 * ar;
      re[p2] = r0 - xr;
      im[p2] = i0 - xi;
      re[p0] = r0 + xr;
      im[p0] = i0 + xi;
      const br = cos[(k + half) * step2]!;
      const bi = sign * sin[(k + half) * step2]!;
      xr = r3 * br - i3 * bi;
      xi = r3 * bi + i3 * br;
      re[p3] = r1 - xr;
      im[p3] = i1 - xi;
      re[p1] = r1 + xr;
      im[p1] = i1 + xi;
    }
  }
}

/** The inverse transform's division by n. */
function scale(re: Float64Array, im: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    re[i] = re[i]! / n;
    im[i] = im[i]! / n;
  }
}

const TWIDDLES = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** cos and sin of 2 pi t / n for t < n / 2, computed directly (not by recurrence, which drifts). */
export function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  let t = TWIDDLES.get(n);
  if (!t) {
    const cos = new Float64Array(n >> 1);
    const sin = new Float64Array(n >> 1);
    fillTwiddles(cos, sin, n);
    t = { cos, sin };
    TWIDDLES.set(n, t);
  }
  return t;
}

function fillTwiddles(cos: Float64Array, sin: Float64Array, n: number): void {
  for (let i = 0; i < n >> 1; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = Math.sin((2 * Math.PI * i) / n);
  }
}
