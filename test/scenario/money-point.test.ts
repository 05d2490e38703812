import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/cli/parse-options.js';
import { readHumanNumber } from '../../src/scenario/human-number.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';

/**
 * In money, a point before exactly three digits may be a European thousands separator (12.000 is
 * twelve thousand) or a decimal point: every money reader refuses it with both readings, as the CSV
 * readers refuse such a cell. `--target revenue=22.500` was read as 22.5. A figure with k, M or B after
 * it (`1.500M`) keeps its point as a decimal point: nobody groups the thousands of millions, and the
 * grouped reading would advise 1234M for `1.234M`.
 */
const cases: Array<[string, string, string | undefined]> = [
  // text, the reading with the point a thousands separator, the decimal one (none when it ends in three digits again)
  ['22.500', '22500', '22.5'],
  ['€12.000', '12000', '12'],
  ['1.234', '1234', undefined],
];
const readers: Array<[string, (text: string) => unknown]> = [
  ['--target', (text) => parseTarget(`revenue=${text}`)],
  ["the studio's target box (readHumanNumber, amount)", (text) => {
    const r = readHumanNumber(text, 'amount');
    if (!r.ok) throw new Error(r.message);
    return r.value;
  }],
  ["a scenario's money field", (text) => parseScenario(`name: P\ntiers:\n  - name: SMB\n    existing: { openingArr: "${text}", customers: 10, renewalRate: 0.9 }\n`)],
];

describe('a point before three digits in money', () => {
  for (const [reader, read] of readers)
    it.each(cases)(`${reader}: %s is refused with both readings`, (text, grouped, decimal) => {
      let message = '';
      try {
        read(text);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain(`write ${grouped} (the point a thousands separator)`);
      if (decimal !== undefined) expect(message).toContain(` or ${decimal} (a decimal point), whichever it is`);
      else expect(message).not.toContain('(a decimal point)');
    });

  it.each(cases.filter(([text]) => /^\d+\.\d{3}$/.test(text)))("a customer book's arr cell: %s is refused with both readings, as the readers above", (text, grouped, decimal) => {
    expect(() => readCustomerBooks(`id,tier,arr,next_renewal,term_months\nc1,SMB,${text},3,12\n`, 'b.csv', ['SMB'], ['SMB'], { year: 2027, startMonth: 1 })).toThrow(
      `write ${grouped} (a thousands separator)${decimal === undefined ? '' : ` or ${decimal} (a decimal point), whichever it is`}`,
    );
  });

  it.each([['22.5', 22.5], ['1.25M', 1.25e6], ['0.500', 0.5], ['22,500', 22500], ['1.5000M', 1.5e6], ['1.500M', 1.5e6], ['12.000k', 12000], ['1.234M', 1.234e6], ['45.004M', 45.004e6]])('%s is still read', (text, value) => {
    expect(parseTarget(`revenue=${text}`)[0]!.value).toBe(value);
  });
});

describe('a currency sign before a figure in millions', () => {
  it.each([['$1.500M', '1.500M'], ['€12.000k', '12.000k']])('%s is told to write %s (its point a decimal point)', (text, meant) => {
    const r = readHumanNumber(text, 'amount');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`write ${meant}`);
      expect(r.message).not.toContain('thousands separator');
    }
  });
});
