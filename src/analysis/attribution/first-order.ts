import { binCount, type PreparedInput } from './input.js';
import { meanAll } from '../../math/mean-all.js';
import { Z95 } from '../../math/normal-cdf.js';
import { scratchBins, scratchBlocks, scratchFloat64 } from './scratch.js';
import { tailBins } from './tail-bins.js';
import { tailsCurve } from './tail-curvature.js';
import { binLine } from './bin-line.js';

/**
 * A share of a metric's variance with its Monte Carlo interval. Not estimable from too few trials
 * (sharesNotEstimable): then `value`, `standardError` and `interval` are null and `notEstimable`
 * says why in words; otherwise `notEstimable` is absent.
 */
export interface ShareEstimate {
  readonly value: number | null;
  /** Delete-a-group jackknife standard error. */
  readonly standardError: number | null;
  /** 95% interval: value -/+ t(G - 1) x standard error. */
  readonly interval: readonly [number, number] | null;
  /** Why the share cannot be estimated from these trials; present only when the figures are null. */
  readonly notEstimable?: string;
}

export interface FirstOrderShares {
  /** One per input, in input order. */
  readonly shares: readonly ShareEstimate[];
  /** 1 - the sum of the shares: unit-level luck and interactions (and inputs not listed). */
  readonly unexplained: ShareEstimate;
  readonly bins: number;
  readonly groups: number;
  /** Why no share can be estimated from these trials (every share and `unexplained` are then null); absent when they can. */
  readonly notEstimable?: string;
}

/** Contiguous blocks of trials for the jackknife. */
export const JACKKNIFE_GROUPS = 20;

/** How many jackknife blocks firstOrderShares forms of n trials: G = 20, or floor(n / 2) (at least 2) when fewer trials. */
export const jackknifeGroups = (n: number, groups = JACKKNIFE_GROUPS): number => Math.max(2, Math.min(groups, Math.floor(n / 2)));

/** The largest jackknife block of n trials in G contiguous blocks (block g ends at floor((g + 1) n / G)). */
function largestBlock(n: number, G: number): number {
  let largest = 0;
  for (let g = 0; g < G; g++) largest = Math.max(largest, Math.floor(((g + 1) * n) / G) - Math.floor((g * n) / G));
  return largest;
}

/** Why a metric that does not vary has no variance shares. */
export const CONSTANT_METRIC = 'it is the same in every trial, so nothing moves it and there is no variance to share out';

/**
 * Why first-order shares of n trials, each input in `bins` equal-count bins, cannot be estimated;
 * undefined when they can. The rule, from what the estimator needs:
 *
 * - Each input's fit has p <= 2K parameters (a line in each of K bins). The adjusted R²,
 *   1 - (n - 1) MSE / SST with MSE = SSE / (n - p), needs at least one residual degree of freedom,
 *   n - 2K >= 1: with n <= p the lines pass through every trial, SSE = 0, and every input "explains"
 *   all the variance (a share of 1, and 1 minus their sum far below 0).
 * - The interval is a delete-a-group jackknife: each replicate refits without one block of trials,
 *   so it needs the same of the trials left, n - (largest block) - 2K >= 1, else the replicates
 *   are all exactly 1 and the interval has no width; and at least 2 blocks (G - 1 >= 1 degree of
 *   freedom for t). The blocks are the G = min(20, floor(n / 2)) of jackknifeGroups, 2 or 3 trials
 *   each below 40 trials.
 *
 * With binCount's K = 4 below 1,250 trials, that is 12 trials or more (minimumTrialsForShares):
 * 11 trials fit 8 parameters with 3 to spare, but a replicate without a block of 3 has 8.
 * The bound uses p = 2K, not the p a sample happens to need (a bin with no spread in x fits 1), so
 * whether a run's shares are estimable depends on its trial count only, not on its draws. The
 * halved tails (tailBins) add parameters only from 160 trials, 2 log2(n / 40K) of them, far inside it.
 *
 * @example sharesNotEstimable(8, 4) // => "8 trials: variance shares need at least 12, to fit a driver's 8 parameters ..."
 * Complexity: O(G).
 */
export function sharesNotEstimable(n: number, bins: number, groups = JACKKNIFE_GROUPS): string | undefined {
  if (estimable(n, bins, groups)) return undefined;
  const min = minimumTrialsForShares(groups);
  return `${n.toLocaleString('en-US')} trial${n === 1 ? '' : 's'}: variance shares need at least ${min}, to fit a driver's ${2 * Math.min(binCount(min), min)} parameters with a trial to spare when the jackknife leaves a block of trials out`;
}

/**
 * The fewest trials from which first-order shares can be estimated (sharesNotEstimable), with the
 * bins prepareInput gives n trials (binCount(n), at most n). Every larger count can be too: the
 * blocks grow as n / 20 and the parameters as n / 125 (checked up to 100,000 trials by the tests).
 *
 * @example minimumTrialsForShares() // => 12
 * Complexity: O(result x G), once (cached).
 */
export function minimumTrialsForShares(groups = JACKKNIFE_GROUPS): number {
  const cached = minimumCache.get(groups);
  if (cached !== undefined) return cached;
  let n = 1;
  while (!estimable(n, Math.min(binCount(n), n), groups)) n++;
  minimumCache.set(groups, n);
  return n;
}

const minimumCache = new Map<number, number>();

function estimable(n: number, bins: number, groups: number): boolean {
  const G = jackknifeGroups(n, groups);
  const p = 2 * bins;
  return n - p >= 1 && n - largestBlock(n, G) - p >= 1 && G >= 2;
}

/** t(0.975; nu) for nu = 1..10 (Abramowitz & Stegun table 26.10), where the expansion below is not yet accurate. */
const T975_SMALL = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

/**
 * Two-sided 95% Student t quantile for nu degrees of freedom: tabulated up to 10, beyond by the
 * Cornish-Fisher expansion around z = 1.95996 (Abramowitz & Stegun 26.7.5, four terms), within
 * 0.001 there.
 *
 * @example t975(19) // => 2.093
 * Complexity: O(1).
 */
export function t975(nu: number): number {
  if (nu <= 10) return T975_SMALL[Math.max(1, Math.round(nu)) - 1]!;
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3);
}

/**
 * Per (block, bin) sums of one input: count, x, x², y, y² and xy, indexed block * bins + bin.
 * A function of its own, whose loop is followed only by a return: V8 compiles a long loop while it
 * runs (on-stack replacement), and code after it that had not run yet (a call, an object literal)
 * deoptimised that compiled code at the end of every input.
 * Complexity: O(n + blocks * bins).
 */
function blockBinSums(
  bin: ArrayLike<number>,
  x: ArrayLike<number>,
  yc: ArrayLike<number>,
  groupOf: ArrayLike<number>,
  G: number,
  K: number,
): { c: Float64Array; sx: Float64Array; sxx: Float64Array; sy: Float64Array; syy: Float64Array; sxy: Float64Array } {
  const sums = { c: new Float64Array(G * K), sx: new Float64Array(G * K), sxx: new Float64Array(G * K), sy: new Float64Array(G * K), syy: new Float64Array(G * K), sxy: new Float64Array(G * K) };
  const { c, sx, sxx, sy, syy, sxy } = sums;
  for (let i = 0; i < yc.length; i++) {
    const j = groupOf[i]! * K + bin[i]!;
    const xi = x[i]!;
    const yi = yc[i]!;
    c[j]! += 1;
    sx[j]! += xi;
    sxx[j]! += xi * xi;
    sy[j]! += yi;
    syy[j]! += yi * yi;
    sxy[j]! += xi * yi;
  }
  return sums;
}

/**
 * One neighbour triple's estimate of the metric's noise (Gasser, Sroka & Jennen-Steinmetz 1986):
 * trials i0, i1, i2 adjacent in the input's order, the middle one's metric against the line through
 * its neighbours', e = a y0 + b y2 - y1 with a = (x2 - x1) / (x2 - x0), b = (x1 - x0) / (x2 - x0)
 * (a = b = 1/2 when the three tie), scaled by 1 / (a² + b² + 1): E = the variance of y around its
 * conditional mean, whatever the conditional mean's slope, up to its curvature over two spacings.
 * Complexity: O(1).
 */
function tripleTerm(x: Float64Array, yc: Float64Array, i0: number, i1: number, i2: number): number {
  const x0 = x[i0]!;
  const x1 = x[i1]!;
  const x2 = x[i2]!;
  const w = x2 - x0;
  let a = 0.5;
  let b = 0.5;
  if (w > 0) {
    a = (x2 - x1) / w;
    b = (x1 - x0) / w;
  }
  const e = a * yc[i0]! + b * yc[i2]! - yc[i1]!;
  return (e * e) / (a * a + b * b + 1);
}

/**
 * The sum of the triple terms of the trials at positions [from, to) of the input's order, leaving
 * out those of block `skip` (-1: none): each kept trial but the first and last beside its kept
 * neighbours, so c - 2 terms of c kept trials.
 * Complexity: O(to - from).
 */
function neighbourSum(order: Int32Array, x: Float64Array, yc: Float64Array, groupOf: Uint16Array, from: number, to: number, skip: number): number {
  let sum = 0;
  let i0 = -1;
  let i1 = -1;
  for (let r = from; r < to; r++) {
    const i = order[r]!;
    if (groupOf[i] === skip) continue;
    if (i0 >= 0) sum += tripleTerm(x, yc, i0, i1, i);
    i0 = i1;
    i1 = i;
  }
  return sum;
}

/**
 * Each trial's block (G contiguous blocks, block g ending at floor((g + 1) n / G)), y centred on its
 * mean, and per block the count, sum and sum of squares of centred y. Each loop in a function of its
 * own followed only by its end (see blockBinSums): firstOrderShares, which calls them, then has no
 * loop over the trials.
 * Complexity: O(n).
 */
function centredBlockSums(y: ArrayLike<number>, mean: number, G: number, groupOf: Uint16Array, yc: Float64Array, gN: Float64Array, gY: Float64Array, gQ: Float64Array): void {
  blocksOf(groupOf, G);
  centre(y, mean, yc);
  blockMoments(groupOf, yc, gN, gY, gQ);
}

function blocksOf(groupOf: Uint16Array, G: number): void {
  const n = groupOf.length;
  for (let g = 0, i = 0; g < G; g++) {
    const end = Math.floor(((g + 1) * n) / G);
    for (; i < end; i++) groupOf[i] = g;
  }
}

function centre(y: ArrayLike<number>, mean: number, yc: Float64Array): void {
  for (let i = 0; i < yc.length; i++) yc[i] = y[i]! - mean;
}

function blockMoments(groupOf: Uint16Array, yc: Float64Array, gN: Float64Array, gY: Float64Array, gQ: Float64Array): void {
  for (let i = 0; i < yc.length; i++) {
    const g = groupOf[i]!;
    gN[g]! += 1;
    gY[g]! += yc[i]!;
    gQ[g]! += yc[i]! * yc[i]!;
  }
}

/**
 * First-order (main-effect) variance shares of a metric Y on independent inputs X_i,
 * S_i = Var(E[Y | X_i]) / Var(Y) (Sobol's first-order index).
 *
 * Estimator: E[Y | X_i] is fitted piecewise linearly, a line in each of K equal-count bins of X_i's
 * ranks (prepareInput's), or, only where the metric curves in X_i's tails beyond noise (tailsCurve:
 * an F-test per halving at 1e-4 / halvings, decided on the whole sample), in its tail bins (tailBins:
 * the two outer ones halved towards the extremes; p = 2 parameters a
 * bin, 1 for a bin with no spread in x). With SS_model the regression sum of squares,
 * SSE = SST - SS_model and MSE = SSE / (n - p):
 *
 *   S_i = (SS_model - (p - 1) MSE) / SST  =  1 - (n - 1) MSE / SST   (the adjusted R²).
 *
 * Bias correction: when X_i has no effect, E[SS_model] = (p - 1) sigma² and E[MSE] = sigma², so the
 * plain between-bin share SS_model / SST would be (p - 1) / (n - 1) on average; subtracting
 * (p - 1) MSE removes that. With an effect, S_i estimates the index up to the curvature the lines
 * miss inside a bin. The halved tails keep that small where a metric curves most (a large market
 * loading moves volumes by e^(b z)); in the extreme bin of each tail (once halved 3 times, from 640
 * trials) the bin's noise is estimated from neighbour triples instead of its line's residuals
 * (tripleTerm: a line through each trial's two neighbours, so only the curvature over two spacings is
 * missed), its SSE replaced by their sum over its c - 2 triples. Until December 2026 the K bins were
 * not halved, and leads loaded 2 on the market read 69% for a true 99.999%
 * (bench/attribution-estimators.mjs). The estimate can fall below 0 by noise.
 *
 * Interval: a delete-a-group jackknife over G contiguous blocks of trials (trials are independent,
 * so blocks are too): S_(g) computed without block g from the per-block sums, SE² = (G - 1) / G x
 * Σ (S_(g) - mean S_(.))², interval S -/+ t(G - 1) SE. Deterministic: no resampling. The sum of the
 * shares, hence `unexplained`, gets its interval the same way.
 *
 * Too few trials for the fit and its replicates (sharesNotEstimable: fewer than 12 at most): every
 * share and `unexplained` are null, with `notEstimable` saying why, never a share of 1.
 *
 * @example firstOrderShares(revenue, [market, conversion]).shares[0].value // => 0.62
 * Complexity: O(n p_inputs) time to accumulate sums, O(G² K) per input for the jackknife (K the
 * tail bins, about K + 2 log2(n / 40 K)) and O(G m) for the m trials of the extreme tail bins;
 * O(G K) memory per input.
 */
export function firstOrderShares(y: ArrayLike<number>, inputs: readonly PreparedInput[], groups = JACKKNIFE_GROUPS): FirstOrderShares {
  // 1 was raised to 2 without a word, and 10.5 failed as 'Invalid typed array length'.
  if (!(Number.isInteger(groups) && groups >= 2)) throw new RangeError(`firstOrderShares: groups must be a whole number, at least 2 (got ${typeof groups === 'number' ? groups : typeof groups})`);
  const n = y.length;
  const G = jackknifeGroups(n, groups);
  const bins = inputs.reduce((a, input) => Math.max(a, input.bins), 0);
  const reason = sharesNotEstimable(n, bins || Math.min(binCount(n), n), groups);
  if (reason !== undefined) {
    const none: ShareEstimate = { value: null, standardError: null, interval: null, notEstimable: reason };
    return { shares: inputs.map(() => none), unexplained: none, bins: inputs[0]?.bins ?? 0, groups: G, notEstimable: reason };
  }
  const groupOf = scratchBlocks(n);
  // Centre y for numerical stability; per-block count, sum and sum of squares.
  const mean = meanAll(y);
  const yc = scratchFloat64('centred', n);
  const gN = new Float64Array(G);
  const gY = new Float64Array(G);
  const gQ = new Float64Array(G);
  centredBlockSums(y, mean, G, groupOf, yc, gN, gY, gQ);
  const totals = (skip: number) => {
    let N = 0;
    let S = 0;
    let Q = 0;
    for (let g = 0; g < G; g++)
      if (g !== skip) {
        N += gN[g]!;
        S += gY[g]!;
        Q += gQ[g]!;
      }
    return { N, S, Q };
  };
  const full = totals(-1);
  // A metric the same in every trial (a re-forecast with all twelve months closed) has no variance
  // to share out: its shares are 0 / 0, not 0 with 100% left to luck.
  if (!(full.Q - (full.S * full.S) / full.N > n * (1e-12 * Math.abs(mean)) ** 2)) {
    const none: ShareEstimate = { value: null, standardError: null, interval: null, notEstimable: CONSTANT_METRIC };
    return { shares: inputs.map(() => none), unexplained: none, bins: inputs[0]?.bins ?? 0, groups: G, notEstimable: CONSTANT_METRIC };
  }
  const loo = Array.from({ length: G }, (_, g) => totals(g));

  const perInput = inputs.map((input) => {
    const tail = tailBins(input.bin, input.bins, input.order, scratchBins(n));
    // The halved tails only where the metric curves in them beyond noise (tailsCurve, decided once for
    // the estimate and all its replicates); elsewhere prepareInput's K bins, whose lines are adequate there.
    const refined = tailsCurve(input, tail, yc);
    const K = refined ? tail.count : input.bins;
    const { c, sx, sxx, sy, syy, sxy } = blockBinSums(refined ? tail.bin : input.bin, input.x, yc, groupOf, G, K);
    // The extreme tail bins' noise from neighbours: their sums in full ([G]) and without each block ([g]).
    const neighbours = new Map(
      (refined ? tail.neighbourRanges : []).map(({ bin, from, to }) => [bin, Float64Array.from({ length: G + 1 }, (_, g) => neighbourSum(input.order, input.x, yc, groupOf, from, to, g === G ? -1 : g))]),
    );
    const estimate = (skip: number, t: { N: number; S: number; Q: number }) => {
      const sst = t.Q - (t.S * t.S) / t.N;
      if (!(sst > 0)) return 0;
      let ssModel = -(t.S * t.S) / t.N;
      let p = 0;
      for (let k = 0; k < K; k++) {
        let C = 0, X = 0, XX = 0, Y = 0, YY = 0, XY = 0;
        for (let g = 0; g < G; g++) {
          if (g === skip) continue;
          const j = g * K + k;
          C += c[j]!;
          X += sx[j]!;
          XX += sxx[j]!;
          Y += sy[j]!;
          YY += syy[j]!;
          XY += sxy[j]!;
        }
        if (C === 0) continue;
        const noise = neighbours.get(k);
        if (noise !== undefined && C >= 3) {
          // All of the bin's sum of squares is explained but its noise, (C - 2) of the triples' estimate: C - 2 degrees of freedom, as a line's.
          ssModel += YY - noise[skip < 0 ? G : skip]!;
          p += 2;
          continue;
        }
        const line = binLine(C, X, XX, Y, XY);
        ssModel += line.mean;
        if (line.p === 2) ssModel += line.slope;
        p += line.p;
      }
      const mse = Math.max(0, sst - ssModel) / Math.max(1, t.N - p);
      return (ssModel - (p - 1) * mse) / sst;
    };
    return { value: estimate(-1, full), replicates: loo.map((t, g) => estimate(g, t)) };
  });

  const t = t975(G - 1);
  const jackknife = (value: number, reps: readonly number[]): ShareEstimate => {
    const m = reps.reduce((a, b) => a + b, 0) / reps.length;
    const se = Math.sqrt(((G - 1) / G) * reps.reduce((a, r) => a + (r - m) ** 2, 0));
    return { value, standardError: se, interval: [value - t * se, value + t * se] };
  };
  const shares = perInput.map((s) => jackknife(s.value, s.replicates));
  const rest = 1 - perInput.reduce((a, s) => a + s.value, 0);
  const restReps = Array.from({ length: G }, (_, g) => 1 - perInput.reduce((a, s) => a + s.replicates[g]!, 0));
  return { shares, unexplained: jackknife(rest, restReps), bins: inputs[0]?.bins ?? 0, groups: G };
}
