import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { compareSimulations, decodePart, encodePart, loadScenario, parseScenario, partRunOf, simulate, simulateShard, summarize } from '../../src/index.js';
import { contentHash } from '../../src/scenario/content-hash.js';
import { forecastHash } from '../../src/scenario/forecast-hash.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * What names a run (summary.json's scenario.hash, a comparison's, a part's) is the hash of what the
 * loaded scenario holds, not the `hash` a caller's copy carries from the original: a copy edited
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

group('the hash of what a loaded scenario holds (contentHash)', () => {
  it('is loaded.hash for what loading made; an edited copy is named by its content, as loading that content names it', async () => {
    expect(UPLIFT.test(TEXT)).toBe(true);
    expect(contentHash(loaded)).toBe(loaded.hash);
    expect(contentHash({ ...loaded, scenario: structuredClone(loaded.scenario) })).toBe(loaded.hash);
    const expected = parseScenario(editedText, 'edited.yaml').hash;
    expect(expected).not.toBe(loaded.hash);
    expect(contentHash(edited)).toBe(expected);

    const original = await simulate(loaded, RUN);
    const copy = await simulate(edited, RUN);
    expect(summarize(original).scenario.hash).toBe(loaded.hash);
    expect(summarize(copy).scenario.hash).toBe(expected);
    expect(compareSimulations([original, copy]).scenarios.map((s) => s.hash)).toEqual([loaded.hash, expected]);

    const part = await simulateShard(edited, { ...RUN, shard: { index: 0, count: 2 } });
    expect(partRunOf(part).scenarioHash).toBe(expected);
    const bytes = Buffer.concat(encodePart(part));
    expect(decodePart(bytes, 'edited.part').header.scenario.hash).toBe(expected);
  });

  it('with data files: loaded.hash while scenario and data are as loaded, another hash once either differs', async () => {
    const book = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    expect(book.files?.books).toBeDefined();
    expect(contentHash(book)).toBe(book.hash);
    expect(contentHash({ ...book, scenario: structuredClone(book.scenario) })).toBe(book.hash);
    const renamed = { ...book, scenario: { ...book.scenario, name: 'Renamed' } };
    expect(contentHash(renamed)).not.toBe(book.hash);
    // One content, one hash: another copy edited alike is named alike.
    expect(contentHash({ ...book, scenario: { ...structuredClone(book.scenario), name: 'Renamed' } })).toBe(contentHash(renamed));
    const books = book.files!.books!;
    const [tier, data] = Object.entries(books)[0]!;
    const arr = Float64Array.from(data.arr);
    arr[0] = arr[0]! + 1;
    const otherData = { ...book, files: { ...book.files, books: { ...books, [tier]: { ...data, arr } } } };
    expect(contentHash(otherData)).not.toBe(book.hash);
    expect(contentHash(otherData)).not.toBe(contentHash(renamed));
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
    const kept = arr[0]!;
    arr[0] = kept + 1; // in place: the same objects, other data
    const changed = forecastHash(book);
    expect(changed).not.toBe(withBook);
    arr[0] = kept;
    expect(forecastHash(book)).toBe(withBook);
    // A copy holding the changed data hashes as the data changed in place did.
    const changedArr = Float64Array.from(arr);
    changedArr[0] = kept + 1;
    expect(forecastHash({ ...book, files: { ...book.files, books: { ...books, [name]: { ...data, arr: changedArr } } } })).toBe(changed);
  });
});
