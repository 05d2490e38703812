import { describe, expect, it } from 'vitest';
import { monthList } from '../../src/analysis/month-list.js';

describe('monthList: fiscal months as ranges for a warning', () => {
  it.each([
    [[12], 'month 12'],
    [[1, 2, 3, 5], 'months 1-3 and 5'],
    [[5, 1, 3, 2, 3], 'months 1-3 and 5'],
    [[1, 3, 5, 6, 7, 12], 'months 1, 3, 5-7 and 12'],
  ])('%j -> %s', (months, words) => {
    expect(monthList(months)).toBe(words);
  });
});
