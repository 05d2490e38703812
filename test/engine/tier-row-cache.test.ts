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
import { ROOT, writeFiles } from '../helpers/fixtures.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';

const sameTrials = (a: Simulation, b: Simulation) => {
  expect(a.store.columns.length).toBe(b.store.columns.length);
  a.store.columns.forEach((col, i) => expect(Buffer.from(col.buffer, col.byteOffset, col.byteLength).equals(Buffer.from(b.store.columns[i]!.buffer, b.store.columns[i]!.byteOffset, b.store.columns[i]!.byteLength)), `column ${i}`).toBe(true));
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

describe('TierRowCache: which tier parts a chunk reads back', () => {
  const plan = planScenario(example.scenario, example.files);
  const spec = { index: 2, trials: 1000, offset: 2000 };
  const keep = (cache: TierRowCache, loaded: LoadedScenario, seed = '7') => {
    const p = planScenario(loaded.scenario, loaded.files);
    const claim = cache.claim(p, TierRowCache.partKeys(loaded, p, seed), spec);
    cache.keep(claim);
    return Array.from(claim.tierRows.replay);
  };
  // Entries t * 2 + part: SMB new business, SMB book, Mid-market new business, ...
  const NONE = [0, 0, 0, 0, 0, 0];
  const ALL = [1, 1, 1, 1, 1, 1];

  it('a part whose inputs are unchanged is read back; a changed one is not', () => {
    const cache = new TierRowCache(1 << 30);
    expect(keep(cache, example)).toEqual(NONE);
    expect(keep(cache, example)).toEqual(ALL);
    expect(keep(cache, changed(example, smbConversion))).toEqual([0, 1, 1, 1, 1, 1]);
    expect(keep(cache, changed(example, (s) => (s.tiers[2]!.existing!.renewalRate = { dist: 'beta', mean: 0.9, sd: 0.02 })))).toEqual([1, 1, 1, 1, 1, 0]);
    // A tier's own stress touches both of its parts.
    expect(keep(cache, changed(example, (s) => (s.tiers[1]!.stress = { renewal: 0.9 } as never)))).toEqual([1, 1, 0, 0, 1, 1]);
    // What every tier shares: the market (a fixed factor or a loading), the stress, the seed.
    expect(keep(cache, changed(example, (s) => (s.market = { ...s.market, factor: -1.28 })))).toEqual(NONE);
    expect(keep(cache, changed(example, (s) => (s.market.loadings = { ...s.market.loadings, acv: 0.1 })))).toEqual(NONE);
    expect(keep(cache, example, '8')).toEqual(NONE);
    // The same spec with other file data (another load of the files) is not the same tier.
    expect(keep(cache, { ...example, files: {} })).toEqual(NONE);
  });

  it('reads back the parts of another load of the same files, and not those whose file data differ', async () => {
    // The studio loads the scenario and its files for every state: equal data must find its rows.
    const dir = writeFiles({});
    cpSync(join(ROOT, 'scenarios/hybrid-company.yaml'), join(dir, 'hybrid.yaml'));
    cpSync(join(ROOT, 'scenarios/data'), join(dir, 'data'), { recursive: true });
    const first = await loadScenario(join(dir, 'hybrid.yaml'));
    const again = await loadScenario(join(dir, 'hybrid.yaml'));
    expect(again.files).not.toBe(first.files);
    const cache = new TierRowCache(1 << 30);
    const tiers = first.scenario.tiers.length;
    expect(keep(cache, first)).toEqual(Array(2 * tiers).fill(0));
    expect(keep(cache, again)).toEqual(Array(2 * tiers).fill(1));
    // One customer's ARR changed in the shared book: the run's file data is one input of every part
    // (one digest for all its files), so every part is simulated again.
    const book = join(dir, 'data/hybrid-customers.csv');
    const text = readFileSync(book, 'utf8');
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace(/,(\d+)(\.\d+)?,/, (_, whole: string) => `,${Number(whole) + 1},`);
    writeFileSync(book, lines.join('\n'));
    const edited = await loadScenario(join(dir, 'hybrid.yaml'));
    expect(edited.files!.books).not.toEqual(first.files!.books);
    const replay = keep(cache, edited);
    expect(replay.every((r) => r === 0)).toBe(true);
    expect(keep(cache, again)).toEqual(Array(2 * tiers).fill(1));
  });

  it('drops the least recently used rows beyond its size', () => {
    // Both parts of a fresh tier share one array, counted once per part.
    const perChunk = plan.tiers.reduce((n, t) => n + 2 * spec.trials * TierOutcome.rowWidth(t) * 8, 0);
    const cache = new TierRowCache(perChunk);
    keep(cache, example);
    expect(cache.size).toBe(perChunk);
    keep(cache, changed(example, smbConversion)); // SMB's new new business: the old one goes (least recently used)
    expect(cache.size).toBe(perChunk);
    expect(keep(cache, example)).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it('refuses a size that is not a whole number of bytes', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new TierRowCache(bad)).toThrow(RunOptionError);
    expect(() => createEngine({ workers: 1, tierCacheBytes: -5 })).toThrow(RunOptionError);
  });
});

describe('an engine reading unchanged tier parts back gives the full run, bit for bit', () => {
  const engine = createEngine({ workers: 2, tierCacheBytes: 256 << 20 });
  afterAll(() => engine.close());
  // Three chunks: both threads of the pool read parts back, and a last chunk of another size.
  const options = { trials: 2_500, seed: 5 };

  it('moving a new-business driver, a book driver, the market, and moving back', async () => {
    const smb = changed(example, smbConversion);
    const bad = changed(example, (s) => (s.market = { ...s.market, factor: -1.28 }));
    const renewal = changed(smb, (s) => (s.tiers[1]!.existing!.renewalRate = { dist: 'beta', mean: 0.85, sd: 0.03 }));
    // Each state's full run in process, once.
    const reference = new Map<LoadedScenario, Simulation>();
    for (const loaded of [example, smb, example, bad, smb, renewal, example]) {
      if (!reference.has(loaded)) reference.set(loaded, await simulate(loaded, { ...options, workers: 0 }));
      sameTrials(await engine.simulate(loaded, options), reference.get(loaded)!);
    }
    // In process on the same engine too.
    sameTrials(await engine.simulate(smb, { ...options, workers: 0 }), reference.get(smb)!);
  });

  it('with customer and pipeline files loaded again for each state, as the studio loads them', async () => {
    const path = join(ROOT, 'scenarios/hybrid-company.yaml');
    const base = await loadScenario(path);
    const moved = changed(await loadScenario(path), (s) => (s.tiers[0]!.existing!.renewalRate = { dist: 'beta', mean: 0.8, sd: 0.03 }));
    const again = await loadScenario(path);
    for (const loaded of [base, moved, again]) sameTrials(await engine.simulate(loaded, options), await simulate(loaded, { ...options, workers: 0 }));
  });
});
