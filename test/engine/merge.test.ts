import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, simulateShard } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { checkParts, mergeParts } from '../../src/engine/merge.js';
import { partFileName, readPartHeader, writePartFile, type PartInfo } from '../../src/engine/part-file.js';
import { MergeError } from '../../src/engine/errors.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ARRCAST_VERSION } from '../../src/version.js';
import { GENERATOR_ID } from '../../src/random/source.js';
import { fixtureText, ROOT, scenarioFrom } from '../helpers/fixtures.js';
import { craftPart, splitPart } from '../helpers/parts.js';

const example = scenarioFrom(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
const minimal = scenarioFrom(fixtureText('minimal.yaml'), 'minimal.yaml');
// A count the store keeps as uint16 compared as the float32 its layout column is (trial-store.ts).
const bytes = (c: Float64Array | Float32Array | Uint16Array) => {
  const a = c instanceof Uint16Array ? Float32Array.from(c) : c;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
};
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-merge-'));

/** Run shards 0 .. count - 1 of a run into files in a fresh directory. */
async function writeShards(loaded: LoadedScenario, trials: number, seed: number, count: number, dir = tmp()): Promise<string[]> {
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = join(dir, partFileName({ index, count }));
    await writePartFile(file, await simulateShard(loaded, { trials, seed, workers: 0, shard: { index, count } }));
    files.push(file);
  }
  return files;
}

describe('mergeParts', () => {
  it.each([
    // 5 chunks in 4 shards (the last gets 2); 2 chunks in 5 shards (three are empty); one shard
    [5_000, 4],
    [1_500, 5],
    [2_300, 1],
  ])('%d trials in %d shards, merged in any order, are the single run bit for bit', async (trials, count) => {
    const whole = await simulate(example, { trials, seed: 7, workers: 0 });
    const files = await writeShards(example, trials, 7, count);
    const merged = await mergeParts([...files].reverse());
    expect(merged.trials).toBe(trials);
    expect(merged.seed).toBe('7');
    expect(merged.loaded.hash).toBe(example.hash);
    expect(JSON.stringify(merged.loaded.scenario)).toBe(JSON.stringify(example.scenario));
    whole.store.columns.forEach((col, c) => expect(bytes(merged.store.columns[c]!).equals(bytes(col))).toBe(true));
    expect(bytes(merged.store.componentSums()).equals(bytes(whole.store.componentSums()))).toBe(true);
    expect(JSON.stringify(summarize(merged))).toBe(JSON.stringify(summarize(whole)));
  });

  it('a scenario that reads customer and pipeline files merges bit for bit, and is refused once a data file changes', async () => {
    const dir = tmp();
    for (const f of ['customers.csv', 'pipeline.csv'])
      writeFileSync(join(dir, f), readFileSync(`${ROOT}scenarios/data/${f === 'customers.csv' ? 'hybrid-customers.csv' : 'hybrid-pipeline.csv'}`));
    const yaml = readFileSync(`${ROOT}scenarios/hybrid-company.yaml`, 'utf8').replaceAll('data/hybrid-customers.csv', 'customers.csv').replace('data/hybrid-pipeline.csv', 'pipeline.csv');
    writeFileSync(join(dir, 'plan.yaml'), yaml);
    const loaded = await loadScenario(join(dir, 'plan.yaml'));
    const whole = await simulate(loaded, { trials: 2_000, seed: 4, workers: 0 });
    const files = await writeShards(loaded, 2_000, 4, 2, dir);
    // The data files are in a temporary folder, outside the working directory: allowed (path-policy.ts).
    const merged = await mergeParts(files, { allowedRoots: [dir] });
    whole.store.columns.forEach((c, i) => expect(bytes(merged.store.columns[i]!).equals(bytes(c))).toBe(true));
    // A changed book is another run: the parts no longer match their data.
    writeFileSync(join(dir, 'customers.csv'), readFileSync(join(dir, 'customers.csv'), 'utf8').replace(/^(mm-00001,Mid-market,)\d+/m, '$1999'));
    const refused = await mergeParts(files, { allowedRoots: [dir] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MergeError);
    expect((refused as Error).message).toMatch(/was run on other data/);
  });

  it('a file replaced by a part of another run is refused by its header', async () => {
    const files = await writeShards(minimal, 2_000, 1, 2);
    const other = await writeShards(minimal, 2_000, 2, 2);
    const info = await readPartHeader(files[0]!);
    expect(info.header.seed).toBe('1');
    // Same length and a valid part, but another run's: caught by the header check before any body is read.
    writeFileSync(files[1]!, readFileSync(other[1]!));
    await expect(mergeParts(files)).rejects.toThrow('the parts differ in seed: "1" in');
  });

  it.each<[string, (header: Record<string, unknown>) => Record<string, unknown>, string]>([
    ['a scenario that does not hash as its header says', (h) => ({ ...h, resolvedScenario: { ...(h.resolvedScenario as object), name: 'Changed' } }), 'is corrupt: its scenario hashes to'],
    ['a scenario this arrcast does not accept', (h) => ({ ...h, resolvedScenario: { name: 'x' } }), 'holds a scenario this arrcast does not accept'],
    ['columns arrcast does not lay out for the scenario', (h) => ({ ...h, columns: [...(h.columns as object[])].reverse() }), `has columns other than those arrcast ${ARRCAST_VERSION} lays out for its scenario`],
  ])('refuses a part with %s', async (_, change, message) => {
    const files = await writeShards(minimal, 2_000, 1, 2);
    const { header, body } = splitPart(readFileSync(files[0]!));
    writeFileSync(files[0]!, craftPart(change(header), body));
    await expect(mergeParts(files)).rejects.toBeInstanceOf(MergeError);
    await expect(mergeParts(files)).rejects.toThrow(`cannot merge: ${files[0]} ${message}`);
  });

  it('reports every unreadable file at once', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.arrcast-part'), 'not a part');
    await expect(mergeParts([join(dir, 'a.arrcast-part'), join(dir, 'none.arrcast-part')])).rejects.toThrow(
      `cannot merge:\n  ${join(dir, 'a.arrcast-part')} is not an arrcast part file (it does not start with ARRCPART); parts are written by arrcast run --shard K/N\n  ${join(dir, 'none.arrcast-part')} does not exist`,
    );
  });
});

describe('checkParts', () => {
  const header = (over: { seed?: string; trials?: number; hash?: string; name?: string; index?: number; count?: number; version?: string } = {}) => ({
    format: 'arrcast-part' as const,
    formatVersion: 1 as const,
    arrcastVersion: over.version ?? ARRCAST_VERSION,
    generator: GENERATOR_ID,
    scenario: { name: over.name ?? 'Plan', source: 'plan.yaml', hash: over.hash ?? 'a'.repeat(64) },
    resolvedScenario: {},
    seed: over.seed ?? '7',
    trials: over.trials ?? 5_000,
    chunkSize: 1_000,
    shard: { index: over.index ?? 0, count: over.count ?? 4 },
    chunks: [],
    firstTrial: 0,
    partTrials: 0,
    columns: [{ key: 'revenue', precision: 'f64' as const }],
    sumsPerChunk: 24,
  });
  const parts = (...overs: Parameters<typeof header>[0][]): PartInfo[] => overs.map((o, i) => ({ file: `p${i + 1}`, header: header(o) }));
  const all = (count: number, extra: Parameters<typeof header>[0] = {}) => Array.from({ length: count }, (_, index) => ({ ...extra, index, count }));
  const ONE_RUN = 'merge only the parts of one run (arrcast run --shard K/N with the same scenario, seed and trials)';

  it('accepts every shard once, in any order', () => {
    expect(() => checkParts(parts(...all(4).reverse()))).not.toThrow();
  });

  it.each<[string, PartInfo[], string[]]>([
    ['nothing', [], ['no parts given']],
    ['a different seed', parts(...all(4).slice(0, 3), { index: 3, seed: '8' }), ['the parts differ in seed: "7" in p1, p2, p3; "8" in p4', ONE_RUN]],
    [
      'a different scenario',
      parts(...all(4).slice(0, 3), { index: 3, hash: 'b'.repeat(64), name: 'Downside' }),
      ['the parts differ in scenario: "Plan" from "plan.yaml" (hash aaaaaaaaaaaa) in p1, p2, p3; "Downside" from "plan.yaml" (hash bbbbbbbbbbbb) in p4', ONE_RUN],
    ],
    ['different trials', parts(...all(4).slice(0, 3), { index: 3, trials: 6_000 }), ['the parts differ in trials: 5,000 in p1, p2, p3; 6,000 in p4', ONE_RUN]],
    ['different shard counts', parts(...all(4).slice(0, 3), { index: 3, count: 5 }), ['the parts differ in shard count: 4 in p1, p2, p3; 5 in p4', ONE_RUN]],
    [
      'seed and trials both',
      parts({ index: 0, count: 2 }, { index: 1, count: 2, seed: 'x', trials: 1 }),
      ['the parts differ in seed: "7" in p1; "x" in p2', 'the parts differ in trials: 5,000 in p1; 1 in p2', ONE_RUN],
    ],
    ['a missing shard', parts(...all(4).filter((o) => o.index !== 2)), ['shard 3/4 is missing (3 of 4 given)']],
    ['missing shards', parts({ index: 1, count: 4 }), ['shards 1/4, 3/4 and 4/4 are missing (1 of 4 given)']],
    ['many missing shards', parts({ index: 0, count: 20 }), ['shards 2/20, 3/20, 4/20, 5/20, 6/20, 7/20, 8/20, 9/20, 10/20, 11/20 and 9 more are missing (1 of 20 given)']],
    ['a duplicate shard', parts(...all(4), { index: 1 }), ['shard 2/4 is given twice: p2, p5']],
    ['a shard three times, and one missing', parts({ index: 0, count: 2 }, { index: 0, count: 2 }, { index: 0, count: 2 }), ['shard 2/2 is missing (1 of 2 given)', 'shard 1/2 is given 3 times: p1, p2, p3']],
    ['parts of another arrcast version', parts(...all(2, { version: '0.0.1' })), [`the parts were written by arrcast 0.0.1, and this is arrcast ${ARRCAST_VERSION}; merge with the version that ran the shards`]],
  ])('refuses %s, saying why', (_, given, problems) => {
    let caught: unknown;
    try {
      checkParts(given);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MergeError);
    expect((caught as MergeError).problems).toEqual(problems);
  });
});
