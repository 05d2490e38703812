import { describe, expect, it } from 'vitest';
import { monthlyFileProblems } from './monthly-file.js';
import { parseMonthlyFile, type MonthlyFileOptions } from '../../src/actuals/read-monthly-file.js';

const ACTUALS: MonthlyFileOptions = { kind: 'actuals', tiers: ['SMB', 'Enterprise'], calendar: { year: 2027, startMonth: 2 } };

/** The issues of a file that must be refused, as `line:column path: message`. */
const problems = (text: string, options: MonthlyFileOptions = ACTUALS): string[] => monthlyFileProblems(text, options);

describe('a valid monthly file', () => {
  it('reads rows per tier in month order, with their lines, and the measures the header names', () => {
    const f = parseMonthlyFile(
      'month,tier,leads,deals,new_arr\n1,smb,1000,20,250000\n1,Enterprise,50,1,400000\n2,SMB,980,25,300000\n2,enterprise,55,0,0\n',
      'a.csv',
      ACTUALS,
    );
    expect(f.months).toBe(2);
    expect(f.measures).toEqual(['leads', 'deals', 'new_arr']);
    expect(f.tiers).toEqual(['SMB', 'Enterprise']);
    expect(f.byTier.get('SMB')!.map((r) => [r.month, r.line, r.values.deals])).toEqual([
      [1, 2, 20],
      [2, 4, 25],
    ]);
    expect(f.byTier.get('Enterprise')![1]!.values).toEqual({ leads: 55, deals: 0, new_arr: 0 });
  });

  it("matches a tier written in another Unicode form to the scenario's (NFD Café to NFC Café)", () => {
    const f = parseMonthlyFile('month,tier,deals\n1,Cafe\u0301,3\n', 'a.csv', { ...ACTUALS, tiers: ['Caf\u00e9'] });
    expect(f.tiers).toEqual(['Caf\u00e9']);
    expect(f.byTier.get('Caf\u00e9')![0]!.values).toEqual({ deals: 3 });
  });

  it('places dates in the scenario fiscal year (starting February 2027)', () => {
    const f = parseMonthlyFile('month,tier,deals\n2027-02,SMB,3\n2027-03,SMB,4\n', 'a.csv', ACTUALS);
    expect(f.byTier.get('SMB')!.map((r) => [r.month, r.label])).toEqual([
      [1, '2027-02'],
      [2, '2027-03'],
    ]);
  });

  it('numbers a history file by dates from its earliest month, across calendar years', () => {
    const rows = ['month,tier,leads'];
    for (let i = 0; i < 14; i++) rows.push(`${2025 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, '0')},SMB,${100 + i}`);
    const f = parseMonthlyFile(rows.join('\n'), 'h.csv', { kind: 'history' });
    expect(f.months).toBe(14);
    expect(f.byTier.get('SMB')![0]!.label).toBe('2025-11');
    expect(f.byTier.get('SMB')![13]!.values.leads).toBe(113);
  });
});

describe('a bad monthly file: every problem at once, with line and column', () => {
  const cases: [string, string, string[], MonthlyFileOptions?][] = [
    ['a tier not in the scenario', 'month,tier,deals\n1,SMC,3\n1,Mid,2\n', ['2:3 tier: no tier is named "SMC" (did you mean "SMB"?)', '3:3 tier: no tier is named "Mid"; the scenario\'s tiers are: "SMB", "Enterprise"']],
    ['a month out of order', 'month,tier,deals\n2,SMB,3\n1,SMB,2\n', ['3:1 month: month 1 of tier "SMB" comes after its month 2 (line 2): give each tier\'s months in order']],
    ['a month twice', 'month,tier,deals\n1,SMB,3\n1,smb,2\n', ['3:1 month: month 1 of tier "SMB" appears twice (first on line 2)']],
    ['a month missing', 'month,tier,deals\n1,SMB,3\n3,SMB,2\n1,Enterprise,1\n2,Enterprise,1\n3,Enterprise,1\n', ['3:1 month: tier "SMB" has no row for month 2: every tier needs months 1 to 3, in order']],
    ['a tier that stops early', 'month,tier,deals\n1,SMB,3\n2,SMB,2\n1,Enterprise,1\n', ['-:- month: tier "Enterprise" has no row for month 2: every tier needs months 1 to 2, in order; or re-forecast from the 1 month every tier has (asOf: 1)']],
    // A dated file's months are named as it writes them: "month 9" of a history from 2024-07 is 2025-03.
    ['a dated history missing a month', 'month,tier,leads\n' + ['2024-11', '2024-12', '2025-01', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((d) => `${d},SMB,5`).join('\n') + '\n', ['5:1 month: tier "SMB" has no row for 2025-02: every tier needs 2024-11 to 2025-12, in order'], { kind: 'history' }],
    ['a dated history with a month twice', 'month,tier,leads\n2024-12,SMB,5\n2025-01,SMB,5\n2025-01,SMB,6\n', ['4:1 month: 2025-01 of tier "SMB" appears twice (first on line 3)'], { kind: 'history' }],
    ['a dated actuals month out of order', 'month,tier,deals\n2027-03,SMB,3\n2027-02,SMB,2\n', ['3:1 month: 2027-02 of tier "SMB" comes after its 2027-03 (line 2): give each tier\'s months in order']],
    ['dated actuals missing months', 'month,tier,deals\n2027-02,SMB,3\n2027-05,SMB,2\n2027-02,Enterprise,1\n2027-03,Enterprise,1\n2027-04,Enterprise,1\n2027-05,Enterprise,1\n', ['3:1 month: tier "SMB" has no row for 2027-03 and 2027-04: every tier needs 2027-02 to 2027-05, in order']],
    ['month 13', 'month,tier,deals\n13,SMB,3\n', ['2:1 month: month 13 is after the fiscal year\'s month 12 (the year starts 2027-02)']],
    ['a date before the year', 'month,tier,deals\n2027-01,SMB,3\n', ['2:1 month: "2027-01" is before the fiscal year (which starts 2027-02): an actuals file holds the closed months of the year being forecast']],
    ['negative money', 'month,tier,new_arr\n1,SMB,-5\n', ['2:7 new_arr: must be at least 0, got -5']],
    ['fractional deals', 'month,tier,deals\n1,SMB,2.5\n', ['2:7 deals: must be a whole number, got 2.5']],
    ['an empty cell', 'month,tier,deals,leads\n1,SMB,,10\n', ['2:7 deals: is empty: every row needs a value in each column the header names (write 0 for none, or drop the column)']],
    ['a thousands separator', 'month,tier,new_arr\n1,SMB,"12,000"\n', ['2:7 new_arr: "12,000": has a comma that is a thousands separator or a decimal comma; write 12000 (a thousands separator) or 12 (a decimal comma), whichever it is']],
    ['more deals in a month than the model can draw', 'month,tier,deals\n1,SMB,250001\n1,Enterprise,1000000000\n', ['2:7 deals: must be at most 250,000 deals in a month, got 250001: the model draws each deal, and a tier of more could not be simulated', '3:14 deals: must be at most 250,000 deals in a month, got 1000000000: the model draws each deal, and a tier of more could not be simulated']],
    ['numbers past the largest double', 'month,tier,deals,new_arr\n1,SMB,1e309,-1e400\n', ['2:7 deals: "1e309" is beyond the largest number there is (about 1.8e308): must be at most 250,000 deals in a month, got 1e309: the model draws each deal, and a tier of more could not be simulated', '2:13 new_arr: "-1e400" is beyond the largest number there is (about 1.8e308): must be at least 0, got -1e400']],
    ['no measure column', 'month,tier\n1,SMB\n', []],
    ['a history file too short', 'month,tier,leads\n1,SMB,5\n2,SMB,6\n', ['-:- month: covers 2 months; a history file needs 12'], { kind: 'history' }],
    ['a history file with dates that are none', 'month,tier,leads\n2025-02-30,SMB,5\n2025-13,SMB,6\n2025-04-00,SMB,6\n2024-02-29,SMB,6\n', ['2:1 month: "2025-02-30" is not a date', '3:1 month: "2025-13" is not a date', '4:1 month: "2025-04-00" is not a date'], { kind: 'history' }],
    ['a history file mixing numbers and dates', 'month,tier,leads\n1,SMB,5\n2025-03,SMB,6\n', ['3:1 month: is a date, but line 2 gives a month number: use one form in the file'], { kind: 'history' }],
    [
      'one tier spelled two ways, when the caller gives no tiers: once per spelling',
      'month,tier,leads\n1,SMB,5\n1,smb,7\n2,SMB,6\n2,smb,8\n1,Smb,9\n',
      ['3:3 tier: tier "smb" is tier "SMB" spelled differently: write each tier\'s name one way', '6:3 tier: tier "Smb" is tier "SMB" spelled differently: write each tier\'s name one way'],
      { kind: 'actuals' },
    ],
    [
      // Two names that read alike: fit made two tiers "Café" of them, and its own check of the fitted scenario then failed (exit 1).
      'one tier written in two Unicode forms (NFC and NFD), when the caller gives no tiers',
      'month,tier,leads\n1,Caf\u00e9,5\n1,Cafe\u0301,7\n',
      ['3:3 tier: tier "Cafe\u0301" is tier "Caf\u00e9" spelled differently (other Unicode characters that read the same: NFC and NFD forms): write each tier\'s name one way'],
      { kind: 'history' },
    ],
  ];
  it.each(cases)('%s', (_name, text, expected, options) => {
    const got = problems(text, options);
    if (expected.length === 0) expect(got.length).toBeGreaterThan(0);
    else expect(got).toEqual(expected);
  });

  it('lists every bad row, not just the first', () => {
    const got = problems('month,tier,deals,new_arr\n1,SMB,-1,5\n1,Enterprise,2,-3\n2,Nope,1,1\n');
    expect(got).toHaveLength(3);
  });

  it('names the missing measure group in the header', () => {
    expect(problems('month,tier\n1,SMB\n')[0]).toMatch(/^1:1 : needs a "leads" or a "deals" .* column \(a measure of the month\)$/);
  });
});
