import { describe, expect, it } from 'vitest';
import { compileCount } from '../../src/model/count-sampler.js';
import { compileDistribution } from '../../src/model/distribution-sampler.js';
import { negativeBinomial } from '../../src/random/negative-binomial.js';
import { poisson } from '../../src/random/poisson.js';
import { createStream } from '../../src/random/source.js';
import type { DistributionSpec } from '../../src/scenario/distribution-schema.js';

/**
 * A count driver bound with its multiplier in a slot (`bindScaled`, what the new-business simulator
 * draws leads with) against the plain count it stands for, on streams of the same name, bit for bit:
 * Poisson(mean x m), NB(mean x m, k), and any other distribution drawn, scaled by m and rounded
 * stochastically (floor(x m + U), U from the same stream); and the callable form (`compileCount(spec)(s)(m)`).
 */
const MULTIPLIERS = [1, 0.83, 1.27, 0.004, 0, 2.5, 0.61];

function plain(spec: DistributionSpec, name: string): (m: number) => number {
  const s = createStream(name);
  if (typeof spec !== 'number' && spec.dist === 'poisson') {
    const p = poisson(s);
    return (m) => p(spec.mean * m);
  }
  if (typeof spec !== 'number' && spec.dist === 'negativeBinomial') {
    const nb = negativeBinomial(s);
    return (m) => nb(spec.mean * m, spec.dispersion);
  }
  const draw = compileDistribution(spec).bind(s);
  return (m) => {
    const x = draw() * m;
    return x <= 0 ? 0 : Math.floor(x + s());
  };
}

const SPECS: Record<string, DistributionSpec> = {
  poisson: { dist: 'poisson', mean: 2700 },
  'poisson, small': { dist: 'poisson', mean: 6 },
  'negative binomial': { dist: 'negativeBinomial', mean: 600, dispersion: 40 },
  uniform: { dist: 'uniform', min: 10, max: 20 },
  lognormal: { dist: 'lognormal', median: 30, p90: 60 },
};

describe('count samplers with the multiplier in a slot', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`draw the plain counts bit for bit: ${name}`, () => {
      const compiled = compileCount(spec);
      const slot = new Float64Array(1);
      const scaled = compiled.bindScaled(createStream(`count-scaled/${name}`), slot);
      const callable = compiled(createStream(`count-scaled/${name}`));
      const reference = plain(spec, `count-scaled/${name}`);
      const again = plain(spec, `count-scaled/${name}`);
      for (let i = 0; i < 3000; i++) {
        const m = MULTIPLIERS[i % MULTIPLIERS.length]! * (1 + (i % 11) / 17);
        slot[0] = m;
        const expected = reference(m);
        expect(scaled()).toBe(expected);
        expect(callable(m)).toBe(again(m));
      }
    });
  }

  it('thin for Poisson and the negative binomial only', () => {
    expect(Object.entries(SPECS).map(([name, spec]) => [name, compileCount(spec).thins])).toEqual([
      ['poisson', true],
      ['poisson, small', true],
      ['negative binomial', true],
      ['uniform', false],
      ['lognormal', false],
    ]);
    expect(compileCount(12).thins).toBe(false);
  });
});
