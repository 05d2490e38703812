import { describe, expect, it } from 'vitest';
import { aggregatePmf, CELLS } from '../../src/math/aggregate-pmf.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import { CompoundSumTables, QUANTILES, tableQuantile } from '../../src/random/compound-sum.js';

/**
 * A table's quantile function is kept as 16-bit grid cells (q[m] = cell h), so the tables a run's
 * draws read stay in cache (issue 12). Checked here against the gridded aggregate itself: each q[m]
 * is the smallest grid value whose CDF (running sums of the pmf, computed here) reaches m / QUANTILES,
 * and a draw at a given uniform is the linear interpolation of those values, to the bit.
 */
describe('aggregate tables kept as grid cells', () => {
  const severity = lognormalSeverity(0.6);
  const k = 4;
  const tables = new CompoundSumTables(severity);
  const t = tables.table(2);

  it('holds every grid cell in 16 bits: 2 bytes a quantile', () => {
    expect(CELLS).toBeLessThanOrEqual(2 ** 16);
    expect(t.cells).toBeInstanceOf(Uint16Array);
    expect(t.cells.length).toBe(QUANTILES + 1);
  });

  it('each quantile is the smallest grid value whose CDF reaches m / QUANTILES', () => {
    const grid = aggregatePmf(severity, k);
    expect(t.h).toBe(grid.h);
    let cdf = grid.pmf[0]!;
    let i = 0;
    const mismatches: string[] = [];
    for (let m = 1; m < QUANTILES; m++) {
      while (i < grid.pmf.length - 1 && cdf < m / QUANTILES) cdf += grid.pmf[++i]!;
      if (!Object.is(tableQuantile(t, m), i * grid.h)) mismatches.push(`m ${m}: ${tableQuantile(t, m)} vs ${i * grid.h}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('a draw is the interpolation of the quantiles at its uniform, bit for bit', () => {
    const grid = aggregatePmf(severity, k);
    // The table's quantiles as doubles, from the test's own search of the CDF (as above).
    const q = new Float64Array(QUANTILES);
    let cdf = grid.pmf[0]!;
    let i = 0;
    for (let m = 1; m < QUANTILES; m++) {
      while (i < grid.pmf.length - 1 && cdf < m / QUANTILES) cdf += grid.pmf[++i]!;
      q[m] = i * grid.h;
    }
    // Uniforms on the 2^-32 grid in the interior intervals (1 <= m < QUANTILES - 1), some at a knot.
    const us = [0.25, 0.5, 0.75, 1234567 / 2 ** 32 + 0.001, 2 / QUANTILES, 0.3 + 17 / 2 ** 32, (QUANTILES - 1.5) / QUANTILES].map(
      (u) => Math.floor(u * 2 ** 32) / 2 ** 32,
    );
    let n = 0;
    const draw = tables.bind(
      () => us[n++]!,
      () => {
        throw new Error('a sum of 4 deals draws no deal one by one');
      },
    );
    for (const u of us) {
      const x = u * QUANTILES;
      const m = Math.floor(x);
      expect(draw(k)).toBe(q[m]! + (x - m) * (q[m + 1]! - q[m]!));
    }
  });
});
