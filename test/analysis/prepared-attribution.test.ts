import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { attributionTrials, prepareAttribution, prepareAttributionSteps, type PreparedAttribution } from '../../src/analysis/attribution/prepared.js';

/**
 * Two tiers (so each tier's attribution is prepared too) under a market factor, cheap per trial:
 * what is checked (the prepared part equals the one computed at the end, and is used for its own
 * store only) does not depend on the scenario, and the run needs more than ATTRIBUTION_TRIALS
 * (50,000) trials, which took about 5 s of CPU with scenarios/hybrid-company.yaml and takes about 1 s here.
 */
const TWO_TIERS = `name: Two tiers
currency: EUR
market:
  loadings: { leads: 0.2, conversion: 0.2, renewal: 0.3 }
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 120
      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 100, p90: 130 } }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: { dist: lognormal, mean: 12000, sd: 4000 }
  - name: Enterprise
    existing:
      openingArr: 6000000
      customers: 40
      renewalRate: { dist: beta, mean: 0.92, sd: 0.03 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 6 }
      conversion: { dist: beta, mean: 0.15, sd: 0.03 }
      acv: { dist: lognormal, median: 150000, p90: 400000 }
`;

describe('the attribution prepared while a run goes on', () => {
  it('is computed once the leading trials are in, before the rest, and gives the summary it would have given at the end', async () => {
    const loaded = parseScenario(TWO_TIERS, 'two-tiers.yaml');
    const trials = attributionTrials(Infinity) + 3_000;
    let prepared: PreparedAttribution | undefined;
    let lastTrialThen = NaN;
    // In-process, chunks arrive in order and the run yields between them: the call comes after chunk 50.
    const sim = await simulate(loaded, {
      trials,
      seed: 3,
      workers: 0,
      onLeadingTrials: {
        trials: attributionTrials(trials),
        call: (run) => {
          lastTrialThen = run.store.column('revenue')![trials - 1]!;
          prepared = prepareAttribution(run);
        },
      },
    });
    expect(prepared).toBeDefined();
    expect(Object.keys(prepared!.byTier ?? {})).toEqual(['SMB', 'Enterprise']);
    expect(lastTrialThen).toBe(0); // the last trials were not in yet
    expect(sim.store.column('revenue')![trials - 1]).not.toBe(0);
    const plain = summarize(sim);
    expect(JSON.stringify(summarize(sim, { prepared }))).toBe(JSON.stringify(plain));
    // Prepared for another store, it is not used: a forged one that says so would show.
    const forged = { ...prepared!, store: sim.store, badYears: { ...prepared!.badYears, share: -1 } };
    expect(summarize(sim, { prepared: forged }).badYears.share).toBe(-1);
    expect(summarize(sim, { prepared: { ...forged, store: undefined as never } }).badYears.share).toBe(plain.badYears.share);
  });

  it('in steps: pauses after each input it ranks and after each metric, and ends where prepareAttribution does', async () => {
    const loaded = parseScenario(TWO_TIERS, 'two-tiers.yaml');
    const sim = await simulate(loaded, { trials: 3_000, seed: 5, workers: 0 });
    const steps = prepareAttributionSteps(sim);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    const stepped = r.value;
    // One pause per ranked input (the market and each driver with an own draw), one after the
    // company's revenue and one after each tier's: none of them runs in the same turn as another.
    const ranked = stepped.inputs.drivers.filter((d) => d.input !== undefined).length;
    expect(ranked).toBeGreaterThan(3);
    expect(pauses).toBe(ranked + 1 + 2);
    const whole = prepareAttribution(sim);
    expect(JSON.stringify(summarize(sim, { prepared: stepped }))).toBe(JSON.stringify(summarize(sim, { prepared: whole })));
    expect(JSON.stringify(stepped.revenue)).toBe(JSON.stringify(whole.revenue));
  });
});
