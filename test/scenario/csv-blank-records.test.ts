import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { blankRecordsWidened, Locator, readCsv } from '../../src/scenario/csv-table.js';
import { createStream } from '../../src/random/source.js';

/**
 * Blank records reach csv-parse as rows of empty fields as wide as the header (csv-parse builds an
 * error object for each record of another width: 250,000 blank lines took seconds). The records it
 * returns must be those of the original text, one for one, but for blank ones, which become all
 * empty; positions are read in the original text, so they are checked by the readers' own tests
 * (customer-book.test.ts locates cells in files with blank lines, quotes and mixed line ends).
 */
const OPTIONS = { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, trim: true };
const records = (text: string) => parse(text, OPTIONS) as string[][];
const isBlank = (record: readonly string[]) => record.every((f) => f === '');

const H = 'id,tier,arr';
const texts: [string, string][] = [
  ['blank lines between rows', `${H}\n\nc1,smb,5\n\n\nc2,ent,6\n`],
  ['blank lines before the header', `\n\n${H}\nc1,smb,5\n`],
  ['spaces and tabs only', `${H}\n  \t \nc1,smb,5\n\t\n`],
  ['CRLF and CR line ends', `${H}\r\n\r\nc1,smb,5\r\rc2,ent,6\r\n`],
  ['a byte-order mark, then a blank line', `\uFEFF\n${H}\nc1,smb,5\n`],
  ['a blank line inside quotes is the field’s, not a record', `${H}\n"c\n\n1",smb,5\n\nc2,ent,6\n`],
  ['a last blank record without a line end', `${H}\nc1,smb,5\n\n   `],
  ['rows of another width stay as they were', `${H}\n\nc1,smb\nc2,ent,6,7\n`],
];

describe('blank records widened for csv-parse', () => {
  it.each(texts)('%s: the same records, blank ones as wide as the header', (_, text) => {
    const widened = blankRecordsWidened(text, new Locator(text));
    expect(widened).toBeDefined();
    const before = records(text);
    const after = records(widened!);
    expect(after).toHaveLength(before.length);
    after.forEach((record, i) => {
      if (isBlank(before[i]!)) {
        expect(isBlank(record)).toBe(true);
        expect(record).toHaveLength(3);
      } else expect(record).toEqual(before[i]);
    });
  });

  it('gives csv-parse the same records for 1,000 random texts of commas, quotes, spaces, letters and line ends', () => {
    const rnd = createStream('csv blank records');
    const alphabet = [',', '"', '\n', '\r', '\r\n', ' ', '\t', 'a', 'b'];
    let widenedSome = 0;
    for (let k = 0; k < 1000; k++) {
      let body = '';
      for (let i = Math.floor(rnd() * 40); i > 0; i--) body += alphabet[Math.floor(rnd() * alphabet.length)];
      const text = `${H}\n${body}`;
      let before: string[][];
      try {
        before = records(text);
      } catch {
        continue; // broken quoting: readCsv reports it from the original text's error
      }
      const widened = blankRecordsWidened(text, new Locator(text));
      if (widened === undefined) continue;
      widenedSome++;
      const after = records(widened);
      expect(after.length, JSON.stringify(text)).toBe(before.length);
      after.forEach((record, i) => expect(isBlank(before[i]!) ? isBlank(record) : record, JSON.stringify(text)).toEqual(isBlank(before[i]!) ? true : before[i]));
    }
    expect(widenedSome).toBeGreaterThan(100);
  });

  it.each([
    ['a no-break space before a quote', '\u00a0'],
    ['a form feed before a quote', '\f'],
    ['a vertical tab before a quote', '\v'],
    ['an ideographic space before a quote', '\u3000'],
  ])('%s: a blank line inside the quotes stays the field\u2019s (csv-parse trims more than space and tab)', (_, space) => {
    const text = `id,arr\n${space}"Acme\n\nCorp",1200\n\nc2,5\n`;
    expect(blankRecordsWidened(text, new Locator(text))).toBeUndefined();
    const t = readCsv(text, 'b.csv', [{ name: 'id', required: true }, { name: 'arr' }], 'customers');
    expect(t.rows).toEqual([
      ['Acme\n\nCorp', '1200'],
      ['c2', '5'],
    ]);
  });

  it('a header csv-parse refuses after blank lines is reported where it is', () => {
    const text = '\n\nid,"a"b\nc1,2\n';
    expect(blankRecordsWidened(text, new Locator(text))).toBeUndefined();
    let message = '';
    try {
      readCsv(text, 'b.csv', [{ name: 'id' }, { name: 'a' }], 'customers');
    } catch (err) {
      message = String((err as Error).message);
    }
    expect(message).toMatch(/^b\.csv:3:4 /);
  });

  it('leaves a text without blank lines, or with a one-column header, alone', () => {
    expect(blankRecordsWidened(`${H}\nc1,smb,5\n`, new Locator(`${H}\nc1,smb,5\n`))).toBeUndefined();
    expect(blankRecordsWidened('id\n\nc1\n', new Locator('id\n\nc1\n'))).toBeUndefined();
    expect(blankRecordsWidened('\n\n', new Locator('\n\n'))).toBeUndefined();
  });

  it('readCsv reads the same rows, and reports a bad row at its line, however many blank lines come before it', () => {
    const columns = [{ name: 'id', required: true }, { name: 'tier' }, { name: 'arr' }];
    const text = `\n${H}\n${'\n'.repeat(10_000)}c1,smb,5\n  \r\nc2,ent\nc3,ent,7\n`;
    const t = readCsv(text, 'b.csv', columns, 'customers');
    expect(t.rows).toEqual([
      ['c1', 'smb', '5'],
      ['c3', 'ent', '7'],
    ]);
    expect(t.lineOf(0)).toBe(10_003);
    expect(t.lineOf(1)).toBe(10_006);
    expect(() => t.throwIfProblems()).toThrow('has 2 fields but the header has 3');
    try {
      t.throwIfProblems();
    } catch (err) {
      expect((err as { issues: { line?: number; column?: number }[] }).issues[0]).toMatchObject({ line: 10_005, column: 1 });
    }
  });
});
