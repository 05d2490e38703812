import { describe, expect, it } from 'vitest';
import { BETA, BOUND, LOGNORMAL, ShareDraw } from '../../src/model/book-share-draw.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import { createStream } from '../../src/random/source.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';

/**
 * The customer book draws its contraction and expansion shares through ShareDraw.fill (a beta as two
 * gammas, a lognormal from one normal, anything else through bind). Every share must be the one
 * `bind` gives on a stream of the same seed, bit for bit, on every path and in fills of any size; and
 * the stream must be left where bind's draws leave it.
 */
const specs: [string, DistributionSpec, number][] = [
  ['beta by two gammas', { dist: 'beta', mean: 0.2, sd: 0.08 }, BETA],
  ['beta with one shape below 1', { dist: 'beta', alpha: 0.6, beta: 3 }, BETA],
  ['beta by Jöhnk (both shapes <= 1)', { dist: 'beta', mean: 0.4, sd: 0.3 }, BOUND],
  ['lognormal', { dist: 'lognormal', median: 0.25, p90: 0.6 }, LOGNORMAL],
  ['lognormal of sigma 0', { dist: 'lognormal', mu: -1, sigma: 0 }, LOGNORMAL],
  ['triangular', { dist: 'triangular', min: 0.1, mode: 0.2, max: 0.9 }, BOUND],
  ['fixed', 0.3, BOUND],
];

/** n shares by one fill. */
function filled(d: ShareDraw, n: number): number[] {
  const out = new Float64Array(n);
  d.fill(out, n);
  return Array.from(out);
}

describe('ShareDraw draws what bind draws', () => {
  it.each(specs)('%s', (_, spec, mode) => {
    const size = compileDistribution(spec);
    const bound = size.bind(createStream('share/a'));
    const viaFill = new ShareDraw(size, createStream('share/a'));
    expect(viaFill.path).toBe(mode);
    const a = Array.from({ length: 5000 }, () => bound());
    // In fills of several sizes (the book fills one list a trial), 5,000 shares in all.
    const parts = [1, 0, 7, 992, 4000].map((n) => filled(viaFill, n));
    expect(parts.flat()).toEqual(a);
    // The next uniform of each stream is the same: both read as many.
    const boundStream = createStream('share/b');
    const b = size.bind(boundStream);
    const s = createStream('share/b');
    const d = new ShareDraw(size, s);
    expect(filled(d, 1000)).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(s()).toBe(boundStream());
  });

  it('leaves parameters a sampler refuses to bind’s draw, which refuses them', () => {
    const size = { ...compileDistribution({ dist: 'beta', mean: 0.2, sd: 0.08 }), params: { dist: 'beta' as const, alpha: -1, beta: 2 } };
    expect(new ShareDraw(size, createStream('x')).path).toBe(BOUND);
  });
});
