import { writeFiles } from './fixtures.js';

/**
 * A folder holding `esc.yaml`, one tier `Ent` whose customer book (`book.csv`) is ten customers at
 * 100,000 on 36-month terms renewing in month 20 with a 10% escalator: every one steps up by 10,000
 * in month 8 (20 - 12), none is due this year and there is no new business, so nothing else moves.
 * Its ARR is 1,000,000 through month 7 and 1,100,000 from month 8.
 */
export function escalatorBookFolder(): string {
  return writeFiles({
    'esc.yaml': `
name: escalators
tiers:
  - name: Ent
    existing: { customersFile: book.csv, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }
`,
    'book.csv': 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\n' + Array.from({ length: 10 }, (_, i) => `c${i},Ent,100000,20,36,1,,0.1\n`).join(''),
  });
}
