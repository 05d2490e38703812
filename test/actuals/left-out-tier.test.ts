import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { outcomesFromActuals } from '../../src/scoring/outcomes-from-actuals.js';
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
});
