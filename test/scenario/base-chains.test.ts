import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseChains } from '../../src/scenario/base-chains.js';
import { BaseDocuments } from '../../src/scenario/base-documents.js';
import { loadWithExtends, type ReadText } from '../../src/scenario/extends.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { scenarioPathPolicy } from '../../src/scenario/path-policy.js';
import { readScenarioText } from '../../src/scenario/read-text.js';
import type { DriverControl } from '../../src/studio/controls.js';
import { overlayText, stateOverlay } from '../../src/studio/overlay.js';
import type { StudioState } from '../../src/studio/state.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Files extending the same chain of bases (the studio's overlays, one a page state) find the chain
 * once (base-chains.ts): every answer is the one found without the cache, and the bases are read
 * once, not once a file.
 *
 * The chain: plans/plan.yaml extends `lnk/../mid.yaml` (lnk -> ../real/sub: real/mid.yaml, named as
 * written, its real path beside), which extends hybrid-company.yaml (real/), whose data files in
 * real/data are rebased to plans/. Each overlay extends plan.yaml, as the studio's do.
 */
function chainFolder(): { dir: string; plan: string } {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-base-chains-'));
  mkdirSync(join(dir, 'real/sub'), { recursive: true });
  mkdirSync(join(dir, 'real/data'));
  mkdirSync(join(dir, 'plans'));
  symlinkSync('../real/sub', join(dir, 'plans/lnk'));
  copyFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), join(dir, 'real/hybrid-company.yaml'));
  for (const f of ['hybrid-customers.csv', 'hybrid-pipeline.csv']) copyFileSync(join(ROOT, 'scenarios/data', f), join(dir, 'real/data', f));
  writeFileSync(join(dir, 'real/mid.yaml'), 'extends: hybrid-company.yaml\nname: Mid plan\n');
  writeFileSync(join(dir, 'plans/plan.yaml'), '# the top\nextends: lnk/../mid.yaml\n');
  return { dir, plan: join(dir, 'plans/plan.yaml') };
}

/** Each driver moved once, by turns to its low end at its first spread and to its high end at its widest: what a leader moves. */
function positions(drivers: readonly DriverControl[]): StudioState[] {
  return drivers.map((c, k): StudioState => {
    const [i, spread] = k % 2 === 0 ? [0, c.spreads?.[0]] : [c.values.length - 1, c.spreads?.[c.spreads.length - 1]];
    return { drivers: { [c.id]: { central: c.values[i]!, ...(spread !== undefined && spread !== 1 ? { spread } : {}) } }, market: null, confidence: 0.8 };
  });
}

/** A loaded scenario without its functions (`locate`, `writtenAsPercent`: compared at paths apart), which toEqual compares by identity. */
const plain = ({ locate: _locate, writtenAsPercent: _percent, ...rest }: LoadedScenario) => rest;

/** Paths the functions are asked at: one the overlay writes when a state moves it, one only a base writes. */
const ASKED: ReadonlyArray<ReadonlyArray<string | number>> = [['tiers', 0, 'name'], ['tiers', 1, 'newBusiness', 'conversion', 'mean'], ['tiers', 0, 'existing', 'customersFile']];

/** `text` as the file `virtual`, every other file from disk, counting the reads of those. */
function reader(virtual: string, text: string, count: { reads: number }): ReadText {
  return (f, check) => {
    if (f === virtual) return Promise.resolve(text);
    count.reads++;
    return readScenarioText(f, check);
  };
}

/** The outcome of a load: the scenario, or the refusal's message. */
const outcome = (p: Promise<LoadedScenario>) =>
  p.then(
    (l) => ({ loaded: plain(l), at: ASKED.map((path) => [l.locate?.(path), l.writtenAsPercent?.(path)]) }),
    (err: Error) => ({ refused: `${err.name}: ${err.message}` }),
  );

describe('BaseChains: the bases of files extending the same chain, found once', () => {
  it("many states' overlays: the bases read once for all of them, and every answer the one found without the cache (the studio's too)", async () => {
    const { dir, plan } = chainFolder();
    const studio = await openStudioScenario(plan, { allowedRoots: [join(dir, 'real')] });
    const policy = await scenarioPathPolicy(plan, [join(dir, 'real')]);
    const virtual = join(dir, 'plans/.state.yaml');
    const states = positions(studio.controls.drivers);
    const texts = states.map((s) => overlayText(studio.base, stateOverlay(studio.loaded, studio.controls, s)));
    // Two the schema refuses, at a line of the overlay and at one of a base's tiers.
    texts.push(overlayText(studio.base, { nonsense: 1 }), `${overlayText(studio.base, {})}tiers:\n  - name: Mid-market\n    newBusiness:\n      conversion: { mean: 7 }\n`);
    expect(states.length).toBeGreaterThan(15);

    const chains = new BaseChains(policy);
    const documents = new BaseDocuments();
    const cached = { reads: 0 };
    const uncached = { reads: 0 };
    let refusals = 0;
    for (const [i, text] of texts.entries()) {
      const fast = await outcome(loadWithExtends(virtual, reader(virtual, text, cached), policy, { documents, chains }));
      const slow = await outcome(loadWithExtends(virtual, reader(virtual, text, uncached), policy));
      expect(fast, text).toEqual(slow);
      if ('refused' in slow) refusals++;
      // The studio's answer is the same scenario (its overlay read under another name; its data files attached).
      if (i < states.length && 'loaded' in slow) expect((await studio.scenarioOf(states[i]!)).loaded.scenario).toEqual(slow.loaded.scenario);
    }
    expect(refusals).toBe(2);
    // plan.yaml, mid.yaml and hybrid-company.yaml: read once with the cache, for every overlay without.
    expect(cached.reads).toBe(3);
    expect(uncached.reads).toBeGreaterThanOrEqual(3 * texts.length);
  });

  it('a chain that failed is not kept: each file refused by its own reading, at its own line; once the base is there, found and kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-base-chains-'));
    const virtual = join(dir, '.state.yaml');
    const policy = await scenarioPathPolicy(virtual);
    const chains = new BaseChains(policy);
    const count = { reads: 0 };
    const load = (text: string) => loadWithExtends(virtual, reader(virtual, text, count), policy, { chains });
    await expect(load('extends: missing.yaml\n')).rejects.toThrow(`${virtual}:1:10 extends: the base scenario ${join(dir, 'missing.yaml')}: does not exist`);
    await expect(load('# moved down a line\nextends: missing.yaml\n')).rejects.toThrow(`${virtual}:2:10 extends: the base scenario`);
    copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'missing.yaml'));
    const reads = count.reads;
    const first = await load('extends: missing.yaml\nseed: 5\n');
    const second = await load('extends: missing.yaml\nseed: 6\n');
    expect([first.scenario.seed, second.scenario.seed, first.bases, second.bases]).toEqual([5, 6, [join(dir, 'missing.yaml')], [join(dir, 'missing.yaml')]]);
    expect(count.reads - reads).toBe(1);
  });

  it('a cache made under one path policy is not used under another, which allows other bases', async () => {
    const { dir, plan } = chainFolder();
    const wide = await scenarioPathPolicy(plan, [join(dir, 'real')]);
    const chains = new BaseChains(wide);
    await loadWithExtends(plan, readScenarioText, wide, { chains });
    const narrow = await scenarioPathPolicy(plan);
    await expect(loadWithExtends(plan, readScenarioText, narrow, { chains })).rejects.toThrow('outside');
  });

  it('one cache, two files of the same name in two folders extending the same value: each its own folder\'s base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-base-chains-'));
    const policy = await scenarioPathPolicy(join(dir, 'top.yaml'), [dir]);
    const chains = new BaseChains(policy);
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'base.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace(/^name: .*$/m, `name: Base ${sub}`));
      writeFileSync(join(dir, sub, 'x.yaml'), 'extends: base.yaml\n');
    }
    const names = [];
    for (const sub of ['a', 'b']) names.push((await loadWithExtends(join(dir, sub, 'x.yaml'), readScenarioText, policy, { chains })).scenario.name);
    expect(names).toEqual(['Base a', 'Base b']);
  });

  it('a relative file, the folder changed between two loads: the second the new folder\'s base, as without the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-base-chains-'));
    const policy = await scenarioPathPolicy(join(dir, 'top.yaml'), [dir]);
    const chains = new BaseChains(policy);
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'base.yaml'), readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace(/^name: .*$/m, `name: Base ${sub}`));
      writeFileSync(join(dir, sub, 'x.yaml'), 'extends: base.yaml\n');
    }
    const cwd = process.cwd();
    const names = [];
    try {
      for (const sub of ['a', 'b']) {
        process.chdir(join(dir, sub));
        const cached = (await loadWithExtends('x.yaml', readScenarioText, policy, { chains })).scenario.name;
        const uncached = (await loadWithExtends('x.yaml', readScenarioText, policy)).scenario.name;
        names.push([cached, uncached]);
      }
    } finally {
      process.chdir(cwd);
    }
    expect(names).toEqual([['Base a', 'Base a'], ['Base b', 'Base b']]);
  });

  it('two loads of one key at once, the chain failing: each refused by its own reading, at its own line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-base-chains-'));
    const virtual = join(dir, '.state.yaml');
    const policy = await scenarioPathPolicy(virtual);
    const chains = new BaseChains(policy);
    const load = (text: string) => outcome(loadWithExtends(virtual, reader(virtual, text, { reads: 0 }), policy, { chains }));
    const both = await Promise.all([load('extends: missing.yaml\n'), load('# moved down a line\nextends: missing.yaml\n')]);
    const alone = [await outcome(loadWithExtends(virtual, reader(virtual, 'extends: missing.yaml\n', { reads: 0 }), policy)), await outcome(loadWithExtends(virtual, reader(virtual, '# moved down a line\nextends: missing.yaml\n', { reads: 0 }), policy))];
    expect(both).toEqual(alone);
    expect(both.map((o) => ('refused' in o ? o.refused.match(/:\d+:10 extends:/)?.[0] : undefined))).toEqual([':1:10 extends:', ':2:10 extends:']);
  });

  it('a link on the chain retargeted while the studio runs: the base read at its start, and the chain reported changed', async () => {
    const { dir, plan } = chainFolder();
    const studio = await openStudioScenario(plan, { allowedRoots: [join(dir, 'real')] });
    const [first, second] = positions(studio.controls.drivers);
    expect((await studio.scenarioOf(first!)).loaded.scenario.name).toBe('Mid plan');
    // lnk/.. is now real/deep, whose mid.yaml is another plan.
    mkdirSync(join(dir, 'real/deep/other'), { recursive: true });
    writeFileSync(join(dir, 'real/deep/mid.yaml'), 'extends: ../hybrid-company.yaml\nname: Other plan\n');
    unlinkSync(join(dir, 'plans/lnk'));
    symlinkSync('../real/deep/other', join(dir, 'plans/lnk'));
    expect((await studio.scenarioOf(second!)).loaded.scenario.name).toBe('Mid plan');
    expect(await studio.chainChangedSinceStart()).toBe(true);
  });
});
