import { describe, expect, it } from 'vitest';
import { planScenario } from '../../src/model/scenario-plan.js';
import { TierOutcome, TierSimulator } from '../../src/model/tier-simulator.js';
import { componentIndex } from '../../src/model/components.js';
import { scenarioFrom } from '../helpers/fixtures.js';

/**
 * Only the deals and new-customer expansions that land in the fiscal year are drawn (thinning,
 * model/window-splitter.ts): a month's deals closing in the year are Binomial(leads, p share), a
 * month before the year draws its in-year deals as the lead count at the mean scaled by p share.
 * These tests check the figures that come out against their closed forms, with no market factor,
 * a fixed conversion and a sales cycle of 0 to 5 months, so that the windows cut it at both ends.
 *
 * Closed forms, Poisson leads of mean lam a month (warm start: months -4..0 close in the year too):
 * deals by lag D[m][j] ~ Poisson(lam p w[j]), independent, so the deals closing in month c are
 * Poisson(Lambda_c), Lambda_c = lam p sum of w[j] over the lags j with 1 <= c - j (the lead month
 * m = c - j may be before the year); and Cov(leads of month m, deals closing in m + j) = lam p w[j].
 * Negative binomial leads NB(mu, k): each lead month's deals closing in c are NB(mu p w[c - m], k),
 * independent across months, so Var = sum over m of (a + a^2 / k), a = mu p w[c - m].
 * New-customer expansion (probability e, lags v[l] after going live, live at close): expanding
 * customers in month t have mean e sum over l of Lambda_{t - l} v[l] (t - l >= 1).
 *
 * Tolerances: 4 standard errors of each statistic over T trials (a mean: sqrt(Var / T); a sample
 * variance: sqrt((mu4 - s^4) / T) with mu4 of the closed form; a covariance of (L, D): for these
 * near-normal counts sqrt((Var L Var D + Cov^2) / T)). 12 months x a few statistics: a family-wise
 * false alarm below 1%.
 */
const T = 20_000;
const W = [0.1, 0.25, 0.2, 0.2, 0.15, 0.1];
const P = 0.05;
const C_NEW_EXP = componentIndex('newCustomerExpansion');

function tierYaml(leads: string): string {
  return `
name: thinning
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: ${leads}
      conversion: ${P}
      salesCycleMonths: { dist: discrete, values: [0, 1, 2, 3, 4, 5], weights: [${W.join(', ')}] }
      acv: 1000
    newCustomerExpansion:
      probability: 0.3
      size: 1
      monthsAfterClose: { dist: discrete, values: [2, 5, 8], weights: [0.5, 0.3, 0.2] }
`;
}

interface Runs {
  leads: Float64Array[];
  deals: Float64Array[];
  expansions: Float64Array[];
}

function simulateTier(leads: string): Runs {
  const plan = planScenario(scenarioFrom(tierYaml(leads)).scenario, {});
  const tier = plan.tiers[0]!;
  const sim = new TierSimulator(tier, 'thinning/1');
  const out = new TierOutcome(tier);
  const runs: Runs = { leads: [], deals: [], expansions: [] };
  for (let m = 0; m < 12; m++) {
    runs.leads.push(new Float64Array(T));
    runs.deals.push(new Float64Array(T));
    runs.expansions.push(new Float64Array(T));
  }
  for (let t = 0; t < T; t++) {
    sim.run(0, out);
    for (let m = 0; m < 12; m++) {
      runs.leads[m]![t] = out.leadsByMonth[m]!;
      runs.deals[m]![t] = out.dealsByMonth[m]!;
      runs.expansions[m]![t] = out.events[C_NEW_EXP * 12 + m]!;
    }
  }
  return runs;
}

const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: Float64Array) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};
const covariance = (xs: Float64Array, ys: Float64Array) => {
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - mx) * (ys[i]! - my);
  return s / (xs.length - 1);
};

/** Per lag-sum: a[c][m] = mean deals of lead month m (may be <= 0) closing in month c (1..12). */
function parts(c: number, perMonth: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < W.length; j++) if (c - j >= 1 - (W.length - 1)) out.push(perMonth * P * W[j]!);
  return out;
}

/** Expected expansions in month t (1..12) given the mean deals closing in each month. */
function expectedExpansions(t: number, closing: number[]): number {
  const lags = [2, 5, 8];
  const weights = [0.5, 0.3, 0.2];
  let s = 0;
  lags.forEach((l, i) => {
    if (t - l >= 1) s += 0.3 * closing[t - l - 1]! * weights[i]!;
  });
  return s;
}

describe('deals and expansions drawn only where they land in the year', () => {
  it('Poisson leads: deals closing each month are Poisson(Lambda_c), leads keep their covariance with them, expansions their means', () => {
    const lam = 400;
    const r = simulateTier(`{ dist: poisson, mean: ${lam} }`);
    const closing: number[] = [];
    for (let c = 1; c <= 12; c++) {
      const L = parts(c, lam).reduce((s, a) => s + a, 0);
      closing.push(L);
      const d = r.deals[c - 1]!;
      expect(Math.abs(mean(d) - L), `mean deals closing in month ${c}`).toBeLessThanOrEqual(4 * Math.sqrt(L / T));
      // Poisson: variance L, fourth central moment L (1 + 3 L).
      expect(Math.abs(variance(d) - L), `variance of deals closing in month ${c}`).toBeLessThanOrEqual(4 * Math.sqrt((L * (1 + 3 * L) - L * L) / T));
      expect(Math.abs(mean(r.leads[c - 1]!) - lam), `leads of month ${c}`).toBeLessThanOrEqual(4 * Math.sqrt(lam / T));
    }
    // Leads of month m and deals closing in m + j: lam p w[j] (0 beyond the cycle).
    for (const [m, j] of [[1, 0], [3, 2], [7, 5], [8, 4], [11, 1], [12, 0], [2, 7]] as const) {
      const expected = j < W.length ? lam * P * W[j]! : 0;
      const se = Math.sqrt((lam * closing[m + j - 1]! + expected * expected) / T);
      expect(Math.abs(covariance(r.leads[m - 1]!, r.deals[m + j - 1]!) - expected), `Cov(leads ${m}, deals ${m + j})`).toBeLessThanOrEqual(4 * se);
    }
    for (let t = 1; t <= 12; t++) {
      const e = expectedExpansions(t, closing);
      const x = r.expansions[t - 1]!;
      // The count's variance is at most its mean plus the variance its cohorts bring (< 2 e here).
      expect(Math.abs(mean(x) - e), `expansions in month ${t}`).toBeLessThanOrEqual(4 * Math.sqrt((2 * e + 1e-12) / T));
    }
  });

  it('negative binomial leads: deals closing each month have the mean and variance of independent NB(mu p w, k) per lead month', () => {
    const mu = 300;
    const k = 8;
    const r = simulateTier(`{ dist: negativeBinomial, mean: ${mu}, dispersion: ${k} }`);
    for (let c = 1; c <= 12; c++) {
      const a = parts(c, mu);
      const L = a.reduce((s, x) => s + x, 0);
      const V = a.reduce((s, x) => s + x + (x * x) / k, 0);
      const d = r.deals[c - 1]!;
      expect(Math.abs(mean(d) - L), `mean deals closing in month ${c}`).toBeLessThanOrEqual(4 * Math.sqrt(V / T));
      // The sample variance's standard error, V sqrt((kurtosis - 1) / T): a sum of independent parts has an
      // excess kurtosis at most its parts' largest, and NB(a, k)'s is 6 / k + 1 / (a (1 + a / k)) < 6 / k + 1 / a.
      const kurtosis = 3 + 6 / k + 1 / Math.min(...a);
      expect(Math.abs(variance(d) - V), `variance of deals closing in month ${c}`).toBeLessThanOrEqual(4 * V * Math.sqrt((kurtosis - 1) / T));
    }
  });
});
