import { describe, expect, it } from 'vitest';
import { expectedShortfallEstimate } from '../../src/analysis/shortfall.js';
import { expectedShortfall } from '../../src/analysis/tail.js';
import { lcgNormals } from '../helpers/stats.js';

const normals = lcgNormals;

describe('expected shortfall with its interval', () => {
  it('has the same value as expectedShortfall', () => {
    const x = normals(5000, 3);
    expect(expectedShortfallEstimate(x, 0.1).value).toBe(expectedShortfall(x, 0.1));
    expect(expectedShortfallEstimate(x, 0.05).value).toBe(expectedShortfall(x, 0.05));
  });
  it('covers the exact mean of the worst 10% of a standard normal about 95% of the time', () => {
    // ES_0.1 of N(0,1) = -phi(z_0.1) / 0.1 = -1.7550.
    const exact = -Math.exp(-(1.2815515655446004 ** 2) / 2) / Math.sqrt(2 * Math.PI) / 0.1;
    let covered = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const { interval } = expectedShortfallEstimate(normals(4000, 100 + r), 0.1);
      if (interval![0] <= exact && exact <= interval![1]) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.88);
    expect(covered / runs).toBeLessThanOrEqual(1);
  });
  it('is a point when the worst years do not vary', () => {
    expect(expectedShortfallEstimate(new Float64Array(100).fill(7), 0.1)).toEqual({ value: 7, interval: [7, 7] });
  });
});
