import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyAtMost, moments } from '../../src/analysis/describe.js';
import { OrderFigures } from '../../src/analysis/order-figures.js';
import { selectRanks } from '../../src/analysis/rank-select.js';
import { SortWorkspace } from '../../src/math/sorted-values.js';

/**
 * The summary reads a column's expected shortfalls from its lowest values only (selected up to the
 * highest rank the shortfalls add, ties included, then sorted: summarize's describeInto), not from
 * the whole column sorted. Both must give the same numbers bit for bit: the same quantiles and the
 * same shortfalls (their values added in the same ascending order), for float64 and float32 columns,
 * with ties across the boundary, -0 beside +0, and one or two values.
 */
const SHARES = [0.05, 0.1];
const QUANTILES = [0.1, 0.2, 0.8];

function fromWholeSort(values: Float64Array | Float32Array): OrderFigures {
  const figures = new OrderFigures();
  figures.want('x', { quantiles: QUANTILES, shortfalls: SHARES });
  const sorted = new Float64Array(values.length);
  const n = new SortWorkspace().sortFinite(values, sorted);
  figures.record('x', sorted, n);
  return figures;
}

/** summarize's path: select the ranks, then the values up to the highest rank the shortfalls add, sorted. */
function fromLowest(values: Float64Array | Float32Array): OrderFigures {
  const figures = new OrderFigures();
  figures.want('x', { quantiles: QUANTILES, shortfalls: SHARES });
  const m = moments(values)!;
  const k = figures.lowestNeeded('x', m.n);
  const selected = selectRanks(values, [...figures.ranks('x', m.n), k - 1], { count: m.n, min: m.min, max: m.max });
  const into = new Float64Array(values.length);
  const lowest = into.subarray(0, copyAtMost(values, selected.get(k - 1)!, into)).sort();
  figures.recordLowest('x', (rank) => selected.get(rank)!, lowest, m.n);
  return figures;
}

function expectSame(values: Float64Array | Float32Array): void {
  const whole = fromWholeSort(values);
  const lowest = fromLowest(values);
  for (const s of SHARES) expect(Object.is(lowest.expectedShortfall('x', values, s), whole.expectedShortfall('x', values, s))).toBe(true);
  for (const p of QUANTILES) expect(lowest.quantile('x', values, p)).toEqual(whole.quantile('x', values, p));
}

/** Values from a few distinct levels (ties everywhere), with -0 and +0 among them. */
const tied = fc.array(fc.constantFrom(-3.5, -1e-300, -0, 0, 1e-300, 2.25, 7, 1e9), { minLength: 1, maxLength: 400 });
const spread = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 3000 });

describe('expected shortfalls from the lowest values only', () => {
  it('equal those of the whole column sorted: float64, ties and signed zeros', () => {
    fc.assert(fc.property(tied, (xs) => expectSame(Float64Array.from(xs))), { numRuns: 300, seed: 1213 });
  });

  it('equal those of the whole column sorted: float64 spread out, and as float32', () => {
    fc.assert(
      fc.property(spread, (xs) => {
        expectSame(Float64Array.from(xs));
        expectSame(Float32Array.from(xs));
      }),
      { numRuns: 200, seed: 1214 },
    );
  });

  it('add the lowest ceil(share x n) values: 40 trials at 5% and 10% read 2 and 4 of them', () => {
    const values = Float64Array.from({ length: 40 }, (_, i) => 100 - i); // 61..100, lowest first at the end
    const figures = fromLowest(values);
    expect(figures.lowestNeeded('x', 40)).toBe(4);
    expect(figures.expectedShortfall('x', values, 0.05)).toBe((61 + 62) / 2);
    expect(figures.expectedShortfall('x', values, 0.1)).toBe((61 + 62 + 63 + 64) / 4);
  });

  it('refuses fewer lowest values than its shortfalls add', () => {
    const figures = new OrderFigures();
    figures.want('x', { shortfalls: [0.1] });
    expect(() => figures.recordLowest('x', () => 0, new Float64Array(3), 40)).toThrow(/3 lowest values, fewer than the shortfalls add/);
  });
});
