import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateShard } from '../../src/engine/simulate.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { placedOutputs } from '../../src/engine/exit-cleanup.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

describe('the outputs a process has placed, kept for a forced exit\'s message, do not grow without end', () => {
  it('a program writing part after part holds the latest 32 paths, not one per write for good', async () => {
    const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
    const part = await simulateShard(example, { trials: 50, seed: 1, workers: 0, shard: { index: 0, count: 1 } });
    const dir = mkdtempSync(join(tmpdir(), 'placed-outputs-'));
    const files = Array.from({ length: 80 }, (_, i) => join(dir, `p${i}.arrcast-part`));
    for (const file of files) await writePartFile(file, part);
    // Before: 80 (and a service writing a report a request held every path it ever wrote).
    expect(placedOutputs()).toEqual(files.slice(-32));
  });
});
