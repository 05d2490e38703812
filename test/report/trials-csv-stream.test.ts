import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';
import type { ChunkSpec } from '../../src/engine/chunks.js';
import type { ChunkResult } from '../../src/model/simulate-chunk.js';
import type { TrialLayout } from '../../src/model/trial-layout.js';
import { writeTrialsCsv } from '../../src/report/trials-csv.js';
import { TrialsCsvStream } from '../../src/report/trials-csv-stream.js';
import { OWNER_FILE, TEMP_PREFIX } from '../../src/report/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A run's chunks as they came (copied: the buffers are reused), and the run. */
async function runWithChunks(trials: number) {
  const loaded = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
  const chunks: Array<{ spec: ChunkSpec; result: ChunkResult; layout: TrialLayout }> = [];
  const sim = await simulate(loaded, {
    trials,
    seed: 5,
    workers: 0,
    onChunk: (spec, result, layout) => chunks.push({ spec, result: { ...result, wide: result.wide.slice(), narrow: result.narrow.slice(), componentSums: result.componentSums.slice() }, layout }),
  });
  return { sim, chunks };
}

describe('TrialsCsvStream', () => {
  it('writes the bytes writeTrialsCsv writes from the store, whatever order the chunks come in, and moves them out whole', async () => {
    const { sim, chunks } = await runWithChunks(3_500);
    expect(chunks.length).toBe(4);
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stream-'));
    await writeTrialsCsv(join(dir, 'from-store.csv'), sim.store, 'USD');
    const reference = readFileSync(join(dir, 'from-store.csv'));
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]]) {
      const stream = TrialsCsvStream.open(join(dir, 'report'), chunks.length, 'USD');
      // Its own temporary directory, beside the report, claimed (an owner file) from the start.
      expect(stream.dir.startsWith(join(dir, TEMP_PREFIX))).toBe(true);
      expect(existsSync(join(stream.dir, OWNER_FILE))).toBe(true);
      for (const i of order) stream.accept(chunks[i]!.spec, chunks[i]!.result, chunks[i]!.layout);
      const target = join(dir, `streamed-${order.join('')}.csv`);
      stream.moveInto(target);
      expect(readFileSync(target).equals(reference), `order ${order.join(',')}`).toBe(true);
      expect(existsSync(stream.dir)).toBe(false);
    }
  });

  it('refuses to hand over a file missing a chunk, and discard leaves nothing behind', async () => {
    const { chunks } = await runWithChunks(2_500);
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stream-'));
    const stream = TrialsCsvStream.open(join(dir, 'report'), chunks.length, 'USD');
    stream.accept(chunks[0]!.spec, chunks[0]!.result, chunks[0]!.layout);
    stream.accept(chunks[2]!.spec, chunks[2]!.result, chunks[2]!.layout);
    expect(() => stream.moveInto(join(dir, 'trials.csv'))).toThrow(/written for 1 of 3 chunks/);
    stream.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});
