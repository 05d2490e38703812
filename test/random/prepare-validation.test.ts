import { describe, expect, it } from 'vitest';
import { prepareAlias } from '../../src/random/discrete.js';
import { prepareTruncatedNormal } from '../../src/math/truncated-normal.js';

describe('prepare* reject bad inputs with a RangeError and a clear message', () => {
  it.each([
    [[], /must not be empty/],
    [[0.5, -0.1, 0.6], /weight 1 is -0.1; weights must be finite and >= 0/],
    [[0, 0, 0], /weights sum to 0/],
    [[1, Number.NaN], /weight 1 is NaN/],
    [[1, Number.POSITIVE_INFINITY], /weight 1 is Infinity/],
  ] as const)('prepareAlias(%j)', (weights, message) => {
    expect(() => prepareAlias(weights)).toThrow(RangeError);
    expect(() => prepareAlias(weights)).toThrow(message);
  });

  it.each([
    [0, 1, 1, 1, /lower must be < upper/],
    [0, 1, 2, 1, /lower must be < upper/],
    [0, 1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, /lower must be < upper/],
    [0, 1, Number.NaN, 1, /must not be NaN/],
    [0, 1, 0, Number.NaN, /must not be NaN/],
    [Number.NaN, 1, 0, 1, /mu must be finite/],
    [0, 0, -1, 1, /sigma must be finite and > 0/],
    [0, -1, -1, 1, /sigma must be finite and > 0/],
    [0, Number.NaN, -1, 1, /sigma must be finite and > 0/],
    [0, 1, 40, Number.POSITIVE_INFINITY, /negligible probability/],
    [0, 1, Number.NEGATIVE_INFINITY, -39, /negligible probability/],
  ])('prepareTruncatedNormal(mu %d, sigma %d, [%d, %d])', (mu, sigma, lower, upper, message) => {
    expect(() => prepareTruncatedNormal(mu, sigma, lower, upper)).toThrow(RangeError);
    expect(() => prepareTruncatedNormal(mu, sigma, lower, upper)).toThrow(message);
  });
});
