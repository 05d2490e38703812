import { badParameter, checkSource, FINITE, FINITE_NON_NEGATIVE } from './parameter-error.js';
import { uint32Filler, uint32Reader, type RandomSource } from './source.js';

/** Layers of the ziggurat, its right edge R and the area V of each layer (Doornik 2005, table 1). */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const TWO_NEG_24 = 1 / 16777216;

/** x[i]: right edge of layer i (x[0] = V / f(R) for the base strip, x[LAYERS] = 0); ratio[i] = x[i+1] / x[i]. */
const { x: EDGE, ratio: RATIO } = (() => {
  const x = new Float64Array(LAYERS + 1);
  let f = Math.exp(-0.5 * R * R);
  x[0] = V / f;
  x[1] = R;
  x[LAYERS] = 0;
  for (let i = 2; i < LAYERS; i++) {
    x[i] = Math.sqrt(-2 * Math.log(V / x[i - 1]! + f));
    f = Math.exp(-0.5 * x[i]! * x[i]!);
  }
  const ratio = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) ratio[i] = x[i + 1]! / x[i]!;
  return { x, ratio };
})();

/**
 * Standard normal sampler, Normal(0, 1), by the ziggurat method in J. A. Doornik's ZIGNOR form
 * ("An Improved Ziggurat Method to Generate Normal Random Samples", 2005; after G. Marsaglia and
 * W. W. Tsang, J. Statistical Software 5(8), 2000).
 *
 * One 32-bit uniform gives both the layer (its low 7 bits) and the signed position in it (the other
 * 25 bits): separate bits, so the two are independent (Doornik's fix of the original's
 * correlation). About 99% of draws end there, with no log, exp or sqrt; the rest go through the
 * wedge test or Marsaglia's exact tail method with more uniforms. Stateless: no spare is cached, so
 * replaying a stream from a saved state replays this sampler too.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `() => z`, z ~ Normal(0, 1).
 * @throws TypeError if source is not a function.
 * @example standardNormal(createStream('7/0/SMB/noise'))() // => a standard normal draw
 * @remarks O(1) expected, about 1.02 uniforms per draw.
 */
export function standardNormal(source: RandomSource): () => number {
  checkSource('standardNormal', source);
  // The ziggurat reads whole 32-bit integers: a seeded stream's own outputs, or floor(U x 2^32).
  const uint32 = uint32Reader(source);
  // The about 1% of first attempts that leave the fast path: the wedge test, the tail or a fresh
  // attempt (zigguratFinisher, shared with sumExpNormalInto and standardNormalInto), its normal read
  // from a slot: a call's returned number merged with the fast path's u * EDGE[i] made every normal
  // drawn where this is inlined a new heap number (a gamma, a beta: three a draw).
  const finished = new Float64Array(1);
  const finish = zigguratFinisher(source, uint32, finished);
  return function drawStandardNormal(): number {
    const bits = uint32(); // a whole number in [0, 2^32)
    const i = bits & 0x7f;
    const u = (bits >>> 7) * TWO_NEG_24 - 1; // 25 bits -> [-1, 1)
    if (Math.abs(u) < RATIO[i]!) return u * EDGE[i]!;
    finish(bits);
    return finished[0]!;
  };
}

/**
 * Normal sampler, Normal(mu, sigma).
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns a draw function `(mu, sigma) => x`: mu (a finite number) is the mean and sigma (a
 *   finite number >= 0) the standard deviation, both in the units of x; sigma 0 returns mu.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a mu that is NaN or infinite, or a sigma that is NaN, infinite or negative (see
 *   `parameter-error.ts`).
 * @example normal(createStream('7/0/SMB/churn'))(0.02, 0.005) // => 0.016093988032642406
 * @remarks O(1) expected, about 1.02 uniforms per draw. Algorithm: mu + sigma * Z with Z from
 *   `standardNormal` (ziggurat). The check costs four comparisons per draw.
 */
export function normal(source: RandomSource): (mu: number, sigma: number) => number {
  checkSource('normal', source);
  const z = standardNormal(source);
  return function drawNormal(mu: number, sigma: number): number {
    if (!(mu > Number.NEGATIVE_INFINITY && mu < Number.POSITIVE_INFINITY && sigma >= 0 && sigma < Number.POSITIVE_INFINITY)) {
      throw mu > Number.NEGATIVE_INFINITY && mu < Number.POSITIVE_INFINITY
        ? badParameter('normal', 'sigma', FINITE_NON_NEGATIVE, sigma)
        : badParameter('normal', 'mu', FINITE, mu);
    }
    return mu + sigma * z();
  };
}

/**
 * Sums of exp(sigma Z_i) over n independent standard normals Z_i (the heart of a sum of n lognormal
 * draws), by the same ziggurat as `standardNormal`, with no call per draw: the first attempt of each
 * of the n normals reads its 32-bit integer from one block filled by the stream (`fillUint32`), and
 * only the about 1% of attempts that leave the fast path continue with further draws from the stream
 * (the wedge test, the tail, or a fresh attempt), exactly as `standardNormal` would. Every uniform is
 * used once, so the Z_i are independent standard normals: the distribution is that of n calls of
 * `standardNormal`; the order of the stream's outputs differs.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @returns `(n, sigma) => sum_{i<n} exp(sigma Z_i)` for a whole n >= 0 and a finite sigma.
 * @example sumExpNormal(createStream('7/0/SMB/acv'))(3, 0.6) // => about 3 x exp(0.18)
 * @remarks O(n); allocates nothing per call once its block has grown to the largest n seen.
 */
export function sumExpNormal(source: RandomSource): (n: number, sigma: number) => number {
  const out = new Float64Array(1);
  const into = sumExpNormalInto(source, out);
  return (n, sigma) => {
    into(n, sigma);
    return out[0]!;
  };
}

/**
 * `sumExpNormal` writing each sum into `out[0]` instead of returning it: a fractional number
 * returned from a call the optimizer does not inline is boxed (a heap number a sum), a slot is not.
 * The same uniforms, the same arithmetic, the same sums.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @param out - the slot each sum is written to.
 * @returns `(n, sigma) => void`, setting out[0] to sum_{i<n} exp(sigma Z_i).
 */
export function sumExpNormalInto(source: RandomSource, out: Float64Array): (n: number, sigma: number) => void {
  checkSource('sumExpNormal', source);
  const fill = uint32Filler(source);
  const uint32 = uint32Reader(source);
  let bits = new Uint32Array(64);
  // finish writes its normal here instead of returning it: a call's (untyped) result merged with the
  // fast path's u * EDGE[i] made the loop box every normal it drew (one heap number a deal).
  const finished = new Float64Array(1);
  const finish = zigguratFinisher(source, uint32, finished);
  return function sum(n: number, sigma: number): void {
    if (n > bits.length) bits = new Uint32Array(Math.max(n, 2 * bits.length));
    fill(bits, n);
    let s = 0;
    for (let k = 0; k < n; k++) {
      const b = bits[k]!;
      const i = b & 0x7f;
      const u = (b >>> 7) * TWO_NEG_24 - 1;
      let z: number;
      if (Math.abs(u) < RATIO[i]!) z = u * EDGE[i]!;
      else {
        finish(b);
        z = finished[0]!;
      }
      s += Math.exp(sigma * z);
    }
    out[0] = s;
  };
}

/**
 * The rest of the ziggurat (`standardNormal`) for a first attempt whose 32-bit integer `first` left the
 * fast path: the wedge test, the tail, or fresh attempts from `uint32`, reading the source as
 * `standardNormal` does after that integer; the normal goes to `out[0]`.
 */
function zigguratFinisher(source: RandomSource, uint32: () => number, out: Float64Array): (first: number) => void {
  return function finish(first: number): void {
    let b = first;
    for (;;) {
      const i = b & 0x7f;
      const u = (b >>> 7) * TWO_NEG_24 - 1;
      if (Math.abs(u) < RATIO[i]!) {
        out[0] = u * EDGE[i]!;
        return;
      }
      if (i === 0) {
        let x: number;
        let y: number;
        do {
          x = -Math.log(1 - source()) / R;
          y = -Math.log(1 - source());
        } while (2 * y < x * x);
        out[0] = u < 0 ? -(R + x) : R + x;
        return;
      }
      const x = u * EDGE[i]!;
      const f0 = Math.exp(-0.5 * (EDGE[i]! * EDGE[i]! - x * x));
      const f1 = Math.exp(-0.5 * (EDGE[i + 1]! * EDGE[i + 1]! - x * x));
      if (f1 + source() * (f0 - f1) < 1) {
        out[0] = x;
        return;
      }
      b = uint32();
    }
  };
}

/**
 * `standardNormal` writing each draw into `out[0]` instead of returning it: a fractional number
 * returned from a call the optimizer does not inline is boxed (a heap number a draw), a slot is not.
 * The same uniforms, the same draws as `standardNormal` on the source.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @param out - the slot each draw is written to.
 * @returns `() => void`, setting out[0] to a standard normal draw.
 */
export function standardNormalInto(source: RandomSource, out: Float64Array): () => void {
  checkSource('standardNormal', source);
  const uint32 = uint32Reader(source);
  const finish = zigguratFinisher(source, uint32, out);
  return function drawStandardNormalInto(): void {
    const bits = uint32();
    const i = bits & 0x7f;
    const u = (bits >>> 7) * TWO_NEG_24 - 1;
    if (Math.abs(u) < RATIO[i]!) out[0] = u * EDGE[i]!;
    else finish(bits);
  };
}
