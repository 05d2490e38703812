import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';

/**
 * The renewal calendar of a tier launched within the history (a book, nothing of it due in its last
 * 12 months) is built on a contract term read from the other tiers where the history allows: their
 * ARR due in a year over their ARR live 12 months before the end is about 12 / term (1 annual, 12
 * monthly, 0.5 two-year). Before, annual terms were assumed whatever the data said.
 *
 * Histories worked by hand: tier A (and B) a steady book of 1,200,000; "New" the launched tier.
 */
const head = 'month,tier,renewed_arr,due_arr,ending_arr';
/** months of A and B due `dueA` a month, and New's ending_arr by month. */
const history = (months: number, dueA: number, newEnding: (k: number) => number) =>
  `${head}\n${Array.from({ length: months }, (_, i) => {
    const k = i + 1;
    return [`${k},A,${0.9 * dueA},${dueA},1200000`, `${k},B,${0.8 * dueA},${dueA},1200000`, `${k},New,0,0,${newEnding(k)}`].join('\n');
  }).join('\n')}\n`;
const fitNew = (text: string) => {
  const fit = fitHistory({ history: parseMonthlyFile(text, 'h.csv', { kind: 'history' }) });
  const block = fittedScenarioText(fit).split('\n  - name: "New"')[1]!;
  return { existing: fit.tiers.find((t) => t.name === 'New')!.existing!, block };
};

describe('fit: the contract term of a launched tier is read from the other tiers', () => {
  it('annual terms (100,000 due a month on 1,200,000 live): the ARR added in months 7-12 comes due in fiscal months 7-12', () => {
    const { existing, block } = fitNew(history(12, 100_000, (k) => (k >= 7 ? (k - 6) * 50_000 : 0)));
    expect(existing.term).toMatchObject({ months: 12, from: 'other-tiers', turnover: 1 });
    // 50,000 a month of an opening 300,000: 1/6 in each of fiscal months 7-12.
    expect(existing.calendar.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    for (const share of existing.calendar.slice(6)) expect(share).toBeCloseTo(1 / 6, 12);
    expect(block).toContain('#   Its term, annual, is read from the data: the other tiers\' ARR due in their last 12 months is 1.00 times');
  });

  it('monthly terms (1,200,000 due a month on 1,200,000 live), a tier launched in the last month: due every month, 1/12 a month', () => {
    const { existing, block } = fitNew(history(12, 1_200_000, (k) => (k === 12 ? 240_000 : 0)));
    expect(existing.term).toMatchObject({ months: 1, from: 'other-tiers', turnover: 12 });
    for (const share of existing.calendar) expect(share).toBeCloseTo(1 / 12, 12);
    expect(block).toContain('#   Its term, monthly, is read from the data:');
    expect(block).toContain('its ARR comes due 12 times a year; a book of aggregates renews each dollar once a year');
  });

  it("monthly terms read from the others, but the tier's first ARR 3 months before the end never came due: annual assumed, and said", () => {
    const { existing, block } = fitNew(history(12, 1_200_000, (k) => (k >= 9 ? 100_000 : 0)));
    expect(existing.term).toMatchObject({ months: 12, from: 'assumed', contradicted: { months: 1, sinceFirst: 3 } });
    expect(existing.calendar).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(block).toContain('Its term is ASSUMED annual:');
    expect(block).toContain('but monthly would have brought its first ARR (3 months before the end) due already, and none came;');
    expect(block).toContain('(it began within them)');
  });

  it("annual terms read from the others, the tier's first ARR 14 months before the end never came due: two-year assumed, not annual (the comment said both)", () => {
    // The reviewer's late.csv: New at 100,000 from month 10 of 24. Annual would have brought it due in month 22; a 2-year
    // term (the shortest whole number of years above 14 months) brings it due in month 34 = fiscal month 10.
    const { existing, block } = fitNew(history(24, 100_000, (k) => (k >= 10 ? 100_000 : 0)));
    expect(existing.term).toMatchObject({ months: 24, from: 'assumed', contradicted: { months: 12, sinceFirst: 14 } });
    expect(existing.calendar).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(block).toContain('(its first ARR was live 14 months before the end)');
    expect(block).toContain('Its term is ASSUMED 2-year:');
    expect(block).toContain('but annual would have brought its first ARR (14 months before the end) due already, and none came;');
    expect(block).not.toContain('ASSUMED annual');
    expect(block).not.toContain('it began within them');
  });

  it('two-year terms (50,000 due a month on 1,200,000 live): ARR added 18 months before the end comes due in fiscal month 6', () => {
    // New: 100,000 added in month 6 of 24, 300,000 in month 20; opening 400,000. Month 6 + 24 = month 30 = fiscal month 6;
    // month 20 + 24 = 44, after the year. The 100,000 live 12 months before the end all comes due: none left "after this year".
    const { existing } = fitNew(history(24, 50_000, (k) => (k >= 20 ? 400_000 : k >= 6 ? 100_000 : 0)));
    expect(existing.term).toMatchObject({ months: 24, from: 'other-tiers', turnover: 0.5 });
    expect(existing.calendar).toEqual([0, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 0, 0]);
    expect(existing.notDueArr).toBeUndefined();
  });

  it('a mix of terms among the other tiers: annual assumed, and said', () => {
    // A and B: 63,000 due a month on 1,200,000 live, 12 / 0.63 = 19 months: neither one year nor two.
    const { existing, block } = fitNew(history(12, 63_000, (k) => (k >= 7 ? 100_000 : 0)));
    expect(existing.term).toMatchObject({ months: 12, from: 'assumed', mixed: true });
    expect(block).toContain('no single term (a mix).');
    expect(existing.calendar[6]).toBeCloseTo(1, 12);
  });
});
