import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, meanAndSe } from '../helpers/fixtures.js';
import { notCovered, referenceSimulate, type ReferenceTier, type ReferenceTrial } from '../helpers/reference-model.js';
import { ksCritical, twoSampleKs } from '../helpers/stats.js';

/**
 * The fast engine against the plain reference simulation (test/helpers/reference-model.ts, written
 * per unit from the model's description, on another generator): a two-sample KS test and a test of
 * means on every headline metric (revenue, bookings, endingArr), company-wide and for every tier of
 * every example scenario. A tier with reps, an opening pipeline, contract terms, a service-start lag
 * or a customer file is also compared on the figures that show those parts at work, since its
 * headline metrics are mostly its opening book: new deals signed (customersWon), the new deals'
 * total contract value (newTcv), reps at year end, the year's capacity in deals, deals lost to
 * capacity and deals the reps sourced; and for a book from a file, customers lost, GRR, and the
 * logo and dollar renewal rates.
 *
 * Sizes: n = 800 reference trials, m = 4,000 engine trials. Level: alpha = 1e-4 per test (72
 * metrics x 2 tests, so a family-wise false alarm below 1.5%; seeds are fixed, so the outcome is
 * deterministic).
 *  - Means: |mean_engine - mean_ref| <= 4.0 x sqrt(se_engine^2 + se_ref^2) (two-sided level 6e-5).
 *    Power: a true difference of 5.3 standard errors is detected with probability 0.9, i.e. a
 *    difference of 0.2 standard deviations of the metric (5.3 x sqrt(1/800 + 1/4000) = 0.205).
 *  - Distributions: the two-sample KS statistic against the Kolmogorov critical value at the
 *    effective size n m / (n + m) = 667, with Stephens' correction (D_crit = 0.086). Power: a
 *    difference of 0.11 between the two CDFs at any point is detected with probability about 0.9
 *    (the empirical difference has standard deviation at most 0.5 / sqrt(667) = 0.019 there).
 *
 * Every example scenario of scenarios/ is here, whole, company-wide and by tier (COVERAGE below:
 * the reference models every tier of them): example.yaml, downside.yaml (its fixed market factor
 * and stresses included), smb-lead-driven.yaml (lead sources, year-level lead means and ACV median,
 * earlier leads), hybrid-company.yaml (an aggregate book with lead grades; reps with hires, slips,
 * attrition, a ramp, own deals and a capacity with lost or carried overflow; a pipeline file;
 * term mixes; a service-start lag; customer books from a file with per-customer renewal odds,
 * multi-year terms, escalators and monthly-billed customers) and enterprise-rep-driven.yaml (the
 * same parts in one rep-driven tier). Each comparison of these parts was seen to fail when one
 * reference rule was broken on purpose (a ramp a month shorter, no attrition, no hire slips, whole
 * unused capacity carried or no fraction carried, overflow always lost or always carried, no
 * service-start lag, no escalator in new TCV or in the book, no first-renewal, loyalty or size
 * adjustment); effects too small for these sizes to see (the market moving pipeline odds, the
 * health adjustment, a monthly hazard of annual / 12) are left to the hand-computed
 * cases of test/model/new-business-sources.test.ts and test/model/customer-book.test.ts. The first
 * test of each scenario checks that the reference refuses exactly the tiers listed as not covered
 * (none, for the example scenarios).
 */
const N_REF = 800;
const N_FAST = 4000;
const ALPHA = 1e-4;
const Z_MEAN = 4.0;


/** Per scenario: the tiers the reference does not model, with what it lacks for each (every other tier is compared). */
const COVERAGE: Record<string, Record<string, string[]>> = {
  'example.yaml': {},
  'downside.yaml': {},
  'smb-lead-driven.yaml': {},
  'hybrid-company.yaml': {},
  'enterprise-rep-driven.yaml': {},
};
const METRIC_NAMES = ['revenue', 'bookings', 'endingArr'] as const;

describe.each(Object.keys(COVERAGE))('fast engine against the reference model: %s', (file) => {
  it('the reference models every tier but those listed, and refuses those', async () => {
    const { scenario } = await loadScenario(`scenarios/${file}`);
    const missing = Object.fromEntries(scenario.tiers.flatMap((t) => (notCovered(t).length > 0 ? [[t.name, notCovered(t)]] : [])));
    expect(missing).toEqual(COVERAGE[file]);
    for (const name of Object.keys(missing)) expect(() => referenceSimulate(scenario, 1, 'x', [name])).toThrow(`reference model: tier ${name} has`);
  });

  const covered = (tiers: readonly { name: string }[]) => tiers.map((t) => t.name).filter((name) => !(name in COVERAGE[file]!));
  it('KS and means on revenue, bookings and endingArr of every tier it models, and company-wide when it models them all', async () => {
    const loaded = await loadScenario(`scenarios/${file}`);
    const tiers = covered(loaded.scenario.tiers);
    if (tiers.length === 0) {
      // Nothing to compare (see the first test and the file's comment): make sure that is so.
      expect(Object.keys(COVERAGE[file]!)).toEqual(loaded.scenario.tiers.map((t) => t.name));
      return;
    }
    const sim = await simulate(loaded, { trials: N_FAST, seed: 7, workers: 0 });
    const ref: ReferenceTrial[] = referenceSimulate(loaded.scenario, N_REF, `reference/${file}`, tiers, { dir: 'scenarios' });
    const whole = tiers.length === loaded.scenario.tiers.length;
    const keys: [string, (t: ReferenceTrial) => number][] = [];
    for (const metric of METRIC_NAMES) {
      if (whole) keys.push([metric, (t) => t[metric]]);
      // A single tier's metrics are the company's (the layout stores them once).
      if (loaded.scenario.tiers.length > 1) for (const tier of tiers) keys.push([`tier.${tier}.${metric}`, (t) => t.tiers[tier]![metric]]);
    }
    // Tiers with reps, a pipeline, contract terms or a customer file: also the figures that show
    // those parts at work (the headline metrics of such a tier are mostly its opening book).
    for (const tier of loaded.scenario.tiers) {
      if (!tiers.includes(tier.name)) continue;
      const nb = tier.newBusiness;
      const at = (name: string, pick: (t: ReferenceTier) => number) => keys.push([`tier.${tier.name}.${name}`, (t) => pick(t.tiers[tier.name]!)]);
      if (nb?.reps || nb?.openingPipeline || nb?.terms || nb?.serviceStartLagMonths) at('customersWon', (t) => t.customersWon);
      if (tier.existing?.customersFile) {
        at('customersLost', (t) => t.customersLost);
        at('grr', (t) => (t.opening - t.grossLoss) / t.opening);
        at('logoRenewal', (t) => t.customersRenewed / t.customersDue);
        at('dollarRenewal', (t) => t.arrRenewed / t.arrDue);
      }
      if (nb?.terms) at('newTcv', (t) => t.tcv);
      if (nb?.reps) {
        at('reps.headcount', (t) => t.headcount);
        at('reps.capacity.deals', (t) => t.capacityDeals);
        at('deals.overCapacity', (t) => t.overCapacity);
        if (nb.reps.sourcedDealsPerMonth) at('deals.repSourced', (t) => t.repSourced);
      }
    }
    expect(keys.length).toBeGreaterThan(0);
    const ne = (N_REF * N_FAST) / (N_REF + N_FAST);
    const crit = ksCritical(ne, ALPHA);
    for (const [key, pick] of keys) {
      // A tier's customer counts are the company's when it is the only tier (stored once).
      const fast = sim.store.column(key) || loaded.scenario.tiers.length > 1 ? column(sim, key) : column(sim, key.replace(/^tier\.[^.]+\./, ''));
      // The engine stores its trials in single precision: so are the reference's figures, or a tie
      // (175.95 capacity deals in a fifth of the trials) would split into two values a hair apart.
      const slow = Float64Array.from(ref, (t) => Math.fround(pick(t)));
      const d = twoSampleKs(fast, slow);
      const f = meanAndSe(fast);
      const s = meanAndSe(slow);
      const se = Math.hypot(f.se, s.se);
      expect(d, `${file} ${key}: KS D = ${d} against ${crit}`).toBeLessThanOrEqual(crit);
      expect(Math.abs(f.mean - s.mean), `${file} ${key}: means ${f.mean} (engine) and ${s.mean} (reference), se ${se}`).toBeLessThanOrEqual(Z_MEAN * se);
    }
  }, 60_000);
});
