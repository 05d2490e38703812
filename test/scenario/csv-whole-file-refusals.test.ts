/**
 * Refusals of a whole CSV file, by every reader.
 *
 * Issue 6 (files: "invalid UTF-8 ... each gets its own clear message naming the file and line"):
 * every CSV arrcast reads (customer book, pipeline, actuals, history, deals, renewal outcomes,
 * outcomes) refuses bytes no CSV holds at the line and column of the first bad one, as a scenario
 * file does (bad-files.test.ts). They were refused without a place ('b.csv is not UTF-8 text'), so
 * one Latin-1 'é' in a 20,000-row export left the user to search the file for it.
 *
 * Issue 14 (messages a newcomer reads): an empty file says what one row is; an empty history said
 * 'one row per months of history'.
 */
import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { parseDeals } from '../../src/fit/read-deals.js';
import { parseRenewalOutcomes } from '../../src/fit/read-renewal-outcomes.js';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';
import { readPipelines } from '../../src/scenario/pipeline-file.js';
import { parseOutcomes } from '../../src/scoring/outcomes-file.js';
import { scenarioErrorLines } from '../helpers/fixtures.js';

const CAL = { year: 2027, startMonth: 2 };

/** Each CSV reader, reading `bytes` as file f.csv. */
const readers: Array<{ reader: string; read: (bytes: Buffer) => unknown; noun: string; one: string }> = [
  { reader: 'customer book', read: (b) => readCustomerBooks(b, 'f.csv', ['smb'], ['smb'], CAL), noun: 'customers', one: 'one row per customer' },
  { reader: 'pipeline', read: (b) => readPipelines(b, 'f.csv', ['smb'], ['smb'], CAL, undefined), noun: 'opportunities', one: 'one row per opportunity' },
  { reader: 'actuals', read: (b) => parseMonthlyFile(b, 'f.csv', { kind: 'actuals', calendar: CAL }), noun: 'closed months', one: 'one row per closed month' },
  { reader: 'history', read: (b) => parseMonthlyFile(b, 'f.csv', { kind: 'history' }), noun: 'months of history', one: 'one row per month of history' },
  { reader: 'deals', read: (b) => parseDeals(b, 'f.csv', ['smb'], 12, undefined), noun: 'deals', one: 'one row per deal' },
  { reader: 'renewal outcomes', read: (b) => parseRenewalOutcomes(b, 'f.csv', ['smb']), noun: 'customers', one: 'one row per customer' },
  { reader: 'outcomes', read: (b) => parseOutcomes(b, 'f.csv', []), noun: 'outcomes', one: 'one row per outcome' },
];

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Damaged files and the one line of the refusal. */
const cases: Array<{ name: string; file: Buffer; expected: string }> = [
  { name: 'a Latin-1 é on line 3', file: bytes('id,tier\nc1,smb\nCaf', [0xe9], ',smb\n'), expected: 'f.csv:3:4 is not UTF-8 text (byte 0xe9 here): save it as "CSV UTF-8"' },
  { name: 'a lone continuation byte on line 1', file: bytes([0x80], 'id,tier\n'), expected: 'f.csv:1:1 is not UTF-8 text (byte 0x80 here): save it as "CSV UTF-8"' },
  {
    name: 'a bad byte after a byte-order mark (not counted) and characters of two UTF-16 units (one each)',
    file: bytes('\ufeff𝒜é,', [0xff], '\n'),
    expected: 'f.csv:1:4 is not UTF-8 text (byte 0xff here): save it as "CSV UTF-8"',
  },
  { name: 'CR line ends (old Mac)', file: bytes('id,tier\rc1,smb\rc2,', [0xc3, 0x28], '\r'), expected: 'f.csv:3:4 is not UTF-8 text (byte 0xc3 here): save it as "CSV UTF-8"' },
  { name: 'CRLF line ends', file: bytes('id,tier\r\nc1,smb\r\n', [0xed, 0xa0, 0x80], '\r\n'), expected: 'f.csv:3:1 is not UTF-8 text (byte 0xed here): save it as "CSV UTF-8"' },
  {
    name: 'a line break inside a quoted field still counts as a line',
    file: bytes('id,tier\n"a\nb",', [0xfe], '\n'),
    expected: 'f.csv:3:4 is not UTF-8 text (byte 0xfe here): save it as "CSV UTF-8"',
  },
  { name: 'a NUL byte on line 2', file: bytes('id,tier\nc1,', [0], 'smb\n'), expected: 'f.csv:2:4 is binary (it holds a NUL byte), not a CSV file' },
  { name: 'UTF-16 (little-endian) with its byte-order mark', file: bytes([0xff, 0xfe], [0x69, 0, 0x64, 0]), expected: 'f.csv:1:1 is UTF-16 text: save it as "CSV UTF-8"' },
  { name: 'UTF-16 (big-endian) with its byte-order mark', file: bytes([0xfe, 0xff], [0, 0x69, 0, 0x64]), expected: 'f.csv:1:1 is UTF-16 text: save it as "CSV UTF-8"' },
];

describe('bad inputs: bytes no CSV holds are refused at their line and column, by every CSV reader', () => {
  it.each(readers.flatMap((r) => cases.map((c) => ({ ...r, ...c }))))('$reader: $name', ({ read, file, expected }) => {
    expect(scenarioErrorLines(() => read(file))).toEqual([expected]);
  });
});

describe('an empty file says what it lacks and what one row is, in each reader\'s words', () => {
  it.each(readers)('$reader', ({ read, noun, one }) => {
    for (const empty of ['', '\n\n', '\ufeff'])
      expect(scenarioErrorLines(() => read(Buffer.from(empty)))).toEqual([`f.csv is empty: it has no ${noun} (expected a header row naming the columns, then ${one})`]);
  });
});
