import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { plainRecords } from '../../src/scenario/csv-plain-records.js';
import { readCsv } from '../../src/scenario/csv-table.js';

/**
 * A CSV text without quotes is split by plainRecords instead of csv-parse (60 to 80 ms of a
 * 20,000-row book's start-up). Its records must be csv-parse's own, with readCsv's options, for every
 * such text: csv-parse is the reference here, on texts made of the characters where the two could
 * part (each kind of record end, every class of character csv-parse trims, commas, characters
 * outside ASCII and a surrogate pair, and characters close to white space that neither trims: U+180E,
 * U+200B, U+001C, DEL).
 */
const OPTIONS = { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, trim: true };
const csvParse = (text: string, to?: number) => parse(text, to === undefined ? OPTIONS : { ...OPTIONS, to }) as string[][];

const PIECES = ['a', 'b7', '12.5', 'c-1', ',', ',', ',', '\n', '\r', '\r\n', ' ', '\t', '\f', '\v', '\u00a0', '\u1680', '\u2000', '\u2003', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b', '\u001c', '\u007f', 'é', '€', '😀', '中'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
const withBom = fc.tuple(fc.boolean(), text).map(([bom, t]) => (bom ? `\ufeff${t}` : t));

describe('plainRecords: csv-parse’s records for a text without quotes', () => {
  it('on generated texts (20,000)', () => {
    fc.assert(
      fc.property(withBom, (t) => {
        expect(plainRecords(t, 1_000)).toEqual(csvParse(t));
      }),
      { numRuns: 20_000, seed: 12 },
    );
  });

  it.each([
    ['empty', ''],
    ['a byte-order mark alone', '\ufeff'],
    ['one line end', '\n'],
    ['a last record of spaces without a line end', 'id,arr\nc1,5\n  \t'],
    ['a last record of one comma without a line end', 'id,arr\nc1,5\n , '],
    ['blank lines and spaces-only lines inside', 'id,arr\n\n \nc1,5\r\n\r\n\rc2,6'],
    ['LF then CR: two record ends', 'a\n\rb'],
    ['fields trimmed at both ends, not inside', ' a b ,\u3000c\u00a0d\u3000, e\t\n'],
    ['a next-line character is kept (not white space)', '\u0085a\u0085,b\n'],
  ])('%s', (_, t) => {
    expect(plainRecords(t, 1_000)).toEqual(csvParse(t));
  });

  it('leaves a text with a quote, or a lone surrogate, to csv-parse', () => {
    expect(plainRecords('id,name\nc1,"Acme, Inc"\n', 1_000)).toBeUndefined();
    expect(plainRecords('id,name\nc1,Acme 5" monitor\n', 1_000)).toBeUndefined();
    expect(plainRecords('id,name\nc1,\ud800x\n', 1_000)).toBeUndefined();
    expect(plainRecords('id,name\nc1,\udc00\n', 1_000)).toBeUndefined();
  });

  it('stops where csv-parse’s `to` would: at most `limit` records, else undefined', () => {
    const t = 'a\nb\n\nc\n';
    expect(plainRecords(t, 4)).toEqual(csvParse(t, 4));
    expect(plainRecords(t, 3)).toBeUndefined();
    expect(csvParse(t, 3)).toHaveLength(3);
  });

  it('readCsv reads a book the same with and without quotes around its fields', () => {
    const columns = [{ name: 'id', required: true }, { name: 'arr', required: true }];
    const plain = readCsv('id, arr\r\nc1 ,1200\n\nc2,\u00a0300\n', 'b.csv', columns, 'customers');
    const quoted = readCsv('"id", arr\r\n"c1" ,1200\n\nc2,\u00a0300\n', 'b.csv', columns, 'customers');
    const cells = (t: typeof plain) => [0, 1].map((r) => [t.cell(r, 0), t.cell(r, 1)]);
    expect(cells(plain)).toEqual([['c1', '1200'], ['c2', '300']]);
    expect(cells(plain)).toEqual(cells(quoted));
  });
});
