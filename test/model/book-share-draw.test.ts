import { describe, expect, it } from 'vitest';
import { BETA, BOUND, LOGNORMAL, ShareDraw } from '../../src/model/book-share-draw.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import { gammaDraw } from '../../src/random/gamma.js';
import { createStream } from '../../src/random/source.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';

/**
 * The customer book draws its contraction and expansion shares through ShareDraw (inline for a beta
 * and a lognormal). Every share must be the one `bind` gives on a stream of the same seed, bit for
 * bit, whichever path draws it; and the stream must be left where bind's draws leave it.
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

/** What the book's loops compute for a share (customer-book-simulator.ts), for ShareDraw's fields. */
function inline(d: ShareDraw): number {
  if (d.mode === BETA) {
    const x = gammaDraw(d.z, d.source, d.x);
    return x / (x + gammaDraw(d.z, d.source, d.y));
  }
  return d.mode === LOGNORMAL ? Math.exp(d.mu + d.sigma * d.z()) : d.draw();
}

describe('ShareDraw draws what bind draws', () => {
  it.each(specs)('%s', (_, spec, mode) => {
    const size = compileDistribution(spec);
    const bound = size.bind(createStream('share/a'));
    const viaDraw = new ShareDraw(size, createStream('share/a'));
    const inlineStream = createStream('share/a');
    const viaInline = new ShareDraw(size, inlineStream);
    expect(viaDraw.mode).toBe(mode);
    const a = Array.from({ length: 5000 }, () => bound());
    expect(Array.from({ length: 5000 }, () => viaDraw.draw())).toEqual(a);
    expect(Array.from({ length: 5000 }, () => inline(viaInline))).toEqual(a);
    // The next uniform of each stream is the same: both read as many.
    const boundStream = createStream('share/b');
    const b = size.bind(boundStream);
    const s = createStream('share/b');
    const d = new ShareDraw(size, s);
    expect(Array.from({ length: 1000 }, () => d.draw())).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(s()).toBe(boundStream());
  });

  it('leaves parameters a sampler refuses to bind’s draw, which refuses them', () => {
    const size = { ...compileDistribution({ dist: 'beta', mean: 0.2, sd: 0.08 }), params: { dist: 'beta' as const, alpha: -1, beta: 2 } };
    expect(new ShareDraw(size, createStream('x')).mode).toBe(BOUND);
  });
});
