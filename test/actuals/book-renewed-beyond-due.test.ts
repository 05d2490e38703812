import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learningModel } from '../../src/actuals/learning-model.js';
import { planLoaded, simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { column, writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { monthlyFile } from './monthly-file.js';

/**
 * A customer book's closed month renewing more than its customers have due then (c1's 100,000 due in
 * month 1; c2 and c3 due in months 9 and 10): customers due later renewed early. Read as a renewal
 * share above 1, 300,000 renewed counted -2 customers lost and a logo renewal of 141%, and pulled the
 * learned rate down; stated as due_arr 300,000 (the advice once given), the simulated months renewed
 * c2 and c3 again: a mean ending ARR of 245,100 where exactly 300,000 is right. Both are refused,
 * naming the customers file's next_renewal as the way out, and that way out gives exactly 300,000.
 */
describe("a customer book's month renewing more than it has due", () => {
  const scenario = 'name: b\ntiers:\n  - name: B\n    existing: { customersFile: customers.csv, renewalRate: { dist: beta, mean: 0.7, sd: 0.1 }, priceUplift: 0 }\n';
  const files = { 's.yaml': scenario, 'customers.csv': 'id,tier,arr,next_renewal,term_months\nc1,B,100000,1,12\nc2,B,100000,9,12\nc3,B,100000,10,12\n' };
  const way = ': customers renewing before their next_renewal would be renewed again in their month; give each the month it came up for renewal (next_renewal) in the customers file';

  const refused = async (actuals: string, cell: string, book: Record<string, string> = files) => {
    const dir = writeFiles({ ...book, 'actuals.csv': actuals });
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 's.yaml'), '--actuals', join(dir, 'actuals.csv'), '--trials', '20', '-w', '0', '--out', out, '-q');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([`arrcast: ${join(dir, 'actuals.csv')}:${cell}`]);
    expect(existsSync(out)).toBe(false);
  };

  it('is refused at the cell without due_arr (exit 2, nothing written)', async () => {
    await refused('month,tier,renewed_arr,churned_arr,ending_arr\n1,B,300000,0,300000\n', `2:5 renewed_arr: B month 1: 300000 renewed, but the customer book has 100000 of ARR due then (1 customer)${way}`);
  });

  it('is refused at due_arr when the file states more due than the book has (also in a month with no one due)', async () => {
    await refused('month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,B,300000,0,300000,300000\n', `2:14 due_arr: B month 1: due_arr 300000, but the customer book has 100000 of ARR due then (1 customer)${way}`);
    await refused(
      'month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,B,100000,0,100000,300000\n2,B,0,100000,100000,200000\n',
      `3:14 due_arr: B month 2: due_arr 100000, but the customer book has 0 of ARR due then (0 customers)${way}`,
    );
  });

  it('with monthly-billed customers holding the ARR beyond, says first to leave them out of due_arr and renewed_arr (act24)', async () => {
    // c1 due in month 1 and two monthly-billed customers of 5,000: an export counting every customer
    // billed in the month as due. Before, the message named only next_renewal, which they have none of.
    const monthly = { ...files, 'customers.csv': `${files['customers.csv']}m1,B,5000,,monthly\nm2,B,5000,,monthly\n` };
    const monthlyWay =
      ": the book's 2 monthly-billed customers (10000 of ARR) have no renewal date, so due_arr and renewed_arr count only the customers renewing on a term: leave the monthly-billed ones out of both, and give the ARR they lost in churned_arr (read as monthly-billed customers leaving). If instead customers renewed before their next_renewal, give each the month it came up for renewal (next_renewal) in the customers file";
    await refused('month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,B,110000,0,110000,310000\n', `2:14 due_arr: B month 1: due_arr 110000, but the customer book has 100000 of ARR due then (1 customer)${monthlyWay}`, monthly);
    await refused('month,tier,renewed_arr,churned_arr,ending_arr\n1,B,105000,5000,305000\n', `2:5 renewed_arr: B month 1: 105000 renewed, but the customer book has 100000 of ARR due then (1 customer)${monthlyWay}`, monthly);
    // Beyond what they hold: customers due later came up early, the way out as before.
    await refused('month,tier,renewed_arr,churned_arr,due_arr,ending_arr\n1,B,300000,0,300000,310000\n', `2:14 due_arr: B month 1: due_arr 300000, but the customer book has 100000 of ARR due then (1 customer)${way}`, monthly);
  });

  it('given the months they came up in (next_renewal), ends the year at exactly 300,000 in every trial', async () => {
    const dir = writeFiles({ 's.yaml': scenario, 'customers.csv': 'id,tier,arr,next_renewal,term_months\nc1,B,100000,1,12\nc2,B,100000,1,12\nc3,B,100000,1,12\n' });
    const file = monthlyFile({ B: [{ renewed_arr: 300_000, churned_arr: 0, due_arr: 300_000, ending_arr: 300_000 }] });
    const sim = await simulate(await loadScenario(`${dir}/s.yaml`), { trials: 50, seed: 1, workers: 0, actuals: { file, months: 1 } });
    expect(new Set(column(sim, 'endingArr'))).toEqual(new Set([300_000]));
  });

  it('in the learning model (below the entry points, which refuse it: renewals-counted-twice-one-rule.test.ts): learns as from every customer due renewing', async () => {
    const dir = writeFiles(files);
    const beyond = monthlyFile({ B: [{ renewed_arr: 300_000, churned_arr: 0, ending_arr: 300_000 }] });
    // The renewal term at three rates equals that of c1 renewing its 100,000 (which the book reaches
    // at a rate of 1): the 200,000 beyond it pulled the rate towards 0.5 instead.
    const plan = planLoaded(await loadScenario(`${dir}/s.yaml`));
    const whole = monthlyFile({ B: [{ renewed_arr: 100_000, churned_arr: 0, ending_arr: 300_000 }] });
    const term = (f: typeof whole) => {
      const model = learningModel(plan, f, 1, 't');
      const at = model.termNames.findIndex((t) => t.term === 'renewals');
      expect(at).toBeGreaterThanOrEqual(0);
      return [-1.5, 0, 1.5].map((s) => model.termValues(new Float64Array(model.dimension).fill(s))[at]!);
    };
    const values = term(beyond);
    expect(values).toEqual(term(whole));
    expect(values[2]).toBeGreaterThan(values[0]!);
  });
});
