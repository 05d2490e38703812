/**
 * Elliptical slice sampling (Murray, Adams and MacKay, AISTATS 2010): a Markov chain whose
 * stationary distribution is N(0, I) x likelihood, for any likelihood, with no step size to tune.
 * Each step proposes points on the ellipse through the current state f and a fresh draw nu of a
 * Gaussian reference N(mu, S), mu + (f - mu) cos t + nu sin t, shrinking the angle bracket towards
 * t = 0 until a point is above the slice level. Every step moves.
 *
 * The reference starts as the prior N(0, I); `setReference` may replace it with a Gaussian close to
 * the posterior (from a pilot run), the likelihood then weighed against it:
 * L'(f) = L(f) N(f; 0, I) / N(f; mu, S) (Nishihara, Murray and Adams, JMLR 2014), which leaves the
 * target unchanged and lets the chain take long steps where the evidence is sharp in some
 * directions and weak in others.
 *
 * Pure given its generators: `normal` and `uniform` are seeded streams passed in.
 */
export class EllipticalSlice {
  private readonly nu: Float64Array;
  private readonly proposal: Float64Array;
  private readonly scratch: Float64Array;
  private mean: Float64Array;
  /** Lower Cholesky factor of the reference covariance, row-major; undefined: the identity. */
  private chol: Float64Array | undefined;
  /** Likelihood evaluations so far (to report the sampler's cost). */
  evaluations = 0;

  constructor(
    readonly dimension: number,
    private readonly logLikelihood: (f: Float64Array) => number,
    private readonly normal: () => number,
    private readonly uniform: () => number,
  ) {
    this.nu = new Float64Array(dimension);
    this.proposal = new Float64Array(dimension);
    this.scratch = new Float64Array(dimension);
    this.mean = new Float64Array(dimension);
  }

  /** Use N(mean, L L^T) as the reference (L lower triangular, row-major). */
  setReference(mean: Float64Array, chol: Float64Array): void {
    this.mean = Float64Array.from(mean);
    this.chol = Float64Array.from(chol);
  }

  /** The log-likelihood weighed against the reference: log L(f) - |f|^2 / 2 + |L^-1 (f - mu)|^2 / 2 (log L(f) for the prior). */
  weighed(f: Float64Array): number {
    this.evaluations++;
    const l = this.logLikelihood(f);
    const chol = this.chol;
    if (!chol || !(l > Number.NEGATIVE_INFINITY)) return l;
    const d = this.dimension;
    const y = this.scratch;
    let prior = 0;
    let reference = 0;
    for (let i = 0; i < d; i++) {
      let v = f[i]! - this.mean[i]!;
      for (let j = 0; j < i; j++) v -= chol[i * d + j]! * y[j]!;
      y[i] = v / chol[i * d + i]!;
      prior += f[i]! * f[i]!;
      reference += y[i]! * y[i]!;
    }
    return l - prior / 2 + reference / 2;
  }

  /** One step from f (updated in place) whose weighed log-likelihood is `current`; returns the new state's. */
  step(f: Float64Array, current: number): number {
    const { nu, proposal, mean, chol } = this;
    const d = this.dimension;
    for (let i = 0; i < d; i++) proposal[i] = this.normal();
    for (let i = 0; i < d; i++) {
      if (!chol) {
        nu[i] = proposal[i]!;
        continue;
      }
      let v = 0;
      for (let j = 0; j <= i; j++) v += chol[i * d + j]! * proposal[j]!;
      nu[i] = v;
    }
    // 1 - U is in (0, 1]: its log is finite.
    const level = current + Math.log(1 - this.uniform());
    let t = this.uniform() * 2 * Math.PI;
    let lo = t - 2 * Math.PI;
    let hi = t;
    for (;;) {
      const c = Math.cos(t);
      const s = Math.sin(t);
      for (let i = 0; i < d; i++) proposal[i] = mean[i]! + (f[i]! - mean[i]!) * c + nu[i]! * s;
      const l = this.weighed(proposal);
      if (l > level) {
        f.set(proposal);
        return l;
      }
      // The bracket shrinks towards the current state (t = 0), which is always above the level.
      if (t < 0) lo = t;
      else hi = t;
      if (hi - lo < 1e-12) return current;
      t = lo + this.uniform() * (hi - lo);
    }
  }
}

/**
 * Lower Cholesky factor (row-major) of a symmetric positive-definite matrix; undefined when it is
 * not (a pivot <= 0). Complexity: O(d^3).
 */
export function cholesky(a: Float64Array, d: number): Float64Array | undefined {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j]!;
    }
  return l;
}
