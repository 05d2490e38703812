import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { centralValue } from '../scenario/central-value.js';
import { betaParams, lognormalParams } from '../math/distribution-params.js';
import { normalQuantile } from '../math/normal-cdf.js';
import { indefiniteArticle } from '../scenario/indefinite-article.js';

/** Φ⁻¹(0.9), for lognormals written by their P90. */
const Z90 = normalQuantile(0.9);

/** What the studio can change of a distribution: its central value always, its spread when it has one. */
export interface Editable {
  /** The central value as written (centralValue): the plan the slider starts at. */
  readonly central: number;
  /** True when the distribution has a spread to widen or narrow. */
  readonly spread: boolean;
}

/**
 * Whether the studio can move this distribution, and how. Families whose central value is not one
 * parameter (discrete, empirical values) are left alone.
 *
 * @example editable({ dist: 'beta', mean: 0.03, sd: 0.004 }) // => { central: 0.03, spread: true }
 */
export function editable(spec: DistributionSpec): Editable | undefined {
  if (typeof spec === 'number') return { central: spec, spread: false };
  switch (spec.dist) {
    case 'discrete':
    case 'empirical':
      return undefined;
    case 'poisson':
    case 'negativeBinomial':
      return typeof spec.mean === 'number' ? { central: spec.mean, spread: false } : undefined;
    case 'lognormal':
      if (typeof spec.median === 'object') return undefined;
      return { central: centralValue(spec), spread: true };
    case 'fixed':
      return { central: spec.value, spread: false };
    default:
      return { central: centralValue(spec), spread: true };
  }
}

/**
 * The same family moved to a new central value `central` (the value centralValue reads back) with
 * its spread multiplied by `spread` (1 keeps it): a beta's mean and sd, a normal's mean and sd (and
 * truncation bounds moved with the mean), a lognormal's median (or mean) with sigma × spread, a
 * triangular's or PERT's mode with min and max at spread × their distance from it, a uniform's
 * midpoint and half-width, a metalog's quantiles about its P50. Written out whole, with `dist`, so a
 * scenario that extends the plan replaces the plan's distribution with it. The result is checked by
 * the scenario schema where it is used (a beta sd too wide for its mean is refused there, by field).
 *
 * @example recentre({ dist: 'beta', alpha: 3, beta: 97 }, 0.025, 1) // => { dist: 'beta', mean: 0.025, sd: 0.01698... }
 * Complexity: O(1), or O(quantiles).
 */
export function recentre(spec: DistributionSpec, central: number, spread = 1): DistributionSpec {
  if (typeof spec === 'number') return central;
  switch (spec.dist) {
    case 'fixed':
      return { dist: 'fixed', value: central };
    case 'poisson':
      return { dist: 'poisson', mean: central };
    case 'negativeBinomial':
      return { ...spec, mean: central };
    case 'beta': {
      const { alpha, beta } = betaParams(spec);
      const mean = alpha / (alpha + beta);
      const sd = spec.sd ?? Math.sqrt((mean * (1 - mean)) / (alpha + beta + 1));
      return { dist: 'beta', mean: central, sd: sd * spread };
    }
    case 'normal': {
      const d = central - spec.mean;
      return {
        dist: 'normal',
        mean: central,
        sd: spec.sd * spread,
        ...(spec.min !== undefined ? { min: spec.min + d } : {}),
        ...(spec.max !== undefined ? { max: spec.max + d } : {}),
      };
    }
    case 'lognormal': {
      const { sigma } = lognormalParams(spec as Parameters<typeof lognormalParams>[0]);
      const s = sigma * spread;
      if (spec.median !== undefined) return { dist: 'lognormal', median: central, p90: central * Math.exp(Z90 * s) };
      if (spec.mean !== undefined) return { dist: 'lognormal', mean: central, sd: central * Math.sqrt(Math.expm1(s * s)) };
      // mu/sigma and p10/p90 state no central value of their own: it is exp(mu), the median.
      const m = Math.log(central);
      if (spec.mu !== undefined) return { dist: 'lognormal', mu: m, sigma: s };
      return { dist: 'lognormal', p10: Math.exp(m - Z90 * s), p90: Math.exp(m + Z90 * s) };
    }
    case 'triangular':
    case 'pert':
      return { dist: spec.dist, min: central - (spec.mode - spec.min) * spread, mode: central, max: central + (spec.max - spec.mode) * spread };
    case 'uniform': {
      const half = ((spec.max - spec.min) / 2) * spread;
      return { dist: 'uniform', min: central - half, max: central + half };
    }
    case 'quantiles': {
      const c = centralValue(spec);
      const quantiles = Object.fromEntries(Object.entries(spec.quantiles).map(([k, q]) => [k, central + (q - c) * spread]));
      return { ...spec, quantiles };
    }
    case 'discrete':
    case 'empirical':
      throw new RangeError(`${indefiniteArticle(spec.dist)} ${spec.dist} distribution has no single central value to move`);
  }
}
