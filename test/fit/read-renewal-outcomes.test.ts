import { describe, expect, it } from 'vitest';
import { parseRenewalOutcomes } from '../../src/fit/read-renewal-outcomes.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

function problems(text: string): string[] {
  try {
    parseRenewalOutcomes(text, 'c.csv', ['SMB']);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path.join('.')}: ${i.message}`);
  }
  throw new Error('the file was accepted');
}

/**
 * A churned flag is renewed's opposite: 1 for a customer lost. The header "churned" was answered
 * "did you mean renewed?", and a planner who renamed the column as told had every customer read
 * backwards (a book renewing 90% fitted at 10%), without a word.
 */
describe('a renewal-outcomes file with a column meaning the opposite of renewed', () => {
  const FIX = 'write a "renewed" column, 1 (or yes) for a customer that renewed and 0 (or no) for one that churned';
  it.each([
    ['churned', 'churned'],
    ['Churned', 'Churned'],
    ['churn', 'churn'],
    ['is_lost', 'is_lost'],
    ['Cancelled', 'Cancelled'],
  ])('%s is named as the opposite, never as a "did you mean renewed"', (header, shown) => {
    const col = 'id,tier,arr,'.length + 1;
    expect(problems(`id,tier,arr,${header}\nc1,SMB,100,1\n`)).toEqual([
      `1:1 renewed: required column is missing (the header row has: "id,tier,arr,${header}")`,
      `1:${col} : unknown column "${shown}": it means the opposite of "renewed"; ${FIX}`,
    ]);
  });

  it('a column of the same sense still gets its hint', () => {
    expect(problems('id,tier,arr,status\nc1,SMB,100,1\n')).toContain('1:13 : unknown column "status" (did you mean "renewed"?)');
  });
});
