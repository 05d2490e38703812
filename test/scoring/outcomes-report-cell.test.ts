import { describe, expect, it } from 'vitest';
import { outcomeProblems } from './outcome-problems.js';
import { parseOutcomes, type ScoredReport } from '../../src/scoring/outcomes-file.js';

/**
 * An outcomes row's report cell names a report as given on the command line, or without its
 * trailing `/` or `\`, or by its last path part. The trailing separators were cut by
 * `replace(/[\\/]+$/, '')`, which from every separator of a run tries the rest of the run before
 * failing at a character after it: quadratic in the run, a cell of 40,000 slashes and an x took
 * 1.6 s, one of 400,000 more than the test timeout, a 16 MB one days. Now a loop from the end.
 */
const report = (dir: string): ScoredReport => ({ dir, tiers: ['SMB'], fiscalYearStartMonth: 1, fiscalYear: 2027 });

const problems = outcomeProblems;

describe('parseOutcomes: the report cell', () => {
  it.each([
    ['as given', 'runs/p27', 'runs/p27'],
    ['with a trailing slash', 'runs/p27/', 'runs/p27'],
    ['with trailing backslashes', 'runs/p27\\\\', 'runs/p27'],
    ['by its last part, given with a slash', 'p27', 'runs/p27/'],
    ['with slashes, given with a slash', 'runs/p27//', 'runs/p27/'],
  ])('names its report %s', (_, cell, dir) => {
    const out = parseOutcomes(`report,tier,metric,value\n${cell},total,revenue,5\n`, 'o.csv', [report(dir)]);
    expect(out.map((o) => [o.report, o.value])).toEqual([[0, 5]]);
  });

  it.each([
    ['400,000 slashes then x (before: past the 60 s test timeout)', `${'/'.repeat(400_000)}x`, `"${'/'.repeat(40)}…"`],
    ['x then 400,000 backslashes and slashes then y', `x${'\\/'.repeat(200_000)}y`, `"x${'\\\\/'.repeat(19)}\\\\…"`],
  ])('a long cell, %s, is no report', (_, cell, shown) => {
    expect(problems(`report,tier,metric,value\n${cell},total,revenue,5\n`, [report('p27')])).toEqual([
      `2:1 report: no report ${shown} is being scored; the reports are: p27`,
    ]);
  });

  it.each([
    ['plan', ['plan', 'a/plan'], 0],
    ['plan/', ['plan', 'a/plan'], 0],
    ['plan', ['a/plan', 'plan/'], 1],
    ['a/plan', ['plan', 'a/plan'], 1],
  ])('%j names the report given so on the command line, before another whose last part it is (%j)', (cell, dirs, index) => {
    // Before, both matched and the row was refused as naming 2 reports, telling the user to give the
    // directory as on the command line, which the cell already did: no cell could name that report.
    const other = dirs[1 - index]!;
    const out = parseOutcomes(`report,tier,metric,value\n${cell},total,revenue,5\n${other},total,revenue,7\n`, 'o.csv', dirs.map(report));
    expect(out.map((o) => [o.report, o.value])).toEqual([
      [index, 5],
      [1 - index, 7],
    ]);
  });

  it('a last part that two reports share is still refused, naming both', () => {
    expect(problems('report,tier,metric,value\nplan,total,revenue,5\n', [report('a/plan'), report('b/plan')])).toEqual([
      '2:1 report: "plan" names 2 of the reports being scored: give the directory as on the command line',
    ]);
  });
});
