import { describe, expect, it } from 'vitest';
import { kolmogorovTail, ksUniform } from '../../src/scoring/calibration.js';

/**
 * The KS p-value Q(λ) for small λ: the alternating series cut after 100 terms does not converge
 * there (2,500 evenly spread PITs, λ ≈ 0.01, read p = 0.87; 10,000 read 0.40), though Q(λ) is 1 to
 * 12 digits for λ < 0.2. Reference values: scipy.special.kolmogorov.
 */
describe('the KS p-value across λ', () => {
  it('evenly spread PITs, however many, are not evidence against uniform', () => {
    for (const n of [100, 1000, 2500, 10000]) {
      const { pValue } = ksUniform(Array.from({ length: n }, (_, i) => (i + 0.5) / n));
      expect(pValue, `${n} PITs`).toBeGreaterThan(1 - 1e-9);
    }
  });

  it('Q(λ) matches the Kolmogorov distribution on both sides of the switch between series', () => {
    const reference: Array<[number, number]> = [
      [0.3, 0.9999906941986655],
      [0.5, 0.9639452436648751],
      [0.8, 0.5441424115741981],
      [1.17, 0.12939004218561884],
      [1.19, 0.11774229287977166],
      [1.3581, 0.0499996304316674],
      [1.6276, 0.010001537333060776],
    ];
    for (const [lambda, q] of reference) expect(kolmogorovTail(lambda), `λ = ${lambda}`).toBeCloseTo(q, 12);
  });
});
