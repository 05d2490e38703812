import { describe, expect, it } from 'vitest';
import { CONSTANT_METRIC, firstOrderShares, t975 } from '../../../src/analysis/attribution/first-order.js';
import { prepareInput } from '../../../src/analysis/attribution/input.js';
import { synthetic } from './synthetic.js';
import { createStream } from '../../../src/random/source.js';
import { standardNormal } from '../../../src/random/normal.js';
import { normalCdf } from '../../../src/math/normal-cdf.js';

/** Every single-run check allows 4 standard errors: a correct estimator fails it about 6 times in 100,000. */
const Z_CHECK = 4;

/**
 * Covered ~ Binomial(reps, 0.95): each count within Z_CHECK standard errors of 95%, on both sides. At
 * 1,000 replications that is 95% -/+ 2.76 points: an interval 1.25 times too wide (98.6%) fails, as
 * does one 0.8 times too narrow (88%). (A lower bound alone passed an interval of any width.)
 */
function expectCoverage(covered: readonly number[], reps: number): void {
  const se = Math.sqrt((0.95 * 0.05) / reps);
  covered.forEach((c, i) => expect(Math.abs(c / reps - 0.95), `input ${i}: covered ${c} of ${reps} (SE ${se})`).toBeLessThanOrEqual(Z_CHECK * se));
}

const sharesOf = (n: number, seed: string, a?: number, b?: number, sigma?: number) => {
  const d = synthetic(n, seed, a, b, sigma);
  return { d, est: firstOrderShares(d.y, d.u.map((u) => prepareInput(u, 'own'))) };
};

describe('t975', () => {
  it('matches tabulated Student t quantiles', () => {
    // Tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2): t(0.975; 19) = 2.093, (9) = 2.262, (29) = 2.045.
    expect(t975(19)).toBeCloseTo(2.093, 3);
    expect(t975(9)).toBeCloseTo(2.262, 3);
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(11)).toBeCloseTo(2.201, 3);
    expect(t975(29)).toBeCloseTo(2.045, 3);
  });
});

describe('first-order variance shares on independent inputs', () => {
  it('recover the closed-form shares, a zero for the input with no effect, and the remainder', () => {
    const { d, est } = sharesOf(20_000, 'truth');
    est.shares.forEach((s, i) => expect(Math.abs(s.value! - d.truth[i]!), `input ${i}`).toBeLessThanOrEqual(Z_CHECK * s.standardError!));
    expect(Math.abs(est.unexplained.value! - d.unexplained)).toBeLessThanOrEqual(Z_CHECK * est.unexplained.standardError!);
    // The no-effect input: its interval is about 0 (within 4 SE) and small.
    expect(Math.abs(est.shares[2]!.value!)).toBeLessThanOrEqual(Z_CHECK * est.shares[2]!.standardError!);
  });

  it('rank a dominant input first and the inert one last', () => {
    const { d, est } = sharesOf(5_000, 'dominant', 5, 1, 0.5);
    expect(d.truth[0]).toBeGreaterThan(0.8);
    const order = est.shares.map((s, i) => [s.value!, i] as const).sort((x, y) => y[0] - x[0]).map(([, i]) => i);
    expect(order).toEqual([0, 1, 2]);
  });

  it('95% intervals cover the truth in 95% of 1,000 replications (binomial tolerance, both sides)', () => {
    const reps = 1000;
    const covered = [0, 0, 0];
    for (let r = 0; r < reps; r++) {
      const { d, est } = sharesOf(2_000, `cover-${r}`);
      est.shares.forEach((s, i) => {
        if (s.interval![0] <= d.truth[i]! && d.truth[i]! <= s.interval![1]) covered[i]!++;
      });
    }
    expectCoverage(covered.slice(0, 2), reps);
    // The input with no effect (truth 0) is covered more often (98.7% at this seed): its share's estimate
    // is biased up by noise, and the jackknife counts that noise in its SE. At least 95%, as for the others.
    expect(covered[2]).toBeGreaterThanOrEqual(reps * 0.95 - Z_CHECK * Math.sqrt(reps * 0.95 * 0.05));
  });

  it('are stable across seeds at the default 100,000 trials, within their intervals', () => {
    const a = sharesOf(100_000, 'stable-a').est;
    const b = sharesOf(100_000, 'stable-b').est;
    a.shares.forEach((s, i) => {
      const t = b.shares[i]!;
      expect(Math.abs(s.value! - t.value!)).toBeLessThanOrEqual(Z_CHECK * Math.hypot(s.standardError!, t.standardError!));
      // At 100,000 trials each share is known to within about a percentage point.
      expect(s.interval![1] - s.interval![0]).toBeLessThan(0.02);
    });
  });

  it('treat the market factor z ~ N(0, 1) as an input: Φ(z) its percentile, shares in closed form, 95% coverage', () => {
    // Y = a z + b U + sigma eps: shares a² / V and (b² / 12) / V, V = a² + b² / 12 + sigma².
    const [a, b, sigma] = [1, 2, 0.5];
    const v = a * a + (b * b) / 12 + sigma * sigma;
    const truth = [(a * a) / v, (b * b) / 12 / v];
    const reps = 1000;
    const covered = [0, 0];
    for (let r = 0; r < reps; r++) {
      const s = createStream(`market-${r}`);
      const normal = standardNormal(s);
      const n = 2_000;
      const z = new Float64Array(n);
      const u = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        z[i] = normal();
        u[i] = s();
        y[i] = a * z[i]! + b * u[i]! + sigma * normal();
      }
      const market = prepareInput(z, 'market');
      if (r === 0) {
        expect(market.percentile[0]).toBeCloseTo(normalCdf(z[0]!), 12);
      }
      const est = firstOrderShares(y, [market, prepareInput(u, 'own')]);
      est.shares.forEach((e, i) => {
        if (e.interval![0] <= truth[i]! && truth[i]! <= e.interval![1]) covered[i]!++;
      });
    }
    expectCoverage(covered, reps);
  });

  it('are not estimable for a metric with no spread: no share, and no 100% left to luck', () => {
    const u = Float64Array.from({ length: 100 }, (_, i) => i / 100);
    const est = firstOrderShares(new Float64Array(100).fill(7), [prepareInput(u, 'own')]);
    expect(est.shares[0]!.value).toBeNull();
    expect(est.unexplained.value).toBeNull();
    expect(est.notEstimable).toBe(CONSTANT_METRIC);
    // A spread of one part in 10^12 of the level is still a spread.
    const tiny = Float64Array.from({ length: 100 }, (_, i) => 1e6 + (i % 2) * 1e-3);
    expect(firstOrderShares(tiny, [prepareInput(u, 'own')]).notEstimable).toBeUndefined();
  });
});
