import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

const SCENARIO = `
name: bad actuals
trials: 500
seed: 1
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 100
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
      priceUplift: 0
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 1000 }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 0
      acv: { dist: lognormal, median: 10000, p90: 20000 }
  - name: Enterprise
    existing:
      openingArr: 4000000
      customers: 20
      renewalRate: 0.95
      priceUplift: 0
`;

const GOOD = 'month,tier,leads,deals,new_arr,ending_arr\n1,SMB,1000,50,500000,1700000\n1,Enterprise,0,0,0,4000000\n2,SMB,1000,50,500000,2200000\n2,Enterprise,0,0,0,4000000\n';

/**
 * Each case: the actuals file, extra options, and the exact lines printed (file:line:column, every
 * problem at once). Every case exits 2 and writes no report.
 */
/** A tier without an existing book beside one with a book. */
const NO_BOOK = `
name: no book
trials: 500
seed: 1
tiers:
  - name: SMB
    existing: { openingArr: 1200000, customers: 100, renewalCalendar: uniform, renewalRate: 0.9, priceUplift: 0 }
  - name: New
    newBusiness: { leadsPerMonth: 100, conversion: 0.1, salesCycleMonths: 0, acv: 10000 }
`;

const CASES: ReadonlyArray<{ name: string; csv: string; args?: string[]; lines: string[]; scenario?: string }> = [
  {
    // Before: "... (a rate of 0 or 1 against the deals or renewals reported)", no tier named.
    name: 'a renewal rate of 1 against ARR lost at renewal: the impossible evidence named by tier',
    scenario: NO_BOOK.replace('renewalRate: 0.9', 'renewalRate: 1'),
    csv: 'month,tier,leads,deals,new_arr,renewed_arr,due_arr,churned_arr,ending_arr\n1,SMB,0,0,0,50000,100000,50000,1150000\n1,New,100,10,100000,0,0,0,100000\n',
    args: ['--no-warn', 'renewal-high'],
    lines: ['actuals.csv cannot be re-forecast from: the actuals are impossible under the scenario at its central values (a rate of 0 or 1 against the deals or renewals reported: SMB\'s renewals)'],
  },
  {
    // Before: the renewal was ignored (bookings count the book's renewals only), without a word.
    name: 'a tier without an existing book renewing ARR',
    scenario: NO_BOOK,
    csv: 'month,tier,leads,deals,new_arr,renewed_arr,due_arr,churned_arr,ending_arr\n1,SMB,0,0,0,90000,100000,10000,1190000\n1,New,100,10,100000,0,0,0,100000\n2,SMB,0,0,0,100000,100000,0,1190000\n2,New,100,10,100000,80000,100000,20000,180000\n',
    lines: [
      'actuals.csv:5:21 renewed_arr: New month 2: renewed_arr 80000, but the scenario gives New no existing book, so nothing of it comes up for renewal in the year: add its book (existing) to the scenario, or give 0',
      'actuals.csv:5:27 due_arr: New month 2: due_arr 100000, but the scenario gives New no existing book, so nothing of it comes up for renewal in the year: add its book (existing) to the scenario, or give 0',
    ],
  },
  {
    name: 'a tier the scenario does not have',
    csv: 'month,tier,leads,deals,new_arr,ending_arr\n1,SMB,1000,50,500000,1700000\n1,Mid,0,0,0,1\n1,Enterprise,0,0,0,4000000\n',
    lines: ['actuals.csv:3:3 tier: no tier is named "Mid"; the scenario\'s tiers are: "SMB", "Enterprise"'],
  },
  {
    name: 'no ending_arr, and deals without leads where conversion is learned',
    csv: 'month,tier,deals,new_arr\n1,SMB,50,500000\n1,Enterprise,0,0\n',
    lines: [
      'actuals.csv:1:1 ending_arr: a re-forecast needs an ending_arr column: the ARR live at the end of each closed month is the state the rest of the year starts from',
      'actuals.csv:1:1 leads: a re-forecast needs a leads column: SMB converts leads, and leads of the closed months are still in its sales cycle',
    ],
  },
  {
    name: 'more deals than leads where deals close in their lead\'s month',
    csv: 'month,tier,leads,deals,new_arr,ending_arr\n1,SMB,40,50,500000,1700000\n1,Enterprise,0,0,0,4000000\n',
    lines: ["actuals.csv:2:10 deals: SMB month 1: 50 deals from 40 leads, but the scenario closes deals in their lead's month (salesCycleMonths 0)"],
  },
  {
    // The cell's character column, as the reader places its own problems (not the field number), and the file read once.
    name: 'more renewed than due, in a row with a quoted tier',
    csv: 'month,tier,leads,deals,new_arr,ending_arr,renewed_arr\n1,"SMB",1000,50,500000,1700000,500000\n1,Enterprise,0,0,0,4000000,0\n',
    lines: ['actuals.csv:2:32 renewed_arr: SMB month 1: 500000 renewed, but the scenario has 96000 of ARR due then (8 customers at 12000): give due_arr, the ARR that came up for renewal, so that customers coming up early are not due again later (customers on terms under a year, renewing every term: leave them out of renewed_arr and give their losses in churned_arr; the book renews once a year)'],
  },
  {
    name: 'new ARR without deals, deals without new ARR',
    csv: 'month,tier,leads,deals,new_arr,ending_arr\n1,SMB,1000,0,900000,2100000\n1,Enterprise,0,0,0,4000000\n2,SMB,1000,50,0,2100000\n2,Enterprise,0,0,0,4000000\n',
    lines: [
      "actuals.csv:2:14 new_arr: SMB month 1: 900000 of new ARR from 0 deals: new_arr is what the month's deals signed",
      'actuals.csv:4:15 new_arr: SMB month 2: 50 deals signed no new ARR: every deal has an ACV above 0',
    ],
  },
  {
    name: 'more churned and contracted than was ever live',
    csv: 'month,tier,leads,deals,new_arr,churned_arr,contraction_arr,ending_arr\n1,SMB,1000,50,500000,1000000,800000,0\n1,Enterprise,0,0,0,0,0,4000000\n2,SMB,1000,50,500000,600000,0,0\n2,Enterprise,0,0,0,4000001,0,0\n',
    lines: [
      'actuals.csv:2:22 churned_arr: SMB month 1: 1800000 churned and contracted, more than the 1700000 of ARR live in the month (the opening ARR, plus its new and expansion ARR)',
      'actuals.csv:4:22 churned_arr: SMB month 2: 600000 churned and contracted, more than the 500000 of ARR live in the month (ending_arr of month 1, plus its new and expansion ARR)',
      'actuals.csv:5:20 churned_arr: Enterprise month 2: 4000001 churned and contracted, more than the 4000000 of ARR live in the month (ending_arr of month 1, plus its new and expansion ARR)',
    ],
  },
  {
    name: 'a tier with no rows',
    csv: 'month,tier,leads,deals,new_arr,ending_arr\n1,SMB,1000,50,500000,1700000\n',
    lines: ['actuals.csv:1:1 tier: no rows for tier "Enterprise": a re-forecast needs every tier\'s closed months'],
  },
  {
    name: 'a month beyond the fiscal year',
    csv: 'month,tier,leads,deals,new_arr,ending_arr\n13,SMB,1000,50,500000,1700000\n13,Enterprise,0,0,0,4000000\n',
    lines: ["actuals.csv:2:1 month: month 13 is after the fiscal year's month 12 (the year starts January)", "actuals.csv:3:1 month: month 13 is after the fiscal year's month 12 (the year starts January)"],
  },
  {
    name: '--as-of beyond the months the file covers',
    csv: GOOD,
    args: ['--as-of', '3'],
    lines: ['actuals.csv covers months 1 to 2, but --as-of asks for 3 closed months'],
  },
];

describe('arrcast run --actuals with a bad actuals file', () => {
  for (const c of CASES)
    it(`${c.name}: exit 2, the exact messages, nothing written`, async () => {
      const dir = writeFiles({ 's.yaml': c.scenario ?? SCENARIO, 'actuals.csv': c.csv });
      const out = join(dir, 'out');
      const prev = process.cwd();
      process.chdir(dir);
      try {
        const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', ...(c.args ?? []), '--out', out, '-q');
        expect(r.code).toBe(2);
        const printed = r.err.trim().split('\n');
        expect(printed).toEqual(c.lines.map((l) => `arrcast: ${l}`));
        expect(r.err).not.toMatch(/\n\s+at /);
        expect(existsSync(out)).toBe(false);
      } finally {
        process.chdir(prev);
      }
    });

  // By absolute paths, not from inside `dir`: a pooled run from src whose worker cannot be bundled
  // starts its threads with `--import tsx` (worker-pool.ts), which once resolved from the current
  // directory, so that in a temporary directory the threads never loaded.
  it('a good file runs (the same scenario and command), and --as-of 1 uses one month', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': GOOD });
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 's.yaml'), '--actuals', join(dir, 'actuals.csv'), '--as-of', '1', '--out', out, '-q');
    expect(r.err).toContain(`wrote ${out}/`);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it("a month renewing more than the calendar has due, but no more than its own due_arr, runs: the file's due_arr is what came up", async () => {
    // The uniform calendar has 96000 due in month 1; the file says 120000 came up and 110000 renewed.
    const csv = 'month,tier,leads,deals,new_arr,churned_arr,ending_arr,renewed_arr,due_arr\n1,SMB,1000,50,500000,10000,1690000,110000,120000\n1,Enterprise,0,0,0,0,4000000,0,0\n';
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': csv });
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 's.yaml'), '--actuals', join(dir, 'actuals.csv'), '--out', out, '-q', '-w', '0');
    expect(r.err).toContain(`wrote ${out}/`);
    expect(r.code).toBe(0);
  });

  it('--as-of and --plan go with --actuals only', async () => {
    const r = await runCli('run', 'whatever.yaml', '--as-of', '3');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('arrcast: --as-of goes with --actuals');
  });
});
