/**
 * Issue 6 (files: each gets its own clear message; exit 2 for bad input): a path that cannot be
 * opened says why, in the words every input file gets (scenario/read-file.ts), wherever a command
 * reads one. Three readers knew only 'missing': a part given to merge that was a loop of links, sat
 * under a file or had too long a name ended 'cannot write loop: too many symbolic links
 * encountered (ELOOP)', exit 1 (nothing was written: it was read); --plan said such a path 'does
 * not exist', and --allow-path 'no such folder'.
 */
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'arrcast-open-failures-'));
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
    `${p.path} ${p.why}${PLAN}`,
  ]),
  ...[LOOP, UNDER_FILE].map((p): [string, string[], string] => [
    `run --allow-path: a folder that ${p.why}`,
    ['run', scenario, '--allow-path', p.path, '--trials', '100', '--workers', '0'],
    `arrcast: --allow-path ${p.path} ${p.why}`,
  ]),
  // What was said before stays said: a path that is not there.
  ['merge: a part that is not there', ['merge', 'nope.arrcast-part'], 'arrcast: cannot merge: nope.arrcast-part does not exist'],
  ['run --plan: a directory that is not there', ['run', scenario, '--actuals', actuals, '--plan', 'nope', '--trials', '100', '--workers', '0'], `nope does not exist${PLAN}`],
  ['run --allow-path: a folder that is not there', ['run', scenario, '--allow-path', 'nope', '--trials', '100', '--workers', '0'], 'arrcast: --allow-path nope: no such folder'],
];

describe('bad inputs: a path that cannot be opened is refused saying why (exit 2, nothing written)', () => {
  it.each(cases)('%s', async (_, args, expected) => {
    const out = mkdtempSync(join(tmpdir(), 'arrcast-open-failures-out-')) + '/report';
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
