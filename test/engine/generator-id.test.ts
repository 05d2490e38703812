import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, simulateShard } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { mergeParts } from '../../src/engine/merge.js';
import { partFileName, readPartHeader, writePartFile } from '../../src/engine/part-file.js';
import { MergeError } from '../../src/engine/errors.js';
import { GENERATOR_ID } from '../../src/random/source.js';
import { fixtureText, scenarioFrom } from '../helpers/fixtures.js';
import { craftPart, splitPart } from '../helpers/parts.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A run's random numbers are named by GENERATOR_ID (sfc32 keyed through Alea): summary.json and every
 * part carry it, and parts drawn with another generator (the Alea streams before it, whose parts have
 * no id, or any other) are refused at merge, since their trials would not be this run's trials.
 */
const minimal = scenarioFrom(fixtureText('minimal.yaml'), 'minimal.yaml');
const TRIALS = 2_000;

async function writeShards(): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-generator-'));
  const files: string[] = [];
  for (let index = 0; index < 2; index++) {
    const file = join(dir, partFileName({ index, count: 2 }));
    await writePartFile(file, await simulateShard(minimal, { trials: TRIALS, seed: 3, workers: 0, shard: { index, count: 2 } }));
    files.push(file);
  }
  return { dir, files };
}

/** Rewrite a part's header (checksum recomputed): `generator` set to a value, or removed as an old arrcast wrote it. */
function forgeGenerator(file: string, generator: string | undefined): void {
  const { header, body } = splitPart(readFileSync(file));
  const { generator: _, ...rest } = header;
  writeFileSync(file, craftPart(generator === undefined ? rest : { ...rest, generator }, body));
}

describe('the generator id', () => {
  it('names the generator and its version', () => {
    expect(GENERATOR_ID).toMatch(/^sfc32-alea-v\d+$/);
  });

  it('is in summary.json (the summary) and in every part header', async () => {
    const sim = await simulate(minimal, { trials: 1_000, seed: 3, workers: 0 });
    expect(summarize(sim).tool.generator).toBe(GENERATOR_ID);
    const { files } = await writeShards();
    for (const file of files) expect((await readPartHeader(file)).header.generator).toBe(GENERATOR_ID);
  });

  it('parts as written merge, and the merged run carries the id', async () => {
    const { files } = await writeShards();
    expect((await mergeParts(files)).generator).toBe(GENERATOR_ID);
  });

  it.each<[string, string | undefined, string]>([
    ['written before generator ids (no id: the old Alea streams)', undefined, 'alea (before generator ids)'],
    ['of another generator', 'pcg32-v9', 'pcg32-v9'],
  ])('every part %s: refused, naming both generators', async (_, forged, shown) => {
    const { files } = await writeShards();
    for (const file of files) forgeGenerator(file, forged);
    const refused = await mergeParts(files).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MergeError);
    expect((refused as MergeError).problems).toEqual([
      `the parts were drawn with the random generator ${shown}, and this arrcast draws with ${GENERATOR_ID}: their trials cannot be merged with this arrcast's; run the shards again with this arrcast`,
    ]);
  });

  it('one part of an old generator among new ones: refused as parts of different runs', async () => {
    const { files } = await writeShards();
    forgeGenerator(files[1]!, undefined);
    await expect(mergeParts(files)).rejects.toThrow(
      `the parts differ in random generator: ${GENERATOR_ID} in ${files[0]}; alea (before generator ids) in ${files[1]}`,
    );
  });

  it('arrcast merge of an old-generator part: exit 2 with the message, no report written', async () => {
    const { dir, files } = await writeShards();
    for (const file of files) forgeGenerator(file, undefined);
    const out = join(dir, 'report');
    const r = await runCli('merge', ...files, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
    expect(r.err).toContain(`drawn with the random generator alea (before generator ids), and this arrcast draws with ${GENERATOR_ID}`);
    expect(existsSync(out)).toBe(false);
  });

  it('a resume keeps only trials of the same generator', async () => {
    const first = await simulate(minimal, { trials: 1_000, seed: 3, workers: 0 });
    const resumed = await simulate(minimal, { trials: 2_000, seed: 3, workers: 0, resumeFrom: first });
    expect(resumed.generator).toBe(GENERATOR_ID);
    await expect(simulate(minimal, { trials: 2_000, seed: 3, workers: 0, resumeFrom: { ...first, generator: 'alea (before generator ids)' } })).rejects.toThrow(
      `resumeFrom was drawn with the random generator alea (before generator ids), and this run draws with ${GENERATOR_ID}`,
    );
  });
});
