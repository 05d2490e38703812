/**
 * Elliptical slice sampling (Murray, Adams and MacKay, AISTATS 2010): a Markov chain whose
 * stationary distribution is N(0, I) x likelihood, for any likelihood, with no step size to tune.
 * Each step proposes points on the ellipse through the current state f and a fresh prior draw nu,
 * f cos t + nu sin t, shrinking the angle bracket towards t = 0 until a point is above the slice
 * level log L(f) + log U. Every step moves (the bracket always contains the current state).
 *
 * Pure given its generators: `normal` and `uniform` are seeded streams passed in.
 */
export class EllipticalSlice {
  private readonly nu: Float64Array;
  private readonly proposal: Float64Array;
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
  }

  /** One step from f (updated in place) whose log-likelihood is `current`; returns the new state's log-likelihood. */
  step(f: Float64Array, current: number): number {
    const { nu, proposal } = this;
    for (let i = 0; i < nu.length; i++) nu[i] = this.normal();
    // 1 - U is in (0, 1]: its log is finite.
    const level = current + Math.log(1 - this.uniform());
    let t = this.uniform() * 2 * Math.PI;
    let lo = t - 2 * Math.PI;
    let hi = t;
    for (;;) {
      const c = Math.cos(t);
      const s = Math.sin(t);
      for (let i = 0; i < f.length; i++) proposal[i] = f[i]! * c + nu[i]! * s;
      this.evaluations++;
      const l = this.logLikelihood(proposal);
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
