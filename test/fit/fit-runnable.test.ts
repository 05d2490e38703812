import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * A history whose fitted scenario `arrcast run` would stop ("cannot be simulated": more deals in a
 * month than the model draws one by one) is refused by fit, at the history's line, exit 2: fit never
 * writes a scenario that validates but cannot run. (fit-fuzz.test.ts checks the property.)
 */
function issues(rows: string[]): string[] {
  try {
    fitHistory({ history: parseMonthlyFile(`month,tier,leads,deals,new_arr\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' }) });
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path.join('.')}: ${i.message}`);
  }
  throw new Error('the history was fitted');
}

describe('fit refuses what run could not simulate', () => {
  it('a seasonal peak of leads that, at the pooled conversion, is more deals in a month than the model draws', () => {
    // 24 months: 1e9 leads in each year's last month, 1,000 in the others; 200,000 deals every month.
    const rows = Array.from({ length: 24 }, (_, k) => `${k + 1},SMB,${(k + 1) % 12 === 0 ? 1e9 : 1000},200000,${200000 * 5000}`);
    // At least the 2,400,000 of the pooled conversion (2,400,000 deals of ~1e9 leads a year, at 1e9
    // leads): the conversion is written a little higher, the lowest mean whose beta carries its sd.
    const found = issues(rows);
    expect(found).toHaveLength(1);
    const m = /^14:1 leads: tier "SMB" would expect ([\d,]+) deals in its peak month \(leads x seasonality x conversion fitted from the history\), more than the 250,000 a month the model can draw one by one: arrcast cannot simulate this tier$/.exec(found[0]!);
    expect(Number(m?.[1]?.replaceAll(',', ''))).toBeGreaterThanOrEqual(2_400_000);
  });

  it('fits the same history with volumes the model draws', () => {
    const rows = Array.from({ length: 24 }, (_, k) => `${k + 1},SMB,${(k + 1) % 12 === 0 ? 1e6 : 1000},200,${200 * 5000}`);
    expect(fitHistory({ history: parseMonthlyFile(`month,tier,leads,deals,new_arr\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' }) }).tiers).toHaveLength(1);
  });
});
