import { describe, expect, it } from 'vitest';
import { logFactorial, stirlingTail } from '../../src/random/log-factorial.js';
import { logGamma } from '../helpers/stats.js';

describe('logFactorial', () => {
  it('is exact for small k (sum of logs) and matches Lanczos log-gamma for large k', () => {
    let exact = 0;
    for (let k = 0; k <= 170; k++) {
      if (k > 1) exact += Math.log(k);
      // Summing k logs accumulates at most ~k/2 ulps of rounding.
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThanOrEqual(1e-15 * Math.max(1, exact) * (1 + k / 10));
    }
    for (const k of [200, 1e3, 12_345, 1e6, 1e9, 1e12]) {
      expect(Math.abs(logFactorial(k) - logGamma(k + 1)) / logGamma(k + 1)).toBeLessThan(1e-14);
    }
  });

  it('stirlingTail matches its definition from exact factorials (table k <= 9, series above)', () => {
    let factorial = 1;
    for (let k = 0; k <= 17; k++) {
      if (k > 0) factorial *= k; // exact in double up to 18!
      const tail = Math.log(factorial) - (k + 0.5) * Math.log(k + 1) + (k + 1) - 0.5 * Math.log(2 * Math.PI);
      // The direct formula cancels ~2 digits; table and series must agree to that precision.
      expect(Math.abs(stirlingTail(k) - tail)).toBeLessThan(1e-13);
    }
  });
});
