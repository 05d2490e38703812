import { describe, expect, it } from 'vitest';
import { drawnAtomAt, prepareInput } from '../../../src/analysis/attribution/input.js';

/** A driver's own draws: each value repeated its count of times (order does not matter to drawnAtomAt). */
const draws = (runs: ReadonlyArray<readonly [number, number]>) => Float32Array.from(runs.flatMap(([value, count]) => Array<number>(count).fill(value)));

describe('drawnAtomAt: a tornado end is one value\'s trials only where that value, or most of the band, is an atom', () => {
  // 1,000 values about 2 trials each at 2,000 trials: a neighbour of the P10 value drawn 3 times made
  // the end that value's 2 trials (no interval) where the band held 200 trials of values around it.
  it('many values each drawn a few times: the band, even beside a value drawn 3 times', () => {
    const runs = Array.from({ length: 1000 }, (_, i) => [0.01 + i * 0.00004, 2] as [number, number]);
    runs[999] = [runs[999]![0], 1];
    runs[100] = [runs[100]![0], 3]; // just above the P10 value (the 100th, index 99, ranks 198-199)
    const v = draws(runs);
    expect(v).toHaveLength(2000);
    expect(v[Math.ceil(0.1 * 2000) - 1]).toBe(Math.fround(runs[99]![0]));
    expect(drawnAtomAt(prepareInput(v, 'own'), 0.1)).toBeUndefined();
    // A value there drawn 3 times itself is no atom of a band of 200 either.
    runs[99] = [runs[99]![0], 3];
    runs[1] = [runs[1]![0], 1];
    expect(drawnAtomAt(prepareInput(draws(runs), 'own'), 0.1)).toBeUndefined();
  });

  it('a rare value between values drawn often (left19\'s case): that value and its trials', () => {
    // 1% in 198 trials, 2% in 2 (ranks 199-200: the P10, rank 200), 5% in the rest.
    const v = draws([[0.01, 198], [0.02, 2], [0.05, 1800]]);
    const got = drawnAtomAt(prepareInput(v, 'own'), 0.1)!;
    expect(got.value).toBe(Math.fround(0.02));
    // Ranks 199 and 200 of 2,000: their average rank over n.
    expect(got.percentile).toBe((199 + 200) / 2 / 2000);
  });

  it('a value drawn in a quarter of the band\'s trials or more stands for the end alone', () => {
    const v = draws([[0.01, 150], [0.035, 50], [0.05, 1800]]);
    expect(drawnAtomAt(prepareInput(v, 'own'), 0.1)).toEqual({ value: Math.fround(0.035), percentile: (151 + 200) / 2 / 2000 });
  });

  it('a continuous draw beside an atom far from the band keeps the band', () => {
    // 0 in 20% of trials, then distinct values: the P25 end is the band of the distinct values.
    const v = draws([[0, 400], ...Array.from({ length: 1600 }, (_, i) => [0.001 * (i + 1), 1] as [number, number])]);
    expect(drawnAtomAt(prepareInput(v, 'own'), 0.25)).toBeUndefined();
    expect(drawnAtomAt(prepareInput(v, 'own'), 0.1)).toEqual({ value: 0, percentile: (1 + 400) / 2 / 2000 });
  });
});
