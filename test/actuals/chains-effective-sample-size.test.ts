import { describe, expect, it } from 'vitest';
import { chainsEffectiveSampleSize, effectiveSampleSize } from '../../src/actuals/effective-sample-size.js';
import { lcgNormals } from '../helpers/stats.js';

/**
 * The effective sample of draws from independent chains laid end to end (a re-forecast's chunks)
 * must see a chain that stays in its corner: its own autocorrelations cannot. A monthly-terms book
 * misread (act25) had 20 chains of 1,000 whose revenue moved within each chain a fifth of its spread
 * across them: 192 to 346 effective by the chains' own, about 20 in truth.
 */
describe('chainsEffectiveSampleSize', () => {
  it('chains each stuck at one value: about C − 1 effective draws, where their own autocorrelations say n', () => {
    // 20 chains of 1,000, chain c constant at c. By hand: s² = Σ_c 1000 (c − 9.5)² / 19,999 and
    // Var(grand mean) = Σ_c (1/20)² (c − 9.5)² · 20/19, so ESS = 1000 · 400 · 19 / (20 · 19,999) = 19.0.
    const xs = Float64Array.from({ length: 20_000 }, (_, i) => Math.floor(i / 1000));
    let own = 0;
    for (let c = 0; c < 20; c++) own += effectiveSampleSize(xs.subarray(c * 1000, (c + 1) * 1000));
    expect(own).toBe(20_000);
    expect(chainsEffectiveSampleSize(xs, 1000)).toBeCloseTo((1000 * 400 * 19) / (20 * 19_999), 9);
  });

  it('chains that wander locally around their own level: the levels bound it, not the wander', () => {
    // Chain c: level 10 c plus independent normal noise of sd 1 (each chain's own: about 1,000 effective,
    // 20,000 in all). By hand, with Σ_c (10 c − 95)² = 66,500: s² ≈ 1000 · 66,500 / 19,999 + 1 ≈ 3,326.2 and
    // Var(grand mean) ≈ 66,500 / 400 · 20/19 ≈ 175.0 (the noise adds 1/20,000 · 20/19 · ... , negligible): ESS ≈ 19.0.
    const noise = lcgNormals(20_000, 7);
    const xs = Float64Array.from(noise, (z, i) => 10 * Math.floor(i / 1000) + z);
    const ess = chainsEffectiveSampleSize(xs, 1000);
    expect(ess).toBeGreaterThan(18);
    expect(ess).toBeLessThan(20);
  });

  it('independent draws: about n (the chains\' means vary as the draws do)', () => {
    // 20 chains of 1,000 iid normals: the between-chain estimate of Var(mean) is (1/20,000) · χ²₁₉/19, so
    // s² / it lies within 20,000 · 19/χ²₁₉ (0.975, 0.025) = [11,600, 42,000] 95% of the time; capped at n.
    const xs = lcgNormals(20_000, 11);
    const ess = chainsEffectiveSampleSize(xs, 1000);
    expect(ess).toBeGreaterThan(11_600);
    expect(ess).toBeLessThanOrEqual(20_000);
  });

  it('one chain: its own effective sample', () => {
    const xs = lcgNormals(800, 3);
    expect(chainsEffectiveSampleSize(xs, 1000)).toBe(effectiveSampleSize(xs));
  });
});
