import { describe, expect, it } from 'vitest';
import { tornadoEnd } from '../../src/analysis/attribution/tornado.js';

describe('a tornado end of a run too small for its band', () => {
  it('takes the trials nearest the percentile, so the bar is finite', () => {
    // Five trials at percentiles 0.1 .. 0.9 step 0.2 hold none within 0.05 of 0.2.
    const y = [10, 20, 30, 40, 50];
    const u = [0.1, 0.3, 0.5, 0.7, 0.9];
    const end = tornadoEnd(y, u, 0.2);
    // 0.1 and 0.3 are equally near 0.2: both stand for the band, median 15.
    expect(end.trials).toBe(2);
    expect(end.metricMedian).toBe(15);
  });
  it('keeps the band when it holds trials', () => {
    const end = tornadoEnd([1, 2, 3], [0.1, 0.12, 0.5], 0.1);
    expect(end.trials).toBe(2);
    expect(end.metricMedian).toBe(1.5);
  });
  it('is NaN only with no trials at all', () => {
    expect(tornadoEnd([], [], 0.1).metricMedian).toBeNaN();
  });
});
