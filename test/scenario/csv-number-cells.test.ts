import { describe, expect, it } from 'vitest';
import { parseDecimal, readCsv, numberCell } from '../../src/scenario/csv-table.js';

/**
 * parseDecimal accepts a plain decimal (sign, digits with an optional point, or a point and digits,
 * an optional exponent) and nothing else, and takes time linear in the cell: a book's cell may be
 * as long as the file (16 MB). Before, its pattern `\d+\.?\d*` could split a run of digits between
 * `\d+` and `\d*` in every way before failing, quadratic in the run: a cell of 100,000 digits and an
 * `x` took 9.5 s to report (`arrcast validate`), one of 16 MB would have run for days.
 */
describe('parseDecimal', () => {
  it.each<[string, number]>([
    ['12', 12],
    ['12.', 12],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['-3.5', -3.5],
    ['+1e6', 1e6],
    ['1E-3', 0.001],
    ['1.5e+3', 1500],
    ['0012345678901', 12345678901],
    ['123456789012345678901234567890', 1.2345678901234568e29],
  ])('%s is %d', (cell, value) => {
    expect(parseDecimal(cell)).toBe(value);
  });

  it.each(['', '.', '-', '+.', 'e5', '1e', '1e+', '12.5.3', '1..2', '1x', 'x1', '0x10', 'Infinity', 'NaN', '1_000', '1,000', '1 000', '--1', '1e5.5', '.e1'])(
    '%j is not a number',
    (cell) => {
      expect(parseDecimal(cell)).toBeNaN();
    },
  );

  it.each<[string, string, number]>([
    ['100,000 digits then x', `${'9'.repeat(100_000)}x`, NaN],
    ['100,000 digits, a point, 100,000 digits then x', `${'9'.repeat(100_000)}.${'9'.repeat(100_000)}x`, NaN],
    ['100,000 digits then e and x', `${'9'.repeat(100_000)}ex`, NaN],
    ['a point and 100,000 digits', `.${'5'.repeat(100_000)}`, 0.5555555555555556],
  ])('a long cell: %s', (_, cell, value) => {
    expect(parseDecimal(cell)).toBe(value);
  });

  it('a book cell of 400,000 digits and an x is reported as not a number (before: about 140 s, past the 60 s test timeout)', () => {
    const t = readCsv(`id,arr\nc1,${'9'.repeat(400_000)}x\n`, 'b.csv', [{ name: 'id' }, { name: 'arr' }], 'customers');
    expect(numberCell(t, 0, 1, 'is required', 0, 1e12, () => 'out of range')).toBeNaN();
    expect(() => t.throwIfProblems()).toThrow(`b.csv:2:4 arr: expected a number, got "${'9'.repeat(40)}…"`);
  });
});
