import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * One report's figures agree with each other in every file that shows them (scripts/cross-check-report.mjs):
 * summary.json, percentiles.csv, monthly.csv, sipmath.json, report.xlsx and report.html's tables, and
 * what trials.csv recomputes (means, percentiles, budgets, worst-year means, P(target), tiers and
 * components adding up per trial, MRR x 12 = ending ARR). A number one output showed differently from
 * another (a mix-up of columns, a figure from the wrong series) fails it.
 * The reports are written by the CLI in this process (test/helpers/cli.ts): what is checked is
 * their files, read by the script in a process of its own. A run's own process cost about 1.3 s more
 * CPU than a run in a fork that has the CLI loaded (bench/RESULTS.md, seventeenth session).
 */
const SCRIPT = join(ROOT, 'scripts/cross-check-report.mjs');
let dir: string;
let example: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-cross-check-'));
  example = await report('example.yaml', 'example');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `arrcast ARGS --out DIR/NAME` in this process; its exit 0 checked. */
const arrcast = async (name: string, args: string[]): Promise<string> => {
  const out = join(dir, name);
  const r = await arrcastInProcess([...args, '--quiet', '--no-progress', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
};
const report = (scenario: string, name: string) =>
  arrcast(name, ['run', join(ROOT, 'scenarios', scenario), '--trials', '2000', '--outputs', 'all', '-t', 'revenue=100M', '-t', 'endingArr=110M', '-c', '0.75']);
const crossCheck = (out: string) => spawnSync(process.execPath, [SCRIPT, out], { encoding: 'utf8' });

describe('the figures of a report agree across its files', () => {
  it('the example, with two targets at a 75% confidence: every cross-check passes', () => {
    const r = crossCheck(example);
    expect(r.stdout).toMatch(/: \d+ checks, 0 failures\n$/);
    expect(Number(/: (\d+) checks/.exec(r.stdout)![1])).toBeGreaterThan(1000);
    expect(r.status, r.stdout).toBe(0);
  });

  it('a run of one trial, whose sds are n/a in the workbook and null in summary.json, passes too', async () => {
    // The new-ARR line under bookings was checked without the n/a allowance: 'FAIL xlsx Summary new ARR sd: n/a vs null'.
    const out = await arrcast('one-trial', ['run', join(ROOT, 'scenarios', 'example.yaml'), '--trials', '1', '-w', '0']);
    const r = crossCheck(out);
    expect(r.stdout).toMatch(/: \d+ checks, 0 failures\n$/);
    expect(r.status, r.stdout).toBe(0);
  });

  it("a re-forecast, whose narrow rows report.html writes with more than three digits, passes too", async () => {
    // The script compared the page's tables with three significant digits: 'FAIL report.html revenue SMB:
    // $21.98M,$21.74M,... vs $22M,$21.7M,...', though each figure was its summary.json value correctly rounded.
    const out = await arrcast('reforecast', ['run', join(ROOT, 'scenarios', 'example.yaml'), '--actuals', join(ROOT, 'scenarios', 'example-actuals.csv'), '--trials', '500', '--outputs', 'all']);
    const r = crossCheck(out);
    expect(r.stdout).toMatch(/: \d+ checks, 0 failures\n$/);
    expect(r.status, r.stdout).toBe(0);
  });

  it('a tier whose name holds a comma (quoted in the CSVs), in EUR, passes too', async () => {
    // The script split CSV lines on every comma, so a quoted "Mid-market, DACH region" cell shifted the columns:
    // 'TypeError: Cannot read properties of undefined (reading \'componentMeans\')', no check run at all.
    const yaml = readFileSync(join(ROOT, 'scenarios', 'example.yaml'), 'utf8').replace('currency: USD', 'currency: EUR').replace('  - name: Mid-market', '  - name: "Mid-market, DACH region"');
    const file = join(dir, 'comma-tier.yaml');
    writeFileSync(file, yaml);
    const out = await arrcast('comma-tier', ['run', file, '--trials', '1000', '--outputs', 'all', '-t', 'revenue=100M']);
    expect(readFileSync(join(out, 'percentiles.csv'), 'utf8')).toContain('"Mid-market, DACH region"');
    const r = crossCheck(out);
    expect(r.stdout).toMatch(/: \d+ checks, 0 failures\n$/);
    expect(Number(/: (\d+) checks/.exec(r.stdout)![1])).toBeGreaterThan(1000);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('fails when one output disagrees: a P10 changed in summary.json', () => {
    const out = join(dir, 'tampered');
    cpSync(example, out, { recursive: true });
    const file = join(out, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8')) as { metrics: { revenue: { percentiles: { p10: number } } } };
    summary.metrics.revenue.percentiles.p10 += 1000;
    writeFileSync(file, JSON.stringify(summary));
    const r = crossCheck(out);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*revenue/);
  });
});
