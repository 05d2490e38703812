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
  it("score's differentYears gives the same verdict as the shared rule, in the same words", () => {
    const cases: Array<Array<{ fiscalYearStartMonth?: number; fiscalYear?: number }>> = [
      [{ fiscalYearStartMonth: 2, fiscalYear: 2027 }, { fiscalYear: 2027 }],
      [{ fiscalYearStartMonth: 2 }, { fiscalYearStartMonth: 3 }],
      [{ fiscalYear: 2027 }, { fiscalYearStartMonth: 2, fiscalYear: 2028 }],
      [{}, {}],
    ];
    for (const c of cases) {
      const reports = c.map((r, i) => ({ dir: `r${i}`, tiers: [], ...r }));
      const years = c.map((r) => ({ startMonth: r.fiscalYearStartMonth, year: r.fiscalYear }));
      const shared = differentFiscalYears(years);
      expect(differentYears(reports) !== undefined).toBe(shared);
      if (shared) expect(differentYears(reports)).toBe(reports.map((r, i) => `"${r.dir}": ${fiscalYearWords(years[i]!)}`).join('; '));
    }
  });
});
