import { beforeAll, describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../../src/analysis/summarize.js';
import { attributionInputs } from '../../../src/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../../../src/analysis/sensitivity.js';
import type { Simulation } from '../../../src/engine/simulate.js';
import { column, run } from '../../helpers/fixtures.js';

/**
 * Two drivers, additive, every share known in closed form. Tier M: a book of 1,000 customers of
 * 10,000, all due in month 1, renewing at 90% moved by the market on the log-odds scale (loading
 * 0.5): R | z ~ Binomial(1000, p(z)), p(z) = expit(logit 0.9 + 0.5 z). Tier C: 600 leads in month 1
 * (seasonality), no cycle or service lag, conversion c ~ Beta(mean 0.1, sd 0.04) of its own, ACV
 * 10,000: D | c ~ Binomial(600, c). Revenue = 10,000 (R + D), each term live all year.
 * By the law of total variance (v = 10,000²):
 *   market's share V1 = v 1000² Var_z p(z); conversion's V2 = v 600² Var c;
 *   unit-level luck U = v (1000 E_z[p (1 - p)] + 600 E[c (1 - c)]); shares Vi / (V1 + V2 + U).
 * The z integrals are by Simpson's rule here; the figures the attribution states must agree within
 * its own standard errors (5 of them: t with 19 degrees of freedom). With the market fixed at -1.28 (the downside case, every loaded
 * driver moving together) R ~ Binomial(1000, p(-1.28)) exactly.
 */
const ARR = 10_000;
const N = 1000;
const LEADS = 600;
const B = 0.5;
const C_MEAN = 0.1;
const C_SD = 0.04;
const yaml = (factor = '') => `
name: two drivers
market: { loadings: { renewal: ${B} }${factor} }
tiers:
  - name: M
    existing:
      customers: ${N}
      openingArr: ${N * ARR}
      renewalCalendar: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      renewalRate: 0.9
      priceUplift: 0
  - name: C
    newBusiness:
      leadsPerMonth: ${LEADS / 12}
      seasonality: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      salesCycleMonths: 0
      serviceStartLagMonths: 0
      conversion: { dist: beta, mean: ${C_MEAN}, sd: ${C_SD} }
      acv: ${ARR}
`;

const expit = (x: number) => 1 / (1 + Math.exp(-x));
const pOf = (z: number) => expit(Math.log(0.9 / 0.1) + B * z);
const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
/** ∫ f(z) φ(z) dz over [lo, hi] by Simpson's rule on 4,000 intervals. */
function integrate(f: (z: number) => number, lo = -9, hi = 9): number {
  const m = 4000;
  const h = (hi - lo) / m;
  let s = 0;
  for (let i = 0; i <= m; i++) {
    const z = lo + i * h;
    s += (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * f(z) * phi(z);
  }
  return (s * h) / 3;
}
const ePz = integrate(pOf);
const varPz = integrate((z) => pOf(z) ** 2) - ePz ** 2;
const eP1mP = integrate((z) => pOf(z) * (1 - pOf(z)));
const varC = C_SD ** 2;
const eC1mC = C_MEAN - (varC + C_MEAN ** 2);
const V1 = N * N * varPz;
const V2 = LEADS * LEADS * varC;
const U = N * eP1mP + LEADS * eC1mC;
const TOTAL = V1 + V2 + U;

/** log k! for k = 0..N, by summing logs. */
const logFact = [0];
for (let k = 1; k <= N; k++) logFact.push(logFact[k - 1]! + Math.log(k));
const binomialPmf = (n: number, p: number) => Array.from({ length: n + 1 }, (_, k) => Math.exp(logFact[n]! - logFact[k]! - logFact[n - k]! + k * Math.log(p) + (n - k) * Math.log1p(-p)));


/** The pmf of D: Binomial(LEADS, c) mixed over c ~ Beta (its density on a grid of 1,599 points). */
function conversionDeals(): Float64Array {
  const dPmf = new Float64Array(LEADS + 1);
  let wTotal = 0;
  const nu = (C_MEAN * (1 - C_MEAN)) / varC - 1;
  const [a, b] = [C_MEAN * nu, (1 - C_MEAN) * nu];
  for (let i = 1; i < 1600; i++) {
    const c = i / 1600;
    const w = Math.exp((a - 1) * Math.log(c) + (b - 1) * Math.log1p(-c));
    wTotal += w;
    binomialPmf(LEADS, c).forEach((q, k) => (dPmf[k]! += w * q));
  }
  return dPmf.map((x) => x / wTotal);
}
/** P(R + D <= t | z), R | z ~ Binomial(N, p(z)); `dCdf` the cumulative of D's pmf. */
function cdfGivenZ(dCdf: Float64Array, z: number, t: number): number {
  const r = binomialPmf(N, pOf(z));
  let s = 0;
  for (let a = 0; a <= Math.min(N, t); a++) s += r[a]! * dCdf[Math.min(LEADS, t - a)]!;
  return s;
}
const D_PMF = conversionDeals();
const D_CDF = new Float64Array(LEADS + 1);
D_PMF.reduce((c, x, k) => (D_CDF[k] = c + x), 0);
/**
 * What must be true's closed form: a target between two lattice points (t and t + 1 units of
 * 10,000) near the company's P30 year for the market; the median of R + D given z reaches t + 1 once
 * P(R + D <= t | z) < 0.5, at z* (bisection).
 */
const WMBT = (() => {
  const zGuess = -0.5244; // Φ^-1(0.3)
  let t = 0;
  while (cdfGivenZ(D_CDF, zGuess, t) < 0.5) t++;
  let [lo, hi] = [-3, 3];
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (cdfGivenZ(D_CDF, mid, t) >= 0.5) lo = mid;
    else hi = mid;
  }
  return { t, target: ARR * t + ARR / 2, zStar: (lo + hi) / 2 };
})();

describe('two additive drivers against their closed-form shares', () => {
  const n = 20_000;
  let sim: Simulation;
  let summary: Summary;
  beforeAll(async () => {
    sim = await run(yaml(), n, 5);
    summary = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: WMBT.target }] } });
  });

  it("each driver's share of the company's revenue, and the luck left over, within 4 standard errors", () => {
    const s = summary.sensitivity;
    const share = (key: string) => s.drivers.find((d) => d.key === key)!;
    const market = share('driver.market');
    const conversion = share('driver.C.conversion');
    // The renewal rate is listed with no uncertainty of its own: only the market moves it, share 0.
    expect(s.drivers.map((d) => d.key)).toEqual(['driver.market', 'driver.C.conversion', 'driver.M.renewalRate']);
    expect(share('driver.M.renewalRate')).toMatchObject({ ownUncertainty: false, varianceShare: 0 });
    // About 0.77, 0.18 and 0.05. Each stated standard error is a 20-block jackknife's, so the
    // estimate's error over it is t with 19 degrees of freedom: 5 is beyond its 99.99% point (4.88).
    // (Over 40 seeds of 5,000 trials the market's shares spread by 0.0061 against a stated 0.0069,
    // the conversion's by 0.0102 against 0.0109: the standard errors are honest.)
    const T = 5;
    expect(Math.abs(market.varianceShare! - V1 / TOTAL)).toBeLessThanOrEqual(T * market.varianceShareStandardError!);
    expect(Math.abs(conversion.varianceShare! - V2 / TOTAL)).toBeLessThanOrEqual(T * conversion.varianceShareStandardError!);
    expect(Math.abs(s.unexplained.value! - U / TOTAL)).toBeLessThanOrEqual(T * s.unexplained.standardError!);
    // Each tier's revenue moves by its own driver alone: tier M's by the market, tier C's by its conversion.
    const tierM = summary.sensitivityByTier!.M!;
    expect(tierM.drivers.map((d) => d.key)).toEqual(['driver.market', 'driver.M.renewalRate']);
    const mShare = (N * varPz) / (N * varPz + eP1mP);
    expect(Math.abs(tierM.drivers[0]!.varianceShare! - mShare)).toBeLessThanOrEqual(T * tierM.drivers[0]!.varianceShareStandardError!);
    const tierC = summary.sensitivityByTier!.C!;
    expect(tierC.drivers.map((d) => d.key)).toEqual(['driver.C.conversion']);
    const cShare = (LEADS * varC) / (LEADS * varC + eC1mC);
    expect(Math.abs(tierC.drivers[0]!.varianceShare! - cShare)).toBeLessThanOrEqual(T * tierC.drivers[0]!.varianceShareStandardError!);
  });

  it("the stated standard errors are neither too wide nor too narrow: the shares' spread over 15 seeds against them, two-sided, and their mean at the closed form", async () => {
    // 15 seeds of 2,000 trials. With honest standard errors, (seeds - 1) x the shares' variance over
    // seeds / the mean stated variance is about chi-square(14) (the curvature-stability test's check):
    // inside its 1% and 99% points with chance 98% for each figure. A standard error stated twice too
    // wide divides it by 4 (below 4.6604 with chance P(chi2(14) < 18.64) = 82%), one half as wide
    // multiplies it by 4 (above 29.1412 with chance P(chi2(14) > 7.29) = 92%). Drawn from fixed seeds,
    // so deterministic. The one-sided check above passed either way for the too-wide case.
    const SEEDS = Array.from({ length: 15 }, (_, i) => 100 + i);
    const CHI2_14 = { p01: 4.6604, p99: 29.1412 };
    const truth: Record<string, number> = { 'driver.market': V1 / TOTAL, 'driver.C.conversion': V2 / TOTAL, unexplained: U / TOTAL };
    const byKey = new Map<string, { value: number; se: number }[]>(Object.keys(truth).map((k) => [k, []]));
    for (const seed of SEEDS) {
      const sim = await run(yaml(), 2_000, seed);
      const s = sensitivity(attributionInputs(sim), column(sim, 'revenue'), 'revenue');
      for (const d of s.drivers) byKey.get(d.key)?.push({ value: d.varianceShare!, se: d.varianceShareStandardError! });
      byKey.get('unexplained')!.push({ value: s.unexplained.value!, se: s.unexplained.standardError! });
    }
    for (const [key, list] of byKey) {
      expect(list.length, key).toBe(SEEDS.length);
      const n = list.length;
      const mean = list.reduce((t, x) => t + x.value, 0) / n;
      const stated = list.reduce((t, x) => t + x.se ** 2, 0) / n;
      const statistic = list.reduce((t, x) => t + (x.value - mean) ** 2, 0) / stated;
      expect(statistic, `${key}: spread over seeds against the stated standard errors, too small (SE overstated)`).toBeGreaterThan(CHI2_14.p01);
      expect(statistic, `${key}: the same, too large (SE understated)`).toBeLessThan(CHI2_14.p99);
      // The mean of 15 seeds at the closed form, within 4 of its standard errors (sqrt(stated / 15)).
      expect(Math.abs(mean - truth[key]!), `${key}: mean ${mean} against ${truth[key]}`).toBeLessThanOrEqual(4 * Math.sqrt(stated / n));
    }
  });

  it("the market's tornado end at its P10: revenue's median in the years of market percentile 5 to 15, against the exact mixture", () => {
    // P(R + D = s | z in the band), R | z binomial, D beta-binomial, mixed over the band's z.
    const grid = 400;
    const dPmf = D_PMF;
    const lo = -1.6448536; // Φ^-1(0.05)
    const hi = -1.0364334; // Φ^-1(0.15)
    const mix = new Float64Array(N + LEADS + 1);
    let zTotal = 0;
    for (let i = 0; i < grid; i++) {
      const z = lo + ((i + 0.5) * (hi - lo)) / grid;
      const w = phi(z);
      zTotal += w;
      const r = binomialPmf(N, pOf(z));
      for (let a = 0; a <= N; a++) {
        if (r[a]! < 1e-14) continue;
        const ra = r[a]! * w;
        for (let d = 0; d <= LEADS; d++) mix[a + d]! += ra * dPmf[d]!;
      }
    }
    let cum = 0;
    let median = -1;
    for (let s = 0; s < mix.length; s++) {
      cum += mix[s]! / zTotal;
      if (cum >= 0.5) {
        median = s;
        break;
      }
    }
    const low = summary.sensitivity.drivers.find((d) => d.key === 'driver.market')!.low!;
    // The sample median of the band's ~2,000 trials: SE 1 / (2 f(m) sqrt(k)), f the density per unit of revenue.
    const k = 0.1 * n;
    const f = mix[median]! / zTotal / ARR;
    const se = 1 / (2 * f * Math.sqrt(k));
    expect(Math.abs(low.metricMedian - ARR * median)).toBeLessThanOrEqual(4 * se + ARR);
    expect(low.interval![0]).toBeLessThanOrEqual(ARR * (median + 1));
    expect(low.interval![1]).toBeGreaterThanOrEqual(ARR * (median - 1));
  });

  it("what must be true of the market for a target: the market percentile whose median year is the target, against the exact conditional median", () => {
    const { t, zStar } = WMBT;
    const dPmf = D_PMF;
    const s = summary;
    const c = s.whatMustBeTrue[0]!.drivers.find((d) => d.key === 'driver.market')!;
    expect(c.reach).toBe('crosses');
    expect(c.direction).toBe('atLeast');
    // A bin's median of revenue is known to about 1 / (2 f sqrt(n / K)) (f the density per unit of
    // revenue at the median, about pmf / 10,000); in z, over the median's slope 10,000 N p'(z), p' = B p (1 - p).
    const bins = s.sensitivity.bins;
    const pz = pOf(zStar);
    let f = 0;
    for (let a = 0; a <= N; a++) {
      const d = t - a;
      if (d >= 0 && d <= LEADS) f += binomialPmf(N, pz)[a]! * dPmf[d]!;
    }
    const medianSe = 1 / (2 * (f / ARR) * Math.sqrt(n / bins));
    const zTolerance = (4 * medianSe) / (ARR * N * B * pz * (1 - pz));
    expect(Math.abs(c.value! - zStar), `z ${c.value} for ${zStar} (± ${zTolerance})`).toBeLessThanOrEqual(zTolerance);
    // Its percentile is Φ(z) in a plan run: within the same tolerance through φ, and the empirical CDF's own error.
    expect(Math.abs(c.percentile! - integrate(() => 1, -9, zStar))).toBeLessThanOrEqual(phi(zStar) * zTolerance + 4 * Math.sqrt(0.25 / n));
  });

  it('the downside case with everything moving together (market fixed at -1.28): the book is Binomial(1000, p(-1.28)) exactly', async () => {
    const down = await run(yaml(', factor: -1.28'), 4000, 5);
    const p = pOf(-1.28);
    const m = column(down, 'tier.M.revenue');
    const mean = m.reduce((a, b) => a + b, 0) / m.length;
    const sd = ARR * Math.sqrt(N * p * (1 - p));
    expect(Math.abs(mean - ARR * N * p)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(m.length));
    // Its variance against the binomial's: the sample variance's SE is about var sqrt(2 / (n - 1)) (near-normal).
    const v = m.reduce((a, b) => a + (b - mean) ** 2, 0) / (m.length - 1);
    expect(Math.abs(v / sd ** 2 - 1)).toBeLessThanOrEqual(4 * Math.sqrt(2 / (m.length - 1)));
    // The company's mean: the book's plus the new business, whose conversion the market does not move.
    const total = column(down, 'revenue');
    const tMean = total.reduce((a, b) => a + b, 0) / total.length;
    const tSd = ARR * Math.sqrt(N * p * (1 - p) + LEADS * eC1mC + LEADS * LEADS * varC);
    expect(Math.abs(tMean - ARR * (N * p + LEADS * C_MEAN))).toBeLessThanOrEqual((4 * tSd) / Math.sqrt(total.length));
    // The market's share is then 0: it moves nothing from one year to the next.
    const s = summarize(down).sensitivity;
    expect(s.drivers.map((d) => d.key)).toEqual(['driver.C.conversion']);
  });
});
