import { describe, expect, it, vi } from 'vitest';
import { aggregatePmf, CELLS } from '../../src/math/aggregate-pmf.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import { CompoundSumTables, QUANTILES, tableQuantile } from '../../src/random/compound-sum.js';
import { createStream } from '../../src/random/source.js';

/**
 * A table's quantile function is kept as 16-bit grid cells (q[m] = cell h), so the tables a run's
 * draws read stay in cache (issue 12). Checked here against the gridded aggregate itself: each q[m]
 * is the smallest grid value whose CDF (running sums of the pmf, computed here) reaches m / QUANTILES,
 * and a draw at a given uniform is the linear interpolation of those values (q[m] = i h, the doubles
 * the table held before), or in the outermost intervals the smallest grid value whose CDF exceeds it,
 * to the bit.
 */
describe('aggregate tables kept as grid cells', () => {
  const severity = lognormalSeverity(0.6);
  const k = 4;
  const tables = new CompoundSumTables(severity);
  const t = tables.table(2);
  // The test's own CDF of the gridded aggregate and its quantiles q[m], 1 <= m < QUANTILES, as doubles i h.
  const grid = aggregatePmf(severity, k);
  const cdf = new Float64Array(grid.pmf.length);
  cdf[0] = grid.pmf[0]!;
  for (let i = 1; i < cdf.length; i++) cdf[i] = cdf[i - 1]! + grid.pmf[i]!;
  const q = new Float64Array(QUANTILES);
  for (let m = 1, i = 0; m < QUANTILES; m++) {
    while (i < cdf.length - 1 && cdf[i]! < m / QUANTILES) i++;
    q[m] = i * grid.h;
  }

  it('holds every grid cell in 16 bits: 2 bytes a quantile', () => {
    expect(CELLS).toBeLessThanOrEqual(2 ** 16);
    expect(t.cells).toBeInstanceOf(Uint16Array);
    expect(t.cells.length).toBe(QUANTILES + 1);
  });

  it('each quantile is the smallest grid value whose CDF reaches m / QUANTILES', () => {
    expect(t.h).toBe(grid.h);
    const mismatches: string[] = [];
    for (let m = 1; m < QUANTILES; m++)
      if (!Object.is(tableQuantile(t, m), q[m])) mismatches.push(`m ${m}: ${tableQuantile(t, m)} vs ${q[m]}`);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('a draw is the interpolation of the quantiles at its uniform (the outermost intervals: the CDF inverted), bit for bit', () => {
    // 3,000 uniforms of a seeded stream (almost all between knots), then knots and both outermost intervals' ends.
    const stream = createStream('test/compound-sum-cells/draws');
    const us = Array.from({ length: 3000 }, () => stream.next());
    const ulp = 2 ** -32;
    us.push(0.5, 2 / QUANTILES, (QUANTILES - 2) / QUANTILES, ulp, 1 / QUANTILES - ulp, (QUANTILES - 1) / QUANTILES, 1 - ulp);
    let n = 0;
    const draw = tables.bind(
      () => us[n++]!,
      () => {
        throw new Error('a sum of 4 deals draws no deal one by one');
      },
    );
    const mismatches: string[] = [];
    let interior = 0;
    let outer = 0;
    for (const u of us) {
      const x = u * QUANTILES;
      const m = Math.floor(x);
      let expected: number;
      if (m > 0 && m < QUANTILES - 1) {
        interior++;
        expected = q[m]! + (x - m) * (q[m + 1]! - q[m]!);
      } else {
        outer++;
        let i = 0;
        while (cdf[i]! <= u) i++;
        expected = i * grid.h;
      }
      const got = draw(k);
      if (!Object.is(got, expected)) mismatches.push(`u ${u}: ${got} vs ${expected}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(n).toBe(us.length);
    expect(interior).toBeGreaterThan(2900);
    expect(outer).toBeGreaterThanOrEqual(4);
  });

  it('refuses, when its module loads, a grid whose cells would not fit 16 bits', async () => {
    vi.resetModules();
    vi.doMock('../../src/math/aggregate-pmf.js', async (original) => ({ ...(await original<object>()), CELLS: 2 ** 16 + 2 }));
    try {
      await expect(import('../../src/random/compound-sum.js')).rejects.toThrow(/16 bits/);
    } finally {
      vi.doUnmock('../../src/math/aggregate-pmf.js');
      vi.resetModules();
    }
  });
});
