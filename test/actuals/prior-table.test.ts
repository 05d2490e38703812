import { describe, expect, it } from 'vitest';
import { QuantileTable } from '../../src/actuals/prior-table.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';
import { createStream } from '../../src/random/source.js';

/**
 * A prior's quantile table sorts its seeded sample with the radix sort of math/sorted-values.ts; the
 * table must be the one Float64Array.prototype.sort gives, bit for bit, so re-forecasts are unchanged.
 */
describe('QuantileTable', () => {
  const specs: Array<[string, DistributionSpec]> = [
    ['beta', { dist: 'beta', mean: 0.05, sd: 0.015 }],
    ['lognormal', { dist: 'lognormal', median: 10_000, p90: 14_000 }],
    ['normal around 0 (negatives, and tiny values either side of 0)', { dist: 'normal', mean: 0, sd: 1e-300 }],
    // The normal above draws no zero: -0 and +0 themselves, which the native sort puts -0 first.
    ['discrete of -0 and +0', { dist: 'discrete', values: [-0, 0, -1], weights: [0.4, 0.4, 0.2] }],
    ['discrete with ties', { dist: 'discrete', values: [-1, 0, 2], weights: [0.2, 0.5, 0.3] }],
  ] as Array<[string, DistributionSpec]>;
  it.each(specs)('sorts a %s sample exactly as the native sort does', (_, spec) => {
    const compiled = compileDistribution(spec);
    const draw = compiled.bind(createStream('prior-seed'));
    const native = Float64Array.from({ length: 4096 }, () => draw()).sort();
    const table = new QuantileTable(compiled, 'prior-seed', 4096);
    expect(Buffer.from(table.sorted.buffer)).toEqual(Buffer.from(native.buffer));
  });
});
