import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/limits.js';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * The CLI as a user runs it: the built dist/cli/main.js (npm test builds first). `unprivileged`
 * runs it, when the tests run as root, without the capabilities that let root read any file
 * (util-linux's setpriv drops them from the bounding and inheritable sets), so a chmod 000 file is
 * unreadable to it as to anyone else, wherever the checkout lives.
 */
function arrcast(args: string[], options: { env?: Record<string, string>; unprivileged?: boolean } = {}) {
  const command = [process.execPath, join(ROOT, 'dist/cli/main.js'), ...args];
  const dropped = '-dac_override,-dac_read_search';
  const argv = options.unprivileged && process.getuid?.() === 0 ? ['setpriv', '--bounding-set', dropped, '--inh-caps', dropped, ...command] : command;
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh directory others can read into (mkdtemp makes it private to its owner). */
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-bad-input-'));
  chmodSync(dir, 0o755);
  return dir;
};
const minimalText = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const STACK = /\n\s+at /;

/** Directory entries, recursively, with the contents of files: to show a report is exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  return out;
}

describe('a worker that fails mid-run (ARRCAST_FAULT_CHUNK testing hook)', () => {
  // The previous report, written once for both cases and copied into each case's directory (a
  // report holds no path of its own: its marker says only that arrcast wrote it). Written in this
  // process: it is the cases' starting point, not what they check (the binary's exit and what it
  // leaves are), and a process of its own cost about a second of CPU.
  let previous: Promise<string> | undefined;
  const previousReport = (): Promise<string> =>
    (previous ??= (async () => {
      const out = join(tmp(), 'report');
      const r = await arrcastInProcess(['run', minimal, '--trials', '200', '--workers', '0', '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      return out;
    })());

  it.each([
    ['throw', 'fault injected by ARRCAST_FAULT_CHUNK in chunk 3'],
    ['exit', 'worker exited with code: 3'],
  ])('%s: exit 1 naming the chunk, no stack trace, the previous report untouched and no temporary directory left', async (mode, why) => {
    const dir = tmp();
    const out = join(dir, 'report');
    cpSync(await previousReport(), out, { recursive: true });
    const before = snapshot(out);
    const r = arrcast(['run', minimal, '--trials', '8000', '--workers', '2', '--out', out], { env: { ARRCAST_FAULT_CHUNK: `3:${mode}` } });
    expect(r.stderr).toBe(`arrcast: chunk 3 (trials 3,001 to 4,000) failed: ${why}; no output was written\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['report']);
  });

  it('the hook is read by worker threads only: an in-process run with it set completes', () => {
    // The binary, so that every module it loads sees the variable from the start; summary.json
    // alone, since the hook is about the simulation, not the report (charts and workbook cost ~1 s).
    const r = arrcast(['run', minimal, '--trials', '4000', '--workers', '0', '--out', join(tmp(), 'report'), '--quiet', '--outputs', 'summary'], { env: { ARRCAST_FAULT_CHUNK: '3:throw' } });
    expect(r.stderr).toMatch(/^wrote /);
    expect(r.code).toBe(0);
  });
});

describe('a model limit reached in a worker means what it means in-process', () => {
  it('too many deals a month: the same message at the field and its line, exit 2, with 0 or 2 workers', () => {
    const dir = tmp();
    const file = join(dir, 'leads.yaml');
    writeFileSync(file, minimalText.replace('{ dist: poisson, mean: 100 }', '{ dist: poisson, mean: 100000000 }'));
    const expected = `arrcast: ${file}:12:22 tiers[0].newBusiness.leadsPerMonth: cannot be simulated: SMB: 5.00e+6 deals in one month; each deal's ACV is drawn, so more than 1,000,000 a month would not finish: check leadsPerMonth and conversion\n`;
    // Every chunk fails, in both workers: the pooled run is repeated because the second failure
    // raced the cancellation, and piscina's "Unexpected message from Worker" then crashed the
    // process with a stack trace about two times in five (before worker-pool.ts listened for it).
    for (const workers of ['0', '2', '2', '2']) {
      const r = arrcast(['run', file, '--trials', '4000', '--workers', workers, '--out', join(dir, 'report')]);
      expect(r.stderr).toBe(expected);
      expect(r.code).toBe(2);
    }
    expect(readdirSync(dir)).toEqual(['leads.yaml']);
  });
});

describe('an unreadable scenario file', () => {
  // Root reads any file whatever its mode; as root the CLI runs without that power (see arrcast),
  // so the same behaviour is checked either way.
  const asUser = { unprivileged: true };

  it('chmod 000: exit 2, "permission denied", naming the file', () => {
    const file = join(tmp(), 'secret.yaml');
    writeFileSync(file, minimalText);
    chmodSync(file, 0o000);
    const r = arrcast(['validate', file], asUser);
    expect(r.stderr).toBe(`arrcast: ${file} cannot be read: permission denied\n`);
    expect(r.code).toBe(2);
  });

  it('an unreadable base of extends: reported at the extends line', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.yaml'), minimalText);
    chmodSync(join(dir, 'plan.yaml'), 0o000);
    writeFileSync(join(dir, 'down.yaml'), 'extends: plan.yaml\nname: Down\n');
    chmodSync(join(dir, 'down.yaml'), 0o644);
    const r = arrcast(['validate', join(dir, 'down.yaml')], asUser);
    expect(r.stderr).toBe(`arrcast: ${dir}/down.yaml:1:10 extends: the base scenario ${dir}/plan.yaml: cannot be read: permission denied\n`);
    expect(r.code).toBe(2);
  });
});

describe('limits: clear messages, exit 2, before anything runs', () => {
  const withTrials = () => {
    const file = join(tmp(), 'many.yaml');
    writeFileSync(file, minimalText.replace('trials: 2000', 'trials: 20000000'));
    return { args: ['run', file], expected: `arrcast: ${file}:3:9 trials: must be at most 10,000,000, got 20,000,000\n` };
  };
  const tooLarge = () => {
    const file = join(tmp(), 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, MAX_SCENARIO_BYTES + 1);
    return { args: ['run', file], expected: `arrcast: ${file} is 2,097,153 bytes; a scenario file may be at most 2,097,152 bytes (2 MB)\n` };
  };
  const option = (args: string[], expected: string) => () => ({ args: ['run', minimal, '--out', join(tmp(), 'r'), ...args], expected });

  it.each([
    ['--trials above the maximum', option(['--trials', '20000000'], 'arrcast: --trials: must be a whole number from 1 to 10,000,000 (got 20000000)\n')],
    ['--trials 0', option(['--trials', '0'], `error: option '-n, --trials <n>' argument '0' is invalid. trials must be a whole number >= 1, got "0"\n(arrcast run --help for usage)\n`)],
    ['--workers above the maximum', option(['--workers', '257'], 'arrcast: --workers: must be a whole number from 0 (in-process) to 256 (got 257)\n')],
    ['--seed longer than 200 characters', option(['--seed', 'x'.repeat(201)], 'arrcast: --seed: must be 1 to 200 characters\n')],
    ['--max-trials above the maximum', option(['--precision', '1%', '--max-trials', '20000000'], 'arrcast: --max-trials: must be a whole number from 1 to 10,000,000\n')],
    ['trials in the scenario above the maximum', withTrials],
    ['a scenario file over the size limit', tooLarge],
  ])('%s', async (_, make) => {
    const { args, expected } = make();
    // In process (buildProgram, exit codes as the binary gives them): the messages and codes are the point.
    const r = await arrcastInProcess(args);
    expect(r.stderr).toBe(expected);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  });
});
