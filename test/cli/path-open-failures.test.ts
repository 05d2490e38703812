/**
 * Issue 6 (files: each gets its own clear message; exit 2 for bad input): a path that cannot be
 * opened says why, in the words every input file gets (scenario/read-file.ts), wherever a command
 * reads one. Three readers knew only 'missing': a part given to merge that was a loop of links, sat
 * under a file or had too long a name ended 'cannot write loop: too many symbolic links
 * encountered (ELOOP)', exit 1 (nothing was written: it was read); --plan said such a path 'does
 * not exist', and --allow-path 'no such folder'. A folder of parts that could not be listed ended
 * 'cannot write parts: permission denied (EACCES)', exit 1; score said '... cannot be read (EACCES)'
 * of an unreadable trials.csv.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { unprivileged } from '../helpers/unprivileged.js';

const dir = mkdtempSync(join(tmpdir(), 'arrcast-open-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A fresh folder for one case, inside `dir` (removed with it). */
const fresh = () => mkdtempSync(join(dir, 'case-'));
symlinkSync('loop-b', join(dir, 'loop-a'));
symlinkSync('loop-a', join(dir, 'loop-b'));
writeFileSync(join(dir, 'file.txt'), 'not a folder\n');
const scenario = join(ROOT, 'scenarios/example.yaml');
const actuals = join(ROOT, 'scenarios/example-actuals.csv');

const LOOP = { path: 'loop-a', why: 'is a loop of symbolic links' };
const UNDER_FILE = { path: 'file.txt/x', why: 'does not exist (a part of the path is a file, not a directory)' };
const LONG = { path: `${'n'.repeat(300)}.arrcast-part`, why: 'has a path too long for this system' };

const PLAN = ': --plan names the report directory of a previous arrcast run';
const cases: Array<[string, string[], string]> = [
  ...[LOOP, UNDER_FILE, LONG].map((p): [string, string[], string] => [`merge: a part that ${p.why}`, ['merge', p.path], `arrcast: cannot merge: ${p.path} ${p.why}`]),
  ...[LOOP, UNDER_FILE, LONG].map((p): [string, string[], string] => [
    `run --plan: a directory that ${p.why}`,
    ['run', scenario, '--actuals', actuals, '--plan', p.path, '--trials', '100', '--workers', '0'],
    `arrcast: ${p.path} ${p.why}${PLAN}`,
  ]),
  ...[LOOP, UNDER_FILE].map((p): [string, string[], string] => [
    `run --allow-path: a folder that ${p.why}`,
    ['run', scenario, '--allow-path', p.path, '--trials', '100', '--workers', '0'],
    `arrcast: --allow-path ${p.path} ${p.why}`,
  ]),
  // What was said before stays said: a path that is not there.
  ['merge: a part that is not there', ['merge', 'nope.arrcast-part'], 'arrcast: cannot merge: nope.arrcast-part does not exist'],
  ['run --plan: a directory that is not there', ['run', scenario, '--actuals', actuals, '--plan', 'nope', '--trials', '100', '--workers', '0'], `arrcast: nope does not exist${PLAN}`],
  ['run --allow-path: a folder that is not there', ['run', scenario, '--allow-path', 'nope', '--trials', '100', '--workers', '0'], 'arrcast: --allow-path nope: no such folder'],
];

describe('bad inputs: a path that cannot be opened is refused saying why (exit 2, nothing written)', () => {
  it.each(cases)('%s', async (_, args, expected) => {
    const out = join(fresh(), 'report');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await arrcastInProcess([...args, '--out', out]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `${expected}\n` });
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad inputs: what a user may not read is refused as such (exit 2), not as a failed write', () => {
  // Root reads anything; the built CLI runs without that power (helpers/unprivileged.ts).
  const asUser = (args: string[]) => {
    const argv = unprivileged(args);
    const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stderr: r.stderr };
  };
  const minimal = join(ROOT, 'test/fixtures/minimal.yaml');

  it('merge: a folder of parts that cannot be listed', async () => {
    const parts = join(fresh(), 'parts');
    expect((await arrcastInProcess(['run', minimal, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', `${parts}/`])).code).toBe(0);
    chmodSync(parts, 0o000);
    try {
      const out = join(dirname(parts), 'report');
      expect(asUser(['merge', parts, '--out', out])).toEqual({ code: 2, stderr: `arrcast: cannot merge: ${parts} cannot be read: permission denied\n` });
      expect(existsSync(out)).toBe(false);
    } finally {
      chmodSync(parts, 0o755);
    }
  });

  it("score: a report's trials.csv that cannot be read", async () => {
    const report = join(fresh(), 'report');
    expect((await arrcastInProcess(['run', minimal, '--trials', '300', '--workers', '0', '--outputs', 'summary,trials', '--out', report, '--quiet'])).code).toBe(0);
    const outcomes = join(dirname(report), 'outcomes.csv');
    writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,1000000\n');
    chmodSync(join(report, 'trials.csv'), 0o000);
    expect(asUser(['score', report, '--actuals', outcomes])).toEqual({ code: 2, stderr: `arrcast: ${join(report, 'trials.csv')} cannot be read: permission denied\n` });
  });
});
