import { describe, expect, it } from 'vitest';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';
import { parseRenewalOutcomes } from '../../src/fit/read-renewal-outcomes.js';

/**
 * A keyword in a data file's cell is read as a tier's name is (nameKey: case, fullwidth letters,
 * invisible characters), as the same files' tier cells are: a customer book's `monthly` and a renewal
 * outcomes file's `yes` / `no` were read by their lower case alone, and refused so written.
 */
const termOf = (cell: string) =>
  readCustomerBooks(`id,tier,arr,next_renewal,term_months\nc1,SMB,600,,"${cell}"\n`, 'b.csv', ['SMB'], ['SMB'], { year: 2027, startMonth: 1 }).get('SMB')!.termMonths[0];
const renewedOf = (cell: string) => parseRenewalOutcomes(`id,tier,arr,renewed\nc1,SMB,100,"${cell}"\n`, 'c.csv', ['SMB']).get('SMB')!.renewed[0];

describe('keyword cells read as names are', () => {
  it.each([
    ['in fullwidth letters', '\uff4d\uff4f\uff4e\uff54\uff48\uff4c\uff59'],
    ['with a zero-width space', 'monthly\u200b'],
    ['with a soft hyphen, in capitals', 'MONTH\u00adLY'],
  ])("a customer book's term_months monthly %s is monthly-billed (1)", (_, cell) => {
    expect(termOf(cell)).toBe(1);
  });

  it.each([
    ['yes in fullwidth letters', '\uff59\uff45\uff53', true],
    ['no with a zero-width joiner', 'no\u200d', false],
  ])("a renewal outcomes file's renewed %s is read", (_, cell, renewed) => {
    expect(renewedOf(cell)).toBe(renewed);
  });

  it('a word that is neither is still refused', () => {
    expect(() => termOf('monthlyy')).toThrow('term_months');
    expect(() => renewedOf('yess')).toThrow('renewed');
  });
});
