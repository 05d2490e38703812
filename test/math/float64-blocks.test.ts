import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK, loadBlock } from '../../src/math/float64-blocks.js';
import { moments } from '../../src/analysis/describe.js';

/** The bits of every value, so -0 and NaN count. */
const bitsOf = (values: ArrayLike<number>) => Array.from(values, (v) => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : String(v)));

describe('loadBlock', () => {
  it('copies any slice of a float32, uint16 or float64 column, or of a plain array, exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), fc.nat(), fc.nat(), (xs, a, b) => {
        const from = xs.length === 0 ? 0 : a % (xs.length + 1);
        const to = from + (xs.length === 0 ? 0 : b % (xs.length - from + 1));
        for (const column of [Float64Array.from(xs), Float32Array.from(xs), Uint16Array.from(xs, (x) => Math.abs(x) % 65536), xs]) {
          const block = new Float64Array(300).fill(7);
          loadBlock(column, from, to, block);
          expect(bitsOf(block.subarray(0, to - from))).toEqual(bitsOf(Array.from(column).slice(from, to).map(Number)));
          // Nothing past the slice is touched.
          expect(Array.from(block.subarray(to - from)).every((v) => v === 7)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('moments over blocks', () => {
  /** Welford's update over the finite values, read straight from the column: what moments() must give, bit for bit. */
  function reference(values: ArrayLike<number>) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      n++;
      const d = v - mean;
      mean += d / n;
      m2 += d * (v - mean);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return n === 0 ? undefined : { n, mean, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min, max };
  }

  it('is the one-pass Welford mean and sd of the column read directly, at and around block boundaries', () => {
    let s = 99;
    const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    for (const n of [1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 17]) {
      const xs = Array.from({ length: n }, (_, i) => (i % 97 === 5 ? NaN : 1e6 * Math.exp(u())));
      for (const column of [Float64Array.from(xs), Float32Array.from(xs), Uint16Array.from(xs, (x) => (Number.isNaN(x) ? 0 : x % 65536)), xs]) {
        const got = moments(column);
        const want = reference(column);
        expect(got).toEqual(want);
        // toEqual treats -0 and 0 alike; the mean's bits must match too.
        expect(Object.is(got?.mean, want?.mean)).toBe(true);
        expect(Object.is(got?.sd, want?.sd)).toBe(true);
      }
    }
  });
});
