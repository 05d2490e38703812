import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, simulateShard, type Simulation } from '../../src/engine/simulate.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { mergeParts } from '../../src/engine/merge.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { generateScenario, loadGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';

// Shards K/N of generated scenarios, each part's trials and the parts merged through their files,
// against the whole run: bit for bit. 2,500 trials are three chunks (the last a half one), so 7
// shards leave four of them empty.
const TRIALS = 2_500;
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-shards-'));
const scenarios: Array<{ n: number; loaded: LoadedScenario; whole: Simulation }> = [];
beforeAll(async () => {
  for (const n of TESTED_SCENARIOS) {
    const { loaded } = await loadGenerated(root, generateScenario(n));
    scenarios.push({ n, loaded, whole: await simulate(loaded, { trials: TRIALS, workers: 0 }) });
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generated scenarios: shards merged are the whole run', () => {
  it.each([2, 3, 7])('%d shards: each part holds the whole run’s trials, and the parts merged from their files are the whole run', async (count) => {
    const differences: string[] = [];
    for (const { n, loaded, whole } of scenarios) {
      const files: string[] = [];
      for (let index = 0; index < count; index++) {
        // In-process, and the second shard on a pool of its own.
        const part = await simulateShard(loaded, { trials: TRIALS, workers: index === 1 ? 2 : 0, shard: { index, count } });
        for (const d of runDifferences(part, whole, part.chunks[0]?.offset ?? 0)) differences.push(`scenario ${n}, shard ${index + 1}/${count}: ${d}`);
        const file = join(root, `g${n}-${index + 1}-of-${count}.arrcast-part`);
        await writePartFile(file, part);
        files.push(file);
      }
      const merged = await mergeParts(files, { allowedRoots: [root] });
      for (const d of runDifferences(merged, whole)) differences.push(`scenario ${n}, ${count} shards merged: ${d}`);
    }
    expect(differences).toEqual([]);
  });
});
