import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { parseDeals } from '../../src/fit/read-deals.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * A history's columns are the file's: a tier that sells no more (a legacy tier, closed to new
 * customers) has 0 leads, deals and new_arr beside tiers that sell. Fit refused the file ("drop the
 * leads and deals columns for a tier without new business"), and dropping them dropped every
 * tier's new business. Such a tier is fitted with its existing book alone, and says why.
 */
const HEADER = 'month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr';
const rows = (legacy: (m: number) => string) =>
  Array.from({ length: 12 }, (_, k) => [`${k + 1},New,${1000 + 10 * k},${30 + (k % 3)},${(30 + (k % 3)) * 10000},${5e6 + k * 1e5},100000,90000`, `${k + 1},Legacy,${legacy(k + 1)},${20e6 - k * 1e5},1000000,900000`]).flat();
const fit = (legacy: (m: number) => string) => fitHistory({ history: parseMonthlyFile(`${HEADER}\n${rows(legacy).join('\n')}\n`, 'h.csv', { kind: 'history' }) });

describe('fit, a tier without new business beside tiers with it', () => {
  it('fits the legacy tier with its existing book alone, a comment saying so; the other tier keeps its new business', () => {
    const fitted = fit(() => '0,0,0');
    const [sells, legacy] = fitted.tiers;
    expect(sells!.newBusiness).toBeDefined();
    expect(legacy!.newBusiness).toBeUndefined();
    expect(legacy!.existing?.openingArr).toBe(20e6 - 11e5);
    const text = fittedScenarioText(fitted);
    expect(text).toContain('# no new business fitted: no leads, deals or new_arr in its last 12 months');
    const { scenario } = parseScenario(text, 'fitted.yaml');
    expect(scenario.tiers.map((t) => [t.name, t.newBusiness !== undefined])).toEqual([
      ['New', true],
      ['Legacy', false],
    ]);
  });

  it('still refuses leads with no deals, or deals with no leads, naming the other count', () => {
    const issues = (legacy: (m: number) => string) => {
      try {
        fit(legacy);
      } catch (err) {
        expect(err).toBeInstanceOf(ScenarioError);
        return (err as ScenarioError).issues.map((i) => `${i.line}:${i.column} ${i.path.join('.')}: ${i.message}`);
      }
      return [];
    };
    expect(issues(() => '50,0,0')).toEqual([
      '3:1 deals: tier "Legacy" has no deals in its last 12 months but 600 leads: conversion and ACV cannot be fitted (a tier without new business has 0 leads, deals and new_arr in those months)',
    ]);
    // No leads or deals in the history, but deals of the tier in --deals: the files disagree.
    expect(
      (() => {
        try {
          fitHistory({
            history: parseMonthlyFile(`${HEADER}\n${rows(() => '0,0,0').join('\n')}\n`, 'h.csv', { kind: 'history' }),
            deals: parseDeals('close_month,tier,amount\n5,Legacy,50000\n', 'deals.csv', ['New', 'Legacy'], 12, undefined),
            dealsFile: 'deals.csv',
          });
        } catch (err) {
          return (err as ScenarioError).issues.map((i) => i.message);
        }
        return [];
      })(),
    ).toEqual(['tier "Legacy" has no deals in its last 12 months and no leads, but deals.csv has deals of it then: conversion and ACV cannot be fitted (a tier without new business has 0 leads, deals and new_arr in those months)']);
    expect(issues(() => '0,2,20000')).toEqual([
      '3:1 leads: tier "Legacy" has no leads in its last 12 months but 24 deals: conversion and ACV cannot be fitted (a tier without new business has 0 leads, deals and new_arr in those months)',
    ]);
  });
});

describe('fit, a tier without an existing book beside tiers with one', () => {
  // A tier launched in the fitted year: it sells, but had nothing live, due or renewed.
  const launch = (book: string) =>
    fitHistory({
      history: parseMonthlyFile(
        `${HEADER}\n${Array.from({ length: 12 }, (_, k) => [`${k + 1},Old,0,0,0,${20e6 - k * 1e5},1000000,900000`, `${k + 1},Launch,${500 + k},${10 + (k % 2)},${(10 + (k % 2)) * 8000},${book}`]).flat().join('\n')}\n`,
        'h.csv',
        { kind: 'history' },
      ),
    });

  it('fits the launched tier with its new business alone, a comment saying so; the other keeps its book', () => {
    const fitted = launch('0,0,0');
    expect(fitted.tiers.map((t) => [t.name, t.newBusiness !== undefined, t.existing !== undefined])).toEqual([
      ['Old', false, true],
      ['Launch', true, false],
    ]);
    const text = fittedScenarioText(fitted);
    expect(text).toContain('# no existing book fitted: its ending_arr is 0 at the end, with no ARR due or renewed in its last 12 months');
    expect(parseScenario(text, 'fitted.yaml').scenario.tiers).toHaveLength(2);
  });

  it('refuses a tier with neither, at its first line', () => {
    try {
      fitHistory({ history: parseMonthlyFile(`${HEADER}\n1,Z,0,0,0,0,0,0\n${Array.from({ length: 11 }, (_, k) => `${k + 2},Z,0,0,0,0,0,0`).join('\n')}\n`, 'h.csv', { kind: 'history' }) });
      expect.unreachable();
    } catch (err) {
      expect((err as ScenarioError).issues.map((i) => [i.line, i.message])).toEqual([
        [2, 'tier "Z": nothing to fit. no new business fitted: no leads, deals or new_arr in its last 12 months; no existing book fitted: its ending_arr is 0 at the end, with no ARR due or renewed in its last 12 months'],
      ]);
    }
  });

  it("fits a tier with ARR live at the end but none due in the last year with the other tier's renewal (refused before)", () => {
    const e = launch('5000000,0,0').tiers[1]!.existing!;
    expect(e.renewalFrom).toBe('pooled');
    // Old renewed 900,000 of 1,000,000 due every month.
    expect(e.renewal.rate.value).toBeCloseTo(0.9, 12);
    expect(e.openingArr).toBe(5e6);
  });
});
