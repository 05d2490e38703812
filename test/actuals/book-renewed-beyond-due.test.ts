import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's closed month renewing more than the book has due then, with no due_arr: the
 * aggregate book's check (renewed_arr against the calendar) skipped customer books, whose renewal
 * dates are a plan. The re-forecast read a renewal share above 1: 300,000 renewed of c1's 100,000
 * counted -2 customers lost and a logo renewal of 141%, and the renewed ARR, which the book reaches at
 * no rate, pulled the learned rate down. Now refused at the cell, with the way out (due_arr).
 */
describe("a customer book's month renewing more than it has due", () => {
  const files = {
    's.yaml': 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: { dist: beta, mean: 0.7, sd: 0.1 }, priceUplift: 0 }\n',
    'customers.csv': 'id,tier,arr,next_renewal,term_months\nc1,B,100000,1,12\nc2,B,100000,9,12\nc3,B,100000,10,12\n',
  };

  it('is refused at the cell (exit 2, nothing written); with due_arr it runs', async () => {
    const dir = writeFiles({ ...files, 'actuals.csv': 'month,tier,renewed_arr,churned_arr,ending_arr\n1,B,300000,0,300000\n' });
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 's.yaml'), '--actuals', join(dir, 'actuals.csv'), '--trials', '200', '--out', out, '-q');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `${join(dir, 'actuals.csv')}:2:5 renewed_arr: B month 1: 300000 renewed, but the customer book has 100000 of ARR due then (1 customer): give due_arr, what came up for renewal, if renewals came at other dates than the book's`,
    ]);
    expect(existsSync(out)).toBe(false);
    const stated = writeFiles({ ...files, 'actuals.csv': 'month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,B,300000,0,300000,300000\n' });
    const ok = await runCli('run', join(stated, 's.yaml'), '--actuals', join(stated, 'actuals.csv'), '--trials', '200', '-w', '0', '--outputs', 'summary', '--out', join(stated, 'out'), '-q');
    expect(ok.code).toBe(0);
  });

  it('never counts customers lost below 0 in the library (which does not check the file)', async () => {
    const dir = writeFiles(files);
    const file = monthlyFile({ B: [{ renewed_arr: 300_000, churned_arr: 0, ending_arr: 300_000 }] });
    const sim = await simulate(await loadScenario(`${dir}/s.yaml`), { trials: 200, seed: 1, workers: 0, actuals: { file, months: 1 } });
    for (const x of column(sim, 'customersLost')) expect(x).toBeGreaterThanOrEqual(0);
    for (const x of column(sim, 'logoRenewal')) expect(x).toBeLessThanOrEqual(1);
  });
});
