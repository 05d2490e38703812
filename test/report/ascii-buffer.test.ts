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

  it('writes the digits of round(|value| x 10^decimals) exactly, point placed, trailing fraction zeros dropped, at every magnitude', () => {
    // The reference spells the same rounded integer through BigInt's decimal digits. A value whose
    // 15-digit decimal reading is a half (1.005 at 2) is left to the hand-worked cases of
    // half-way-every-formatter.test.ts: there fixed rounds the decimal away from zero, as every output does.
    const reference = (value: number, decimals: number) => {
      const n = Math.round(Math.abs(value) * 10 ** decimals);
      if (n === 0) return '0';
      const digits = BigInt(n).toString().padStart(decimals + 1, '0');
      const whole = digits.slice(0, digits.length - decimals);
      const frac = digits.slice(digits.length - decimals).replace(/0+$/, '');
      return `${value < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
    };
    let x = 2024;
    const u = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const wrong: string[] = [];
    let halves = 0;
    const b = new AsciiBuffer(8);
    for (let i = 0; i < 200_000; i++) {
      const decimals = i % 10;
      // Magnitudes 1e-12 to 1e17, whole numbers and float32 values among them; below 2^53 once scaled.
      let value = (u() - 0.3) * 10 ** Math.floor(u() * 30 - 12);
      if (i % 5 === 0) value = Math.round(value);
      if (i % 7 === 0) value = Math.fround(value);
      if (Math.abs(value) * 10 ** decimals >= 2 ** 53) continue;
      const view = Number((Math.abs(value) * 10 ** decimals).toPrecision(15));
      if (view - Math.floor(view) === 0.5) {
        halves++;
        continue;
      }
      b.clear();
      b.fixed(value, decimals);
      const text = Buffer.from(b.view()).toString('latin1');
      if (text !== reference(value, decimals)) wrong.push(`${value} at ${decimals}: ${text} vs ${reference(value, decimals)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Whole numbers and float32 values make a few halves; the rest of the 200,000 are checked.
    expect(halves).toBeLessThan(2_000);
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
