import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * A history whose tier ends with ARR live but gives no due_arr or renewed_arr was fitted without an
 * existing book (exit 0, a comment in the YAML alone): 12 months ending at 6,100,000 of ARR gave a
 * scenario of new business only, its forecast short by the whole book. It is refused at the last
 * row's ending_arr cell, naming the columns missing; without ending_arr, new business alone is fitted.
 */
const row = (k: number) => ({ leads: 1000 + 10 * k, deals: 30 + (k % 3), newArr: (30 + (k % 3)) * 10000, ending: 5e6 + k * 1e5, due: 100000, renewed: 90000 });
const history = (columns: readonly string[]) => {
  const lines = [`month,tier,${columns.join(',')}`];
  for (let k = 0; k < 12; k++) {
    const r = row(k);
    const v: Record<string, number> = { leads: r.leads, deals: r.deals, new_arr: r.newArr, ending_arr: r.ending, due_arr: r.due, renewed_arr: r.renewed };
    lines.push(`${k + 1},Core,${columns.map((c) => v[c]).join(',')}`);
  }
  return parseMonthlyFile(lines.join('\n') + '\n', 'h.csv', { kind: 'history' });
};
const refusal = (columns: readonly string[]) => {
  try {
    fitHistory({ history: history(columns) });
  } catch (err) {
    return (err as ScenarioError).issues.map((i) => [i.line, i.column, i.message]);
  }
  return undefined;
};

describe('fit, a tier ending with ARR live but without the columns of its book', () => {
  it('is refused at the last row ending_arr, naming due_arr and renewed_arr', () => {
    // Line 13 (the header, then 12 months); ending_arr is the 6th field: "12,Core,1110,32,320000," is 23 characters.
    expect(refusal(['leads', 'deals', 'new_arr', 'ending_arr'])).toEqual([
      [13, 24, 'tier "Core" ends with 6100000 of ARR live, but its existing book needs due_arr and renewed_arr too (the ARR due each month and what renewed: its renewal calendar and rate): add them, or drop the ending_arr column to fit new business alone'],
    ]);
  });

  it('names the one column missing', () => {
    const got = refusal(['leads', 'deals', 'new_arr', 'ending_arr', 'due_arr']);
    expect(got?.map((x) => x[2])).toEqual([expect.stringContaining('its existing book needs renewed_arr too (') as unknown as string]);
    expect(got?.[0]?.[2]).toContain('add it, or drop');
  });

  it('fits new business alone without ending_arr, and the book with all three columns', () => {
    const alone = fitHistory({ history: history(['leads', 'deals', 'new_arr']) });
    expect(alone.tiers[0]!.existing).toBeUndefined();
    expect(fittedScenarioText(alone)).toContain('no existing book fitted');
    const whole = fitHistory({ history: history(['leads', 'deals', 'new_arr', 'ending_arr', 'due_arr', 'renewed_arr']) });
    expect(whole.tiers[0]!.existing?.openingArr).toBe(6_100_000);
  });
});

/**
 * The same for new business: a history with leads and deals but no new_arr (and no --deals) was
 * fitted without new business, exit 0, a comment alone saying so. Refused at the first row of its
 * last 12 months that sold, naming the columns missing.
 */
describe('fit, a tier selling in its last 12 months without the columns new business needs', () => {
  // Leads over the 12 months: 1000 + 10 k summed = 12,660; deals 30 + (k mod 3) summed = 372.
  it('leads and deals without new_arr: refused at the first month\'s deals cell', () => {
    // Line 2 (the first month); deals is the 4th field: "1,Core,1000," is 12 characters.
    expect(refusal(['leads', 'deals', 'ending_arr', 'due_arr', 'renewed_arr'])).toEqual([
      [2, 13, 'tier "Core" has 12660 leads and 372 deals in its last 12 months, but new business needs new_arr too (or the deals\' amounts with --deals): add it, or drop the leads and deals columns to fit the existing book alone'],
    ]);
  });

  it('leads alone: refused at the leads cell, naming deals and new_arr', () => {
    expect(refusal(['leads', 'ending_arr', 'due_arr', 'renewed_arr'])).toEqual([
      [2, 8, 'tier "Core" has 12660 leads in its last 12 months, but new business needs deals and new_arr too (or the deals\' amounts with --deals): add them, or drop the leads column to fit the existing book alone'],
    ]);
  });

  it('fits the existing book alone without leads and deals', () => {
    const book = fitHistory({ history: history(['ending_arr', 'due_arr', 'renewed_arr']) });
    expect(book.tiers[0]!.newBusiness).toBeUndefined();
    expect(book.tiers[0]!.existing?.openingArr).toBe(6_100_000);
  });
});

