import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { OWNER_FILE } from '../../src/report/temp-dir.js';
import { MAIN, unprivileged } from '../helpers/unprivileged.js';

const minimal = join(ROOT, 'test/fixtures/minimal.yaml');


/** Every file under dir with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}
const temps = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.arrcast-tmp-'));

describe('trials.csv streamed beside a report whose folder is made read-only while the run simulates', () => {
  it("fails with the report's error (exit 2), not one of its temporary directory's; the earlier report intact, what is left claimed and removed by the next run", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stream-ro-'));
    chmodSync(dir, 0o755);
    const parent = join(dir, 'reports');
    mkdirSync(parent, { mode: 0o755 });
    const out = join(parent, 'report');
    // The earlier report, written in this process: the run below is what is checked.
    const first = await arrcastInProcess(['run', minimal, '--trials', '300', '--workers', '0', '--outputs', 'trials', '--out', out, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(out);

    // Long enough that the report is written well after the first chunk is back, when the folder is
    // made read-only: 100,000 trials streamed take about 1.5 s from the "paused at simulating" line to
    // the exit (3 runs: 1.48 to 2.17 s at load 3 to 5, and longer as the load slows the child), while
    // this process makes the folder read-only within milliseconds of that line. (300,000 took 3.3 to
    // 4.9 s, and 4 s of CPU, all but the first milliseconds of it after the folder was read-only.)
    // Made read-only too late, the run would write its report and exit 0: the test fails, never
    // passes wrongly.
    const argv = unprivileged(['run', minimal, '--trials', '100000', '--workers', '1', '--outputs', 'trials', '--out', out, '--quiet', '--no-progress']);
    const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, env: { ...process.env, ARRCAST_PAUSE_AT: 'simulating' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('paused at simulating')) resolve();
      });
      void exit.then(() => reject(new Error(`exited before simulating: ${stderr}`)));
    });
    // The stream's temporary directory is there, beside the report; the folder now read-only.
    expect(temps(parent)).toHaveLength(1);
    chmodSync(parent, 0o555);
    const code = await exit;
    chmodSync(parent, 0o755);

    // The report's own check of its folder (prepareReportDir, again as the report is written) says
    // so, as it would for a run that wrote trials.csv at the end; not the stream's directory.
    expect(stderr).toContain(`arrcast: --out ${out} cannot be written: permission denied (EACCES)`);
    expect(stderr).not.toContain('-trials-');
    expect(code).toBe(2);
    expect(snapshot(out)).toEqual(before);
    // What the run could not remove is claimed, so the next run writing there removes it.
    for (const t of temps(parent)) expect(existsSync(join(parent, t, OWNER_FILE))).toBe(true);
    const next = spawnSync(process.execPath, [MAIN, 'run', minimal, '--trials', '300', '--workers', '0', '--out', join(parent, 'other'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect(temps(parent)).toEqual([]);
  }, 120_000);
});
