import type { CompiledDistribution } from '../model/distribution-sampler.js';
import { createStream } from '../random/source.js';
import { normalCdf, normalQuantile } from '../math/normal-cdf.js';
import { SortWorkspace } from '../math/sorted-values.js';
import { ScoreSteps } from './prior-atoms.js';

/** The normal scores a table is tabulated on: [-SCORE_RANGE, SCORE_RANGE] in SCORE_POINTS - 1 steps. */
const SCORE_RANGE = 8;
const SCORE_POINTS = 8193;

/** Points per unit of normal score of the exact tails beyond a table's sample (the grid's own spacing). */
const TAIL_POINTS_PER_SCORE = (SCORE_POINTS - 1) / (2 * SCORE_RANGE);

/** Phi at each normal score of the grid: the same for every table, so computed once. */
let gridProbabilities: Float64Array | undefined;
function scoreProbabilities(): Float64Array {
  if (!gridProbabilities) {
    gridProbabilities = new Float64Array(SCORE_POINTS);
    for (let i = 0; i < SCORE_POINTS; i++) gridProbabilities[i] = normalCdf(-SCORE_RANGE + (2 * SCORE_RANGE * i) / (SCORE_POINTS - 1));
  }
  return gridProbabilities;
}

/** The sort's buffers, shared by every table (a table is sorted at once, within its constructor). */
const workspace = new SortWorkspace();

/** Points of a prior's quantile table. */
export const TABLE_POINTS = 16_384;

/** Fewest of a table's draws beyond a score for the sample's quantile to be used there (else the family's exact one). */
const TAIL_DRAWS = 100;

/**
 * A year-level prior turned into a quantile function by sorting a large seeded sample of it: the
 * re-forecast's sampler moves on standard normals e, and a driver's value is Q(Phi(e)). Works for
 * every family the scenario allows (beta, PERT, metalog, lognormal, ...), from the same sampler a
 * plan run uses. Error: the sample's CDF is within about 1 / sqrt(16,384) = 0.8% of the prior's.
 *
 * @example quantileTable(compileDistribution({ dist: 'beta', mean: 0.05, sd: 0.015 }), 's').at(0.5) // => about 0.048
 * Complexity: O(n log n) once; O(1) per lookup.
 */
export class QuantileTable {
  readonly sorted: Float64Array;
  /** Q(Phi(e)) on a grid of normal scores e: the sampler's lookup, one interpolation and no CDF. */
  private readonly byScore: Float64Array;
  /**
   * The family's exact Q(Phi(e)) (lognormal, normal, beta), used beyond the sample's range: scores
   * below `lowScore` or above `highScore`, where the sample's quantile would stop at its smallest or
   * largest draw. Evidence far outside the plan (a month of ten times the planned deals) puts the
   * posterior there; clamped at the sample's edge, the learned value could go no further than the
   * prior's most extreme draw of 16,384 (a 5% +- 1.5% conversion stopped at 13.2% where the Beta
   * posterior is 25%).
   */
  private readonly tail: ((e: number) => number) | undefined;
  private readonly lowScore: number;
  private readonly tailPoints = new Map<number, number>();
  private readonly highScore: number;
  /** The sample's quantile at lowScore and highScore, where the exact tails take over: they never cross it (monotone). */
  private readonly lowEdge: number;
  private readonly highEdge: number;
  /**
   * A discrete's or an empirical's exact values and weights on the scores (prior-atoms.ts): where
   * present, `atScore` is its step function, not the sample's interpolated quantile (`sorted`, the
   * sample, still describes the prior in the report).
   */
  readonly steps: ScoreSteps | undefined;

  constructor(distribution: CompiledDistribution, seed: string, points = TABLE_POINTS) {
    const draw = distribution.bind(createStream(seed));
    const sample = new Float64Array(points);
    for (let i = 0; i < points; i++) sample[i] = draw();
    // The radix sort gives Float64Array.prototype.sort's order, bit for bit, in about a sixth of its
    // time (a re-forecast sorts a table per learned driver; the calibration tests, thousands). A
    // sample holding a value that is not finite (which the radix sort leaves out) is sorted natively.
    const sorted = new Float64Array(points);
    this.sorted = workspace.sortFinite(sample, sorted) === points ? sorted : sample.sort();
    // A plain loop over the shared grid of Phi: a re-forecast builds a table per learned driver
    // (and the calibration tests thousands), and Float64Array.from over an array-like was the slow path.
    const probabilities = scoreProbabilities();
    this.byScore = new Float64Array(SCORE_POINTS);
    for (let i = 0; i < SCORE_POINTS; i++) this.byScore[i] = this.at(probabilities[i]!);
    this.tail = distribution.scoreQuantile;
    this.steps = distribution.atoms ? new ScoreSteps(distribution.atoms()) : undefined;
    // The exact quantile takes over where fewer than TAIL_DRAWS of the sample lie beyond (|e| above
    // 2.5 at 16,384 points): there the sample's quantile is a handful of draws, off by several
    // hundredths of a rate from one seed to another, and evidence far from the plan puts the whole
    // posterior there (see atScore).
    this.highScore = -normalQuantile(Math.min(0.5, TAIL_DRAWS / points));
    this.lowScore = -this.highScore;
    this.lowEdge = this.atGrid(this.lowScore);
    this.highEdge = this.atGrid(this.highScore);
  }

  /**
   * Q(Phi(e)) for a normal score e, linear between grid points 0.002 apart where the sample is dense;
   * in the tails (fewer than TAIL_DRAWS draws beyond e) the family's exact quantile where it has one,
   * else the sample's, clamped to its extremes. Before (act24) the exact quantile began only beyond
   * the sample's last draw (|e| above 3.8), and the tail between was the sample's few draws: ten
   * customers due, all lost, against a renewal prior of 90% +- 5% learned 69.1% where the Beta
   * posterior's mean is 70.0% (7 standard errors at 4,000 trials), the year's ending ARR 11,000 low.
   */
  atScore(e: number): number {
    if (this.steps) return this.steps.atScore(e);
    if (this.tail !== undefined && (e > this.highScore || e < this.lowScore)) {
      // In a tail: the exact quantile on the grid's spacing, each point computed once (a beta's is
      // a bisection), linear between points.
      const x = e * TAIL_POINTS_PER_SCORE;
      const i = Math.floor(x);
      const f = x - i;
      return this.tailAt(i) * (1 - f) + this.tailAt(i + 1) * f;
    }
    return this.atGrid(e);
  }

  /** The sample's Q(Phi(e)) on the grid, linear between points, clamped to its ends. */
  private atGrid(e: number): number {
    const g = this.byScore;
    const x = ((e + SCORE_RANGE) / (2 * SCORE_RANGE)) * (g.length - 1);
    if (!(x > 0)) return g[0]!;
    if (x >= g.length - 1) return g[g.length - 1]!;
    const i = Math.floor(x);
    const f = x - i;
    return g[i]! * (1 - f) + g[i + 1]! * f;
  }

  /** The exact quantile at score i / TAIL_POINTS_PER_SCORE, kept monotone where it meets the sample's quantile (lowEdge, highEdge); memoized. */
  private tailAt(i: number): number {
    let q = this.tailPoints.get(i);
    if (q === undefined) {
      const e = i / TAIL_POINTS_PER_SCORE;
      q = e > 0 ? Math.max(this.tail!(e), this.highEdge) : Math.min(this.tail!(e), this.lowEdge);
      this.tailPoints.set(i, q);
    }
    return q;
  }

  /** Q(u) for u in (0, 1): linear between order statistics at (i + 0.5) / n, clamped to the sample's range. */
  at(u: number): number {
    const s = this.sorted;
    const x = u * s.length - 0.5;
    if (x <= 0) return s[0]!;
    if (x >= s.length - 1) return s[s.length - 1]!;
    const i = Math.floor(x);
    const f = x - i;
    return s[i]! * (1 - f) + s[i + 1]! * f;
  }
}
