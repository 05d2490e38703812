import { describe, expect, it } from 'vitest';
import { outcomeProblems } from './outcome-problems.js';
import { parseOutcomes, type ScoredReport } from '../../src/scoring/outcomes-file.js';

/**
 * An outcomes row with no report scores every report given: a plan and its re-forecasts of one
 * year. Given an FY2027 and an FY2028 plan, `total,revenue,112400000` was scored against both,
 * FY2028's forecast with FY2027's outcome, exit 0 and not a word. Now the row is refused at its
 * line, naming each report's year; a row naming its report is scored as before.
 */
const fy = (dir: string, fiscalYear: number | undefined, fiscalYearStartMonth = 2): ScoredReport => ({
  dir,
  tiers: ['SMB'],
  fiscalYearStartMonth,
  ...(fiscalYear === undefined ? {} : { fiscalYear }),
});

const problems = outcomeProblems;

describe('outcomes rows for every report, when the reports are of different years', () => {
  it('refuses a row with no report column for an FY2027 and an FY2028 plan', () => {
    expect(problems('tier,metric,value\ntotal,revenue,112400000\n', [fy('p27', 2027), fy('p28', 2028)])).toEqual([
      '2:1 report: is not given (no report column), so the row scores every report, but they forecast different fiscal years ("p27": FY2027, from February; "p28": FY2028, from February): name the report this figure is of',
    ]);
  });

  it('refuses an empty report cell for years that start in different months', () => {
    expect(problems('report,tier,metric,value\n,SMB,revenue,5\np2,SMB,revenue,6\n', [fy('p2', undefined, 2), fy('p1', undefined, 1)])).toEqual([
      '2:1 report: is empty, so the row scores every report, but they forecast different fiscal years ("p2": year not stated, from February; "p1": year not stated, from January): name the report this figure is of',
    ]);
  });

  it('scores rows naming their report, and rows for every report of one year (a plan and its re-forecast)', () => {
    expect(parseOutcomes('report,tier,metric,value\np27,total,revenue,1\np28,total,revenue,2\n', 'o.csv', [fy('p27', 2027), fy('p28', 2028)])).toHaveLength(2);
    expect(parseOutcomes('tier,metric,value\ntotal,revenue,1\n', 'o.csv', [fy('plan', 2027), fy('q2', 2027)])).toHaveLength(2);
    // A report that does not state its year may be of the other's: scored as before.
    expect(parseOutcomes('tier,metric,value\ntotal,revenue,1\n', 'o.csv', [fy('plan', undefined), fy('q2', 2027)])).toHaveLength(2);
  });
});
