import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateShard, type SimulationPart } from '../../src/engine/simulate.js';
import { checkPartOutput, OtherRunPartError, OtherShardPartError, partRunOf, readPartHeader, writePartFile } from '../../src/engine/part-file.js';
import { PartFileError } from '../../src/engine/part-format.js';
import type { ShardSpec } from '../../src/engine/chunks.js';
import { fixtureText, ROOT, scenarioFrom } from '../helpers/fixtures.js';
import { craftPart, splitPart } from '../helpers/parts.js';
import { ARRCAST_VERSION } from '../../src/version.js';
import { GENERATOR_ID } from '../../src/random/source.js';
import { runCli } from '../helpers/in-process-cli.js';
import { runShard } from '../../src/cli/shard-commands.js';
import { loadScenario } from '../../src/scenario/load.js';
import { RunAbortedError } from '../../src/engine/errors.js';

/**
 * A part file is replaced only by a part of the same shard K/N (a re-run of it). Shards given one
 * --out file (`--out parts`, with no folder there and no trailing /) each said 'wrote shard K/N to
 * parts' and replaced the one before: of four shards run one after another only the last part was
 * left, and three shards' trials were lost without a word until the merge.
 */
const minimal = scenarioFrom(fixtureText('minimal.yaml'), 'minimal.yaml');
const TRIALS = 2_000;
const shardOf = (index: number, count: number): Promise<SimulationPart> => simulateShard(minimal, { trials: TRIALS, seed: 3, workers: 0, shard: { index, count } });
const dirWithPart = async (shard: ShardSpec) => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-other-shard-'));
  await writePartFile(join(dir, 'parts'), await shardOf(shard.index, shard.count));
  return dir;
};

describe('a shard never replaces another shard’s part of the same run', () => {
  it.each([
    [{ index: 0, count: 2 }, { index: 1, count: 2 }],
    [{ index: 1, count: 2 }, { index: 0, count: 2 }],
    [{ index: 0, count: 3 }, { index: 2, count: 3 }],
  ])('as it is moved into place (a part written there while it ran): %j there, %j written', async (there, written) => {
    const dir = await dirWithPart(there);
    const file = join(dir, 'parts');
    const before = readFileSync(file);
    const error = await writePartFile(file, await shardOf(written.index, written.count)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtherShardPartError);
    expect((error as Error).name).toBe('OtherShardPartError');
    expect((error as Error).message).toContain(`holds shard ${there.index + 1}/${there.count}'s part of the same run (scenario, seed and trials), and this is shard ${written.index + 1}/${written.count}`);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Its temporary file is gone: nothing is left beside the part.
    expect(readdirSync(dir)).toEqual(['parts']);
  });

  // A part is replaced only by the same shard of the same run (a re-run). A part of another run
  // (another shard count, seed, trials, scenario or generator) was taken for a stale output and
  // replaced without a word: the same shard K/N of two scenarios written to one folder replaced each
  // other. Now it is refused, naming both runs, and kept.
  it.each([
    ['another shard count', { index: 0, count: 1 }, () => shardOf(0, 2), 'shard count 1 there, 2 here'],
    ['another shard count, the same K', { index: 0, count: 2 }, () => shardOf(0, 1), 'shard count 2 there, 1 here'],
    ['another seed, the same K', { index: 1, count: 2 }, () => simulateShard(minimal, { trials: TRIALS, seed: 99, workers: 0, shard: { index: 1, count: 2 } }), 'seed "3" there, "99" here'],
    ['other trials', { index: 0, count: 2 }, () => simulateShard(minimal, { trials: TRIALS + 1000, seed: 3, workers: 0, shard: { index: 0, count: 2 } }), 'trials 2,000 there, 3,000 here'],
    [
      'another scenario, the same K',
      { index: 1, count: 2 },
      () => simulateShard(scenarioFrom(fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'), 'minimal-b.yaml'), { trials: TRIALS, seed: 3, workers: 0, shard: { index: 1, count: 2 } }),
      // Named by its file, not only the one name twice with hashes.
      'scenario "Minimal" from "minimal.yaml" (hash ',
    ],
  ] as const)('a part of another run (%s) is refused, naming both runs, and kept', async (_what, there, next, named) => {
    const dir = await dirWithPart(there);
    const file = join(dir, 'parts');
    const before = readFileSync(file);
    const part = await next();
    const error = await writePartFile(file, part).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtherRunPartError);
    expect((error as Error).message).toContain(`${file} holds shard ${there.index + 1}/${there.count}'s part of another run (`);
    expect((error as Error).message).toContain(named);
    if (named.startsWith('scenario')) expect((error as Error).message).toContain('there, "Minimal" from "minimal-b.yaml" (hash ');
    expect((error as Error).message).toContain(`and this is shard ${part.shard.index + 1}/${part.shard.count} of this run`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['parts']);
    // Checked before a shard runs too.
    await expect(checkPartOutput(file, file, partRunOf(part))).rejects.toBeInstanceOf(OtherRunPartError);
  });

  it('the same shard drawn after an upgrade (only the arrcast version or generator differ) is a re-run: replaced, with a note; another shard of it is refused', async () => {
    const dir = await dirWithPart({ index: 0, count: 2 });
    const file = join(dir, 'parts');
    const { header, body } = splitPart(readFileSync(file));
    writeFileSync(file, craftPart({ ...header, arrcastVersion: '0.0.9', generator: 'older-generator-1' }, body));
    const part = await shardOf(0, 2);
    const note = await checkPartOutput(file, 'parts', partRunOf(part));
    expect(note).toBe(`replacing parts: shard 1/2's part of the same run written by another arrcast (arrcast version 0.0.9 there, ${ARRCAST_VERSION} here; random generator older-generator-1 there, ${GENERATOR_ID} here)`);
    await writePartFile(file, part);
    expect((await readPartHeader(file)).header.arrcastVersion).toBe(ARRCAST_VERSION);
    expect(readdirSync(dir)).toEqual(['parts']);
    // Only the version differing: replaced too.
    writeFileSync(file, craftPart({ ...header, arrcastVersion: '0.0.9' }, body));
    expect(await checkPartOutput(file, 'parts', partRunOf(part))).toContain('(arrcast version 0.0.9 there');
    // Another shard of the older run, or the older run with another seed: refused, as before.
    const error = await checkPartOutput(file, 'parts', partRunOf(await shardOf(1, 2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtherRunPartError);
    const seeded = await checkPartOutput(file, 'parts', { ...partRunOf(part), seed: '99' }).catch((e: unknown) => e);
    expect(seeded).toBeInstanceOf(OtherRunPartError);
    expect((seeded as Error).message).toContain('arrcast version 0.0.9 there');
  });

  it('a library caller\'s run without a scenario name or file is named by its hash, never as ""', async () => {
    const dir = await dirWithPart({ index: 0, count: 2 });
    const file = join(dir, 'parts');
    const { scenarioHash, seed, trials, shard } = partRunOf(await shardOf(0, 2));
    const error = await checkPartOutput(file, file, { scenarioHash: 'f'.repeat(64), seed, trials, shard }).catch((e: unknown) => e);
    expect(scenarioHash).not.toBe('f'.repeat(64));
    expect((error as Error).message).toContain(`, hash ffffffffffff here`);
    expect((error as Error).message).not.toContain('""');
  });

  it('a complete part this arrcast cannot read (a newer format) is refused, not taken for one cut short; a damaged one is replaced', async () => {
    const dir = await dirWithPart({ index: 0, count: 2 });
    const file = join(dir, 'parts');
    const original = readFileSync(file);
    const newer = Buffer.from(original);
    newer.writeUInt32LE(newer.readUInt32LE(8) + 1, 8);
    writeFileSync(file, newer);
    const run = partRunOf(await shardOf(1, 2));
    const error = await checkPartOutput(file, file, run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartFileError);
    expect((error as Error).message).toContain(`is a part of format version ${newer.readUInt32LE(8)}`);
    expect(readFileSync(file).equals(newer)).toBe(true);
    // The control: the same part of this format cut short holds no trials that can be read.
    writeFileSync(file, original.subarray(0, original.length - 8));
    await expect(checkPartOutput(file, file, run)).resolves.toBeUndefined();
  });

  it('the library exports the check, so a shard can be checked before it is simulated', async () => {
    const library = await import('../../src/index.js');
    // The library's are these with their arguments checked first (api/checked-exports.ts): the same results.
    const part = await shardOf(1, 2);
    expect(library.partRunOf(part)).toEqual(partRunOf(part));
    const dir = await dirWithPart({ index: 0, count: 2 });
    const viaLibrary = await library.checkPartOutput(join(dir, 'parts'), undefined, partRunOf(part)).catch((e: unknown) => e);
    const direct = await checkPartOutput(join(dir, 'parts'), undefined, partRunOf(part)).catch((e: unknown) => e);
    expect(viaLibrary).toBeInstanceOf(OtherShardPartError);
    expect((viaLibrary as Error).message).toBe((direct as Error).message);
    expect(library.OtherShardPartError).toBe(OtherShardPartError);
    expect(library.OtherRunPartError).toBe(OtherRunPartError);
  });

  it('the same shard K/N of the same run replaces its earlier part (a re-run), and a part cut short is replaced by any', async () => {
    const dir = await dirWithPart({ index: 1, count: 2 });
    const file = join(dir, 'parts');
    const rerun = await shardOf(1, 2);
    await writePartFile(file, rerun);
    expect((await readPartHeader(file)).header.shard).toEqual({ index: 1, count: 2 });
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    await writePartFile(file, await simulateShard(minimal, { trials: TRIALS, seed: 4, workers: 0, shard: { index: 0, count: 2 } }));
    expect((await readPartHeader(file)).header.shard).toEqual({ index: 0, count: 2 });
    expect((await readPartHeader(file)).header.seed).toBe('4');
  });

  it('an empty file at the part\'s name is refused, before the run and at the move (it may be a shard\'s claim where hard links cannot be made)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-other-shard-'));
    const file = join(dir, 'parts');
    writeFileSync(file, '');
    const part = await shardOf(1, 2);
    await expect(checkPartOutput(file, file, partRunOf(part))).rejects.toThrow(/remove it if no shard of this run is running/);
    await expect(writePartFile(file, part)).rejects.toBeInstanceOf(PartFileError);
    expect(readFileSync(file).length).toBe(0);
    expect(readdirSync(dir)).toEqual(['parts']);
  });

  it('writePartFile calls its recheck just before the move (the CLI: still not inside an arrcast output); what it throws leaves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-other-shard-'));
    const file = join(dir, 'sub', 'parts');
    const refusal = new Error('now inside an output');
    let called = 0;
    const recheck = async () => {
      called++;
      // The temporary part is whole by now: the check is the last thing before the move.
      expect(readdirSync(join(dir, 'sub')).some((n) => n.startsWith('.arrcast-tmp-'))).toBe(true);
      throw refusal;
    };
    await expect(writePartFile(file, await shardOf(0, 2), { recheck })).rejects.toBe(refusal);
    expect(called).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('arrcast run --shard refuses an --out holding another shard’s part (exit 2), and keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-other-shard-'));
    const out = join(dir, 'parts');
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const shard = (k: string) => runCli('run', scenario, '--trials', String(TRIALS), '--seed', '3', '--workers', '0', '--shard', k, '--out', out);
    expect((await shard('1/2')).code).toBe(0);
    const first = readFileSync(out);
    const r = await shard('2/2');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out} holds shard 1/2's part of the same run (scenario, seed and trials), and this is shard 2/2: writing it there would replace that shard's trials`);
    expect(readFileSync(out).equals(first)).toBe(true);
    expect(readdirSync(dir)).toEqual(['parts']);
    // Another run's part (another shard count): refused too (exit 2), naming both, and kept.
    const other = await shard('1/4');
    expect(other.code).toBe(2);
    expect(other.err).toContain(`${out} holds shard 1/2's part of another run (shard count 2 there, 4 here), and this is shard 1/4 of this run`);
    expect(other.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(out).equals(first)).toBe(true);
    // The same shard of the same run: a re-run, replaced.
    expect((await shard('1/2')).code).toBe(0);
    // Written by an older arrcast: a re-run after an upgrade, replaced with a note saying so.
    const { header, body } = splitPart(readFileSync(out));
    writeFileSync(out, craftPart({ ...header, arrcastVersion: '0.0.9' }, body));
    const upgraded = await shard('1/2');
    expect(upgraded.code).toBe(0);
    expect(upgraded.err).toContain(`arrcast: replacing ${out}: shard 1/2's part of the same run written by another arrcast (arrcast version 0.0.9 there, ${ARRCAST_VERSION} here)\n`);
    expect((await readPartHeader(out)).header.arrcastVersion).toBe(ARRCAST_VERSION);
    // The note comes when the part is replaced, not before the run: a run stopped before the move
    // (here at its 'part' step) replaced nothing and says nothing of replacing.
    const { body: again } = splitPart(readFileSync(out));
    const old = craftPart({ ...header, arrcastVersion: '0.0.9' }, again);
    writeFileSync(out, old);
    let err = '';
    const stop = new AbortController();
    const stopped = runShard({ out: () => undefined, err: (t) => (err += t) }, await loadScenario(scenario), { index: 0, count: 2, from: '--shard' }, out, {
      trials: TRIALS,
      seed: '3',
      workers: 0,
      progress: false,
      signal: stop.signal,
      hook: async (step) => {
        if (step === 'part') stop.abort();
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(RunAbortedError);
    expect(err).not.toContain('replacing');
    expect(readFileSync(out).equals(old)).toBe(true);
  });

  it('arrcast run --shard writes no part into an arrcast report, or its charts/ (exit 2): the report holds only what a run writes there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-other-shard-'));
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const report = join(dir, 'report');
    expect((await runCli('run', scenario, '--trials', '300', '--workers', '0', '-q', '--out', report)).code).toBe(0);
    const before = readdirSync(report, { recursive: true }).sort();
    for (const out of [report, `${report}/`, `${report}/charts/`, join(report, 'p.arrcast-part')]) {
      const r = await runCli('run', scenario, '--trials', '300', '--workers', '0', '--shard', '1/2', '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`is inside the arrcast report ${report}`);
    }
    expect(readdirSync(report, { recursive: true }).sort()).toEqual(before);
  });
});

