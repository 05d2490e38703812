import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { moneyText } from '../../src/scenario/money-text.js';
import { overlayText } from '../../src/studio/overlay.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * A money field refuses a point before three digits (`12.345`: a thousands separator or a decimal
 * point), so what arrcast writes into a scenario must not write an amount so: fit wrote an opening
 * ARR of 123.456 and an ACV median of 12.345 that its own file then refused, and the studio saved a
 * target of 22.345 that did not load.
 */
describe('amounts arrcast writes into a scenario read back as themselves', () => {
  it.each([
    [12.345, '12.3450'],
    [-123.456, '-123.4560'],
    [12.5, '12.5'],
    [0.125, '0.125'],
    [1234.567, '1234.567'],
    [12345, '12345'],
  ])('moneyText(%d) is %s', (x, text) => {
    expect(moneyText(x)).toBe(text);
  });

  it("fit's file: an opening ARR of 123.456 and ACVs of about 12.345 load as those amounts", () => {
    // ending_arr 123.4560 (four decimals: one reading), above 0.1% of the largest before it (120,000: not
    // a book run down, fit's rule); 10 deals a month of new_arr 123.45, an ACV of 12.345 in every month.
    const rows = Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000000,100000,${k === 11 ? '123.4560' : 120000},${100 + (k % 3) * 7},10,123.45`);
    const fit = fitHistory({ history: parseMonthlyFile(`month,tier,due_arr,renewed_arr,ending_arr,leads,deals,new_arr\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' }) });
    const tier = parseScenario(fittedScenarioText(fit), 'f.yaml').scenario.tiers[0]!;
    expect(tier.existing!.openingArr).toBe(123.456);
    const acv = tier.newBusiness!.acv as { median: { median: number } };
    expect(acv.median.median).toBe(12.345);
  });

  it("fit's file: a mean of about 12.333 leads a month loads as that mean (a mean count reads 12.333 as money does)", () => {
    // 148 leads in every 12 months (12, 13, 12, 12, ...): a level of 148 / 12 = 12.333..., written with 5 digits.
    const rows = Array.from({ length: 24 }, (_, k) => `${k + 1},SMB,1000000,900000,1000000,${k % 3 === 1 ? 13 : 12 + (k % 12 === 0 ? 1 : 0) - (k % 12 === 3 ? 1 : 0)},1,10000`);
    const history = parseMonthlyFile(`month,tier,due_arr,renewed_arr,ending_arr,leads,deals,new_arr\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' });
    const fit = fitHistory({ history });
    const leads = parseScenario(fittedScenarioText(fit), 'f.yaml').scenario.tiers[0]!.newBusiness!.leadsPerMonth as { mean: { median: number } };
    expect(leads.mean.median).toBeCloseTo(148 / 12, 3);
  });

  it("the studio's saved what-if: a target of 22.345 loads as 22.345", async () => {
    const base = 'name: P\ntiers:\n  - name: SMB\n    existing: { openingArr: 18M, customers: 10, renewalRate: 0.9 }\n';
    const dir = writeFiles({ 'p.yaml': base, 'w.yaml': overlayText('p.yaml', { targets: { metrics: [{ metric: 'revenue', value: 22.345 }] } }) });
    expect((await loadScenario(join(dir, 'w.yaml'))).scenario.targets!.metrics[0]!.value).toBe(22.345);
  });
});
