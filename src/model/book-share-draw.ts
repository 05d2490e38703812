import { GammaShape, gammaDraw } from '../random/gamma.js';
import { standardNormal, standardNormalInto } from '../random/normal.js';
import type { Stream } from '../random/source.js';
import type { CompiledDistribution, Draw } from './distribution-sampler.js';

/** How a ShareDraw draws (`path`): through bind's draw, as a beta of two gammas, as a lognormal. */
export const BOUND = 0;
export const BETA = 1;
export const LOGNORMAL = 2;

/**
 * A customer's contraction or expansion share, from its own stream: the draws of `size.bind(source)`,
 * the same uniforms through the same arithmetic, without its closures. A beta of alpha or beta above 1
 * is X / (X + Y) of two Marsaglia-Tsang gammas (`gammaDraw`, X first, as random/beta.ts draws it), a
 * lognormal exp(mu + sigma Z) of one ziggurat normal (random/lognormal.ts); any other size (Jöhnk's
 * beta, a triangular, parameters a sampler would refuse) calls bind's draw.
 *
 * The customer book draws a few thousand shares a trial: `fill` draws a trial's shares in one call, in
 * a loop of its own where the gamma code is inlined. Called share by share from the book's long loop,
 * the draws were not inlined and every share (every gamma, drawn inline there) came back as a new heap
 * number: 17.9 kB a trial through bind's closures, 35.6 kB with the gammas inline.
 */
export class ShareDraw {
  private readonly mode: number;
  private readonly z: () => number;
  /** The same normal sampler's draws written into `normal` (the lognormal path: no number returned per share). */
  private readonly zInto: () => void;
  private readonly normal = new Float64Array(1);
  private readonly x = new GammaShape();
  private readonly y = new GammaShape();
  private readonly mu: number = 0;
  private readonly sigma: number = 0;
  private readonly bound: Draw;

  constructor(
    size: CompiledDistribution,
    private readonly source: Stream,
  ) {
    const p = size.params;
    const finite = (v: number) => v > Number.NEGATIVE_INFINITY && v < Number.POSITIVE_INFINITY;
    if (p?.dist === 'beta' && p.alpha > 0 && p.beta > 0 && finite(p.alpha) && finite(p.beta) && !(p.alpha <= 1 && p.beta <= 1)) {
      this.mode = BETA;
      this.x.set(p.alpha);
      this.y.set(p.beta);
    } else if (p?.dist === 'lognormal' && finite(p.mu) && p.sigma >= 0 && finite(p.sigma)) {
      this.mode = LOGNORMAL;
      this.mu = p.mu;
      this.sigma = p.sigma;
    } else this.mode = BOUND;
    // Making a sampler reads nothing from the stream: the draws start where bind's would.
    this.z = standardNormal(source);
    this.zInto = standardNormalInto(source, this.normal);
    this.bound = this.mode === BOUND ? size.bind(source) : () => 0;
  }

  /** How this size is drawn: BETA, LOGNORMAL or BOUND (bind's draw). */
  get path(): number {
    return this.mode;
  }

  /** The next n shares into out[0..n), in order: what n calls of bind's draw give. */
  fill(out: Float64Array, n: number): void {
    if (this.mode === BETA) this.fillBeta(out, n);
    else if (this.mode === LOGNORMAL) this.fillLognormal(out, n);
    else for (let j = 0; j < n; j++) out[j] = this.bound();
  }

  // One method a path, so that each call of the normal sampler sees one sampler (a contraction's or an
  // expansion's) and is inlined: a normal returned from a call is a new heap number.
  private fillBeta(out: Float64Array, n: number): void {
    const { z, source, x: shapeX, y: shapeY } = this;
    for (let j = 0; j < n; j++) {
      // X then Y through one call site (as random/beta.ts): the gamma code inlined once.
      let x = 0;
      for (let shape = shapeX; ; shape = shapeY) {
        const g = gammaDraw(z, source, shape);
        if (shape === shapeY) {
          out[j] = x / (x + g);
          break;
        }
        x = g;
      }
    }
  }

  private fillLognormal(out: Float64Array, n: number): void {
    const { zInto, normal, mu, sigma } = this;
    for (let j = 0; j < n; j++) {
      zInto();
      out[j] = Math.exp(mu + sigma * normal[0]!);
    }
  }
}
