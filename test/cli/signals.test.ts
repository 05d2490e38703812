import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { OWNER_FILE, OWNER_MAGIC } from '../../src/report/temp-dir.js';

const MAIN = join(ROOT, 'dist/cli/main.js');
const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'JOB_COMPLETION_INDEX' && k !== 'AWS_BATCH_JOB_ARRAY_INDEX'));
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-signals-'));

function arrcastSync(args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, env: BASE_ENV, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI in a child process, paused by the ARRCAST_PAUSE_AT test hook: `waitFor` resolves when
 * stderr shows a text (the hook's "paused at STEP"), so signals are sent in a known phase, never
 * after a guessed delay.
 */
function arrcastChild(args: string[], pauseAt: string) {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...BASE_ENV, ARRCAST_PAUSE_AT: pauseAt }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of waiters.splice(0)) w();
  });
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stderr.includes(text)) resolve();
        else waiters.push(check);
      };
      void exit.then(() => (stderr.includes(text) ? resolve() : reject(new Error(`exited before "${text}"; stderr: ${stderr}`))));
      check();
    });
  return { child, waitFor, exit, stderr: () => stderr };
}

/** Every file under dir with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}
const temps = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.arrcast-tmp-'));

/**
 * One earlier report, written once for the file (a report holds no path of its own: its marker says
 * only that arrcast wrote it), and copied into each test's directory. Written in this process: it
 * is the tests' starting point, not what they check (the signalled binary's exit and what it leaves
 * are), and a process of its own cost about a second of CPU.
 */
let earlier: Promise<string> | undefined;
const earlierReport = (): Promise<string> =>
  (earlier ??= (async () => {
    const out = join(tmp(), 'report');
    const r = await arrcastInProcess(['run', minimal, '--trials', '200', '--seed', '1', '--workers', '0', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    return out;
  })());

/** A directory holding an earlier report in report/. */
async function withEarlierReport(): Promise<{ dir: string; out: string; before: Record<string, string> }> {
  const dir = tmp();
  const out = join(dir, 'report');
  cpSync(await earlierReport(), out, { recursive: true });
  return { dir, out, before: snapshot(out) };
}

/**
 * The tests of this block run side by side (vitest's default of at most 5 at a time): each has its
 * own directory and its own child, and waits for that child's own "paused at" line and exit, never
 * for a time, so another child running alongside only makes a phase last longer. The earlier
 * report is written once, by the first test to ask; the others wait for that one.
 */
describe.concurrent('a signal in any phase of a run: exit 128 + its number, the earlier report intact, no temporary directory', () => {
  it.each([
    ['loaded', 'SIGHUP', 129, '300'],
    ['simulating', 'SIGINT', 130, '3000000'],
    ['simulating', 'SIGTERM', 143, '3000000'],
    ['summarised', 'SIGTERM', 143, '300'],
    ['summary.json', 'SIGINT', 130, '300'],
    ['summary.json', 'SIGTERM', 143, '300'],
    ['summary.json', 'SIGHUP', 129, '300'],
    ['charts/tornado.svg', 'SIGHUP', 129, '300'],
    ['trials.csv', 'SIGTERM', 143, '300'],
    ['renaming', 'SIGINT', 130, '300'],
  ] as const)('at %s, %s exits %d', async (step, signal, code, trials) => {
    const { dir, out, before } = await withEarlierReport();
    const run = arrcastChild(['run', minimal, '--trials', trials, '--seed', '2', '--workers', '0', '--outputs', 'all', '--out', out], step);
    await run.waitFor(`paused at ${step}`);
    // With --outputs all, trials.csv is written while the run goes on, in a temporary directory of its
    // own (report/trials-csv-stream.ts) moved into the report's when that is written: one from the
    // run on, two while the report is written until trials.csv is in.
    const expected: Record<string, number> = { loaded: 0, summarised: 1, 'trials.csv': 1, renaming: 1 };
    if (step !== 'simulating') expect(temps(dir).length).toBe(expected[step] ?? 2);
    run.child.kill(signal);
    expect(await run.exit).toEqual({ code, signal: null });
    expect(run.stderr()).toContain('arrcast: interrupted; no output was written');
    expect(snapshot(out)).toEqual(before);
    expect(temps(dir)).toEqual([]);
  });

  it('with workers, SIGINT mid-simulation stops the pool', async () => {
    const { dir, out, before } = await withEarlierReport();
    const run = arrcastChild(['run', join(ROOT, 'scenarios/example.yaml'), '--trials', '2000000', '--workers', '2', '--out', out], 'simulating');
    await run.waitFor('paused at simulating');
    run.child.kill('SIGINT');
    expect(await run.exit).toEqual({ code: 130, signal: null });
    expect(run.stderr()).toContain('arrcast: interrupted; no output was written');
    expect(snapshot(out)).toEqual(before);
    expect(temps(dir)).toEqual([]);
  });

  it.each([
    ['SIGINT', 'SIGINT', 130],
    ['SIGTERM', 'SIGINT', 143],
    ['SIGHUP', 'SIGTERM', 129],
  ] as const)('a second signal while the run is stopping (%s, then %s) exits at once, its temporary directory removed first', async (first, second, code) => {
    const { dir, out, before } = await withEarlierReport();
    // :hold keeps the run in its writing phase after the first signal (until stdin ends, which it never does here).
    const run = arrcastChild(['run', minimal, '--trials', '300', '--workers', '0', '--out', out], 'summary.json:hold');
    await run.waitFor('paused at summary.json');
    expect(temps(dir)).toHaveLength(1);
    run.child.kill(first);
    await run.waitFor('interrupted at summary.json');
    run.child.kill(second);
    expect(await run.exit).toEqual({ code, signal: null });
    expect(run.stderr()).toContain('arrcast: interrupted again; temporary files removed, no output was written');
    expect(snapshot(out)).toEqual(before);
    expect(temps(dir)).toEqual([]);
  });

  it('a signal once the report is in place (written) no longer stops it: exit 0, the new report whole, no temporary directory', async () => {
    const { dir, out, before } = await withEarlierReport();
    const run = arrcastChild(['run', minimal, '--trials', '300', '--seed', '2', '--workers', '0', '--out', out], 'written');
    await run.waitFor('paused at written');
    run.child.kill('SIGINT');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(snapshot(out)).not.toEqual(before);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe('2');
    expect(temps(dir)).toEqual([]);
  });

  it('a second signal once the report is in place exits at once, the earlier report removed, saying the new one was written (not "no output was written")', async () => {
    const { dir, out, before } = await withEarlierReport();
    const run = arrcastChild(['run', minimal, '--trials', '300', '--seed', '2', '--workers', '0', '--out', out], 'written:hold');
    await run.waitFor('paused at written');
    run.child.kill('SIGINT');
    await run.waitFor('interrupted at written');
    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 130, signal: null });
    expect(run.stderr()).toContain(`arrcast: interrupted again; temporary files removed; already written whole: ${out}\n`);
    expect(run.stderr()).not.toContain('no output was written');
    expect(snapshot(out)).not.toEqual(before);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe('2');
    expect(temps(dir)).toEqual([]);
  });

  it('a shard run, a merge and a comparison honour signals too', async () => {
    const dir = tmp();
    const part = join(dir, 'p.arrcast-part');
    const shard = arrcastChild(['run', minimal, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', part], 'part');
    await shard.waitFor('paused at part');
    shard.child.kill('SIGTERM');
    expect(await shard.exit).toEqual({ code: 143, signal: null });
    expect(readdirSync(dir)).toEqual([]);
    // The part to merge, written in this process: the merge's signal is what is checked.
    expect((await arrcastInProcess(['run', minimal, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', part])).code).toBe(0);
    const merge = arrcastChild(['merge', part, '--out', join(dir, 'merged')], 'summarised');
    await merge.waitFor('paused at summarised');
    merge.child.kill('SIGHUP');
    expect(await merge.exit).toEqual({ code: 129, signal: null });
    expect(readdirSync(dir)).toEqual(['p.arrcast-part']);
    // B differs from A in a driver: compare refuses one forecast given twice.
    const b = join(mkdtempSync(join(tmpdir(), 'arrcast-signals-b-')), 'b.yaml');
    writeFileSync(b, `${readFileSync(minimal, 'utf8')}stress: { leads: -0.2 }\n`);
    const compare = arrcastChild(['compare', minimal, b, '--trials', '300', '--workers', '0', '--out', join(dir, 'cmp')], 'comparison.vl.json');
    await compare.waitFor('paused at comparison.vl.json');
    expect(temps(dir)).toHaveLength(1);
    compare.child.kill('SIGINT');
    expect(await compare.exit).toEqual({ code: 130, signal: null });
    expect(readdirSync(dir)).toEqual(['p.arrcast-part']);
  });
});

describe('temporary directories a killed run left', () => {
  it('are removed by the next run writing there when provably arrcast’s and stale; others are left', async () => {
    const { dir, out, before } = await withEarlierReport();
    const run = arrcastChild(['run', minimal, '--trials', '300', '--workers', '0', '--out', out], 'charts/tornado.svg');
    await run.waitFor('paused at charts/tornado.svg');
    run.child.kill('SIGKILL');
    expect((await run.exit).signal).toBe('SIGKILL');
    const [left] = temps(dir);
    expect(left).toBeDefined();
    expect(existsSync(join(dir, left!, OWNER_FILE))).toBe(true);
    expect(snapshot(out)).toEqual(before);

    // Not provably arrcast's, or not stale: these stay.
    const keep = {
      noOwner: '.arrcast-tmp-mine',
      forgedOwner: '.arrcast-tmp-forged',
      liveOwner: '.arrcast-tmp-live',
    };
    for (const name of Object.values(keep)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'data.txt'), 'keep');
    }
    writeFileSync(join(dir, keep.forgedOwner, OWNER_FILE), JSON.stringify({ magic: 'something else', pid: 999_999_999, host: 'x', started: 0 }));
    writeFileSync(join(dir, keep.liveOwner, OWNER_FILE), JSON.stringify({ magic: OWNER_MAGIC, pid: process.pid, host: (await import('node:os')).hostname(), started: Date.now() }));

    const next = arrcastSync(['run', minimal, '--trials', '300', '--workers', '0', '--out', out, '--quiet']);
    expect(next.code).toBe(0);
    expect(temps(dir).sort()).toEqual(Object.values(keep).sort());
    for (const name of Object.values(keep)) expect(readFileSync(join(dir, name, 'data.txt'), 'utf8')).toBe('keep');
    expect(snapshot(out)).not.toEqual(before);
  });
});
