import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateShard } from '../../src/engine/simulate.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { placedEarlier, placedOutputs } from '../../src/engine/exit-cleanup.js';
import { interruptedAgain } from '../../src/cli/interrupted-again.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

describe('the outputs a process has placed, kept for a forced exit\'s message, do not grow without end', () => {
  it('a program writing part after part holds the latest 32 paths, not one per write for good', async () => {
    const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
    const part = await simulateShard(example, { trials: 50, seed: 1, workers: 0, shard: { index: 0, count: 1 } });
    const dir = mkdtempSync(join(tmpdir(), 'placed-outputs-'));
    const files = Array.from({ length: 80 }, (_, i) => join(dir, `p${i}.arrcast-part`));
    // Other test files of this worker may have placed outputs before (modules are shared): counted from here.
    const [namedBefore, earlierBefore] = [placedOutputs().length, placedEarlier()];
    for (const file of files) await writePartFile(file, part);
    // Before: 80 (and a service writing a report a request held every path it ever wrote).
    expect(placedOutputs()).toEqual(files.slice(-32));
    // A second signal's message says the 48 before them were left off (it named the 32 as if they were all).
    const earlier = earlierBefore + namedBefore + 48;
    expect(placedEarlier()).toBe(earlier);
    expect(interruptedAgain(placedOutputs(), placedEarlier())).toBe(`arrcast: interrupted again; temporary files removed; already written whole: ${files.slice(-32).join(', ')} and ${earlier.toLocaleString('en-US')} earlier\n`);
    expect(interruptedAgain(files.slice(0, 2), 0)).toBe(`arrcast: interrupted again; temporary files removed; already written whole: ${files[0]}, ${files[1]}\n`);
  });
});
