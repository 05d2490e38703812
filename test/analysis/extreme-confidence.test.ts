import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A confidence the CLI and the studio accept, (0, 1), at its edges: 1 - 2^-53 (the largest double
 * below 1) and 1e-16 or 1e-300 (where 1 - c is 1 - 2^-53 or exactly 1). The budget's percentile is
 * then 1.1e-16, 1 - 2^-53 or 1, whose interval "needs at least N trials": N was settled by n++ from
 * the closed form, which past 2^53 never moves (and Infinity never ends), so `run --confidence 1e-16`
 * hung in a synchronous loop that not even SIGTERM ended, and one studio request hung the studio.
 * Run in a child with a deadline, so the test fails, not hangs, when the loop comes back. The child
 * runs the build (dist/, which npm test makes first, as for every test of the binary): under
 * `--import tsx` it spent about 2 s of its 3 s of CPU transforming src/ (bench/RESULTS.md, tst24).
 */
function inChild(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 45_000, killSignal: 'SIGKILL' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a budget at a confidence at the edge of (0, 1)', () => {
  it('the trials an interval needs come back at once: the closed form past 2^52 trials, Infinity at p = 0 or 1', () => {
    const module = pathToFileURL(join(ROOT, 'dist/analysis/order-statistics.js')).href;
    const script = `
      const { intervalMinTrials, intervalOutsideSample } = await import(${JSON.stringify(module)});
      const ps = [1 - 2 ** -53, 2 ** -53, 1, 0, 1 - 1e-15];
      console.log(JSON.stringify({ need: ps.map((p) => String(intervalMinTrials(p))), outside: [intervalOutsideSample(2000, 1), intervalOutsideSample(2000, 1 - 2 ** -53)] }));`;
    const r = inChild(['--input-type=module', '-e', script]);
    expect(r.status, r.stderr).toBe(0);
    const { need, outside } = JSON.parse(r.stdout) as { need: string[]; outside: string[] };
    // p^n <= 2.5% with p = 1 - 2^-53: n >= ln(40) / 2^-53 = 3.6889 x 9.0072e15 = 3.3226e16 (either tail, by symmetry).
    for (const n of need.slice(0, 2)) expect(Number(n)).toBeGreaterThan(3.32e16), expect(Number(n)).toBeLessThan(3.33e16);
    // No sample of any size has a value above its P100 (or below its P0) with a chance of 2.5%.
    expect(need.slice(2, 4)).toEqual(['Infinity', 'Infinity']);
    // 1 - 1e-15 is below 2^52 trials' reach (ln(40) / 1e-15 = 3.69e15): still settled on the ranks, the closed form's count.
    expect(Number(need[4])).toBeGreaterThan(3.68e15);
    expect(Number(need[4])).toBeLessThan(3.7e15);
    expect(outside[0]).toBe('P100 of 2,000 trials: its 95% interval reaches above the highest trial; no number of trials brings it inside');
    expect(outside[1]).toMatch(/^P99\.99999999999999 of 2,000 trials: its 95% interval reaches above the highest trial; it needs at least 33,2\d\d(,\d{3}){4} trials$/);
  });

  it('arrcast run --confidence 1e-300, 1e-16 and 0.9999999999999999 end and write their summaries', () => {
    // One child for the three runs: the built CLI's program in process there, driven as
    // test/helpers/cli.ts drives it (its exit code, stderr captured; a throw is a failure).
    const program = pathToFileURL(join(ROOT, 'dist/cli/program.js')).href;
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-confidence-'));
    try {
      const script = `
        const { readFileSync } = await import('node:fs');
        const { buildProgram } = await import(${JSON.stringify(program)});
        const out = [];
        for (const [i, c] of ['1e-300', '1e-16', '0.9999999999999999'].entries()) {
          const dir = ${JSON.stringify(dir)} + '/r' + i;
          let code = 0;
          let stderr = '';
          try {
            await buildProgram({ out: () => undefined, err: (t) => (stderr += t) }, (x) => (code = x))
              .parseAsync(['node', 'arrcast', 'run', ${JSON.stringify(scenario)}, '-n', '200', '-w', '0', '--outputs', 'summary', '--quiet', '--no-progress', '--out', dir, '--confidence', c]);
          } catch (err) {
            code = -1;
            stderr += String(err);
          }
          out.push([code, code === 0 ? JSON.parse(readFileSync(dir + '/summary.json', 'utf8')).decisions.confidence : stderr]);
        }
        console.log(JSON.stringify(out));`;
      const r = inChild(['--input-type=module', '-e', script]);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual([
        [0, 1e-300],
        [0, 1e-16],
        [0, 0.9999999999999999],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
