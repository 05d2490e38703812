import { describe, expect, it } from 'vitest';
import { differentFiscalYears, fiscalYearWords } from '../../src/analysis/fiscal-years.js';
import { differentYears } from '../../src/scoring/outcomes-file.js';

// One rule for compare, report.html's stress note and score: score's reports may not know their
// start month (summaries written before it was kept), which must count as "the others'", as a
// year not stated does, never as a year of its own.
describe('differentFiscalYears: one rule, a start month not known taken as the others\'', () => {
  it('a start month not known is not a different year', () => {
    expect(differentFiscalYears([{ startMonth: 2, year: 2027 }, { year: 2027 }])).toBe(false);
    expect(differentFiscalYears([{ startMonth: 2 }, {}])).toBe(false);
    expect(differentFiscalYears([{}, {}, { startMonth: 7 }])).toBe(false);
  });
  it('two known start months, or two stated years, still differ', () => {
    expect(differentFiscalYears([{ startMonth: 2 }, {}, { startMonth: 3 }])).toBe(true);
    expect(differentFiscalYears([{ year: 2027 }, { startMonth: 2, year: 2028 }])).toBe(true);
  });
  it('words: the start month only when known', () => {
    expect(fiscalYearWords({ year: 2027 })).toBe('FY2027');
    expect(fiscalYearWords({})).toBe('year not stated');
    expect(fiscalYearWords({ startMonth: 7 })).toBe('year not stated, from July');
    expect(fiscalYearWords({ startMonth: 2, year: 2027 })).toBe('FY2027, from February');
  });
  // A pin, not a test of the fix: score's verdicts and words (literal) were these before the
  // unification too, and must stay so now that score goes through the shared rule.
  it("score's differentYears gives the shared rule's verdict, in its words", () => {
    const verdicts: Array<[Array<{ fiscalYearStartMonth?: number; fiscalYear?: number }>, string | undefined]> = [
      [[{ fiscalYearStartMonth: 2, fiscalYear: 2027 }, { fiscalYear: 2027 }], undefined],
      [[{ fiscalYearStartMonth: 2 }, { fiscalYearStartMonth: 3 }], '"r0": year not stated, from February; "r1": year not stated, from March'],
      [[{ fiscalYear: 2027 }, { fiscalYearStartMonth: 2, fiscalYear: 2028 }], '"r0": FY2027; "r1": FY2028, from February'],
      [[{}, {}], undefined],
    ];
    for (const [c, expected] of verdicts) expect(differentYears(c.map((r, i) => ({ dir: `r${i}`, tiers: [], ...r })))).toBe(expected);
  });
});
