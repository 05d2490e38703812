import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT, writeFiles } from '../helpers/fixtures.js';

/**
 * --max-trials caps a --precision run. Given alone (or with --actuals, where --precision is not
 * taken) it was dropped without a word: `--max-trials 5000` ran the scenario's 100,000 trials.
 * Refused (exit 2, nothing written), as --as-of and --plan are without --actuals.
 */
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');

describe('--max-trials without --precision', () => {
  it('is refused, exit 2, nothing written', async () => {
    const dir = writeFiles({});
    const out = join(dir, 'out');
    for (const extra of [[], ['--trials', '100']]) {
      const r = await runCli('run', minimal, '--max-trials', '5000', ...extra, '--workers', '0', '--quiet', '--no-progress', '--out', out);
      expect(r.err.trim()).toBe('arrcast: --max-trials goes with --precision (it caps the trials a --precision run adds); for a run of N trials give --trials N');
      expect(r.code).toBe(2);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('with --precision it caps the run as before', async () => {
    const dir = writeFiles({});
    const r = await runCli('run', minimal, '--precision', '0.01%', '--trials', '1000', '--max-trials', '2000', '--workers', '0', '--quiet', '--no-progress', '--out', join(dir, 'out'), '--outputs', 'summary');
    expect(r.code).toBe(0);
    expect(r.err).toContain('wrote');
  });
});

describe('--max-trials where --precision is not taken either', () => {
  // "goes with --precision" sent the user to add a --precision that was then refused in turn.
  it('with --actuals or --shard is refused for what it goes against, not sent to --precision', async () => {
    const dir = writeFiles({});
    const out = join(dir, 'out');
    const actuals = await runCli('run', minimal, '--actuals', join(ROOT, 'scenarios/example-actuals.csv'), '--max-trials', '5000', '--workers', '0', '--quiet', '--no-progress', '--out', out);
    expect(actuals.err.trim()).toBe('arrcast: --max-trials does not go with --actuals (not yet)');
    expect(actuals.code).toBe(2);
    const shard = await runCli('run', minimal, '--shard', '1/2', '--max-trials', '5000', '--workers', '0', '--quiet', '--no-progress', '--out', out);
    expect(shard.err.trim()).toBe('arrcast: --max-trials does not go with --shard: a shard writes trials, not a summary');
    expect(shard.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--precision with --trials above --max-trials', () => {
  // The run started at --max-trials instead, without a word: --trials 5000 --max-trials 1000 ran 1,000 trials.
  it('is refused (exit 2, nothing written), whether the cap is given or its default', async () => {
    const dir = writeFiles({});
    const out = join(dir, 'out');
    const given = await runCli('run', minimal, '--precision', '1%', '--trials', '5000', '--max-trials', '1000', '--workers', '0', '--quiet', '--no-progress', '--out', out);
    expect(given.err.trim()).toBe('arrcast: --trials 5,000 is above --max-trials 1,000, the most trials a --precision run may reach; raise --max-trials or start with fewer --trials');
    expect(given.code).toBe(2);
    const byDefault = await runCli('run', minimal, '--precision', '1%', '--trials', '2000000', '--workers', '0', '--quiet', '--no-progress', '--out', out);
    expect(byDefault.err.trim()).toBe('arrcast: --trials 2,000,000 is above --max-trials 1,000,000 (its default), the most trials a --precision run may reach; raise --max-trials or start with fewer --trials');
    expect(byDefault.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
