import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../src/scenario/csv-table.js';
import { isTrimmed, Locator } from '../../src/scenario/csv-locator.js';
import { evenRecords, restoreRecords } from '../../src/scenario/csv-even-records.js';
import { createStream } from '../../src/random/source.js';

/**
 * Records of uneven widths reach csv-parse evened out (commas added to the narrower ones), and come
 * back cut to their own widths: csv-parse builds an error object for each record of another width
 * than its first, so 250,000 blank lines, or 100,000 rows a field short, took seconds. The records
 * must be csv-parse's own for the original text, one for one; Locator's scan, which says how wide
 * each record is and where it starts, must split the text as csv-parse does.
 */
const OPTIONS = { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, trim: true };
const records = (text: string) => parse(text, OPTIONS) as string[][];
/** The records readCsv reads through evening, or undefined when the text needs none. */
const evened = (text: string): string[][] | undefined => {
  const even = evenRecords(text, new Locator(text));
  if (even === undefined) return undefined;
  const restored = restoreRecords(records(even.text), even);
  expect(restored, JSON.stringify(text)).toBeDefined();
  return restored;
};

const H = 'id,tier,arr';
const texts: [string, string][] = [
  ['blank lines between rows', `${H}\n\nc1,smb,5\n\n\nc2,ent,6\n`],
  ['blank lines before the header', `\n\n${H}\nc1,smb,5\n`],
  ['spaces and tabs only', `${H}\n  \t \nc1,smb,5\n\t\n`],
  ['CRLF and CR line ends', `${H}\r\n\r\nc1,smb,5\r\rc2,ent,6\r\n`],
  ['a byte-order mark, then a blank line', `\uFEFF\n${H}\nc1,smb,5\n`],
  ['a blank line inside quotes is the field’s, not a record', `${H}\n"c\n\n1",smb,5\n\nc2,ent,6\n`],
  ['a last blank record without a line end', `${H}\nc1,smb,5\n\n   `],
  ['a last short record without a line end', `${H}\nc1,smb,5\nc2`],
  ['rows short of and past the header', `${H}\n\nc1,smb\nc2,ent,6,7\nc3\n`],
  ['a comma inside quotes is the field’s', `${H}\n"a,b",x\n"c,d",y,1,2\n`],
  ['a no-break space before a quote holding a line break', `id,arr\n\u00a0"Acme\n\nCorp",1200\n\nc2\n`],
  ['a form feed before a quote', `id,arr\n\f"Acme\nCorp",1200\n\f\nc2,5,6\n`],
  ['an ideographic space before a quote', `id,arr\n\u3000"A,\nB"\n\nc2,5\n`],
];

describe('records of uneven widths, evened for csv-parse', () => {
  it.each(texts)('%s: csv-parse’s own records, one for one', (_, text) => {
    expect(evened(text)).toEqual(records(text));
  });

  it('leaves a text whose records are all as wide alone', () => {
    expect(evenRecords(`${H}\nc1,smb,5\n`, new Locator(`${H}\nc1,smb,5\n`))).toBeUndefined();
    expect(evenRecords('id\n\nc1\n', new Locator('id\n\nc1\n'))).toBeUndefined();
    expect(evenRecords('\n\n', new Locator('\n\n'))).toBeUndefined();
    expect(evenRecords(`${H}\nc1,smb,5\n   `, new Locator(`${H}\nc1,smb,5\n   `))).toBeUndefined();
  });

  it('gives csv-parse’s records, and Locator its widths, for 3,000 random texts of commas, quotes, trimmed spaces, letters and line ends', () => {
    const rnd = createStream('csv even records');
    const alphabet = [',', ',', '"', '\n', '\r', '\r\n', ' ', '\t', '\f', '\v', '\u00a0', '\u3000', 'a', 'b'];
    let evenedSome = 0;
    let checked = 0;
    for (let k = 0; k < 3000; k++) {
      let body = '';
      for (let i = Math.floor(rnd() * 40); i > 0; i--) body += alphabet[Math.floor(rnd() * alphabet.length)];
      const text = `${H}\n${body}`;
      let before: string[][];
      try {
        before = records(text);
      } catch {
        continue; // broken quoting: readCsv reports the original text's error
      }
      checked++;
      const { widths } = new Locator(text).records();
      before.forEach((record, r) => expect(widths[r], `${JSON.stringify(text)} record ${r}`).toBe(record.length));
      const after = evened(text);
      if (after === undefined) continue;
      evenedSome++;
      expect(after, JSON.stringify(text)).toEqual(before);
    }
    expect(checked).toBeGreaterThan(1000);
    expect(evenedSome).toBeGreaterThan(500);
  });

  it('refuses records that are not what evening promised, so the original text is parsed instead', () => {
    const text = `${H}\n\nc1\n`;
    const even = evenRecords(text, new Locator(text))!;
    expect(even.text).toBe(`${H}\nc1,,\n`);
    const header = ['id', 'tier', 'arr'];
    expect(restoreRecords([[...header], ['c1', '', '']], even)).toEqual([header, [''], ['c1']]);
    expect(restoreRecords([[...header], ['c1', 'x', '']], even)).toBeUndefined(); // an added field that is not empty
    expect(restoreRecords([[...header], ['c1', '']], even)).toBeUndefined(); // another width
    expect(restoreRecords([[...header], ['c1', '', ''], ['c2', '', '']], even)).toBeUndefined(); // more records than scanned
    expect(restoreRecords([[...header]], even)).toBeUndefined(); // fewer
    expect(restoreRecords([[...header], ['c1', '', '']], even, 2)).toEqual([header, ['']]); // csv-parse's `to`: the first 2
  });

  it('leaves blank records out rather than widen them: 250,000 blank lines under a wide header add nothing', () => {
    // csv-parse gives each blank line a record of one empty field.
    const blankUnder = (lines: number) => ({ text: `${H}\n${'\n'.repeat(lines)}c1,smb,5\n`, expected: [H.split(','), ...Array.from({ length: lines }, () => ['']), ['c1', 'smb', '5']] });
    const big = blankUnder(250_000);
    const even = evenRecords(big.text, new Locator(big.text))!;
    expect(even.text).toBe(`${H}\nc1,smb,5\n`);
    expect(restoreRecords(records(even.text), even)).toEqual(big.expected);
    // The same records csv-parse gives the original text: checked on fewer lines, since csv-parse
    // builds an error object for each (the very cost evening avoids: 6 s of the test at 250,000).
    const small = blankUnder(2_500);
    expect(records(small.text)).toEqual(small.expected);
  });

  it('adds no more than about twice the text: a header of 10,000 columns over one-letter rows is parsed as it is', () => {
    const text = `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n${'x\n'.repeat(1000)}`;
    expect(evenRecords(text, new Locator(text))).toBeUndefined();
  });

  it('trims at a field’s start exactly the characters csv-parse trims (every UTF-16 code unit but line ends, quote, comma and surrogates)', () => {
    const units: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (c !== 10 && c !== 13 && c !== 34 && c !== 44 && (c < 0xd800 || c > 0xdfff)) units.push(c);
    const parsed = records(units.map((c) => `${String.fromCharCode(c)}x`).join('\n'));
    expect(parsed).toHaveLength(units.length);
    const trimmed = units.filter((c, i) => parsed[i]![0] === 'x');
    expect(trimmed.filter((c) => !isTrimmed(c))).toEqual([]);
    expect(units.filter((c) => isTrimmed(c) && !trimmed.includes(c))).toEqual([]);
    expect(trimmed.length).toBeGreaterThan(20);
  });
});

describe('positions after characters csv-parse trims', () => {
  const columns = [{ name: 'id', required: true }, { name: 'arr' }];
  it.each([
    ['a no-break space', '\u00a0'],
    ['a form feed', '\f'],
    ['a vertical tab', '\v'],
    ['an ideographic space', '\u3000'],
    ['an em space', '\u2003'],
  ])('%s before a quoted field holding a line break: later rows are found at their own lines', (_, space) => {
    const t = readCsv(`id,arr\n${space}"Acme\nCorp",1200\nc2,x\n`, 'b.csv', columns, 'customers');
    expect(t.rows).toEqual([
      ['Acme\nCorp', '1200'],
      ['c2', 'x'],
    ]);
    expect(t.lineOf(1)).toBe(4);
    expect(t.columnOf(1, 1)).toBe(4);
    expect(t.lineOf(0)).toBe(2);
    expect(t.columnOf(0, 0)).toBe(2); // the opening quote, after the trimmed character
  });

  it('a value after such characters is located where it starts', () => {
    const t = readCsv(`id,arr\nc1,\u00a0\u00a0x\n`, 'b.csv', columns, 'customers');
    expect(t.cell(0, 1)).toBe('x');
    expect(t.columnOf(0, 1)).toBe(6);
  });
});

describe('readCsv over uneven records', () => {
  const columns = [{ name: 'id', required: true }, { name: 'tier' }, { name: 'arr' }];
  const issuesOf = (text: string) => {
    const t = readCsv(text, 'b.csv', columns, 'customers');
    try {
      t.throwIfProblems();
    } catch (err) {
      return { rows: t.rows, issues: (err as { issues: { message: string; line?: number; column?: number }[] }).issues };
    }
    return { rows: t.rows, issues: [] };
  };

  it('a header csv-parse refuses after blank lines is reported where it is', () => {
    expect(() => readCsv('\n\nid,"a"b\nc1,2\n', 'b.csv', [{ name: 'id' }, { name: 'a' }], 'customers')).toThrow(/^b\.csv:3:4 /);
  });

  it('reads the same rows, and reports a bad row at its line, however many blank lines come before it', () => {
    const { rows, issues } = issuesOf(`\n${H}\n${'\n'.repeat(10_000)}c1,smb,5\n  \r\nc2,ent\nc3,ent,7\n`);
    expect(rows).toEqual([
      ['c1', 'smb', '5'],
      ['c3', 'ent', '7'],
    ]);
    expect(issues).toEqual([{ path: [], message: 'has 2 fields but the header has 3', line: 10_005, column: 1 }]);
  });

  it('lists the first rows of another width at their lines and counts the rest, short rows and long', () => {
    const lines = [H];
    for (let i = 0; i < 30_000; i++) lines.push(i % 2 === 0 ? `c${i},smb` : `c${i},smb,1,200`);
    const { rows, issues } = issuesOf(`${lines.join('\n')}\n`);
    expect(rows).toEqual([]);
    expect(issues).toHaveLength(21);
    expect(issues[0]).toEqual({ path: [], message: 'has 2 fields but the header has 3', line: 2, column: 1 });
    expect(issues[1]).toEqual({ path: [], message: 'has 4 fields but the header has 3: put a value that contains a comma in quotes ("Acme, Inc")', line: 3, column: 10 }); // `c1,smb,1,` is 9 characters
    expect(issues[19]).toMatchObject({ line: 21 });
    expect(issues[20]).toEqual({ path: [], message: '… and 29980 more problems' });
  });
});
