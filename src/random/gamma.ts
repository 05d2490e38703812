import { standardNormal } from './normal.js';
import { badParameter, checkSource, FINITE_NON_NEGATIVE, FINITE_POSITIVE } from './parameter-error.js';
import type { RandomSource } from './source.js';

/**
 * Gamma sampler, Gamma(shape k, scale theta): density x^(k-1) e^(-x/theta) / (Gamma(k) theta^k),
 * mean k theta, variance k theta^2.
 *
 * @param source - the uniform [0, 1) stream to draw from (normals are drawn from it as well).
 * @returns a draw function `(shape, scale) => x >= 0`; shape a finite number > 0, dimensionless;
 *   scale a finite number >= 0 in the units of x (scale 0 returns 0). For very small shapes
 *   (below ~0.01) draws may underflow to 0, as the true distribution puts visible mass below the
 *   smallest double.
 * @throws TypeError if source is not a function; the draw function throws a RangeError, before
 *   drawing, for a shape that is NaN, infinite or <= 0, or a scale that is NaN, infinite or < 0
 *   (see `parameter-error.ts`).
 * @example gamma(createStream('7/0/MM/cycleDays'))(2.5, 12) // => 58.487597582093116 (mean 30 days)
 * @remarks O(1) expected for every shape > 0: at most ~1.05 trials of one normal and one
 *   uniform each (about 2.3 uniforms per draw measured; 3.4 for shape < 1 with the boost). Algorithm: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma
 *   variables", ACM TOMS 26(3) (2000) 363-372, with their boost for shape < 1:
 *   Gamma(k) = Gamma(k + 1) * U^(1/k). The constants d = k' - 1/3 and c = 1 / sqrt(9 d) (k' the
 *   shape, plus 1 when boosted) and 1/k are computed, and the shape checked, only when the shape
 *   differs from the previous draw's, so a sampler drawn with one shape, as the model's are,
 *   computes them once. This cache changes no draw: the same seed gives the same numbers whatever
 *   shapes came before (replay from a saved stream state still holds).
 */
export function gamma(source: RandomSource): (shape: number, scale: number) => number {
  checkSource('gamma', source);
  const z = standardNormal(source);
  const shape = new GammaShape();
  return function drawGamma(k: number, scale: number): number {
    if (k !== shape.shape) shape.set(k);
    if (!(scale >= 0 && scale < Number.POSITIVE_INFINITY)) throw badParameter('gamma', 'scale', FINITE_NON_NEGATIVE, scale);
    return gammaDraw(z, source, shape) * scale;
  };
}

/**
 * One shape's Marsaglia-Tsang constants (see `gamma`): d = k' - 1/3 and c = 1 / sqrt(9 d), k' the
 * shape plus 1 when boosted, and 1 / shape for the boost. Set only when the shape changes.
 */
export class GammaShape {
  /** The shape the constants are for; NaN never equals a shape, so the first draw sets them. */
  shape = Number.NaN;
  d = Number.NaN;
  c = Number.NaN;
  invShape = Number.NaN;
  /** Where `gammaDrawInto` writes each draw. */
  readonly drawn = new Float64Array(1);

  /** Check a new shape and compute its constants. */
  set(shape: number): void {
    if (!(shape > 0 && shape < Number.POSITIVE_INFINITY)) throw badParameter('gamma', 'shape', FINITE_POSITIVE, shape);
    const k = shape >= 1 ? shape : shape + 1;
    this.d = k - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
    this.shape = shape;
  }
}

/**
 * A Gamma(shape, 1) draw for the shape whose constants `s` holds, with normals from `z` and uniforms
 * from `source` (the one `z` reads): Marsaglia-Tsang, boosted for a shape below 1. A plain function
 * of its arguments, so a sampler of two gammas (`beta`) shares it with `gamma` at no extra call.
 */
export function gammaDraw(z: () => number, source: RandomSource, s: GammaShape): number {
  const g = marsagliaTsang(z, source, s.d, s.c);
  // Boost: U in (0, 1] so U^(1/k) is never exactly 0 because of a 0 from the source.
  return s.shape >= 1 ? g : g * Math.pow(1 - source(), s.invShape);
}

/**
 * `gammaDraw` writing its draw into `s.drawn[0]` instead of returning it, for callers that do not
 * inline it: a fractional number returned from a call that is not inlined is boxed (a heap number
 * a draw), a slot is not. The same uniforms, the same draw.
 */
export function gammaDrawInto(z: () => number, source: RandomSource, s: GammaShape): void {
  s.drawn[0] = gammaDraw(z, source, s);
}

/** Marsaglia-Tsang for d = k - 1/3 and c = 1 / sqrt(9 d), k >= 1: a Gamma(k, 1) draw. */
function marsagliaTsang(z: () => number, source: RandomSource, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = z();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = source();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
