import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { TrialStore } from '../../src/engine/trial-store.js';
import { planChunks } from '../../src/engine/chunks.js';
import { loadScenario } from '../../src/scenario/load.js';
import { summarize } from '../../src/analysis/summarize.js';
import { ATTRIBUTION_TRIALS } from '../../src/analysis/attribution/sim-inputs.js';
import { writeTrialsCsv } from '../../src/report/trials-csv.js';
import { ROOT } from '../helpers/fixtures.js';

/** The store of `sim` copied into one that keeps the own draws of the first `kept` trials only. */
function shortenedCopy(sim: Simulation, kept: number): TrialStore {
  const store = new TrialStore(sim.store.layout, sim.trials, sim.store.chunks, { ownDrawTrials: kept });
  store.copyChunks(sim.store, planChunks(sim.trials));
  return store;
}

describe('a store that keeps the drivers\' own draws for its first trials only', () => {
  it('holds, column by column, what a whole store holds (the own draws cut at the limit), whether filled chunk by chunk or copied', async () => {
    const loaded = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const whole = await simulate(loaded, { trials: 3_000, seed: 5, workers: 0 });
    const short = await simulate(loaded, { trials: 3_000, seed: 5, workers: 0, ownDrawTrials: 1_500 });
    expect(short.store.shortened).toBe(true);
    for (const store of [short.store, shortenedCopy(whole, 1_500)])
      whole.store.layout.columns.forEach((c, i) => {
        const expected = c.kind === 'ownDraw' ? whole.store.columns[i]!.subarray(0, 1_500) : whole.store.columns[i]!;
        expect(Array.from(store.columns[i]!), c.key).toEqual(Array.from(expected));
      });
    expect(Array.from(short.store.componentSums())).toEqual(Array.from(whole.store.componentSums()));
    await expect(writeTrialsCsv(join(mkdtempSync(join(tmpdir(), 'arrcast-own-')), 'trials.csv'), short.store, 'USD')).rejects.toThrow(/cannot be written to trials.csv/);
  });

  it('gives the same summary, number for number, when it keeps the trials the attribution reads', async () => {
    const loaded = await loadScenario(join(ROOT, 'scenarios/smb-lead-driven.yaml'));
    // In-process: the shortened store is copied from the finished one, so how the trials were
    // simulated does not matter here, and starting two worker threads would cost more CPU than
    // the simulation.
    const sim = await simulate(loaded, { trials: ATTRIBUTION_TRIALS + 2_000, seed: 11, workers: 0 });
    const short = { ...sim, store: shortenedCopy(sim, ATTRIBUTION_TRIALS) };
    expect(short.store.shortened).toBe(true);
    expect(JSON.stringify(summarize(short))).toBe(JSON.stringify(summarize(sim)));
  });
});
