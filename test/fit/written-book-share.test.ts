import { describe, expect, it } from 'vitest';
import { writtenBookShare } from '../../src/fit/written-book-share.js';

/**
 * The split of a fitted share of ARR renewed into the model's probability x size, decided apart from
 * the text: the size is the stated judgement 0.25, or twice the share over the room left when that is
 * larger (so the probability stays at most 0.5); expansion's room is 1 - the contraction probability.
 */
describe('writtenBookShare', () => {
  it('a contraction share of 2%: size 0.25, probability 8%, its sd the share\'s / 0.25', () => {
    const w = writtenBookShare('contraction', 0.02, 0.005, 0);
    expect([w.size, w.scale, w.probability.mean, w.probability.sd]).toEqual([0.25, 0.25, 0.08, 0.02]);
  });

  it('a contraction share of 30%: the size grows to 0.6 so the probability is 0.5; never above 1', () => {
    expect(writtenBookShare('contraction', 0.3, 0.01, 0)).toMatchObject({ size: 0.6, probability: { mean: 0.5 } });
    expect(writtenBookShare('contraction', 0.8, 0.01, 0).size).toBe(1);
  });

  it('an expansion share of 6% beside a contraction probability of 0.2: scale 0.8 x 0.25 = 0.2, probability 30%', () => {
    const w = writtenBookShare('expansion', 0.06, 0.01, 0.2);
    expect(w.size).toBe(0.25);
    expect(w.scale).toBeCloseTo(0.2, 15);
    expect(w.probability.mean).toBe(0.3);
  });
});
