import { GammaShape, gammaDraw } from './gamma.js';
import { standardNormal } from './normal.js';
import { badParameter, checkSource, FINITE_POSITIVE } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Beta sampler, Beta(alpha, beta) on [0, 1]: density x^(alpha-1) (1-x)^(beta-1) / B(alpha, beta),
 * mean alpha / (alpha + beta).
 *
 * @param source - the uniform [0, 1) stream to draw from (the gammas draw from it too).
 * @returns a draw function `(alpha, beta) => x` in [0, 1]; alpha and beta finite numbers > 0,
 *   dimensionless.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for an alpha or beta that is NaN, infinite or <= 0 (see `parameter-error.ts`).
 * @example beta(createStream('7/0/SMB/winRate'))(2, 5) // => 0.6891516162883732 (mean 2/7)
 * @remarks O(1) expected. Algorithm: X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta) from
 *   `gamma` on the same source (Marsaglia-Tsang); when both alpha <= 1 and beta <= 1, where two
 *   boosted gammas could both underflow, Jöhnk's algorithm (M. D. Jöhnk, Metrika 8 (1964) 5-15;
 *   as in numpy's random_beta), computed in logs when the powers underflow; acceptance
 *   probability Gamma(a+1)Gamma(b+1)/Gamma(a+b+1) >= 1/2. X and Y are drawn by `gammaDraw` on the
 *   one source, X first, each shape keeping its constants from draw to draw (the uniforms read are
 *   those of two `gamma` samplers on the source; one call per gamma, no sampler closure between).
 *   The check costs four comparisons per draw.
 */
export function beta(source: RandomSource): (alpha: number, beta: number) => number {
  const out = new Float64Array(1);
  const draw = betaInto(source, out);
  return (a, b) => {
    draw(a, b);
    return out[0]!;
  };
}

/**
 * `beta` writing each draw into `out[0]` instead of returning it: a fractional number returned from a
 * call the optimizer does not inline is boxed (a heap number a draw), a slot is not. The same
 * uniforms, the same draws, the same errors as `beta`.
 *
 * @param source - the uniform [0, 1) stream to draw from.
 * @param out - the slot each draw is written to.
 * @returns `(alpha, beta) => void`, setting out[0] to a Beta(alpha, beta) draw.
 */
export function betaInto(source: RandomSource, out: Float64Array): (alpha: number, beta: number) => void {
  checkSource('beta', source);
  // One normal sampler for both gammas: it is stateless, so X and Y read the source as two gamma
  // samplers on it would.
  const z = standardNormal(source);
  const shapeX = new GammaShape();
  const shapeY = new GammaShape();
  return function drawBeta(a: number, b: number): void {
    if (!(a > 0 && a < Number.POSITIVE_INFINITY && b > 0 && b < Number.POSITIVE_INFINITY)) {
      throw a > 0 && a < Number.POSITIVE_INFINITY ? badParameter('beta', 'beta', FINITE_POSITIVE, b) : badParameter('beta', 'alpha', FINITE_POSITIVE, a);
    }
    if (a <= 1 && b <= 1) {
      for (;;) {
        // U, V in (0, 1], so the powers are never 0 because of a 0 from the source.
        const u = 1 - source();
        const v = 1 - source();
        const x = Math.pow(u, 1 / a);
        const y = Math.pow(v, 1 / b);
        const s = x + y;
        if (s <= 1) {
          if (s > 0) {
            out[0] = x / s;
            return;
          }
          let logX = Math.log(u) / a;
          let logY = Math.log(v) / b;
          const logM = logX > logY ? logX : logY;
          // Both logs overflow to -Infinity when alpha and beta are both below ~1e-307 (1 / a
          // overflows): compare them scaled by a instead, log X - log Y = (ln u - ln v (a / b)) / a,
          // where a / b stays finite (both are tiny), and return its logistic (0 or 1 but for
          // near-ties). Without this, -Infinity - -Infinity gave NaN.
          if (logM === Number.NEGATIVE_INFINITY) {
            out[0] = 1 / (1 + Math.exp(-(Math.log(u) - Math.log(v) * (a / b)) / a));
            return;
          }
          logX -= logM;
          logY -= logM;
          out[0] = Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
          return;
        }
      }
    }
    if (a !== shapeX.shape) shapeX.set(a);
    if (b !== shapeY.shape) shapeY.set(b);
    // X then Y, through one call site in a loop: the gamma code is inlined here once, not twice,
    // which leaves the inliner room for the normal and uniform draws inside it.
    let x = 0;
    for (let shape = shapeX; ; shape = shapeY) {
      const g = gammaDraw(z, source, shape);
      if (shape === shapeY) {
        out[0] = x / (x + g);
        return;
      }
      x = g;
    }
  };
}
