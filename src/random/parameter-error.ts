/**
 * How samplers refuse bad input (issue 10). The contract, the same for every sampler in
 * src/random:
 *
 * - The factory (`poisson(source)`, ...) checks its source is a function, and throws a TypeError
 *   otherwise.
 * - Parameters that are prepared once (`prepareAlias`, `prepareTruncatedNormal`, `fitMetalog`)
 *   are validated when prepared and throw a RangeError there. The draw trusts what they made:
 *   `discreteIndex` and `metalog` take one or two uniforms and a closed form whatever table or
 *   fit they get, so nothing can make them loop; `truncatedNormal`, whose rejection loops could
 *   run forever on hand-made constants, accepts only params that `prepareTruncatedNormal` made.
 * - Parameters passed with each draw (`draw(mean)`, `draw(n, p)`, ...) are checked on every call
 *   by a few comparisons, with no allocation (or only when the parameters change, where a sampler
 *   precomputes per parameter set), and a value outside the domain throws a RangeError naming the
 *   sampler, the parameter, the rule and the value, e.g.
 *   `poisson: mean must be a finite number >= 0, got NaN`.
 *
 * So no sampler returns NaN for bad per-draw parameters, and none loops on them: NaN,
 * infinities, negative values, non-integers where an integer is needed and probabilities outside
 * [0, 1] are refused before any uniform is drawn. (stdlib-js returns NaN instead; arrcast throws
 * because a NaN count would flow on silently as a loop bound or an index.)
 */

/** A value for an error message: numbers as JavaScript prints them (NaN, -Infinity), strings quoted. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined || value === null) return String(value);
  if (typeof value === 'function') return 'a function';
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * The RangeError a sampler throws for a parameter outside its domain.
 *
 * @param sampler - the sampler's name, e.g. 'poisson'.
 * @param name - the parameter's name, e.g. 'mean'.
 * @param rule - what it must be, e.g. 'a finite number >= 0'.
 * @param value - the value it got.
 * @example badParameter('poisson', 'mean', 'a finite number >= 0', NaN).message // => 'poisson: mean must be a finite number >= 0, got NaN'
 * @remarks O(1). Built only on the failing path, so the checks in the draw functions stay cheap.
 */
export function badParameter(sampler: string, name: string, rule: string, value: unknown): RangeError {
  return new RangeError(`${sampler}: ${name} must be ${rule}, got ${showValue(value)}`);
}

/**
 * Check a sampler factory's source: a function returning uniforms on [0, 1).
 *
 * @throws TypeError naming the sampler if `source` is not a function.
 * @example checkSource('poisson', createStream('s')) // returns nothing
 * @remarks O(1), once per factory call.
 */
export function checkSource(sampler: string, source: unknown): void {
  if (typeof source !== 'function') {
    throw new TypeError(`${sampler}: source must be a function returning uniforms in [0, 1), got ${showValue(source)}`);
  }
}

/** Rule text shared by several samplers. */
export const FINITE = 'a finite number';
export const FINITE_NON_NEGATIVE = 'a finite number >= 0';
export const FINITE_POSITIVE = 'a finite number > 0';
/** Largest count a sampler takes: beyond 2^53 - 1 consecutive integers are no longer doubles. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;
export const WHOLE_COUNT = `a whole number from 0 to ${MAX_COUNT}`;

/**
 * The RangeError for bounds outside the domain of uniform, triangular or PERT (finite, min <= max,
 * a finite range max - min, and min <= mode <= max when there is a mode); off the hot path.
 */
export function refuseBounds(sampler: string, min: number, max: number, mode?: number): RangeError {
  if (!(min > Number.NEGATIVE_INFINITY && min < Number.POSITIVE_INFINITY)) return badParameter(sampler, 'min', FINITE, min);
  if (!(max > Number.NEGATIVE_INFINITY && max < Number.POSITIVE_INFINITY)) return badParameter(sampler, 'max', FINITE, max);
  if (mode === undefined) {
    if (!(min <= max)) return badParameter(sampler, 'min', `<= max (${max})`, min);
    return badParameter(sampler, 'max - min', 'finite (the range overflows)', max - min);
  }
  if (!(mode > Number.NEGATIVE_INFINITY && mode < Number.POSITIVE_INFINITY)) return badParameter(sampler, 'mode', FINITE, mode);
  if (!(min <= max)) return badParameter(sampler, 'min', `<= max (${max})`, min);
  if (!(max - min < Number.POSITIVE_INFINITY)) return badParameter(sampler, 'max - min', 'finite (the range overflows)', max - min);
  return badParameter(sampler, 'mode', `within [min, max] = [${min}, ${max}]`, mode);
}
