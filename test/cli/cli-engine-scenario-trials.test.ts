import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import * as engineModule from '../../src/engine/engine.js';

vi.mock('../../src/engine/engine.js', async (importOriginal) => {
  const original = await importOriginal<typeof engineModule>();
  return { ...original, createEngine: vi.fn(original.createEngine) };
});

const minimal = join(ROOT, 'test/fixtures/minimal.yaml'); // trials: 2000, below IN_PROCESS_BELOW
const out = () => join(mkdtempSync(join(tmpdir(), 'arrcast-cli-engine-')), 'report');

describe("the CLI's engine and the scenario's own trial count", () => {
  it('a run of the scenario\'s trials, fewer than a pool is worth, starts no worker thread (it runs in-process), as with --trials of the same count', async () => {
    const created = vi.mocked(engineModule.createEngine);
    created.mockClear();
    expect((await runCli('run', minimal, '--outputs', 'summary', '--quiet', '--no-progress', '--out', out())).code).toBe(0);
    expect(created).not.toHaveBeenCalled();
    expect((await runCli('run', minimal, '--trials', '2000', '--outputs', 'summary', '--quiet', '--no-progress', '--out', out())).code).toBe(0);
    expect(created).not.toHaveBeenCalled();
    // A run large enough for a pool starts one; so does a --precision run (it starts at 10,000 trials at least).
    expect((await runCli('run', minimal, '--trials', '6000', '--outputs', 'summary', '--quiet', '--no-progress', '--out', out())).code).toBe(0);
    expect(created).toHaveBeenCalledTimes(1);
    expect((await runCli('run', minimal, '--precision', '50%', '--max-trials', '10000', '--outputs', 'summary', '--quiet', '--no-progress', '--out', out())).code).toBe(0);
    expect(created).toHaveBeenCalledTimes(2);
  }, 120_000);
});
