import { describe, expect, it } from 'vitest';
import { compileDistribution, sumInto } from '../../src/model/distribution-sampler.js';
import { createStream } from '../../src/random/source.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';

/**
 * The simulators draw their sums through `sumInto` (each sum written into a slot, so that no
 * fractional number is returned from a call that is not inlined); `bindSum` returns them. On
 * streams of the same name both must give the same sums bit for bit, for every family: those with a
 * `bindSumInto` (lognormal deal by deal and from the tables, beta) and those stored by the fallback.
 * Counts cover 0, the deal-by-deal sums below the tables, the table sums with a remainder and above 64.
 */
const COUNTS = [0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 16, 31, 64, 67, 150, 0, 2, 9];

const SPECS: Record<string, DistributionSpec> = {
  'lognormal, tables': { dist: 'lognormal', median: 11_000, p90: 24_000 },
  'lognormal, sigma above the tables': { dist: 'lognormal', median: 1, p90: 5 },
  'lognormal, sigma 0': { dist: 'lognormal', median: 7, p90: 7 },
  beta: { dist: 'beta', mean: 0.25, sd: 0.1 },
  'beta, Jöhnk': { dist: 'beta', mean: 0.5, sd: 0.3 },
  normal: { dist: 'normal', mean: 10, sd: 3 },
  uniform: { dist: 'uniform', min: 1, max: 4 },
  poisson: { dist: 'poisson', mean: 2.5 },
  fixed: 3.25,
};

describe('sumInto', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`gives bindSum's sums bit for bit: ${name}`, () => {
      const compiled = compileDistribution(spec);
      const returned = compiled.bindSum(createStream(`sum-into/${name}`));
      const slot = new Float64Array(1);
      const into = sumInto(compiled, createStream(`sum-into/${name}`), slot);
      for (let round = 0; round < 40; round++) {
        for (const n of COUNTS) {
          const expected = returned(n);
          into(n);
          expect(Object.is(slot[0], expected), `${name}, n ${n}, round ${round}: ${slot[0]} against ${expected}`).toBe(true);
        }
      }
    });
  }

  it('two samplers sharing one slot give the sums each gives with a slot of its own', () => {
    const acv = compileDistribution(SPECS['lognormal, tables']!);
    const share = compileDistribution(SPECS.beta!);
    const shared = new Float64Array(1);
    const a = sumInto(acv, createStream('sum-into/shared/a'), shared);
    const b = sumInto(share, createStream('sum-into/shared/b'), shared);
    const ownA = new Float64Array(1);
    const ownB = new Float64Array(1);
    const a2 = sumInto(acv, createStream('sum-into/shared/a'), ownA);
    const b2 = sumInto(share, createStream('sum-into/shared/b'), ownB);
    for (const n of COUNTS) {
      a(n);
      a2(n);
      expect(shared[0]).toBe(ownA[0]);
      b(n + 1);
      b2(n + 1);
      expect(shared[0]).toBe(ownB[0]);
    }
  });
});
