import { describe, expect, it } from 'vitest';
import { firstOrderShares } from '../../../src/analysis/attribution/first-order.js';
import { prepareInput } from '../../../src/analysis/attribution/input.js';
import { tailBins } from '../../../src/analysis/attribution/tail-bins.js';
import { createStream } from '../../../src/random/source.js';
import { standardNormal } from '../../../src/random/normal.js';

/** Every single-run check allows 4 standard errors: a correct estimator fails it about 6 times in 100,000. */
const Z_CHECK = 4;

/**
 * A metric that curves strongly in the market factor: Y = e^(b z) + sigma eps, z and eps N(0, 1).
 * E[Y | z] = e^(b z), Var(e^(b z)) = e^(2 b²) - e^(b²) (lognormal), so the market's share is
 * that / (that + sigma²). b = 2 is the curvature of leads loaded 2 on the market (bench/attribution-curvature.mjs).
 */
function convex(n: number, seed: string, b: number, sigma: number) {
  const s = createStream(`convex-${seed}`);
  const normal = standardNormal(s);
  const z = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    z[i] = normal();
    y[i] = Math.exp(b * z[i]!) + sigma * normal();
  }
  const between = Math.exp(2 * b * b) - Math.exp(b * b);
  return { z, y, truth: between / (between + sigma * sigma) };
}

describe('first-order shares of a metric that curves strongly in an input', () => {
  it("read a convex market's closed-form share within their interval, where a line a bin read it far too low", () => {
    // b = 2, sigma² = Var(e^(2z)) / 99: a true share of 99%. The bins' lines alone read about 70%.
    const b = 2;
    const sigma = Math.sqrt((Math.exp(8) - Math.exp(4)) / 99);
    for (const seed of ['a', 'b', 'c']) {
      const { z, y, truth } = convex(20_000, seed, b, sigma);
      expect(truth).toBeCloseTo(0.99, 12);
      const s = firstOrderShares(y, [prepareInput(z, 'market')]).shares[0]!;
      expect(Math.abs(s.value! - truth), `seed ${seed}: ${s.value} for ${truth}`).toBeLessThanOrEqual(Z_CHECK * s.standardError!);
      // Known to within a few points of its truth (4 SE), not 30 points below it.
      expect(s.standardError!).toBeLessThan(0.02);
    }
  });

  it('cover a convex closed form in 95% of 400 replications (binomial tolerance, both sides)', () => {
    // Y = e^(20 U) + sigma eps, U ~ U(0, 1): E[e^(cU)] = (e^c - 1) / c, so Var(e^(20 U)) = (e^40 - 1) / 40 -
    // ((e^20 - 1) / 20)², curving most in the top bin; sigma² = that / 9, a true share of 90%. Bounded,
    // so 2,000 trials see its whole range. A line a bin read 87.1% on average, its interval covering 90% in
    // 53 of 200 replications.
    const c = 20;
    const between = (Math.exp(2 * c) - 1) / (2 * c) - ((Math.exp(c) - 1) / c) ** 2;
    const sigma = Math.sqrt(between / 9);
    const truth = 0.9;
    const reps = 400;
    let covered = 0;
    for (let r = 0; r < reps; r++) {
      const s = createStream(`convex-uniform-${r}`);
      const normal = standardNormal(s);
      const u = new Float64Array(2_000);
      const y = new Float64Array(2_000);
      for (let i = 0; i < u.length; i++) {
        u[i] = s();
        y[i] = Math.exp(c * u[i]!) + sigma * normal();
      }
      const e = firstOrderShares(y, [prepareInput(u, 'own')]).shares[0]!;
      if (e.interval![0] <= truth && truth <= e.interval![1]) covered++;
    }
    const se = Math.sqrt((0.95 * 0.05) / reps);
    expect(Math.abs(covered / reps - 0.95), `covered ${covered} of ${reps}`).toBeLessThanOrEqual(Z_CHECK * se);
  });

  it("read a discrete driver's closed-form share: atoms at its extremes fill whole tail bins", () => {
    // D = 0 (30%), 1 (50%) or 4 (20%): E[D] = 1.3, E[D²] = 3.7, Var(D) = 2.01. Y = D + U (no effect) + eps.
    const n = 20_000;
    const s = createStream('discrete-tails');
    const normal = standardNormal(s);
    const d = new Float64Array(n);
    const u = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = s();
      d[i] = p < 0.3 ? 0 : p < 0.8 ? 1 : 4;
      u[i] = s();
      y[i] = d[i]! + normal();
    }
    const truth = 2.01 / (2.01 + 1);
    const est = firstOrderShares(y, [prepareInput(d, 'own'), prepareInput(u, 'own')]);
    const [sd, su] = est.shares;
    expect(Math.abs(sd!.value! - truth)).toBeLessThanOrEqual(Z_CHECK * sd!.standardError!);
    // The driver with no effect: about 0, its interval covering 0.
    expect(Math.abs(su!.value!)).toBeLessThanOrEqual(Z_CHECK * su!.standardError!);
    expect(su!.interval![0]).toBeLessThanOrEqual(0.002);
  });
});

describe('tail bins', () => {
  const input = (n: number) => prepareInput(Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n), 'own');
  const sizes = (n: number) => {
    const p = input(n);
    const t = tailBins(p.bin, p.bins, p.order, new Uint16Array(n));
    const count = new Array<number>(t.count).fill(0);
    for (const b of t.bin) count[b]!++;
    return { count, ranges: t.neighbourRanges };
  };

  it('halve the outer bins towards the extremes, in the order of the input, and leave the inner ones', () => {
    // 2,000 trials: K = 8 bins of 250; each outer one halved to 125, 63, 31 and 31 (the extreme).
    const { count, ranges } = sizes(2_000);
    expect(count).toEqual([31, 31, 63, 125, 250, 250, 250, 250, 250, 250, 125, 63, 31, 31]);
    expect(ranges).toEqual([
      { bin: 0, from: 0, to: 31 },
      { bin: 13, from: 1969, to: 2000 },
    ]);
    const p = input(2_000);
    const t = tailBins(p.bin, p.bins, p.order, new Uint16Array(2_000));
    // Bins ascend along the input's order.
    for (let r = 1; r < 2_000; r++) expect(t.bin[p.order[r]!]!).toBeGreaterThanOrEqual(t.bin[p.order[r - 1]!]!);
  });

  it('change nothing below 40 trials an outer bin, and use neighbours only from 3 halvings', () => {
    expect(sizes(100).count).toEqual([25, 25, 25, 25]);
    expect(sizes(100).ranges).toEqual([]);
    // 400 trials: outer bins of 100, halved twice (50, 25, 25): no neighbours yet.
    expect(sizes(400).count).toEqual([25, 25, 50, 100, 100, 50, 25, 25]);
    expect(sizes(400).ranges).toEqual([]);
  });
});
