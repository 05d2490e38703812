import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { quantilePoints } from '../scenario/quantile-points.js';
import { betaParams, lognormalParams } from '../math/distribution-params.js';

export { betaParams, lognormalParams };
import { beta, betaInto } from '../random/beta.js';
import { prepareAlias, discreteIndex } from '../random/discrete.js';
import { empiricalIndex } from '../random/empirical.js';
import { lognormal } from '../random/lognormal.js';
import { fitMetalog, metalogScoreQuantile } from '../math/metalog.js';
import { metalog } from '../random/metalog.js';
import { negativeBinomial } from '../random/negative-binomial.js';
import { normal, sumExpNormalInto } from '../random/normal.js';
import { pert, pertShape } from '../random/pert.js';
import { poisson } from '../random/poisson.js';
import type { RandomSource } from '../random/source.js';
import { prepareTruncatedNormal, truncatedNormalScoreQuantile } from '../math/truncated-normal.js';
import { truncatedNormal } from '../random/truncated-normal.js';
import { triangular } from '../random/triangular.js';
import { uniform } from '../random/uniform.js';
import type { CompoundSumTables } from '../random/compound-sum.js';
import { sumTables } from './sum-tables.js';
import { lognormalSeverity } from '../math/lognormal-severity.js';
import { betaSeverity } from '../math/beta-severity.js';
import { incompleteBeta } from '../math/incomplete-beta.js';
import { normalCdf } from '../math/normal-cdf.js';

/** A draw function bound to one stream: each call is one draw. */
export type Draw = () => number;

/** Draws the sum of n independent draws (n a whole number >= 0), bound to one stream. */
export type SumDraw = (n: number) => number;

/**
 * Draws the sum of n independent draws (n a whole number >= 0) into the slot given when it was bound
 * (`sumInto`), rather than returning it: a fractional number returned from a call the optimizer does
 * not inline is boxed (a heap number a sum), a slot is not.
 */
export type SumInto = (n: number) => void;

/**
 * A distribution made ready to sample: parameters converted and tables built once, so binding it to
 * a stream and drawing allocate nothing per draw.
 */
export interface CompiledDistribution {
  /** The spec's name, for descriptions ('beta', 'lognormal', ...; 'fixed' for a plain number). */
  readonly kind: string;
  /** The value when the distribution is a constant; undefined otherwise. */
  readonly constant: number | undefined;
  /** Bind to a stream. */
  bind(source: RandomSource): Draw;
  /**
   * Bind a sampler of sums of n draws (the ACV of a month's n deals). Exact in O(1) for families
   * closed under sums (fixed: n x value; normal: N(n mu, sqrt(n) sigma); Poisson: Poisson(n mean);
   * negative binomial: NB(n mean, n k)); lognormal and beta sums from aggregate tables by the rule
   * below (within a stated error); otherwise n draws in a tight loop.
   */
  bindSum(source: RandomSource): SumDraw;
  /**
   * The same sums as `bindSum` (the same uniforms, the same arithmetic), each written into `out[0]`:
   * for the families whose sums a trial draws many of (lognormal, beta). Others: `sumInto`.
   */
  readonly bindSumInto?: (source: RandomSource, out: Float64Array) => SumInto;
  /**
   * The exact quantile at a normal score, Q(Phi(e)), where the family has one in closed form or by
   * a tail-accurate inversion (lognormal, an untruncated normal, beta, PERT, triangular, uniform, a quantiles metalog): what a re-forecast's prior
   * table uses beyond its sample's range, where evidence far outside the plan puts the posterior.
   */
  readonly scoreQuantile?: (e: number) => number;
  /**
   * A lognormal's or a beta's parameters as its sampler takes them (lognormal(mu, sigma), beta(alpha,
   * beta)): what a hot loop needs to draw as that sampler does without calling through `bind`'s
   * closures (the customer book's contraction and expansion shares).
   */
  readonly params?: { readonly dist: 'lognormal'; readonly mu: number; readonly sigma: number } | { readonly dist: 'beta'; readonly alpha: number; readonly beta: number };
  /**
   * A discrete's or an empirical's distinct values, ascending, each with its probability (the
   * weights as written, normalised; an empirical's value counts over its size): what a re-forecast
   * learns such a prior on, exactly, where a sorted sample of it stands in for other families.
   * A function, computed when asked: a plan run never needs it (an empirical holds up to 200,000 values).
   */
  readonly atoms?: () => Atoms;
}

/** Distinct values, ascending, and their probabilities (positive, adding up to 1 within rounding). */
export interface Atoms {
  readonly values: Float64Array;
  readonly probabilities: Float64Array;
}

/** The atoms of values drawn with the given weights: equal values pooled, zero weights left out. */
function atomsOf(values: readonly number[], weights: readonly number[]): Atoms {
  const pooled = new Map<number, number>();
  let total = 0;
  values.forEach((v, i) => {
    const w = weights[i] ?? 0;
    if (!(w > 0)) return;
    pooled.set(v, (pooled.get(v) ?? 0) + w);
    total += w;
  });
  const sorted = [...pooled.keys()].sort((a, b) => a - b);
  return { values: Float64Array.from(sorted), probabilities: Float64Array.from(sorted, (v) => pooled.get(v)! / total) };
}

/**
 * The rule for sums of lognormal and beta draws (a month's ACVs, expansions, contraction shares): a
 * sum of n draws comes from the tables of the aggregate distribution (random/compound-sum.ts) when
 * n >= TABLE_FROM_DEALS and the tables' stated error for n draws (E|S_table - S_exact|) is at most
 * MAX_TABLE_ERROR of the sum's mean (and, for a lognormal, sigma <= MAX_TABLE_SIGMA); otherwise draw
 * by draw, exactly. For a lognormal of sigma 0.6 every n >= 4 qualifies (error <= 0.18%); of sigma
 * 0.77 (wider deals) 4, 5, 8, 12 and 15 do not and stay deal by deal; above sigma 1 the far tail
 * stretches the grid and none would. Other families add their draws one by one (or exactly, when
 * closed under sums).
 */
export const TABLE_FROM_DEALS = 4;
export const MAX_TABLE_SIGMA = 1;
export const MAX_TABLE_ERROR = 0.0025;
/**
 * And the tables must resolve the sums' spread: their stated error for 64 draws at most this share of
 * the standard deviation of a sum of 64 (CompoundSumTables.spreadError). The grid spans 0 to beyond the
 * sum's tail whatever its spread, so a narrow severity's sums come out too wide: their variance high by
 * about spreadError^2 / 3 (the grid's rounding). At the limit, 0.1 (a lognormal of sigma 0.0207, a
 * Beta(1130, 1130)), that is 0.3%: measured +0.31% and +0.33% (sums of 64 and of 1,024 deals, sigma 0.02,
 * 1,000,000 sums, SE 0.14%), below one standard error of the variance of 200,000 trials; the error
 * first shows beyond it (spreadError 0.14: +0.6%, z 4.5; 0.2: +1.1%, z 7.7; bench/RESULTS.md, fixsmp16).
 * A stricter limit gains nothing measurable and costs CPU (sigma 0.0396 deals, 2,000 a month: three
 * times the user time deal by deal). Ordinary severities are far below it (a lognormal of sigma 0.2 to
 * 1: 0.01 to 0.02; the example's betas: below 0.01); a lognormal of sigma 0.001 was at 3.49, its sums'
 * variance 120 times too large from the tables (1,000 deals), though within 0.05% of the mean.
 */
export const MAX_TABLE_SPREAD_ERROR = 0.1;

/** Sums of up to this many draws have the rule's answer cached per sampler. */
const RULED = 1024;

/** The rule above for `tables`: (n) => true when a sum of n draws comes from the tables, false when draw by draw. */
export function tableRule(tables: CompoundSumTables): (n: number) => boolean {
  // The rule's answer for each n below RULED, once known (1: from the tables, 2: deal by
  // deal): the same answer as asking the tables again, with no number returned per sum.
  const ruled = new Uint8Array(RULED);
  // Whether the tables resolve the spread, asked on the first sum that could come from them (0: not yet asked).
  let spread = 0;
  const resolves = (): boolean => {
    if (spread === 0) spread = tables.spreadError() <= MAX_TABLE_SPREAD_ERROR ? 1 : 2;
    return spread === 1;
  };
  return (n) => {
    if (n < RULED) {
      let r = ruled[n]!;
      // The grid's floor first: above the limit, the answer is "deal by deal" whatever the spread and
      // the exact error, so no table is built only to read them (relativeErrorFloor).
      if (r === 0)
        r = ruled[n] =
          n >= TABLE_FROM_DEALS && !(tables.relativeErrorFloor(n) > MAX_TABLE_ERROR) && resolves() && tables.relativeError(n) <= MAX_TABLE_ERROR ? 1 : 2;
      return r === 1;
    }
    return resolves() && tables.relativeError(n) <= MAX_TABLE_ERROR;
  };
}

/** A sum sampler by the rule above into `out[0]`: from `tables` when they qualify for n deals, else deal by deal with `perDeal` (same stream, same slot). */
function ruledSumInto(tables: CompoundSumTables | undefined, source: RandomSource, perDeal: SumInto, out: Float64Array): SumInto {
  if (!tables) return perDeal;
  const fromTables = tables.bindInto(source, perDeal, out);
  const useTables = tableRule(tables);
  return (n) => {
    if (useTables(n)) fromTables(n);
    else perDeal(n);
  };
}

/** `bindSumInto`'s sums returned, one slot per bound sampler: a compiled distribution's `bindSum` where it has `bindSumInto`. */
const returned = (into: (source: RandomSource, out: Float64Array) => SumInto) => (source: RandomSource): SumDraw => {
  const out = new Float64Array(1);
  const draw = into(source, out);
  return (n) => {
    draw(n);
    return out[0]!;
  };
};

/**
 * Bind `d`'s sum sampler writing into `out[0]`: its `bindSumInto` when it has one, else its
 * `bindSum`'s results stored there (the same sums either way).
 */
export function sumInto(d: CompiledDistribution, source: RandomSource, out: Float64Array): SumInto {
  if (d.bindSumInto) return d.bindSumInto(source, out);
  const draw = d.bindSum(source);
  return (n) => {
    out[0] = draw(n);
  };
}

/** A sum sampler that adds n draws one by one. */
const loopSum = (bind: (source: RandomSource) => Draw) => (source: RandomSource): SumDraw => {
  const draw = bind(source);
  return (n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += draw();
    return s;
  };
};

/** Attach a one-by-one sum sampler to a compiled distribution that has no exact shortcut. */
const withLoopSum = (d: Omit<CompiledDistribution, 'bindSum'>): CompiledDistribution => ({ ...d, bindSum: loopSum(d.bind) });


/**
 * Beta(a, b)'s quantile at normal score e, Q(Phi(e)), by bisection on the tail it lies in (the lower
 * tail's probability Phi(e) for e <= 0, the upper tail's Phi(-e) otherwise), so scores of 8 and more
 * (tail probabilities of 1e-15 and less, where 1 - Phi(e) is 0 in floating point) still invert.
 *
 * @example betaScoreQuantile(0, 2, 2) // => 0.5
 * Complexity: O(60 continued fractions).
 */
export function betaScoreQuantile(e: number, a: number, b: number): number {
  const upper = e > 0;
  const target = normalCdf(upper ? -e : e);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    const t = incompleteBeta(mid, a, b);
    // Q is increasing in x: the lower tail grows with x, the upper tail shrinks.
    if (upper ? t.upper > target : t.lower < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const constant = (value: number): CompiledDistribution => ({
  kind: 'fixed',
  constant: value,
  bind: () => () => value,
  bindSum: () => (n) => n * value,
});

/**
 * Prepare a distribution spec for sampling. The spec must already be valid (the scenario schema
 * checks it); this only converts parameters.
 *
 * @example compileDistribution({ dist: 'beta', mean: 0.03, sd: 0.005 }).bind(createStream('s'))() // => 0.029...
 * Complexity: O(1), or O(n) for discrete/empirical tables and O(k^3) for a k-term metalog fit.
 */
export function compileDistribution(spec: DistributionSpec): CompiledDistribution {
  if (typeof spec === 'number') return constant(spec);
  switch (spec.dist) {
    case 'fixed':
      return constant(spec.value);
    case 'uniform': {
      const { min, max } = spec;
      // Each tail from its own end (Phi(-e) for e > 0), so a score of 8 does not round to max.
      const scoreQuantile = (e: number) => (e > 0 ? max - (max - min) * normalCdf(-e) : min + (max - min) * normalCdf(e));
      return { ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const u = uniform(s); return () => u(min, max); } }), scoreQuantile };
    }
    case 'triangular': {
      const { min, mode, max } = spec;
      // The inverse CDF, each side of the mode from its own end: F(mode) = (mode - min) / (max - min).
      const scoreQuantile = (e: number) => {
        const lower = normalCdf(e);
        if (lower <= (mode - min) / (max - min)) return min + Math.sqrt(lower * (max - min) * (mode - min));
        return max - Math.sqrt(normalCdf(-e) * (max - min) * (max - mode));
      };
      return { ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const t = triangular(s); return () => t(min, mode, max); } }), scoreQuantile };
    }
    case 'pert': {
      const { min, mode, max } = spec;
      // min + (max - min) B, B ~ Beta(pertShape): the beta's tail-accurate quantile, scaled.
      const shape = max > min ? pertShape(min, mode, max) : undefined;
      const scoreQuantile = shape ? (e: number) => min + (max - min) * betaScoreQuantile(e, shape.alpha, shape.beta) : undefined;
      return { ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const p = pert(s); return () => p(min, mode, max); } }), ...(scoreQuantile ? { scoreQuantile } : {}) };
    }
    case 'normal': {
      const { mean, sd } = spec;
      if (spec.min === undefined && spec.max === undefined)
        return {
          kind: spec.dist,
          constant: undefined,
          bind: (s) => { const n = normal(s); return () => n(mean, sd); },
          bindSum: (s) => { const n = normal(s); return (k) => (k === 0 ? 0 : n(k * mean, Math.sqrt(k) * sd)); },
          scoreQuantile: (e) => mean + sd * e,
        };
      const params = prepareTruncatedNormal(mean, sd, spec.min ?? -Infinity, spec.max ?? Infinity);
      return {
        ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const t = truncatedNormal(s); return () => t(params); } }),
        scoreQuantile: (e) => truncatedNormalScoreQuantile(e, params),
      };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(spec);
      // A month's deals: exp(mu) factored out. By the rule above, from the aggregate tables of this
      // sigma (compound-sum.ts: at most 4 + n / 64 table draws and 3 deals, error bound stated there)
      // or deal by deal (sumExpNormalInto: no call per draw, exact); every sum written into out[0].
      const lognormalSumInto = (s: RandomSource, out: Float64Array): SumInto => {
        // Tables only for a distribution that is summed (not for a year-level draw), built on first use.
        const tables = sigma > 0 && sigma <= MAX_TABLE_SIGMA ? sumTables(`lognormal/${sigma}`, () => lognormalSeverity(sigma)) : undefined;
        const perDeal = sumExpNormalInto(s, out);
        const median = Math.exp(mu);
        const exact = (n: number): void => perDeal(n, sigma);
        const fromTables = tables ? tables.bindInto(s, exact, out) : exact;
        const useTables = tables ? tableRule(tables) : () => false;
        // ruledSumInto's choice written out here: one closure a sum (a month's deals) calls, not three.
        return (n) => {
          if (n === 0) {
            out[0] = 0;
            return;
          }
          if (useTables(n)) fromTables(n);
          else perDeal(n, sigma);
          out[0] = median * out[0]!;
        };
      };
      return {
        kind: spec.dist,
        constant: undefined,
        bind: (s) => { const l = lognormal(s); return () => l(mu, sigma); },
        bindSum: returned(lognormalSumInto),
        bindSumInto: lognormalSumInto,
        scoreQuantile: (e) => Math.exp(mu + sigma * e),
        params: { dist: 'lognormal', mu, sigma },
      };
    }
    case 'beta': {
      const { alpha, beta: b } = betaParams(spec);
      const bind = (s: RandomSource): Draw => { const d = beta(s); return () => d(alpha, b); };
      // Contraction sizes of a month's contracting customers: by the rule above. The per-draw sampler
      // is bound first, so parameters outside beta's domain are refused by beta itself, by name.
      const betaSumInto = (s: RandomSource, out: Float64Array): SumInto => {
        // bind's draws, each written into `drawn` (no number returned per draw).
        const drawn = new Float64Array(1);
        const draw = betaInto(s, drawn);
        const perDraw = (n: number): void => {
          let sum = 0;
          for (let i = 0; i < n; i++) {
            draw(alpha, b);
            sum += drawn[0]!;
          }
          out[0] = sum;
        };
        return ruledSumInto(sumTables(`beta/${alpha}/${b}`, () => betaSeverity(alpha, b)), s, perDraw, out);
      };
      return {
        kind: spec.dist,
        constant: undefined,
        bind,
        bindSum: returned(betaSumInto),
        bindSumInto: betaSumInto,
        scoreQuantile: (e) => betaScoreQuantile(e, alpha, b),
        params: { dist: 'beta', alpha, beta: b },
      };
    }
    case 'poisson': {
      const { mean } = spec;
      return {
        kind: spec.dist,
        constant: mean === 0 ? 0 : undefined,
        bind: (s) => { const p = poisson(s); return () => p(mean); },
        bindSum: (s) => { const p = poisson(s); return (n) => p(n * mean); },
      };
    }
    case 'negativeBinomial': {
      const { mean, dispersion } = spec;
      return {
        kind: spec.dist,
        constant: mean === 0 ? 0 : undefined,
        bind: (s) => { const nb = negativeBinomial(s); return () => nb(mean, dispersion); },
        bindSum: (s) => { const nb = negativeBinomial(s); return (n) => (n === 0 ? 0 : nb(n * mean, n * dispersion)); },
      };
    }
    case 'discrete': {
      const live = spec.values.filter((_, i) => (spec.weights[i] ?? 0) > 0);
      if (live.every((v) => v === live[0])) return constant(live[0] ?? 0);
      const values = Float64Array.from(spec.values);
      const table = prepareAlias(spec.weights);
      return { ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const pick = discreteIndex(s); return () => values[pick(table)]!; } }), atoms: () => atomsOf(spec.values, spec.weights) };
    }
    case 'empirical': {
      if (spec.values.every((v) => v === spec.values[0])) return constant(spec.values[0] ?? 0);
      const values = Float64Array.from(spec.values);
      const n = values.length;
      return { ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const pick = empiricalIndex(s); return () => values[pick(n)]!; } }), atoms: () => atomsOf(spec.values, spec.values.map(() => 1)) };
    }
    case 'quantiles': {
      const fit = fitMetalog(quantilePoints(spec.quantiles), { lower: spec.lower, upper: spec.upper, terms: spec.terms });
      return { ...withLoopSum({ kind: spec.dist, constant: undefined, bind: (s) => { const m = metalog(s); return () => m(fit); } }), scoreQuantile: (e: number) => metalogScoreQuantile(fit, e) };
    }
  }
}
