import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { outcomesFromActuals } from '../../src/scoring/outcomes-from-actuals.js';
import { existsSync } from 'node:fs';
import { writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { monthlyFile, monthlyFileProblems } from './monthly-file.js';

/**
 * fit leaves out a tier with nothing left (a book run down, no new business), with a warning; an
 * export of every tier still lists it, all 0. The re-forecast of the fitted scenario (and score
 * against it) must read such a file: a tier the scenario does not have whose every figure is 0 is
 * left out, with a warning at its first row; with any figure above 0 it is refused, as before.
 * Before, `run --actuals` refused the zero rows ("no tier is named \"Z\"", exit 2).
 */
const head = 'month,tier,leads,deals,new_arr,renewed_arr,due_arr,ending_arr';
const a = ['1,A,1000,50,500000,90000,100000,1490000', '2,A,1000,50,500000,90000,100000,1980000', '3,A,1000,50,500000,90000,100000,2470000'];
const zeros = ['1,Z,0,0,0,0,0,0', '2,Z,0,0,0,0,0,0', '3,Z,0,0,0,0,0,0'];
const text = (z: readonly string[]) => `${head}\n${a.join('\n')}\n${z.join('\n')}\n`;

/** The issues a ScenarioError thrown by `f` carries. */
function issuesOf(f: () => unknown): { message: string; line?: number; path: unknown[] }[] {
  try {
    f();
  } catch (err) {
    return (err as { issues: { message: string; line?: number; path: unknown[] }[] }).issues;
  }
  throw new Error('did not throw');
}

describe('an actuals tier the scenario does not have', () => {
  it('all 0: left out, named with its first line and its rows', () => {
    const file = parseMonthlyFile(text(zeros), 'a.csv', { kind: 'actuals', tiers: ['A'] });
    expect(file.tiers).toEqual(['A']);
    expect(file.leftOut).toEqual([{ tier: 'Z', line: 5, rows: 3 }]);
    expect(parseMonthlyFile(text([]), 'a.csv', { kind: 'actuals', tiers: ['A'] }).leftOut).toBeUndefined();
  });

  it('with a figure above 0: each of its rows refused, as before', () => {
    const one = [...zeros.slice(0, 2), '3,Z,0,0,0,0,0,1'];
    expect(monthlyFileProblems(text(one), { kind: 'actuals', tiers: ['A'] })).toEqual([5, 6, 7].map((l) => `${l}:3 tier: no tier is named "Z" (did you mean "A"?)`));
  });

  it('run --actuals re-forecasts the rest, warning at the tier\'s first row (exit 0)', async () => {
    const dir = writeFiles({
      's.yaml': 'name: s\ntiers:\n  - name: A\n    existing: { openingArr: 1000000, customers: 100, dollarRenewalRate: 0.9 }\n    newBusiness: { leadsPerMonth: 1000, conversion: 0.05, acv: 10000 }\n',
      'a.csv': text(zeros),
    });
    const r = await runCli('run', join(dir, 's.yaml'), '--actuals', join(dir, 'a.csv'), '-n', '100', '-w', '0', '--outputs', 'summary', '--out', join(dir, 'r'), '--no-progress');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`arrcast: warning [actuals-tier-left-out] ${join(dir, 'a.csv')}:5:1 tier: tier "Z" left out of the re-forecast: the scenario has no such tier, and its 3 rows are all 0`);
  });

  it('score leaves it out of a year\'s outcomes as well', () => {
    const year = (tier: string, v: number) => Array.from({ length: 12 }, () => ({ ending_arr: v, revenue: v / 12 }));
    const report = { dir: 'plan', tiers: ['A'] };
    const outcomes = outcomesFromActuals(monthlyFile({ A: year('A', 1200), Z: year('Z', 0) }), [report]);
    expect(new Set(outcomes.map((o) => o.tier))).toEqual(new Set(['A', undefined]));
    expect(() => outcomesFromActuals(monthlyFile({ A: year('A', 1200), Z: year('Z', 5) }), [report])).toThrow(/tier "Z" is not a tier of report/);
  });

  // The review of act23: the rule must not swallow a misspelt tier, nor skip the checks other rows get.
  it('all 0 but a near-match of a scenario tier without rows: refused with the did-you-mean (the reviewer\'s typo.csv)', () => {
    const typo = 'month,tier,leads,deals,new_arr,ending_arr\n1,A,0,0,0,1200000\n1,Enterprse,0,0,0,0\n';
    expect(monthlyFileProblems(typo, { kind: 'actuals', tiers: ['A', 'Enterprise'] })).toEqual(['3:3 tier: no tier is named "Enterprse" (did you mean "Enterprise"?)']);
    // Near a tier that has rows ("Z" is one edit from "A"): nothing of A's goes unread, so left out.
    expect(parseMonthlyFile(text(zeros), 'a.csv', { kind: 'actuals', tiers: ['A'] }).leftOut).toEqual([{ tier: 'Z', line: 5, rows: 3 }]);
  });

  it('all 0: its rows still get the duplicate, order and one-spelling checks (the reviewer\'s zdup.csv)', () => {
    const zdup = ['1,Z,0,0,0,0,0,0', '1,Z,0,0,0,0,0,0', '3,z,0,0,0,0,0,0', '2,Z,0,0,0,0,0,0'];
    expect(monthlyFileProblems(text(zdup), { kind: 'actuals', tiers: ['A'] })).toEqual([
      '6:1 month: month 1 of tier "Z" appears twice (first on line 5)',
      '7:3 tier: tier "z" is tier "Z" spelled differently: write each tier\'s name one way',
      '8:1 month: month 2 of tier "Z" comes after its month 3 (line 7): give each tier\'s months in order',
    ]);
  });

  const year = (v: number) => Array.from({ length: 12 }, () => ({ ending_arr: v, revenue: v / 12 }));
  it('score: a misspelt all-0 tier of a report tier without rows is refused at its first row (the reviewer\'s typo12.csv)', () => {
    const report = { dir: 'plan', tiers: ['A', 'Enterprise'] };
    const file = monthlyFile({ A: year(1200), Enterprse: year(0) });
    expect(() => outcomesFromActuals(file, [report])).toThrow('tier "Enterprse" is not a tier of report "plan" (did you mean "Enterprise", which has no rows? its tiers: A, Enterprise)');
    try {
      outcomesFromActuals(file, [report]);
    } catch (err) {
      expect((err as { issues: { line?: number }[] }).issues.map((i) => i.line)).toEqual([14]);
    }
  });

  it('score: a file with no row of the report\'s tiers is refused, not scored as nothing (the reviewer\'s onlyz.csv), naming the tier at its first row', () => {
    const only = () => outcomesFromActuals(monthlyFile({ Zed: year(0) }), [{ dir: 'plan', tiers: ['A', 'Enterprise'] }]);
    // act24: before, "has no row of a tier of report ...", with neither the tier nor a line.
    expect(only).toThrow('tier "Zed" is not a tier of report "plan" (its tiers: A, Enterprise); its 12 rows are all 0, and the file has no row of a tier of the report: nothing to score');
    expect(issuesOf(only).map((i) => [i.line, i.path])).toEqual([[2, ['tier']]]);
    // Not all 0: the one refusal of the unknown tier, not a second "nothing to score" beside it.
    expect(issuesOf(() => outcomesFromActuals(monthlyFile({ Zed: year(5) }), [{ dir: 'plan', tiers: ['A'] }])).map((i) => i.message)).toEqual(['tier "Zed" is not a tier of report "plan" (its tiers: A)']);
  });

  it('run --actuals: a file whose only rows are an all-0 tier the scenario does not have is refused at its first row, naming it (as score)', () => {
    // act24: before, "month: covers 0 months; this needs at least 1", at no line.
    expect(monthlyFileProblems(`${head}\n${zeros.join('\n')}\n`, { kind: 'actuals', tiers: ['Alpha', 'Beta'] })).toEqual([
      '2:3 tier: no tier is named "Z"; the scenario\'s tiers are: "Alpha", "Beta"; its 3 rows are all 0, and the file has no row of a tier the scenario has: nothing to re-forecast',
    ]);
    // Near a tier without rows: the did-you-mean, at each row, as before.
    expect(monthlyFileProblems(`${head}\n1,Betta,0,0,0,0,0,0\n`, { kind: 'actuals', tiers: ['Alpha', 'Beta'] })).toEqual(['2:3 tier: no tier is named "Betta" (did you mean "Beta"?)']);
  });

  it('score warns about each tier it leaves out, once, at its first row (exit 0), and writes nothing for onlyz (exit 2)', async () => {
    const dir = writeFiles({
      's.yaml': 'name: s\nseed: 1\ntiers:\n  - name: A\n    existing: { openingArr: 1200000, customers: 100, renewalRate: 0.9 }\n',
      'z.csv': `month,tier,revenue,ending_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},A,100000,1200000\n${k + 1},Zed,0,0`).join('\n')}\n`,
      'onlyz.csv': `month,tier,revenue,ending_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},Zed,0,0`).join('\n')}\n`,
    });
    const run = await runCli('run', join(dir, 's.yaml'), '-n', '40', '-w', '0', '--quiet', '--no-progress', '--outputs', 'summary,trials', '--out', join(dir, 'r'));
    expect(run.code, run.err).toBe(0);
    const ok = await runCli('score', join(dir, 'r'), '--actuals', join(dir, 'z.csv'));
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err.split('\n').filter((l) => l.includes('[actuals-tier-left-out]'))).toEqual([
      `arrcast: warning [actuals-tier-left-out] ${join(dir, 'z.csv')}:3:1 tier: tier "Zed" left out of the score: report "${join(dir, 'r')}" has no such tier, and its 12 rows are all 0 (nothing in the year: a tier fit leaves out of the scenario it writes)`,
    ]);
    const none = await runCli('score', join(dir, 'r'), '--actuals', join(dir, 'onlyz.csv'), '--out', join(dir, 'sc'));
    expect(none.code).toBe(2);
    expect(none.err).toContain('nothing to score');
    expect(existsSync(join(dir, 'sc'))).toBe(false);
  });
});
