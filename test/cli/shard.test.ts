import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/** The environment of the tests, without a shard index a CI machine might set. */
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'JOB_COMPLETION_INDEX' && k !== 'AWS_BATCH_JOB_ARRAY_INDEX'));

/** The CLI as a user runs it: the built dist/cli/main.js (npm test builds first), for a run in another folder. */
function arrcastBinary(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), ...args], { cwd, env: { ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI in this process (buildProgram, exit codes as the binary gives them), without a shard index the machine might set. */
const arrcast = (args: string[], env: Record<string, string> = {}) =>
  arrcastInProcess(args, { JOB_COMPLETION_INDEX: undefined, AWS_BATCH_JOB_ARRAY_INDEX: undefined, ...env });

/**
 * The in-process CLI run from `cwd` (process.chdir, restored after): for what a command makes of
 * paths relative to the working directory, where the messages and files are the point, not the
 * process (this file's tests run one after another, so no other test sees the change).
 */
async function arrcastIn(cwd: string, args: string[]) {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return await arrcast(args);
  } finally {
    process.chdir(previous);
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-shard-'));
const example = join(ROOT, 'scenarios/example.yaml');
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** Two reports hold the same files with the same bytes. */
function expectSameReport(a: string, b: string): void {
  const files = filesUnder(a);
  expect(files).toEqual(filesUnder(b));
  expect(files).toContain('summary.json');
  expect(files).toContain('trials.csv');
  expect(files).toContain('report.html');
  for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), `${relative(a, join(a, f))} differs`).toBe(true);
}

describe('arrcast run --shard and arrcast merge', () => {
  it('4 shards of 5,000 trials (5 chunks: the last shard runs 2), merged, give the single run’s files byte for byte', async () => {
    const dir = tmp();
    const decisions = ['--target', 'revenue=120M', '--target', 'SMB:endingArr=20M', '--confidence', '90%'];
    const single = await arrcast(['run', example, '--trials', '5000', '--seed', '7', '--workers', '0', '--out', join(dir, 'single'), '--outputs', 'all', ...decisions]);
    expect(single.code).toBe(0);
    const parts = join(dir, 'parts');
    // 1/4 to 3/4 written as K/N, the last from an AWS Batch array index, on a pool of 2 workers.
    for (const k of [1, 2, 3]) {
      const r = await arrcast(['run', example, '--trials', '5000', '--seed', '7', '--workers', '0', '--shard', `${k}/4`, '--out', `${parts}/`]);
      expect(r.stderr).toContain(`wrote shard ${k}/4 to ${parts}/shard-${k}-of-4.arrcast-part (1 of 5 chunks: trials ${((k - 1) * 1000 + 1).toLocaleString('en-US')} to ${(k * 1000).toLocaleString('en-US')} of 5,000)`);
      expect(r.code).toBe(0);
    }
    // The binary, on the compiled workers: what a user runs.
    const last = arrcastBinary(['run', example, '--trials', '5000', '--seed', '7', '--workers', '2', '--shard', 'auto/4', '--out', parts], { AWS_BATCH_JOB_ARRAY_INDEX: '3' });
    expect(last.stderr).toContain(`wrote shard 4/4 (from AWS_BATCH_JOB_ARRAY_INDEX=3) to ${parts}/shard-4-of-4.arrcast-part (2 of 5 chunks: trials 3,001 to 5,000 of 5,000)`);
    expect(last.code).toBe(0);
    expect(readdirSync(parts).sort()).toEqual([1, 2, 3, 4].map((k) => `shard-${k}-of-4.arrcast-part`));

    const files = readdirSync(parts).map((f) => join(parts, f));
    const merged = await arrcast(['merge', ...files.reverse(), '--out', join(dir, 'merged'), '--outputs', 'all', ...decisions]);
    expect(merged.stderr).toContain(`wrote ${join(dir, 'merged')}/ from 4 parts (5,000 trials)`);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    expectSameReport(join(dir, 'single'), join(dir, 'merged'));
  });

  it('more shards than chunks: 1,500 trials in 5 shards (three empty), merged from their directory, byte for byte', async () => {
    const dir = tmp();
    expect((await arrcast(['run', minimal, '--trials', '1500', '--seed', '3', '--out', join(dir, 'single'), '--quiet', '--outputs', 'default,trials'])).code).toBe(0);
    const parts = join(dir, 'parts');
    mkdirSync(parts);
    for (let k = 1; k <= 5; k++) {
      // Kubernetes gives 0-based indices: JOB_COMPLETION_INDEX=k-1 is shard k/5.
      const r = await arrcast(['run', minimal, '--trials', '1500', '--seed', '3', '--shard', 'auto/5', '--out', parts, '--no-progress'], { JOB_COMPLETION_INDEX: String(k - 1) });
      expect(r.code).toBe(0);
      if (k === 3 || k === 5) expect(r.stderr).toContain(`to ${parts}/shard-${k}-of-5.arrcast-part (1 of 2 chunks:`);
      else expect(r.stderr).toContain(`wrote shard ${k}/5 (from JOB_COMPLETION_INDEX=${k - 1}) to ${parts}/shard-${k}-of-5.arrcast-part (no trials: 2 chunks for 5 shards; merge it with the others all the same)`);
    }
    const merged = await arrcast(['merge', parts, '--out', join(dir, 'merged'), '--quiet', '--outputs', 'default,trials']);
    expect(merged.code).toBe(0);
    expectSameReport(join(dir, 'single'), join(dir, 'merged'));
  });

  it('merge defaults --out to reports/<scenario file name>, like run', async () => {
    const dir = tmp();
    const scenario = join(dir, 'plan.yaml');
    copyFileSync(minimal, scenario);
    expect((await arrcastIn(dir, ['run', scenario, '--trials', '300', '--shard', '1/1'])).code).toBe(0);
    expect(existsSync(join(dir, 'reports/plan-parts/shard-1-of-1.arrcast-part'))).toBe(true);
    // summary.json alone: where the report goes is the point, not what it holds.
    const r = await arrcastIn(dir, ['merge', 'reports/plan-parts', '--quiet', '--outputs', 'summary']);
    expect(r.stderr).toContain('wrote reports/plan/ from 1 part (300 trials)');
    expect(JSON.parse(readFileSync(join(dir, 'reports/plan/summary.json'), 'utf8')).trials).toBe(300);
  });

  it('names the part file as --out was typed (relative stays relative), as run and merge name theirs', async () => {
    const dir = tmp();
    const scenario = join(dir, 'plan.yaml');
    copyFileSync(minimal, scenario);
    mkdirSync(join(dir, 'parts'));
    const shard = async (out: string[], k: number) => (await arrcastIn(dir, ['run', 'plan.yaml', '--trials', '300', '--no-progress', '--shard', `${k}/3`, ...out])).stderr;
    // An existing directory typed without a slash, with one, a file, and the default.
    expect(await shard(['--out', 'parts'], 1)).toMatch(/^wrote shard 1\/3 to parts\/shard-1-of-3\.arrcast-part \(/m);
    expect(await shard(['--out', 'parts/'], 2)).toMatch(/^wrote shard 2\/3 to parts\/shard-2-of-3\.arrcast-part \(/m);
    expect(await shard(['--out', 'three.part'], 3)).toMatch(/^wrote shard 3\/3 to three\.part \(/m);
    expect(await shard([], 1)).toMatch(/^wrote shard 1\/3 to reports\/plan-parts\/shard-1-of-3\.arrcast-part \(/m);
    // A refused --out too.
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    expect(await shard(['--out', 'notes.txt'], 1)).toMatch(/^arrcast: notes\.txt exists and is not an arrcast part/m);
  });
});

describe('arrcast merge refuses parts that are not every shard of one run', () => {
  const dir = tmp();
  const p = (name: string) => join(dir, name);
  beforeAll(async () => {
    const run = async (args: string[], out: string) => {
      const r = await arrcast(['run', ...args, '--workers', '0', '--no-progress', '--out', p(out)]);
      if (r.code !== 0) throw new Error(r.stderr);
    };
    const other = p('other.yaml');
    writeFileSync(other, readFileSync(minimal, 'utf8').replace('mean: 100 }', 'mean: 120 }'));
    await run([minimal, '--trials', '2000', '--seed', '1', '--shard', '1/2'], 'a1.arrcast-part');
    await run([minimal, '--trials', '2000', '--seed', '1', '--shard', '2/2'], 'a2.arrcast-part');
    await run([minimal, '--trials', '2000', '--seed', '2', '--shard', '2/2'], 'seed2.arrcast-part');
    await run([other, '--trials', '2000', '--seed', '1', '--shard', '2/2'], 'other.arrcast-part');
    await run([minimal, '--trials', '3000', '--seed', '1', '--shard', '2/2'], 'trials.arrcast-part');
    const a2 = readFileSync(p('a2.arrcast-part'));
    writeFileSync(p('truncated.arrcast-part'), a2.subarray(0, a2.byteLength - 100));
    const flipped = Buffer.from(a2);
    flipped[flipped.byteLength - 1000]! ^= 0x10;
    writeFileSync(p('corrupt.arrcast-part'), flipped);
    copyFileSync(minimal, p('scenario.arrcast-part'));
    copyFileSync(p('a1.arrcast-part'), p('a1-copy.arrcast-part'));
  });

  it.each<[string, string[], string]>([
    ['a different seed', ['a1', 'seed2'], `the parts differ in seed: "1" in ${p('a1.arrcast-part')}; "2" in ${p('seed2.arrcast-part')}`],
    ['a different scenario', ['a1', 'other'], `the parts differ in scenario: "Minimal" from "`],
    ['different trials', ['a1', 'trials'], `the parts differ in trials: 2,000 in ${p('a1.arrcast-part')}; 3,000 in ${p('trials.arrcast-part')}`],
    ['a missing shard', ['a1'], 'arrcast: cannot merge: shard 2/2 is missing (1 of 2 given)'],
    ['a duplicate shard', ['a1', 'a1-copy', 'a2'], `arrcast: cannot merge: shard 1/2 is given twice: ${p('a1.arrcast-part')}, ${p('a1-copy.arrcast-part')}`],
    ['a truncated file', ['a1', 'truncated'], `arrcast: cannot merge: ${p('truncated.arrcast-part')} is truncated: `],
    ['a corrupt file', ['a1', 'corrupt'], `arrcast: cannot merge: ${p('corrupt.arrcast-part')} is corrupt: its checksum does not match its contents`],
    ['a file that is not a part', ['a1', 'scenario'], `arrcast: cannot merge: ${p('scenario.arrcast-part')} is not an arrcast part file (it does not start with ARRCPART)`],
    ['a file that does not exist', ['a1', 'none'], `arrcast: cannot merge: ${p('none.arrcast-part')} does not exist`],
  ])('%s: exit 2, says why, writes nothing', async (_, names, message) => {
    const out = join(tmp(), 'merged');
    const r = await arrcast(['merge', ...names.map((n) => p(`${n}.arrcast-part`)), '--out', out]);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('the two parts of the run merge (the refusals above are the parts’ fault, not the fixture’s)', async () => {
    // summary.json alone: the parts are what is checked, not the report.
    const r = await arrcast(['merge', p('a1.arrcast-part'), p('a2.arrcast-part'), '--out', join(tmp(), 'merged'), '--quiet', '--outputs', 'summary']);
    expect(r.code).toBe(0);
  });

  it('a directory without parts, and a --target naming no tier, exit 2', async () => {
    const empty = tmp();
    const r = await arrcast(['merge', empty, '--out', join(tmp(), 'm')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: cannot merge: ${empty} is a directory without .arrcast-part files\n`);
    const t = await arrcast(['merge', p('a1.arrcast-part'), p('a2.arrcast-part'), '--out', join(tmp(), 'm'), '--target', 'Nope:revenue=1M']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('no tier is named "Nope"');
  });
});

describe('arrcast run --shard: bad options exit 2 before running', () => {
  it.each<[string[], Record<string, string>, string]>([
    [['--shard', '0/4'], {}, 'arrcast: --shard 0/4: K counts from 1, so it must be from 1 to 4'],
    [['--shard', 'two/4'], {}, 'arrcast: --shard "two/4": write K/N'],
    [['--shard', 'auto/4'], {}, 'and neither is set'],
    [['--shard', 'auto/4'], { JOB_COMPLETION_INDEX: 'x' }, 'arrcast: JOB_COMPLETION_INDEX="x" is not a shard index'],
    [['--shard', 'auto/4'], { AWS_BATCH_JOB_ARRAY_INDEX: '4' }, 'arrcast: AWS_BATCH_JOB_ARRAY_INDEX=4 is out of range for --shard auto/4'],
    [['--shard', '1/4', '--target', 'revenue=1M'], {}, 'arrcast: --target does not go with --shard: a shard writes trials, not a summary; give --target to arrcast merge'],
    [['--shard', '1/4', '--precision', '1%'], {}, 'arrcast: --precision does not go with --shard'],
    [['--shard', '1/4', '--outputs', 'all'], {}, 'arrcast: --outputs does not go with --shard: a shard writes trials, not a summary; give --outputs to arrcast merge'],
  ])('%j %j', async (args, env, message) => {
    const out = join(tmp(), 'part.arrcast-part');
    const r = await arrcast(['run', minimal, '--trials', '1000', '--workers', '0', '--out', out, ...args], env);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an --out file that is not a part, and keeps it', async () => {
    const file = join(tmp(), 'notes.txt');
    writeFileSync(file, 'keep me');
    const r = await arrcast(['run', minimal, '--trials', '1000', '--workers', '0', '--shard', '1/2', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`arrcast: ${file} exists and is not an arrcast part, and a shard run replaces its --out file whole`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('replaces a previous part of the same run (a re-run), and refuses one of another run (exit 2, naming both), keeping it', async () => {
    const file = join(tmp(), 'p.arrcast-part');
    const shard = (seed: string) => arrcast(['run', minimal, '--trials', '1000', '--workers', '0', '--shard', '1/2', '--seed', seed, '--out', file]);
    expect((await shard('1')).code).toBe(0);
    const before = statSync(file).ino;
    expect((await shard('1')).code).toBe(0);
    // Moved in anew (a new file), not left as it was.
    expect(statSync(file).ino).not.toBe(before);
    const other = await shard('2');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`arrcast: ${file} holds shard 1/2's part of another run (seed "1" there, "2" here), and this is shard 1/2 of this run`);
    noStack(other.stderr);
    expect(readFileSync(file).includes(Buffer.from('"seed":"1"'))).toBe(true);
    expect(readdirSync(join(file, '..')).filter((f) => f.startsWith('.arrcast-tmp-'))).toEqual([]);
  });
});
