import { describe, expect, it } from 'vitest';
import { calibrationCurve, coverage, pitHistogram } from '../../src/scoring/calibration.js';
import { pinballLoss, sortedQuantile } from '../../src/scoring/pinball.js';
import { worstTrials } from '../../src/analysis/attribution/bad-years.js';
import { tornadoEnd } from '../../src/analysis/attribution/tornado.js';
import { prepareInput } from '../../src/analysis/attribution/input.js';
import { firstOrderShares } from '../../src/analysis/attribution/first-order.js';

/**
 * The library's estimators refuse (RangeError) a share given as a percentage or a string, and a
 * count or kind they would misread, instead of numbers computed from it without a word:
 * coverage(inside, 80) had a standard error of NaN, sortedQuantile(sorted, 90) was NaN,
 * pinballLoss(q, y, 10) a negative loss, pitHistogram(pits, '10') counts of NaN, prepareInput(z,
 * 'markets') ranks where Φ(z) was meant.
 */
const sorted = Float64Array.of(1, 2, 3, 4);
const y = Float64Array.from({ length: 100 }, (_, i) => i);
const u = Float64Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
const as = <T>(v: unknown) => v as T;

function thrown(call: () => unknown): string {
  try {
    call();
    return 'returned';
  } catch (err) {
    return `${(err as Error).name} ${(err as Error).message}`;
  }
}

describe('a share out of [0, 1], or not a number, is refused by name', () => {
  it.each<[string, () => unknown, string]>([
    ['coverage: nominal as a percentage', () => coverage([true, false], 80), 'coverage: nominal must be a share between 0 and 1, not included (got 80; for 80% pass 0.8)'],
    ['coverage: nominal of 1', () => coverage([true, false], 1), 'coverage: nominal must be a share between 0 and 1, not included (got 1)'],
    // The percent hint is scenario/percent-hint.ts's: 100% is 1, which an open share refuses too (it said "pass 1"), and 33.3% is 0.333 (it said 0.33299999999999996).
    ['coverage: nominal of 100', () => coverage([true, false], 100), 'coverage: nominal must be a share between 0 and 1, not included (got 100)'],
    ['sortedQuantile: p of 33.3', () => sortedQuantile(sorted, 33.3), 'sortedQuantile: p must be a share between 0 and 1 (got 33.3; for 33.3% pass 0.333)'],
    ['sortedQuantile: p of 100', () => sortedQuantile(sorted, 100), 'sortedQuantile: p must be a share between 0 and 1 (got 100; for 100% pass 1)'],
    ['coverage: nominal as a string', () => coverage([true], as<number>('0.8')), 'coverage: nominal must be a share between 0 and 1, not included (got string)'],
    ['calibrationCurve: a level as a percentage', () => calibrationCurve(u, [10, 50, 90]), 'calibrationCurve: a level must be a share between 0 and 1 (got 10; for 10% pass 0.1)'],
    ['sortedQuantile: p as a percentage', () => sortedQuantile(sorted, 90), 'sortedQuantile: p must be a share between 0 and 1 (got 90; for 90% pass 0.9)'],
    ['sortedQuantile: p of NaN', () => sortedQuantile(sorted, NaN), 'sortedQuantile: p must be a share between 0 and 1 (got NaN)'],
    ['pinballLoss: tau as a percentage', () => pinballLoss(100, 90, 10), 'pinballLoss: tau must be a share between 0 and 1 (got 10; for 10% pass 0.1)'],
    ['pinballLoss: tau negative', () => pinballLoss(100, 90, -0.1), 'pinballLoss: tau must be a share between 0 and 1 (got -0.1)'],
    ['worstTrials: share as a percentage', () => worstTrials(y, 10), 'worstTrials: share must be a share between 0 and 1 (got 10; for 10% pass 0.1)'],
    ['tornadoEnd: p as a percentage', () => tornadoEnd(y, u, 90), 'tornadoEnd: p must be a share between 0 and 1 (got 90; for 90% pass 0.9)'],
    ['tornadoEnd: halfWidth of 0', () => tornadoEnd(y, u, 0.9, 0), 'tornadoEnd: halfWidth must be a share between 0 and 1, not included (got 0)'],
  ])('%s', (_, call, expected) => {
    expect(thrown(call)).toBe(`RangeError ${expected}`);
  });

  it('a count or a kind it would misread', () => {
    expect(thrown(() => pitHistogram(u, as<number>('10')))).toBe('RangeError pitHistogram: bins must be a whole number, at least 1 (got string)');
    expect(thrown(() => pitHistogram(u, 2.5))).toBe('RangeError pitHistogram: bins must be a whole number, at least 1 (got 2.5)');
    expect(thrown(() => prepareInput(y, as<'market'>('markets')))).toBe('RangeError prepareInput: kind must be \'own\' or \'market\' (got "markets")');
    expect(thrown(() => prepareInput(y, 'own', 2.5))).toBe('RangeError prepareInput: bins must be a whole number, at least 1 (got 2.5)');
    expect(thrown(() => firstOrderShares(y, [prepareInput(u, 'own')], 1))).toBe('RangeError firstOrderShares: groups must be a whole number, at least 2 (got 1)');
    expect(thrown(() => firstOrderShares(y, [prepareInput(u, 'own')], 10.5))).toBe('RangeError firstOrderShares: groups must be a whole number, at least 2 (got 10.5)');
  });

  it('shares inside, and the ends where they mean something, give what they gave', () => {
    expect(sortedQuantile(sorted, 0.5)).toBe(2.5);
    expect([sortedQuantile(sorted, 0), sortedQuantile(sorted, 1)]).toEqual([1, 4]);
    expect(pinballLoss(100, 90, 0.1)).toBeCloseTo(9, 12);
    expect(coverage([true, true, false, true], 0.8).inside).toBe(3);
    expect(calibrationCurve(u, [0, 0.5, 1]).map((p) => p.observed)).toEqual([0, 0.5, 1]);
    expect(worstTrials(y, 0.1).length).toBe(10);
    expect(pitHistogram(u, 4)).toEqual([25, 25, 25, 25]);
    expect(tornadoEnd(y, u, 0.9).trials).toBeGreaterThan(0);
    expect(firstOrderShares(y, [prepareInput(u, 'own')], 2).groups).toBe(2);
  });
});
