import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { summarize } from '../../src/analysis/summarize.js';
import { attributionTrials, prepareAttribution, type PreparedAttribution } from '../../src/analysis/attribution/prepared.js';
import { ROOT } from '../helpers/fixtures.js';

describe('the attribution prepared while a run goes on', () => {
  it('is computed once the leading trials are in, before the rest, and gives the summary it would have given at the end', async () => {
    const loaded = await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml'));
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
    expect(lastTrialThen).toBe(0); // the last trials were not in yet
    expect(sim.store.column('revenue')![trials - 1]).not.toBe(0);
    const plain = summarize(sim);
    expect(JSON.stringify(summarize(sim, { prepared }))).toBe(JSON.stringify(plain));
    // Prepared for another store, it is not used: a forged one that says so would show.
    const forged = { ...prepared!, store: sim.store, badYears: { ...prepared!.badYears, share: -1 } };
    expect(summarize(sim, { prepared: forged }).badYears.share).toBe(-1);
    expect(summarize(sim, { prepared: { ...forged, store: undefined as never } }).badYears.share).toBe(plain.badYears.share);
  });
});
