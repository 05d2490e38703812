import { describe, expect, it } from 'vitest';
import { monthlyFileProblems } from './monthly-file.js';
import { parseMonthlyFile, type MonthlyFileOptions } from '../../src/actuals/read-monthly-file.js';
import { loadActuals } from '../../src/cli/actuals-options.js';
import { loadScenario } from '../../src/scenario/load.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * A tier whose latest month has not closed yet (its books close later than the others'): with
 * `--as-of M` (the library's `asOf`) the months after M are read and checked but not needed for
 * every tier, so the re-forecast from the months every tier has runs; without it the refusal says
 * which --as-of would do. Before December 2026 the file was refused even with --as-of 4, and the
 * message did not say that one would do: a month that had not closed for one tier stopped the
 * re-forecast of the months that had.
 */
const ACTUALS: MonthlyFileOptions = { kind: 'actuals', tiers: ['SMB', 'Enterprise'] };
// Enterprise's month 3 has not closed.
const LATE = 'month,tier,deals\n1,SMB,3\n1,Enterprise,1\n2,SMB,2\n2,Enterprise,1\n3,SMB,4\n';

const issues = (text: string, options: MonthlyFileOptions): string[] => monthlyFileProblems(text, options);

describe('asOf beyond the months the file covers', () => {
  // The library returned fewer months than asked, without a word (the CLI refused it on its own).
  it('is refused by the reader, naming the option as the caller gave it', () => {
    const file = 'month,tier,deals\n1,SMB,3\n1,Enterprise,1\n';
    expect(issues(file, { ...ACTUALS, asOf: 3 })).toEqual(['-:- : covers months 1 to 1, but asOf asks for 3 closed months']);
  });
});

describe("a tier's latest month not closed yet", () => {
  it('is refused without asOf, saying which asOf the file allows (in the option\'s own name)', () => {
    expect(issues(LATE, ACTUALS)).toEqual(['-:- month: tier "Enterprise" has no row for month 3: every tier needs months 1 to 3, in order; or re-forecast from the 2 months every tier has (asOf: 2)']);
    // A gap within a tier's months is no late month: no --as-of is offered for it.
    expect(issues('month,tier,deals\n1,SMB,3\n1,Enterprise,1\n2,SMB,2\n3,SMB,4\n3,Enterprise,1\n', ACTUALS)).toEqual(['6:1 month: tier "Enterprise" has no row for month 2: every tier needs months 1 to 3, in order']);
  });

  it('reads the first asOf months, keeping no later row', () => {
    const f = parseMonthlyFile(LATE, 'a.csv', { ...ACTUALS, asOf: 2 });
    expect(f.months).toBe(2);
    expect(f.byTier.get('SMB')!.map((r) => [r.month, r.values.deals])).toEqual([[1, 3], [2, 2]]);
    expect(f.byTier.get('Enterprise')!.map((r) => r.month)).toEqual([1, 2]);
    // The later rows are still checked.
    expect(issues(`${LATE}3,Enterprise,x\n`, { ...ACTUALS, asOf: 2 })).toEqual(['7:14 deals: expected a number, got "x"']);
  });

  it('refuses asOf outside 1..12 or for a history', () => {
    expect(() => parseMonthlyFile(LATE, 'a.csv', { ...ACTUALS, asOf: 0 })).toThrow(/asOf: must be a whole number of closed months from 1 to 12 \(got 0\)/);
    expect(() => parseMonthlyFile(LATE, 'a.csv', { kind: 'history', asOf: 2 })).toThrow(/asOf: goes with kind "actuals" only/);
  });

  it('runs `run --actuals --as-of` from the months every tier has', async () => {
    const dir = writeFiles({
      's.yaml': 'name: late\ntiers:\n  - name: SMB\n    existing: { openingArr: 1200000, customers: 120, renewalRate: 0.9 }\n  - name: Enterprise\n    existing: { openingArr: 1200000, customers: 12, renewalRate: 0.9 }\n',
      'a.csv': 'month,tier,ending_arr\n1,SMB,1200000\n1,Enterprise,1200000\n2,SMB,1200000\n2,Enterprise,1200000\n3,SMB,1200000\n',
    });
    const loaded = await loadScenario(`${dir}/s.yaml`);
    const input = await loadActuals(loaded, `${dir}/a.csv`, 2);
    expect(input.months).toBe(2);
    await expect(loadActuals(loaded, `${dir}/a.csv`, undefined)).rejects.toThrow(/--as-of 2/);
  });
});
