import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateShard } from '../../src/engine/simulate.js';
import { mergeParts } from '../../src/engine/merge.js';
import { partFileName, writePartFile } from '../../src/engine/part-file.js';
import { MergeError } from '../../src/engine/errors.js';
import { fixtureText, scenarioFrom } from '../helpers/fixtures.js';
import { craftPart, splitPart } from '../helpers/parts.js';
import { runCli } from '../helpers/in-process-cli.js';

const minimal = scenarioFrom(fixtureText('minimal.yaml'), 'minimal.yaml');
const TRIALS = 2_000;

/** Shards 1/2 and 2/2 of a small run, written into a fresh directory. */
async function writeShards(): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-forged-'));
  const files: string[] = [];
  for (let index = 0; index < 2; index++) {
    const file = join(dir, partFileName({ index, count: 2 }));
    await writePartFile(file, await simulateShard(minimal, { trials: TRIALS, seed: 1, workers: 0, shard: { index, count: 2 } }));
    files.push(file);
  }
  return { dir, files };
}

type Column = { key: string; precision: 'f64' | 'f32' };

/** Where a column's value of the part's trial i sits in the body, and how wide it is. */
function offsetOf(header: Record<string, unknown>, key: string, trial: number): { at: number; bytes: 4 | 8 } {
  const columns = header.columns as Column[];
  const trials = header.partTrials as number;
  let at = 0;
  for (const c of columns) {
    const bytes = c.precision === 'f64' ? 8 : 4;
    if (c.key === key) return { at: at + trial * bytes, bytes };
    at += bytes * trials;
  }
  throw new Error(`no column ${key}`);
}

/** Rewrite one value of a part's body and recompute its checksum: a forgery every byte-level check passes. */
function forge(file: string, where: (header: Record<string, unknown>, body: Buffer) => { at: number; bytes: 4 | 8 }, value: number): void {
  const { header, body } = splitPart(readFileSync(file));
  const copy = Buffer.from(body);
  const { at, bytes } = where(header, copy);
  if (bytes === 8) copy.writeDoubleLE(value, at);
  else copy.writeFloatLE(value, at);
  writeFileSync(file, craftPart(header, copy));
}

const column = (key: string, trial: number) => (header: Record<string, unknown>) => offsetOf(header, key, trial);
const lastChunkSum = (_: Record<string, unknown>, body: Buffer) => ({ at: body.byteLength - 8, bytes: 8 as const });

describe('merge checks part bodies as run checks chunks', () => {
  it.each<[string, number, (header: Record<string, unknown>, body: Buffer) => { at: number; bytes: 4 | 8 }, number, RegExp]>([
    ['NaN in a headline column (float64)', 0, column('revenue', 17), NaN, /is corrupt: revenue is NaN in trial 18,/],
    ['Infinity in a breakdown column (float32), shard 2', 1, column('mrr.6', 0), Infinity, /is corrupt: mrr\.6 is Infinity in trial 1,001,/],
    ['-Infinity in a ratio column', 0, column('grr', 999), -Infinity, /is corrupt: grr is -Infinity in trial 1,000,/],
    ['NaN in the component sums of a chunk', 1, lastChunkSum, NaN, /is corrupt: the component sums of chunk 1 are not all finite/],
  ])('a part with %s and a recomputed checksum is refused, naming the file', async (_, shard, where, value, message) => {
    const { files } = await writeShards();
    forge(files[shard]!, where, value);
    const refused = await mergeParts(files).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MergeError);
    expect((refused as Error).message).toContain(files[shard]!);
    expect((refused as Error).message).toMatch(message);
  });

  it('arrcast merge: exit 2 naming the part, no internal error, no report written', async () => {
    const { dir, files } = await writeShards();
    forge(files[0]!, column('revenue', 3), NaN);
    const out = join(dir, 'report');
    const r = await runCli('merge', ...files, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
    expect(r.err).toContain(`${files[0]} is corrupt: revenue is NaN in trial 4`);
    expect(existsSync(out)).toBe(false);
  });

  it('the parts as written merge (the check passes every finite value)', async () => {
    const { files } = await writeShards();
    const merged = await mergeParts(files);
    expect(merged.trials).toBe(TRIALS);
  });
});
