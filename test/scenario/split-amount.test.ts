import { describe, expect, it } from 'vitest';
import { splitAmounts } from '../../src/scenario/split-amount.js';

/** n choose k, for the count of ways `extra` commas share out among `columns` amount columns. */
const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);
const isNumber = (cell: string) => /^\d+$/.test(cell);
const isMonth = (cell: string) => /^\d{1,2}$/.test(cell) && Number(cell) >= 1 && Number(cell) <= 12;

describe('splitAmounts: every reading of a row\'s extra fields, counted and bounded', () => {
  it('counts every way the extra fields share out when each piece reads (3 columns, 2 extra: C(4,2) = 6)', () => {
    const record = ['1', 'SMB', '100', '100', '100', '100', '100'];
    const amounts = new Set([2, 3, 4]);
    const reads = new Map([[0, isMonth], [2, isNumber], [3, isNumber], [4, isNumber]]);
    const got = splitAmounts(record, 5, 2, amounts, reads)!;
    expect(got.count).toBe(choose(2 + 3 - 1, 2));
    expect(got.complete).toBe(true);
    expect(got.first).toHaveLength(3);
    for (const splits of got.first) expect(splits.reduce((sum, s) => sum + s.joined.split(',').length - 1, 0)).toBe(2);
  });

  it('one reading is returned alone; none is undefined', () => {
    expect(splitAmounts(['c1', 'SMB', '86', '500', '2027-03'], 4, 1, new Set([2]))).toEqual({ first: [[{ field: 2, joined: '86,500' }]], count: 1, complete: true });
    expect(splitAmounts(['c1', 'SMB', '8600', '500', '2027-03'], 4, 1, new Set([2]))).toBeUndefined();
  });

  // The worst row: 9 amount columns, 8 extra fields of '100' have C(16,8) = 12,870 ways, all tried
  // (11 ms a row). The search stops and says how many it found, at least one and short of all.
  it('stops on a row with very many readings, giving those found as a lower bound', () => {
    const width = 11;
    const amounts = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const reads = new Map<number, (cell: string) => boolean>([[0, isMonth], ...[...amounts].map((f) => [f, isNumber] as [number, (cell: string) => boolean])]);
    const got = splitAmounts(['1', 'SMB', ...Array<string>(17).fill('100')], width, 8, amounts, reads)!;
    expect(got.complete).toBe(false);
    expect(got.count).toBeGreaterThan(0);
    expect(got.count).toBeLessThan(choose(16, 8));
    expect(got.first).toHaveLength(3);
    // A month that cannot read: no reading, whatever the amounts.
    expect(splitAmounts(['x', 'SMB', ...Array<string>(17).fill('100')], width, 8, amounts, reads)).toBeUndefined();
  });
});
