import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { prepareAlias, type AliasTable } from '../random/discrete.js';

/**
 * The probability of each lag 0..max (months) of a whole-month lag distribution, and the
 * conditional probabilities used to split a count across lags with one binomial per lag
 * (a multinomial by sequential binomials: P(lag = j | lag >= j)).
 */
export interface LagPmf {
  readonly max: number;
  readonly pmf: Float64Array;
  readonly conditional: Float64Array;
  /** Alias table of the pmf, to draw one unit's lag in O(1). */
  readonly alias: AliasTable;
}

/**
 * @example lagPmf({ dist: 'discrete', values: [0, 2], weights: [1, 3] }).pmf // => [0.25, 0, 0.75]
 * Complexity: O(values + max).
 */
export function lagPmf(spec: DistributionSpec): LagPmf {
  const weights = new Map<number, number>();
  if (typeof spec === 'number') weights.set(spec, 1);
  else if (spec.dist === 'fixed') weights.set(spec.value, 1);
  else if (spec.dist === 'discrete') spec.values.forEach((v, i) => weights.set(v, (weights.get(v) ?? 0) + (spec.weights[i] ?? 0)));
  else if (spec.dist === 'empirical') spec.values.forEach((v) => weights.set(v, (weights.get(v) ?? 0) + 1));
  else throw new RangeError(`a lag in months cannot be ${spec.dist}`);
  let max = 0;
  let total = 0;
  for (const [v, w] of weights) {
    if (w > 0) max = Math.max(max, v);
    total += w;
  }
  const pmf = new Float64Array(max + 1);
  for (const [v, w] of weights) if (w > 0) pmf[v] = w / total;
  return lagPmfOf(pmf);
}

/**
 * The LagPmf of a normalised pmf over lags 0..pmf.length - 1 (its last entry > 0): the conditionals
 * P(lag = j | lag >= j) of the sequential-binomial split and the alias table of one unit's draw.
 * Complexity: O(max).
 */
export function lagPmfOf(pmf: Float64Array): LagPmf {
  const max = pmf.length - 1;
  const conditional = new Float64Array(max + 1);
  let tail = 1;
  for (let j = 0; j <= max; j++) {
    conditional[j] = j === max ? 1 : tail > 0 ? Math.min(1, pmf[j]! / tail) : 0;
    tail -= pmf[j]!;
  }
  return { max, pmf, conditional, alias: prepareAlias(Array.from(pmf)) };
}

/** The first lag a pmf gives a chance (months), or Infinity when it gives none. */
export function firstLag(lag: LagPmf): number {
  const i = lag.pmf.findIndex((x) => x > 0);
  return i < 0 ? Infinity : i;
}
