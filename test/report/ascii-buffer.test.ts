import { describe, expect, it } from 'vitest';
import { AsciiBuffer } from '../../src/report/ascii-buffer.js';

const fixed = (value: number, decimals: number) => {
  const b = new AsciiBuffer(4);
  b.fixed(value, decimals);
  return Buffer.from(b.view()).toString('latin1');
};

describe('AsciiBuffer.fixed writes numbers as a spreadsheet reads them', () => {
  it.each([
    [0, 2, '0'],
    [-0, 0, '0'],
    [7, 0, '7'],
    [-7, 0, '-7'],
    [1.5, 2, '1.5'],
    [0.05, 2, '0.05'],
    [-0.05, 6, '-0.05'],
    [0.9012345, 6, '0.901235'],
    [-0.0000001, 6, '0'],
    [132162418.3456, 2, '132162418.35'],
    [1234567890123.45, 2, '1234567890123.45'],
    [1e9, 0, '1000000000'],
    [999999999.999, 2, '1000000000'],
    [12345678.9, 0, '12345679'],
    [2 ** 60, 0, String(2 ** 60)],
    [NaN, 2, ''],
    [Infinity, 0, ''],
  ])('%d at %d decimals -> "%s"', (value, decimals, text) => {
    expect(fixed(value, decimals)).toBe(text);
  });

  it('rounds random values to the nearest multiple of 10^-decimals, in plain decimal notation', () => {
    // A fixed pseudo-random sequence (no Math.random): a linear congruential walk.
    let x = 12345;
    for (let i = 0; i < 5_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const value = (x / 2147483648 - 0.5) * 10 ** (i % 12);
      const decimals = i % 7;
      const text = fixed(value, decimals);
      expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
      // Within half a unit of the last place, plus the float error of value x 10^decimals.
      const ulp = Math.abs(value) * 2 ** -52;
      expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 4 * ulp);
    }
  });

  it('grows past its initial capacity', () => {
    const b = new AsciiBuffer(2);
    for (let i = 0; i < 1000; i++) {
      b.fixed(i, 0);
      b.byte(44);
    }
    expect(Buffer.from(b.view()).toString('latin1').split(',').slice(0, 3)).toEqual(['0', '1', '2']);
  });
});
