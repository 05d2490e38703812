import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * A tier whose book runs down to 0 by the history's end (ARR due and renewed in its last 12 months,
 * none live at the end) has nothing left to renew. It was fitted as a book of 0 ARR and one
 * customer (the count's floor), whom a run counted as a logo lost in 85% of trials (1,000 trials:
 * customers lost 0.85 a year of a tier with no customers).
 */
const head = 'month,tier,leads,deals,new_arr,renewed_arr,due_arr,ending_arr';
const rows = (zLeads: number) =>
  Array.from({ length: 24 }, (_, i) => {
    const k = i + 1;
    return [`${k},A,1000,50,500000,90000,100000,${1_200_000 + k * 10_000}`, `${k},Z,${zLeads},${zLeads > 0 ? 5 : 0},${zLeads > 0 ? 50_000 : 0},${k < 24 ? 40_000 : 0},${k < 24 ? 100_000 : 50_000},${Math.max(0, 1_200_000 - k * 50_000)}`];
  }).flat();
const fit = (zLeads: number) => fitHistory({ history: parseMonthlyFile(`${head}\n${rows(zLeads).join('\n')}\n`, 'h.csv', { kind: 'history' }) });

describe('fit: a book run down to 0 by the end of the history', () => {
  it('is not carried into the year (no existing book, a comment saying why); the tier keeps its new business', () => {
    const f = fit(100);
    const z = f.tiers.find((t) => t.name === 'Z')!;
    expect(z.existing).toBeUndefined();
    expect(z.newBusiness).toBeDefined();
    expect(z.notes).toContain('no existing book fitted: its ending_arr is 0 at the end, so nothing is left to renew (the 1,150,000 of ARR due in its last 12 months was of a book now gone)');
    const tier = parseScenario(fittedScenarioText(f), 'f.yaml').scenario.tiers.find((t) => t.name === 'Z')!;
    expect(tier.existing).toBeUndefined();
  });

  it('with no new business either, is refused as nothing to fit, saying to leave its rows out', () => {
    expect(() => fit(0)).toThrow(ScenarioError);
    try {
      fit(0);
    } catch (err) {
      expect((err as ScenarioError).issues.map((i) => i.message)).toEqual([
        'tier "Z": nothing to fit. no new business fitted: no leads, deals or new_arr in its last 12 months; no existing book fitted: its ending_arr is 0 at the end, so nothing is left to renew (the 1,150,000 of ARR due in its last 12 months was of a book now gone): a tier with no ARR live at the end and no new business has nothing to forecast; leave its rows out',
      ]);
    }
  });
});
