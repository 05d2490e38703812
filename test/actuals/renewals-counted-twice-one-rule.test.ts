import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileReforecast } from '../../src/actuals/reforecast.js';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * Renewals that came up beyond what the scenario has due, in every spelling the re-forecast cannot
 * place: one rule for the library (simulate's actuals option, compileReforecast) and the CLI (run
 * --actuals). Before, the CLI refused each while the library re-forecast them counting renewals
 * twice: the aggregate book's 200,000 renewed of a calendar's 100,000 ended the year at 651,765 on
 * average (700,000 is right), the customer book's due_arr 300,000 of 100,000 at 200,450 (300,000).
 * The one spelling that says how many came up (an aggregate book's due_arr) is accepted by both
 * (came-up-early.test.ts checks its figures).
 */
describe('renewals coming up beyond what is due: one rule for the library and the CLI', () => {
  const aggregate = 'name: a\ntiers:\n  - name: E\n    existing: { openingArr: 1200000, customers: 120, renewalCalendar: uniform, renewalRate: 0.5, priceUplift: 0 }\n';
  const book = 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: 0.5, priceUplift: 0 }\n';
  const customers = 'id,tier,arr,next_renewal,term_months\na1,B,100000,1,12\na2,B,100000,2,12\na3,B,100000,3,12\n';
  const way = ': customers renewing before their next_renewal would be renewed again in their month; give each the month it came up for renewal (next_renewal) in the customers file';
  const cases: ReadonlyArray<{ name: string; scenario: string; actuals: string; refusal?: string }> = [
    {
      name: "an aggregate book's renewed_arr above its calendar, without due_arr",
      scenario: aggregate,
      actuals: 'month,tier,renewed_arr,churned_arr,ending_arr\n1,E,200000,0,1200000\n',
      refusal: "2:5 renewed_arr: E month 1: 200000 renewed, but the scenario has 100000 of ARR due then (10 customers at 10000): give due_arr, the ARR that came up for renewal, so that customers coming up early are not due again later (customers on terms under a year, renewing every term: leave them out of renewed_arr and give their losses in churned_arr; the book renews once a year)",
    },
    { name: "an aggregate book's due_arr above its calendar", scenario: aggregate, actuals: 'month,tier,due_arr,renewed_arr,churned_arr,ending_arr\n1,E,200000,200000,0,1200000\n' },
    {
      name: "a customer book's due_arr above the month's customers",
      scenario: book,
      actuals: 'month,tier,due_arr,renewed_arr,churned_arr,ending_arr\n1,B,300000,300000,0,300000\n',
      refusal: `2:5 due_arr: B month 1: due_arr 300000, but the customer book has 100000 of ARR due then (1 customer)${way}`,
    },
    {
      name: "a customer book's renewed_arr above the month's customers, without due_arr",
      scenario: book,
      actuals: 'month,tier,renewed_arr,churned_arr,ending_arr\n1,B,300000,0,300000\n',
      refusal: `2:5 renewed_arr: B month 1: 300000 renewed, but the customer book has 100000 of ARR due then (1 customer)${way}`,
    },
  ];

  for (const c of cases)
    it(`${c.name}: ${c.refusal ? 'refused by both, at the cell, in the same words' : 'accepted by both'}`, async () => {
      const dir = writeFiles({ 's.yaml': c.scenario, 'customers.csv': customers, 'actuals.csv': c.actuals });
      const path = join(dir, 'actuals.csv');
      const cli = await runCli('run', join(dir, 's.yaml'), '--actuals', path, '--trials', '4', '-w', '0', '--out', join(dir, 'out'), '-q');
      const loaded = await loadScenario(join(dir, 's.yaml'));
      const s = loaded.scenario;
      const file = await readMonthlyFile(path, path, { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
      const library = await simulate(loaded, { trials: 4, seed: 1, workers: 0, actuals: { file, months: 1 } }).then(
        () => 'accepted',
        (err: unknown) => (err instanceof ScenarioError ? err.message : `another error: ${String(err)}`),
      );
      const compiled = (() => {
        try {
          compileReforecast(loaded.scenario, loaded.files, { file, months: 1 }, 'seed');
          return 'accepted';
        } catch (err) {
          return err instanceof RangeError ? err.message : `another error: ${String(err)}`;
        }
      })();
      if (!c.refusal) {
        expect(cli.code).toBe(0);
        expect(library).toBe('accepted');
        expect(compiled).toBe('accepted');
        return;
      }
      expect(cli.code).toBe(2);
      expect(cli.err.trim()).toBe(`arrcast: ${path}:${c.refusal}`);
      expect(`arrcast: ${library}`).toBe(cli.err.trim());
      const [cell, ...words] = c.refusal.split(' ');
      expect(compiled).toBe(`input: its file ${path}: line ${cell!.split(':')[0]}: ${words.slice(1).join(' ')}`);
    });
});
