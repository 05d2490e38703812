import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateShard, type SimulationPart } from '../../src/engine/simulate.js';
import { OtherShardPartError, readPartHeader, writePartFile } from '../../src/engine/part-file.js';
import type { ShardSpec } from '../../src/engine/chunks.js';
import { fixtureText, ROOT, scenarioFrom } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

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

describe('a shard never replaces another shard’s part', () => {
  it.each([
    [{ index: 0, count: 2 }, { index: 1, count: 2 }],
    [{ index: 1, count: 2 }, { index: 0, count: 2 }],
    [{ index: 0, count: 2 }, { index: 0, count: 3 }],
    [{ index: 0, count: 1 }, { index: 0, count: 2 }],
  ])('as it is moved into place (a part written there while it ran): %j there, %j written', async (there, written) => {
    const dir = await dirWithPart(there);
    const file = join(dir, 'parts');
    const before = readFileSync(file);
    const error = await writePartFile(file, await shardOf(written.index, written.count)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OtherShardPartError);
    expect((error as Error).message).toContain(`holds shard ${there.index + 1}/${there.count}'s part, and this is shard ${written.index + 1}/${written.count}`);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Its temporary file is gone: nothing is left beside the part.
    expect(readdirSync(dir)).toEqual(['parts']);
  });

  it('the same shard K/N replaces its earlier part (a re-run), and a part cut short is replaced too', async () => {
    const dir = await dirWithPart({ index: 1, count: 2 });
    const file = join(dir, 'parts');
    await writePartFile(file, await simulateShard(minimal, { trials: TRIALS, seed: 4, workers: 0, shard: { index: 1, count: 2 } }));
    expect((await readPartHeader(file)).header.seed).toBe('4');
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    await writePartFile(file, await shardOf(0, 2));
    expect((await readPartHeader(file)).header.shard).toEqual({ index: 0, count: 2 });
  });

  it('arrcast run --shard refuses an --out holding another shard’s part (exit 2), and keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-other-shard-'));
    const out = join(dir, 'parts');
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const shard = (k: string) => runCli('run', scenario, '--trials', String(TRIALS), '--seed', '3', '--workers', '0', '--shard', k, '--out', out);
    expect((await shard('1/2')).code).toBe(0);
    const first = readFileSync(out);
    for (const other of ['2/2', '1/4']) {
      const r = await shard(other);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${out} holds shard 1/2's part, and this is shard ${other}: writing it there would replace that shard's trials`);
      expect(readFileSync(out).equals(first)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['parts']);
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

