import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';

/**
 * A small two-tier scenario for the report tests: a book with renewals, contraction and
 * expansion, new business with a sales cycle, new-customer expansion, a market factor, and a
 * fiscal year starting in February (so month labels start at Feb).
 */
export const TWO_TIERS = `
name: Report test Co
currency: USD
fiscalYearStartMonth: 2
seed: 11
market:
  loadings: { leads: 0.1, conversion: 0.2, renewal: 0.3, expansion: 0.2 }
tiers:
  - name: SMB
    existing:
      openingArr: 2400000
      customers: 200
      renewalRate: { dist: beta, mean: 0.86, sd: 0.03 }
      priceUplift: 0.03
      contraction: { probability: { dist: beta, mean: 0.08, sd: 0.02 }, size: { dist: beta, mean: 0.25, sd: 0.1 } }
      expansion: { probability: { dist: beta, mean: 0.1, sd: 0.02 }, size: { dist: lognormal, median: 0.25, p90: 0.6 } }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 300 }
      conversion: { dist: beta, mean: 0.03, sd: 0.004 }
      salesCycleMonths: { dist: discrete, values: [0, 1], weights: [0.6, 0.4] }
      acv: { dist: lognormal, median: 11000, p90: 24000 }
    newCustomerExpansion:
      probability: { dist: beta, mean: 0.1, sd: 0.03 }
      size: { dist: lognormal, median: 3000, p90: 8000 }
  - name: Enterprise
    existing:
      openingArr: 6000000
      customers: 40
      renewalCalendar: [0.05, 0.05, 0.1, 0.06, 0.06, 0.1, 0.06, 0.06, 0.12, 0.07, 0.08, 0.19]
      renewalRate: { dist: quantiles, quantiles: { p10: 0.88, p50: 0.92, p90: 0.95 }, lower: 0, upper: 1 }
      priceUplift: { dist: pert, min: 0.03, mode: 0.05, max: 0.08 }
    newBusiness:
      leadsPerMonth: { dist: negativeBinomial, mean: 20, dispersion: 15 }
      conversion: { dist: beta, mean: 0.1, sd: 0.025 }
      salesCycleMonths: { dist: discrete, values: [3, 4, 5], weights: [0.3, 0.4, 0.3] }
      acv: { dist: lognormal, median: 150000, p90: 400000 }
`;

export const TRIALS = 2000;

/** Simulate scenario YAML in-process (2,000 trials unless told) and summarize it. */
export async function runReportScenario(yaml = TWO_TIERS, trials = TRIALS): Promise<{ sim: Simulation; summary: Summary }> {
  const sim = await simulate(parseScenario(yaml, 'report-test.yaml'), { trials, workers: 0 });
  return { sim, summary: summarize(sim) };
}

/** A tier name that is HTML, to check escaping: it must show as text, never run. */
export const HOSTILE_TIER = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

/** The two-tier scenario with its first tier renamed to HOSTILE_TIER (quoted for YAML). */
export const HOSTILE = TWO_TIERS.replace('  - name: SMB', `  - name: '${HOSTILE_TIER}'`).replace('name: Report test Co', `name: 'Q&A <Co> "plan"'`);

/** Targets for the two-tier scenario: company-wide revenue (with a label that is HTML) and ending ARR, a tier's revenue, and a monthly plan. */
export const TARGETS_YAML = `
targets:
  metrics:
    - { metric: revenue, value: 12000000, label: 'Board <plan> & "stretch"' }
    - { metric: endingArr, value: 14500000 }
    - { metric: revenue, value: 8000000, tier: Enterprise }
  monthly:
    mrr: [740000, 780000, 820000, 860000, 900000, 940000, 980000, 1020000, 1060000, 1100000, 1140000, 1180000]
    cumulativeRevenue: [740000, 1520000, 2340000, 3200000, 4100000, 5040000, 6020000, 7040000, 8100000, 9200000, 10340000, 11520000]
`;

/** The two-tier scenario with targets and a monthly plan. */
export const WITH_TARGETS = TWO_TIERS + TARGETS_YAML;

/** The hostile scenario with the same targets. */
export const HOSTILE_WITH_TARGETS = HOSTILE + TARGETS_YAML;
