/**
 * The butterflies of src/math/fft.ts as they were before its twiddles were laid out pass by pass
 * (the twenty-second session): each twiddle read from the cos and sin tables at a stride and its
 * sign applied at each butterfly. Kept as the reference the faster layout must equal bit for bit
 * (test/math/fft-stage-twiddles.test.ts): every aggregate table is made by these transforms, and
 * the tables must not change by one bit.
 */
export function referenceFftPermuted(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  const { cos, sin } = twiddles(n);
  const sign = inverse ? 1 : -1;
  // Stages of length 2, 4, ..., n; paired from the first, the last alone when their number is odd.
  let len = 2;
  for (; 2 * len <= n; len <<= 2) stagePair(re, im, cos, sin, sign, n, len);
  if (len <= n) stage(re, im, cos, sin, sign, n, len);
  if (inverse) scale(re, im, n);
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

const REFERENCE_TWIDDLES = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** cos and sin of 2 pi t / n for t < n / 2, computed directly (not by recurrence, which drifts). */
function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  let t = REFERENCE_TWIDDLES.get(n);
  if (!t) {
    const cos = new Float64Array(n >> 1);
    const sin = new Float64Array(n >> 1);
    fillTwiddles(cos, sin, n);
    t = { cos, sin };
    REFERENCE_TWIDDLES.set(n, t);
  }
  return t;
}

function fillTwiddles(cos: Float64Array, sin: Float64Array, n: number): void {
  for (let i = 0; i < n >> 1; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = Math.sin((2 * Math.PI * i) / n);
  }
}
