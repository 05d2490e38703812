import { beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/analysis/decisions.js';
import { summarize } from '../../src/analysis/summarize.js';
import { normalCdf, normalQuantile } from '../../src/math/normal-cdf.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { column, run } from '../helpers/fixtures.js';

/**
 * The decision figures (the chance of a target, the budget at a confidence, the worst years' mean,
 * the shortfall against a target, the joint chance) against closed forms a reviewer can check by
 * hand, on scenarios whose revenue is known exactly in law:
 * - two tiers of one deal a year each (one lead in month 1, converted with certainty, live all year),
 *   ACVs independent normals: revenue ~ N(mA + mB, sA² + sB²);
 * - the same two tiers at fixed ACVs whose level the market moves (loading b on ACV): both are
 *   a exp(b z - b²/2), perfectly correlated through z, so both targets are met exactly when z is
 *   above the higher of their two thresholds (independent tiers would multiply the chances);
 * - one lead converted with probability 0.7 at a fixed ACV: revenue is 0 or the ACV, a target at the
 *   atom is met with chance 0.7 (">=" counts the atom).
 * Tolerances: 4 standard errors of the figure (binomial for a chance, sqrt(p (1 - p) / n) / f(q) for
 * a quantile, worstMeanSe for a mean of the worst years).
 */
const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
/**
 * The SE of the mean of the worst a of N draws (the expected shortfall's estimator): its own tail's
 * spread plus the spread of where the a-quantile q falls, sqrt([Var(X | X <= q) + (1 - a)(ES - q)²] / (a N)).
 * The first term alone understates it (1.49x for a normal at a = 5%).
 */
const worstMeanSe = (tailVar: number, es: number, q: number, a: number) => Math.sqrt((tailVar + (1 - a) * (es - q) ** 2) / (a * N));
const oneDealTier = (name: string, acv: string) => `
  - name: ${name}
    newBusiness:
      leadsPerMonth: ${1 / 12}
      seasonality: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      conversion: 1
      acv: ${acv}`;

const N = 20_000;

describe('a sum of two independent normals', () => {
  // Each ACV bounded below at 0, 10 sd below its mean (the amount must stay >= 0): a truncation of
  // chance 8e-24, far below anything 20,000 trials can see, so each is the normal.
  const [mA, sA, mB, sB] = [100_000, 8_000, 60_000, 6_000];
  const mu = mA + mB;
  const sigma = Math.hypot(sA, sB);
  const yaml = `name: two normals\ntiers:${oneDealTier('A', `{ dist: normal, mean: ${mA}, sd: ${sA}, min: 0 }`)}${oneDealTier('B', `{ dist: normal, mean: ${mB}, sd: ${sB}, min: 0 }`)}\n`;
  let sim: Simulation;
  beforeAll(async () => {
    sim = await run(yaml, N, 11);
  });

  it('is one deal a tier a year', () => {
    expect(column(sim, 'customersWon').every((v) => v === 2)).toBe(true);
  });

  it('the chance of a target: 1 - Φ((t - μ) / σ), within 4 binomial SEs', () => {
    for (const t of [150_000, 165_000, 180_000]) {
      const exact = 1 - normalCdf((t - mu) / sigma);
      const got = decide(sim, { targets: { metrics: [{ metric: 'revenue', value: t }] } }).targets[0]!.probability.value;
      expect(Math.abs(got - exact), `target ${t}`).toBeLessThanOrEqual(4 * Math.sqrt((exact * (1 - exact)) / N));
    }
  });

  it('the budget at 50% and at 99% confidence: μ + σ Φ^-1(1 - c), within 4 SEs of the quantile, its interval covering it', () => {
    for (const c of [0.5, 0.99]) {
      const q = mu + sigma * normalQuantile(1 - c);
      const b = decide(sim, { confidence: c }).budgets.metrics.revenue;
      const se = Math.sqrt((c * (1 - c)) / N) / (phi((q - mu) / sigma) / sigma);
      expect(Math.abs(b.value - q), `confidence ${c}`).toBeLessThanOrEqual(4 * se);
      expect(b.interval![0], `confidence ${c}`).toBeLessThanOrEqual(q);
      expect(b.interval![1], `confidence ${c}`).toBeGreaterThanOrEqual(q);
    }
  });

  it('the mean of the worst 5% and 10%: μ - σ φ(Φ^-1(a)) / a; the shortfall against a target: (t - μ) + σ φ(α) / Φ(α), α = (t - μ) / σ', () => {
    const t = 155_000;
    const d = decide(sim, { targets: { metrics: [{ metric: 'revenue', value: t }] } });
    for (const [a, got] of [
      [0.05, d.downside.revenue.worst5Mean],
      [0.1, d.downside.revenue.worst10Mean],
    ] as const) {
      const z = normalQuantile(a);
      const exact = mu - (sigma * phi(z)) / a;
      // The worst a of a normal: its variance is σ² (1 - z φ(z) / a - (φ(z) / a)²), z = Φ^-1(a) (truncated normal).
      const tailVar = sigma ** 2 * (1 - (z * phi(z)) / a - (phi(z) / a) ** 2);
      const se = worstMeanSe(tailVar, exact, mu + sigma * z, a);
      expect(Math.abs(got - exact), `worst ${a}`).toBeLessThanOrEqual(4 * se);
    }
    const alpha = (t - mu) / sigma;
    const exactGap = t - mu + (sigma * phi(alpha)) / normalCdf(alpha);
    const shortfall = d.targets[0]!.shortfall;
    const pMiss = normalCdf(alpha);
    expect(Math.abs(shortfall.trialsMissing / N - pMiss)).toBeLessThanOrEqual(4 * Math.sqrt((pMiss * (1 - pMiss)) / N));
    const gapSd = sigma * Math.sqrt(1 - (alpha * phi(alpha)) / pMiss - (phi(alpha) / pMiss) ** 2);
    expect(Math.abs(shortfall.meanGap - exactGap)).toBeLessThanOrEqual(4 * (gapSd / Math.sqrt(pMiss * N)));
  });
});

describe('a market factor shared by two tiers: their revenues move together', () => {
  const B = 0.3;
  const [a, c] = [100_000, 50_000];
  const yaml = `name: shared market\nmarket: { loadings: { acv: ${B} } }\ntiers:${oneDealTier('A', `${a}`)}${oneDealTier('B', `${c}`)}\n`;
  /** The market z at which a revenue of `level` at an average year reaches t: level e^(B z - B²/2) = t. */
  const zAt = (t: number, level: number) => (Math.log(t / level) + (B * B) / 2) / B;
  let sim: Simulation;
  beforeAll(async () => {
    sim = await run(yaml, N, 12);
  });

  it("each tier's revenue is its ACV times e^(B z - B²/2), z the run's market column (to float32)", () => {
    const z = column(sim, 'driver.market');
    const ra = column(sim, 'tier.A.revenue');
    for (let i = 0; i < 100; i++) expect(Math.abs(ra[i]! / (a * Math.exp(B * z[i]! - (B * B) / 2)) - 1)).toBeLessThan(1e-6);
  });

  it('both tiers on target together: 1 - Φ(max(zA, zB)), not the product of their chances', () => {
    const [tA, tB] = [a * Math.exp(B * 0.3 - (B * B) / 2), c * Math.exp(B * -0.2 - (B * B) / 2)];
    const d = decide(sim, {
      targets: {
        metrics: [
          { metric: 'revenue', tier: 'A', value: tA },
          { metric: 'revenue', tier: 'B', value: tB },
        ],
      },
    });
    const pA = 1 - normalCdf(zAt(tA, a));
    const pB = 1 - normalCdf(zAt(tB, c));
    const joint = 1 - normalCdf(Math.max(zAt(tA, a), zAt(tB, c)));
    expect(joint).toBeCloseTo(pA, 12); // A's is the stricter: z >= 0.3
    for (const [got, exact] of [
      [d.targets[0]!.probability.value, pA],
      [d.targets[1]!.probability.value, pB],
      [d.jointProbability!.value, joint],
    ] as const)
      expect(Math.abs(got - exact)).toBeLessThanOrEqual(4 * Math.sqrt((exact * (1 - exact)) / N));
    // Independent tiers would give pA pB = 0.22 against 0.38: 37 SEs away.
    expect(Math.abs(d.jointProbability!.value - pA * pB)).toBeGreaterThan(20 * Math.sqrt((joint * (1 - joint)) / N));
  });

  it("the company's budget at 50% and 99%: (a + c) e^(B Φ^-1(1 - conf) - B²/2); its worst 10%: (a + c) Φ(Φ^-1(0.1) - B) / 0.1", () => {
    const L = a + c;
    for (const conf of [0.5, 0.99]) {
      const zq = normalQuantile(1 - conf);
      const q = L * Math.exp(B * zq - (B * B) / 2);
      const b = decide(sim, { confidence: conf }).budgets.metrics.revenue;
      // The quantile's SE: sqrt(p (1 - p) / n) over its density, φ(zq) / (B q) at q.
      const se = Math.sqrt((conf * (1 - conf)) / N) / (phi(zq) / (B * q));
      expect(Math.abs(b.value - q), `confidence ${conf}`).toBeLessThanOrEqual(4 * se);
      expect(b.interval![0]).toBeLessThanOrEqual(q);
      expect(b.interval![1]).toBeGreaterThanOrEqual(q);
    }
    const worst = decide(sim).downside.revenue.worst10Mean;
    const za = normalQuantile(0.1);
    const exact = (L * normalCdf(za - B)) / 0.1;
    // Below z_a: E[X²] = L² e^(B²) Φ(z_a - 2B) / a, so Var(X | X <= q) = that - exact².
    const tailVar = (L * L * Math.exp(B * B) * normalCdf(za - 2 * B)) / 0.1 - exact ** 2;
    const se = worstMeanSe(tailVar, exact, L * Math.exp(B * za - (B * B) / 2), 0.1);
    expect(Math.abs(worst - exact)).toBeLessThanOrEqual(4 * se);
  });
});

describe('a target at an atom: revenue 0 or one ACV', () => {
  // One lead in month 1, converted with probability 0.7, at a fixed ACV of 100,000: revenue is 100,000
  // with chance 0.7, else 0.
  const ACV = 100_000;
  const yaml = `name: atom\ntiers:${oneDealTier('T', `${ACV}`).replace('conversion: 1', 'conversion: 0.7')}\n`;
  let sim: Simulation;
  beforeAll(async () => {
    sim = await run(yaml, N, 13);
  });

  it('a target of exactly the ACV is met with chance 0.7 (">=" counts the atom), missed by exactly the ACV', () => {
    const revenue = column(sim, 'revenue');
    expect(revenue.every((v) => v === 0 || v === ACV)).toBe(true);
    const d = decide(sim, { targets: { metrics: [{ metric: 'revenue', value: ACV }] } });
    const t = d.targets[0]!;
    expect(Math.abs(t.probability.value - 0.7)).toBeLessThanOrEqual(4 * Math.sqrt((0.7 * 0.3) / N));
    expect(t.probability.interval[0]).toBeLessThanOrEqual(0.7);
    expect(t.probability.interval[1]).toBeGreaterThanOrEqual(0.7);
    expect(t.shortfall.trialsMissing).toBe(N - Math.round(t.probability.value * N));
    expect(t.shortfall.meanGap).toBe(ACV);
  });

  it('the budget at 50% is the ACV (reached in 70% of years), at 99% is 0; the worst 5% and 10% are 0', () => {
    expect(decide(sim, { confidence: 0.5 }).budgets.metrics.revenue.value).toBe(ACV);
    expect(decide(sim, { confidence: 0.99 }).budgets.metrics.revenue.value).toBe(0);
    const down = decide(sim).downside.revenue;
    expect(down.worst5Mean).toBe(0);
    expect(down.worst10Mean).toBe(0);
  });
});

describe('what must be true of a market shared by two tiers', () => {
  const B = 0.3;
  const L = 150_000;
  const yaml = `name: shared market\nmarket: { loadings: { acv: ${B} } }\ntiers:${oneDealTier('A', '100000')}${oneDealTier('B', '50000')}\n`;
  it("for a company target t: the market's z* = (ln(t / L) + B²/2) / B, revenue being L e^(B z - B²/2), and its percentile Φ(z*)", async () => {
    const sim = await run(yaml, N, 12);
    for (const zStar of [0.5, -0.8]) {
      const t = L * Math.exp(B * zStar - (B * B) / 2);
      const s = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: t }] } });
      const m = s.whatMustBeTrue[0]!.drivers.find((d) => d.key === 'driver.market')!;
      expect(m.reach).toBe('crosses');
      expect(m.direction).toBe('atLeast');
      // Revenue is exact in z, so each bin's median year lies on the curve; the crossing is read
      // between the two bins' points around z*, whose ranks lie within 1/K of Φ(z*) (K = 20 equal-count
      // bins at 20,000 trials, finer in the tails): apart by at most h = Φ^-1(p + 1/K) - Φ^-1(p - 1/K).
      // A chord of L e^(B z) over h lies above the curve by at most L B² e^(B z2) h² / 8: a shift in z
      // of at most B h² e^(B h) / 8 (0.013 at z* = 0.5).
      const p = normalCdf(zStar);
      const h = normalQuantile(p + 1 / 20) - normalQuantile(p - 1 / 20);
      const tol = (B * h * h * Math.exp(B * h)) / 8;
      expect(Math.abs(m.value! - zStar), `z ${m.value} for ${zStar} (± ${tol})`).toBeLessThanOrEqual(tol);
      // A plan run's market percentile is Φ(z): within the same tolerance through φ, and the empirical CDF's own error.
      expect(Math.abs(m.percentile! - p)).toBeLessThanOrEqual(phi(Math.max(0, Math.abs(zStar) - tol)) * tol + 4 * Math.sqrt(0.25 / N));
    }
  });
});
