import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { TierRowCache } from '../../src/engine/tier-row-cache.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { TierOutcome } from '../../src/model/tier-outcome.js';
import { loadScenario } from '../../src/scenario/load.js';
import { hashScenario, type LoadedScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/scenario-schema.js';
import { ROOT } from '../helpers/fixtures.js';

const sameTrials = (a: Simulation, b: Simulation) => {
  expect(a.store.columns.length).toBe(b.store.columns.length);
  a.store.columns.forEach((col, i) => expect(Buffer.from(col.buffer).equals(Buffer.from(b.store.columns[i]!.buffer)), `column ${i}`).toBe(true));
  expect(Array.from(a.store.componentSums())).toEqual(Array.from(b.store.componentSums()));
};

/** The scenario changed by `edit`, as the studio makes a state: same files, new hash. */
const changed = (loaded: LoadedScenario, edit: (s: Scenario) => void): LoadedScenario => {
  const scenario = structuredClone(loaded.scenario);
  edit(scenario);
  return { ...loaded, scenario, hash: hashScenario(scenario) };
};

const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
const smbConversion = (s: Scenario) => (s.tiers[0]!.newBusiness!.conversion = { dist: 'beta', mean: 0.02, sd: 0.004 });

describe('TierRowCache: which tiers a chunk reads back', () => {
  const plan = planScenario(example.scenario, example.files);
  const spec = { index: 2, trials: 1000, offset: 2000 };
  const keep = (cache: TierRowCache, loaded: LoadedScenario, seed = '7') => {
    const claim = cache.claim(planScenario(loaded.scenario, loaded.files), TierRowCache.tierKeys(loaded, seed), spec);
    cache.keep(claim);
    return claim;
  };

  it('a tier whose spec, market, stress, files and seed are unchanged is read back; a changed one is not', () => {
    const cache = new TierRowCache(1 << 30);
    expect(Array.from(keep(cache, example).tierRows.replay)).toEqual([0, 0, 0]);
    expect(Array.from(keep(cache, example).tierRows.replay)).toEqual([1, 1, 1]);
    expect(Array.from(keep(cache, changed(example, smbConversion)).tierRows.replay)).toEqual([0, 1, 1]);
    // What every tier shares: the market (a fixed factor or a loading), the stress, the seed.
    expect(Array.from(keep(cache, changed(example, (s) => (s.market = { ...s.market, factor: -1.28 }))).tierRows.replay)).toEqual([0, 0, 0]);
    expect(Array.from(keep(cache, changed(example, (s) => (s.market.loadings = { ...s.market.loadings, acv: 0.1 }))).tierRows.replay)).toEqual([0, 0, 0]);
    expect(Array.from(keep(cache, example, '8').tierRows.replay)).toEqual([0, 0, 0]);
    // The same spec with other file data (another load of the files) is not the same tier.
    expect(Array.from(keep(cache, { ...example, files: {} }).tierRows.replay)).toEqual([0, 0, 0]);
  });

  it('drops the least recently used rows beyond its size', () => {
    const perChunk = plan.tiers.reduce((n, t) => n + spec.trials * TierOutcome.rowWidth(t) * 8, 0);
    const cache = new TierRowCache(perChunk);
    keep(cache, example);
    expect(cache.size).toBe(perChunk);
    keep(cache, changed(example, smbConversion)); // a new SMB: the old SMB rows go (least recently used)
    expect(cache.size).toBe(perChunk);
    expect(Array.from(keep(cache, example).tierRows.replay)).toEqual([0, 1, 1]);
  });

  it('refuses a size that is not a whole number of bytes', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new TierRowCache(bad)).toThrow(RunOptionError);
    expect(() => createEngine({ workers: 1, tierCacheBytes: -5 })).toThrow(RunOptionError);
  });
});

describe('an engine reading unchanged tiers back gives the full run, bit for bit', () => {
  const engine = createEngine({ workers: 2, tierCacheBytes: 256 << 20 });
  afterAll(() => engine.close());
  const options = { trials: 3_500, seed: 5 };

  it('moving one driver, moving the market, and moving back', async () => {
    const smb = changed(example, smbConversion);
    const bad = changed(example, (s) => (s.market = { ...s.market, factor: -1.28 }));
    for (const loaded of [example, smb, example, bad, smb, example]) {
      sameTrials(await engine.simulate(loaded, options), await simulate(loaded, { ...options, workers: 0 }));
    }
    // In process on the same engine too.
    sameTrials(await engine.simulate(smb, { ...options, workers: 0 }), await simulate(smb, { ...options, workers: 0 }));
  });
});
