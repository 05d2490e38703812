import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, simulateShard, type Simulation, type SimulationPart } from '../../src/engine/simulate.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { summarize } from '../../src/analysis/summarize.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { writeReport } from '../../src/report/write-report.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');

describe("a shard's part given where a whole run is read is refused, not read as the whole run", () => {
  // A SimulationPart has every field of a Simulation (the compiler takes one for the other): no cast.
  it('summarize, writeReport, compareSimulations and resumeFrom refuse shard 1/2 of 4,000 trials, naming it', async () => {
    const whole = await simulate(example, { trials: 4_000, seed: 4, workers: 0 });
    const part: Simulation = await simulateShard(example, { trials: 4_000, seed: 4, shard: { index: 0, count: 2 }, workers: 0 });
    const said = "and was given shard 1/2's part: 2,000 of its 4,000 trials; merge the parts first (mergeParts), or simulate the whole run";
    // Before: a summary of "4,000 trials" from the 2,000 the part holds.
    expect(() => summarize(part)).toThrow(new RangeError(`summarize reads a whole run, ${said}`));
    // Before: written whole, the whole run's summary.json beside the part's charts.
    const out = join(mkdtempSync(join(tmpdir(), 'whole-run-')), 'report');
    await expect(writeReport(out, part, summarize(whole), { outputs: ['summary', 'charts'] })).rejects.toThrow(new RangeError(`writeReport reads a whole run, ${said}`));
    expect(existsSync(out)).toBe(false);
    expect(() => compareSimulations([whole, part])).toThrow(new RangeError(`compareSimulations reads whole runs, ${said}`));
    const resumed = await simulate(example, { trials: 8_000, seed: 4, workers: 0, resumeFrom: part }).catch((e: unknown) => e);
    expect(resumed).toBeInstanceOf(RunOptionError);
    expect((resumed as Error).message).toBe(`resumeFrom: must be a whole run, ${said}`);
    // The last shard, and a whole run, are read as before.
    const last: Simulation = await simulateShard(example, { trials: 4_000, seed: 4, shard: { index: 1, count: 2 }, workers: 0 });
    expect(() => summarize(last)).toThrow(/shard 2\/2's part: 2,000 of its 4,000 trials/);
    expect(summarize(whole).trials).toBe(4_000);
  });

  it('and the other way: a whole run given to writePartFile is refused by name, nothing written', async () => {
    const whole = await simulate(example, { trials: 2_000, seed: 4, workers: 0 });
    const file = join(mkdtempSync(join(tmpdir(), 'whole-run-')), 'whole.arrcast-part');
    // Before: TypeError "Cannot read properties of undefined (reading 'index')".
    await expect(writePartFile(file, whole as unknown as SimulationPart)).rejects.toThrow(new RangeError("a part file holds one shard's part, as simulateShard returns it; this is a whole run (simulate's): write its report (writeReport), or run its shards"));
    expect(existsSync(file)).toBe(false);
  });
});

