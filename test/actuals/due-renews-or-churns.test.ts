import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * The ARR due in a closed month renews or churns. A file giving renewed_arr and churned_arr whose
 * sum falls short of what was due (due_arr, or an aggregate book's calendar) was re-forecast: the
 * ARR due that neither renewed nor churned stayed live in the ARR bridge, but its customers counted
 * as due and not renewed, so the renewal rate learned from them (500,000 renewed of 1,000,000 due,
 * 0 churned: a year-end logo renewal near 68% against 90% planned) and customers lost counted 50
 * in a month whose GRR lost nothing. Such a file is refused at the churned_arr cell, exit 2.
 */
const SCENARIO = `
name: renews or churns
trials: 300
seed: 1
tiers:
  - name: Core
    existing:
      openingArr: 12000000
      customers: 1200
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
      priceUplift: 0
`;

async function run(csv: string) {
  const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': csv });
  const out = join(dir, 'out');
  const r = await runCli('run', join(dir, 's.yaml'), '--actuals', join(dir, 'actuals.csv'), '--out', out, '-q');
  return { ...r, written: existsSync(out), dir };
}

describe('a closed month whose ARR due neither renewed nor churned', () => {
  it("is refused against the file's due_arr, at the churned_arr cell", async () => {
    // 1,000,000 due, 500,000 renewed, 0 churned: 500,000 unaccounted for.
    const r = await run('month,tier,churned_arr,renewed_arr,due_arr,ending_arr\n1,Core,0,500000,1000000,12000000\n');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      `arrcast: ${join(r.dir, 'actuals.csv')}:2:8 churned_arr: Core month 1: 0 churned, but 500000 of the 1000000 of ARR due (due_arr) did not renew (renewed_arr 500000): ARR due either renews or churns`,
    ]);
    expect(r.written).toBe(false);
  });

  it("is refused against an aggregate book's calendar when the file gives no due_arr (1,200 customers at 10,000, 100 due a month)", async () => {
    const r = await run('month,tier,churned_arr,renewed_arr,ending_arr\n1,Core,100000,500000,11900000\n');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "actuals.csv:2:8 churned_arr: Core month 1: 100000 churned, but 500000 of the 1000000 of ARR due (the scenario's calendar: 100 customers at 10000; give due_arr if another amount came up) did not renew (renewed_arr 500000)",
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.written).toBe(false);
  });

  it('runs when the due ARR renews or churns, and when churn goes beyond it (customers leaving mid-term)', async () => {
    for (const row of ['1,Core,100000,900000,1000000,11900000', '1,Core,150000,900000,1000000,11850000']) {
      const r = await run(`month,tier,churned_arr,renewed_arr,due_arr,ending_arr\n${row}\n`);
      expect(r.code).toBe(0);
      expect(r.written).toBe(true);
    }
  });
});
