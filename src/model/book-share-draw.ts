import { GammaShape, gammaDraw } from '../random/gamma.js';
import { standardNormal } from '../random/normal.js';
import type { Stream } from '../random/source.js';
import type { CompiledDistribution, Draw } from './distribution-sampler.js';

export const BOUND = 0;
export const BETA = 1;
export const LOGNORMAL = 2;

/**
 * A customer's contraction or expansion share, one draw a call, from its own stream: the draws of
 * `size.bind(source)`, the same uniforms through the same arithmetic, without its closures. A beta of
 * alpha or beta above 1 is X / (X + Y) of two Marsaglia-Tsang gammas (`gammaDraw`, X first, as
 * random/beta.ts draws it), a lognormal exp(mu + sigma Z) of one ziggurat normal (random/lognormal.ts);
 * any other size (Jöhnk's beta, a triangular, parameters a sampler would refuse) calls `bind`'s draw.
 * The customer book draws a few thousand shares a trial, and the closure calls were not inlined into
 * its loop (about 7% of a trial of the bench book); a method call was not either, so its loops draw a
 * beta or lognormal share inline from these fields (as `draw` does) and call `draw` for the others.
 */
export class ShareDraw {
  /** BETA, LOGNORMAL or BOUND (another size: `draw` calls bind's draw). */
  readonly mode: number;
  /** The normal sampler the gammas or the lognormal draw from, on `source`. */
  readonly z: () => number;
  /** A beta's two gamma shapes (alpha, beta). */
  readonly x = new GammaShape();
  readonly y = new GammaShape();
  /** A lognormal's parameters. */
  readonly mu: number = 0;
  readonly sigma: number = 0;
  private readonly bound: Draw;

  constructor(
    size: CompiledDistribution,
    readonly source: Stream,
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
    this.bound = this.mode === BOUND ? size.bind(source) : () => 0;
  }

  /** The next share. */
  draw(): number {
    if (this.mode === BETA) {
      const x = gammaDraw(this.z, this.source, this.x);
      return x / (x + gammaDraw(this.z, this.source, this.y));
    }
    if (this.mode === LOGNORMAL) return Math.exp(this.mu + this.sigma * this.z());
    return this.bound();
  }
}
