import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { compareSimulations, decodePart, encodePart, loadScenario, mergeParts, parseScenario, partFileName, partRunOf, simulate, simulateShard, summarize, writePartFile } from '../../src/index.js';
import { runHashOf } from '../../src/engine/run-hash.js';
import { checkSummaryOfRun } from '../../src/report/summary-of-run.js';
import { forecastHash } from '../../src/scenario/forecast-hash.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * What names a run (summary.json's scenario.hash, a comparison's, a part's) is the hash of what its
 * trials ran on, taken when the run starts (Simulation.runHash), not the `hash` a caller's copy carries from the original: a copy edited
 * (`{ ...loaded, scenario: edited }`) was summarized under the original's hash. The expected hash
 * of an edited copy is what loading the edited text gives, computed by the parser, not by the code
 * under test.
 */
const TEXT = readFileSync(`${ROOT}scenarios/smb-lead-driven.yaml`, 'utf8');
const UPLIFT = /^      priceUplift: 0\.04$/m;
const loaded = parseScenario(TEXT, 'smb-lead-driven.yaml');
const editedText = TEXT.replace(UPLIFT, '      priceUplift: 0.05');
const [smb] = loaded.scenario.tiers;
const edited: LoadedScenario = { ...loaded, scenario: { ...loaded.scenario, tiers: [{ ...smb!, existing: { ...smb!.existing!, priceUplift: 0.05 } }] } };
const RUN = { trials: 20, seed: 3, workers: 0 } as const;

group('the hash of what a run ran on (runHashOf, Simulation.runHash)', () => {
  it('is loaded.hash for what loading made; an edited copy is named by its content, as loading that content names it', async () => {
    expect(UPLIFT.test(TEXT)).toBe(true);
    expect(runHashOf(loaded)).toBe(loaded.hash);
    expect(runHashOf({ ...loaded, scenario: structuredClone(loaded.scenario) })).toBe(loaded.hash);
    const expected = parseScenario(editedText, 'edited.yaml').hash;
    expect(expected).not.toBe(loaded.hash);
    expect(runHashOf(edited)).toBe(expected);

    const original = await simulate(loaded, RUN);
    const copy = await simulate(edited, RUN);
    expect(summarize(original).scenario.hash).toBe(loaded.hash);
    expect(summarize(copy).scenario.hash).toBe(expected);
    expect(compareSimulations([original, copy]).scenarios.map((s) => s.hash)).toEqual([loaded.hash, expected]);
    // writeReport's check that the summary is of the run: the copy's own summary is.
    expect(() => checkSummaryOfRun(copy, summarize(copy))).not.toThrow();

    const part = await simulateShard(edited, { ...RUN, shard: { index: 0, count: 2 } });
    expect(partRunOf(part).scenarioHash).toBe(expected);
    const bytes = Buffer.concat(encodePart(part));
    expect(decodePart(bytes, 'edited.part').header.scenario.hash).toBe(expected);
  });

  it('with data files: loaded.hash while scenario and data are as loaded, another hash once either differs', async () => {
    const book = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    expect(book.files?.books).toBeDefined();
    expect(runHashOf(book)).toBe(book.hash);
    expect(runHashOf({ ...book, scenario: structuredClone(book.scenario) })).toBe(book.hash);
    const renamed = { ...book, scenario: { ...book.scenario, name: 'Renamed' } };
    expect(runHashOf(renamed)).not.toBe(book.hash);
    // One content, one hash: another copy edited alike is named alike.
    expect(runHashOf({ ...book, scenario: { ...structuredClone(book.scenario), name: 'Renamed' } })).toBe(runHashOf(renamed));
    const books = book.files!.books!;
    const [tier, data] = Object.entries(books)[0]!;
    const arr = Float64Array.from(data.arr);
    arr[0] = arr[0]! + 1;
    const otherData = { ...book, files: { ...book.files, books: { ...books, [tier]: { ...data, arr } } } };
    expect(runHashOf(otherData)).not.toBe(book.hash);
    expect(runHashOf(otherData)).not.toBe(runHashOf(renamed));
  });
});

group('forecastHash, cached by content', () => {
  it('follows a scenario edited in place and a copy of the data edited: never the hash of what the object held before', async () => {
    const copy = structuredClone(loaded.scenario);
    const before = forecastHash({ scenario: copy });
    const budget = parseScenario(TEXT.replace(/^trials: .*$/m, 'trials: 777'), 'other-trials.yaml');
    expect(forecastHash(budget)).toBe(before); // trials are not part of the forecast
    const tier = copy.tiers[0]!;
    const otherText = TEXT.replace(/^  - name: SMB$/m, '  - name: Renamed tier');
    expect(otherText).not.toBe(TEXT);
    (tier as { name: string }).name = 'Renamed tier';
    const after = forecastHash({ scenario: copy });
    expect(after).not.toBe(before);
    expect(after).toBe(forecastHash(parseScenario(otherText, 'renamed.yaml')));

    const book = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    const withBook = forecastHash(book);
    const books = book.files!.books!;
    const [name, data] = Object.entries(books)[0]!;
    const arr = data.arr as Float64Array;
    // A copy holding other data hashes as other data; a copy of the same data, as the book.
    const changedArr = Float64Array.from(arr);
    changedArr[0] = arr[0]! + 1;
    expect(forecastHash({ ...book, files: { ...book.files, books: { ...books, [name]: { ...data, arr: changedArr } } } })).not.toBe(withBook);
    expect(forecastHash({ ...book, files: structuredClone(book.files) })).toBe(withBook);
  });
});

group('what a run ran on, once the objects change or are copied', () => {
  const SHARDS = { trials: 300, seed: 3, workers: 0 } as const;
  const scratch = () => mkdtempSync(join(tmpdir(), 'arrcast-run-hash-'));

  it('an identical copy (spread, structuredClone of the files) is named by the load hash: its parts merge', async () => {
    const book = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    const same = { ...book, files: structuredClone(book.files) };
    expect(runHashOf(same)).toBe(book.hash);
    const dir = scratch();
    try {
      const files = [0, 1].map((index) => join(dir, partFileName({ index, count: 2 })));
      for (const index of [0, 1]) await writePartFile(files[index]!, await simulateShard(same, { ...SHARDS, shard: { index, count: 2 } }));
      const merged = await mergeParts(files);
      expect(summarize(merged).scenario.hash).toBe(book.hash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an edited copy with data files: its shards merge, named as its whole run is', async () => {
    const book = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    const renamed = { ...book, scenario: { ...book.scenario, name: 'Renamed' } };
    const dir = scratch();
    try {
      const files = [0, 1].map((index) => join(dir, partFileName({ index, count: 2 })));
      for (const index of [0, 1]) await writePartFile(files[index]!, await simulateShard(renamed, { ...SHARDS, shard: { index, count: 2 } }));
      const merged = await mergeParts(files);
      const whole = await simulate(renamed, SHARDS);
      expect(whole.runHash).not.toBe(book.hash);
      expect(summarize(merged).scenario.hash).toBe(whole.runHash);
      // The merged run's scenario is named as its run: a run of it is the same content, the same hash,
      // so its shards merge with the copy's own.
      expect(merged.loaded.hash).toBe(whole.runHash);
      const again = await simulateShard(merged.loaded, { ...SHARDS, shard: { index: 1, count: 2 } });
      expect(again.runHash).toBe(whole.runHash);
      await writePartFile(files[1]!, again);
      expect((await mergeParts(files)).runHash).toBe(whole.runHash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a scenario edited in place after its run: its part, its run and its comparison are refused, as its summary is', async () => {
    const mine = parseScenario(TEXT, 'smb-lead-driven.yaml');
    const part = await simulateShard(mine, { ...RUN, shard: { index: 0, count: 2 } });
    const whole = await simulate(mine, RUN);
    const other = await simulate(edited, RUN);
    (mine.scenario.tiers[0]!.existing as { priceUplift: number }).priceUplift = 0.3;
    const changed = /changed after it was loaded/;
    expect(() => encodePart(part)).toThrow(changed);
    expect(() => partRunOf(part)).toThrow(changed);
    expect(() => compareSimulations([whole, other])).toThrow(changed);
    expect(() => summarize(whole)).toThrow(changed);
    // Nor is its run resumed by a run of the edited content (its trials are of the content before).
    const editedNow = parseScenario(TEXT.replace(UPLIFT, '      priceUplift: 0.3'), 'now.yaml');
    await expect(simulate(editedNow, { ...RUN, trials: 2000, resumeFrom: whole })).rejects.toThrow(changed);
    // An edited copy is held to what its run ran on too.
    const copy = { ...loaded, scenario: structuredClone(edited.scenario) };
    const copyPart = await simulateShard(copy, { ...RUN, shard: { index: 0, count: 2 } });
    copy.scenario.name = 'Edited after its run';
    expect(() => encodePart(copyPart)).toThrow(changed);
  });
});

group('a sweep: one copy edited between runs', () => {
  it('runs each value, each named by its content; an earlier run is refused once the copy moved on', async () => {
    const s = structuredClone(loaded.scenario);
    const runs: Awaited<ReturnType<typeof simulate>>[] = [];
    for (const uplift of ['0.05', '0.06']) {
      (s.tiers[0]!.existing as { priceUplift: number }).priceUplift = Number(uplift);
      const sim = await simulate({ ...loaded, scenario: s }, RUN);
      expect(sim.runHash).toBe(parseScenario(TEXT.replace(UPLIFT, `      priceUplift: ${uplift}`), 'sweep.yaml').hash);
      expect(summarize(sim).scenario.hash).toBe(sim.runHash);
      runs.push(sim);
    }
    expect(runs[0]!.runHash).not.toBe(runs[1]!.runHash);
    // The first run's objects now hold the second value: its summary would show it beside the first's trials.
    expect(() => summarize(runs[0]!)).toThrow(/changed after it was loaded/);
  });
});

group('the files digested once a summary', () => {
  it("summarize reads a book's data once (the check that it is unchanged), not again for its hashes", async () => {
    const book = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    let reads = 0;
    // Each digest of the files lists the keys of their top object once (files-digest.ts feed).
    const files = new Proxy(book.files!, { ownKeys: (target) => (reads++, Reflect.ownKeys(target)) });
    const sim = await simulate({ ...book, files }, RUN);
    expect(sim.runHash).toBe(book.hash);
    summarize(sim); // the first keeps its forecastHash
    reads = 0;
    expect(summarize(sim).scenario.hash).toBe(book.hash);
    expect(reads).toBe(1);
  });
});
