import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BOOK_BYTES, MAX_ISSUES } from '../../src/scenario/csv-table.js';
import { loadCustomerBooks, readCustomerBooks, type CustomerBook, type FiscalCalendar } from '../../src/scenario/customer-book.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { scenarioErrorLines } from '../helpers/fixtures.js';

const H = 'id,tier,arr,next_renewal,term_months';
const TIERS = ['smb', 'ent'];
const ALL = ['smb', 'ent', 'mid'];
const CAL: FiscalCalendar = { year: 2027, startMonth: 2 };

const read = (text: string | Buffer, calendar: FiscalCalendar = CAL, tiers = TIERS) => readCustomerBooks(text, 'b.csv', tiers, ALL, calendar);

const messages = scenarioErrorLines;

async function rejection(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

/** Plain arrays of a book, for toEqual. */
const plain = (b: CustomerBook | undefined) =>
  b && {
    size: b.size,
    arr: [...b.arr],
    nextRenewal: [...b.nextRenewal],
    termMonths: [...b.termMonths],
    renewals: [...b.renewals],
    health: [...b.health],
    escalator: [...b.escalator],
  };

const BEFORE = 'is before the fiscal year starts (2027-02): a renewal overdue at the start of the year — give month 1 if it renews at once';

/**
 * Broken books and the exact lines of the error: file:line:column (1-based; the column is the
 * character where the cell's value starts), the column name, and what is wrong.
 */
const cases: Array<{ name: string; csv: string; expected: string[]; calendar?: FiscalCalendar }> = [
  { name: 'a negative ARR', csv: `${H}\nc1,smb,-5,3,12\n`, expected: ['b.csv:2:8 arr: must be at least 0, got -5'] },
  { name: 'an absurd ARR', csv: `${H}\nc1,smb,2e12,3,12\n`, expected: ['b.csv:2:8 arr: must be at most 1e+12, got 2000000000000'] },
  { name: 'an empty ARR', csv: `${H}\nc1,smb,,3,12\n`, expected: ['b.csv:2:8 arr: is required: the customer’s current ARR'] },
  { name: 'a misspelt tier', csv: `${H}\nc1,smbb,5,3,12\n`, expected: ['b.csv:2:4 tier: no tier is named "smbb" (did you mean "smb"?)'] },
  {
    name: 'an unknown tier',
    csv: `${H}\nc1,gold,5,3,12\n`,
    expected: ['b.csv:2:4 tier: no tier is named "gold"; the tiers using this file are: "smb", "ent"'],
  },
  {
    name: 'a tier that takes its book from elsewhere (case-insensitive, canonical name)',
    csv: `${H}\nc1,MID,5,3,12\n`,
    expected: ['b.csv:2:4 tier: tier "mid" does not take its book from this file'],
  },
  { name: 'a renewal date before the year starts', csv: `${H}\nc1,smb,5,2027-01,12\n`, expected: [`b.csv:2:10 next_renewal: "2027-01" ${BEFORE}`] },
  {
    name: 'a renewal date more than 10 years out',
    csv: `${H}\nc1,smb,5,2037-02-01,60\n`,
    expected: ['b.csv:2:10 next_renewal: "2037-02-01" is more than 10 years after the fiscal year starts (2027-02)'],
  },
  {
    name: 'a renewal month number past 120',
    csv: `${H}\nc1,smb,5,121,60\n`,
    expected: ['b.csv:2:10 next_renewal: month 121 is more than 10 years after the fiscal year starts (2027-02)'],
  },
  {
    name: 'a renewal month 0',
    csv: `${H}\nc1,smb,5,0,12\n`,
    expected: ['b.csv:2:10 next_renewal: must be a fiscal month from 1 to 120 (1 = the first month of the fiscal year) or a date YYYY-MM or YYYY-MM-DD; got "0"'],
  },
  {
    name: 'a date without the fiscal year',
    csv: `${H}\nc1,smb,5,2027-03,12\n`,
    calendar: { startMonth: 2 },
    expected: ['b.csv:2:10 next_renewal: dates need fiscalYear in the scenario; or give the fiscal month number'],
  },
  { name: 'a date that does not exist', csv: `${H}\nc1,smb,5,2027-02-30,12\n`, expected: ['b.csv:2:10 next_renewal: "2027-02-30" is not a date'] },
  {
    name: 'a date in another format',
    csv: `${H}\nc1,smb,5,03/15/2027,12\n`,
    expected: ['b.csv:2:10 next_renewal: "03/15/2027": write dates as YYYY-MM or YYYY-MM-DD: 2027-03-15'],
  },
  {
    name: 'a duplicate id (naming the line of the first)',
    csv: `${H}\nc1,smb,5,3,12\nc2,smb,5,3,12\nc1,ent,5,3,12\n`,
    expected: ['b.csv:4:1 id: "c1" is used twice (also line 2)'],
  },
  { name: 'an empty id', csv: `${H}\n,smb,5,3,12\n`, expected: ['b.csv:2:1 id: is required: a name or number for the customer, unique in the file'] },
  {
    name: 'too many fields: a comma in an unquoted id',
    csv: `${H}\nAcme, Inc,smb,5,3,12\n`,
    expected: ['b.csv:2:19 has 6 fields but the header has 5: put a value that contains a comma in quotes ("Acme, Inc")'],
  },
  { name: 'too few fields', csv: `${H}\nc1,smb,5,3\n`, expected: ['b.csv:2:1 has 4 fields but the header has 5'] },
  {
    name: 'a missing required column',
    csv: 'id,tier,next_renewal,term_months\nc1,smb,3,12\n',
    expected: ['b.csv:1:1 arr: required column is missing (the header row has: "id,tier,next_renewal,term_months")'],
  },
  {
    name: 'an unknown column with a hint (and the column it stands for missing)',
    csv: 'id,tier,arr,Renewal Date,term_months\nc1,smb,5,3,12\n',
    expected: [
      'b.csv:1:1 next_renewal: required column is missing (the header row has: "id,tier,arr,Renewal Date,term_months")',
      'b.csv:1:13 unknown column "Renewal Date" (did you mean "next_renewal"?)',
    ],
  },
  { name: 'a misspelt optional column', csv: `${H},helth\nc1,smb,5,3,12,\n`, expected: ['b.csv:1:38 unknown column "helth" (did you mean "health"?)'] },
  {
    name: 'an unknown column',
    csv: `${H},notes\nc1,smb,5,3,12,x\n`,
    expected: ['b.csv:1:38 unknown column "notes"; the columns are: id, tier, arr, next_renewal, term_months, renewals_completed, health, escalator'],
  },
  {
    name: 'an unknown column is not said to mean a column the header has',
    csv: `${H},name\nc1,smb,5,3,12,Acme\n`,
    expected: ['b.csv:1:38 unknown column "name"; the columns are: id, tier, arr, next_renewal, term_months, renewals_completed, health, escalator'],
  },
  { name: 'a column twice', csv: `${H},ARR\nc1,smb,5,3,12,5\n`, expected: ['b.csv:1:38 column "ARR" appears twice (also field 3)'] },
  { name: 'a thousands separator', csv: `${H}\nc1,smb,"12,000",3,12\n`, expected: ['b.csv:2:8 arr: "12,000": has a comma that is a thousands separator or a decimal comma; write 12000 (a thousands separator) or 12 (a decimal comma), whichever it is'] },
  { name: 'a currency sign', csv: `${H}\nc1,smb,$1200,3,12\n`, expected: ['b.csv:2:8 arr: "$1200": no currency signs or codes; write 1200'] },
  { name: 'a currency code', csv: `${H}\nc1,smb,EUR 1200,3,12\n`, expected: ['b.csv:2:8 arr: "EUR 1200": no currency signs or codes; write 1200'] },
  { name: 'not a number', csv: `${H}\nc1,smb,lots,3,12\n`, expected: ['b.csv:2:8 arr: expected a number, got "lots"'] },
  {
    name: 'an escalator on a 12-month term',
    csv: `${H},escalator\nc1,smb,5,3,12,0.03\n`,
    expected: [
      'b.csv:2:15 escalator: a yearly escalator steps up a multi-year contract, but this one has a 12-month term: an escalator needs a term of 24 months or more (leave it empty)',
    ],
  },
  {
    name: 'an escalator as a percentage',
    csv: `${H},escalator\nc1,smb,5,3,36,5%\n`,
    expected: ['b.csv:2:15 escalator: "5%": write a share as a decimal, not a percentage: 0.05'],
  },
  {
    name: 'a renewal beyond the term',
    csv: `${H}\nc1,smb,5,14,12\n`,
    expected: ['b.csv:2:10 next_renewal: renews in month 14 but its term is 12 months: a contract live at the start of the year renews within its term'],
  },
  {
    name: 'a renewal month on a monthly-billed customer',
    csv: `${H}\nc1,smb,5,3,monthly\n`,
    expected: ['b.csv:2:10 next_renewal: renews in month 3 but it is monthly-billed: a monthly-billed customer renews every month; leave next_renewal empty'],
  },
  {
    name: 'no renewal month on an annual contract',
    csv: `${H}\nc1,smb,5,,12\n`,
    expected: [
      'b.csv:2:10 next_renewal: is required for a customer on a 12-month term: the fiscal month (1..120) or date of its next renewal; leave it empty only for a monthly-billed customer',
    ],
  },
  {
    name: 'a 6-month term',
    csv: `${H}\nc1,smb,5,3,6\n`,
    expected: ['b.csv:2:12 term_months: must be 1 (or monthly) for a monthly-billed customer, or a term of 12 to 60 months; got 6'],
  },
  {
    name: 'a health score out of 100',
    csv: `${H},health\nc1,smb,5,3,12,85\n`,
    expected: ['b.csv:2:15 health: must be a score within [0, 1], got 85 (a 0-100 score: divide it by 100, 0.85)'],
  },
  {
    name: 'fractional renewals completed',
    csv: `${H},renewals_completed\nc1,smb,5,3,12,1.5\n`,
    expected: ['b.csv:2:15 renewals_completed: must be a whole number, got 1.5'],
  },
  {
    name: 'an empty file',
    csv: '',
    expected: ['b.csv is empty: it has no customers (expected a header row naming the columns, then one row per customer)'],
  },
  { name: 'a header only', csv: `${H}\r\n\r\n`, expected: ['b.csv:1:1 has no customers: it has only a header row'] },
  { name: 'a tier with no rows', csv: `${H}\nc1,smb,5,3,12\n`, expected: ['b.csv tier: tier "ent" has no customers in this file'] },
  {
    name: 'semicolons between fields',
    csv: 'id;tier;arr;next_renewal;term_months\nc1;smb;5;3;12\n',
    expected: ['b.csv:1:1 separates fields with ";": arrcast reads comma-separated files (save as "CSV UTF-8 (comma delimited)")'],
  },
  {
    name: 'no header row',
    csv: 'c1,smb,5,3,12\nc2,ent,5,3,12\n',
    expected: [
      'b.csv:1:1 the first row must be a header naming the columns (id, tier, arr, next_renewal, term_months, renewals_completed, health, escalator); got "c1,smb,5,3,12"',
    ],
  },
  {
    name: 'text after a closing quote',
    csv: `${H}\nc1,"smb"x,5,3,12\n`,
    expected: ['b.csv:2:4 a quoted field has text after its closing quote: quote the whole field and double any quote inside it ("5"" monitor")'],
  },
  {
    name: 'a quote never closed',
    csv: `${H}\nc1,smb,5,3,12\nc2,"smb,5,3,12\n`,
    expected: ['b.csv:3:4 a quoted field is never closed: its `"` opens a field that runs to the end of the file'],
  },
  {
    name: 'a line break inside a quoted id: the cell after it is on the next line',
    csv: `${H}\n"c\n1",smb,-5,3,12\n`,
    expected: ['b.csv:3:8 arr: must be at least 0, got -5'],
  },
  {
    name: 'columns count characters, not bytes or UTF-16 units',
    csv: `${H}\n"Café ☕ 𝔸",smb,-5,3,12\n`,
    expected: ['b.csv:2:16 arr: must be at least 0, got -5'],
  },
  {
    name: 'blank lines and empty spreadsheet rows are skipped but counted',
    csv: `${H}\n\nc1,smb,5,3,12\n,,,,\n   \nc2,ent,-5,3,12\n`,
    expected: ['b.csv:6:8 arr: must be at least 0, got -5'],
  },
  {
    name: 'mixed line ends',
    csv: `${H}\r\nc1,smb,5,3,12\nc2,ent,5,3,12\rc3,ent,-5,3,12\r\n`,
    expected: ['b.csv:4:8 arr: must be at least 0, got -5'],
  },
];

describe('bad customer books: every problem at once, with line, column and column name', () => {
  it.each(cases)('$name', ({ csv, expected, calendar }) => {
    expect(messages(() => read(csv, calendar))).toEqual(expected);
  });

  it('reports several problems in file order, then stops listing at 20 (MAX_ISSUES_PER_NAMED_FILE)', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `c${i},smb,-1,3,12`);
    const lines = messages(() => read(`${H}\nx,smbb,5,14,12\n${rows.join('\n')}\n`));
    expect(lines.slice(0, 4)).toEqual([
      'b.csv:2:3 tier: no tier is named "smbb" (did you mean "smb"?)',
      'b.csv:2:10 next_renewal: renews in month 14 but its term is 12 months: a contract live at the start of the year renews within its term',
      'b.csv:3:8 arr: must be at least 0, got -1',
      'b.csv:4:8 arr: must be at least 0, got -1',
    ]);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('b.csv … and 42 more problems');
  });

  it('locates cells exactly in a file with quotes, line breaks in ids, blank lines, spaces and mixed line ends', () => {
    const rnd = seeded(11);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    let text = '';
    let line = 1;
    let column = 1;
    // Tracks the line and column of the end of the text: CR, LF and CRLF each end one line.
    const emit = (s: string) => {
      for (let i = 0; i < s.length; i++) {
        const c = s[i]!;
        const prev = i > 0 ? s[i - 1] : text[text.length - 1];
        if (c === '\r' || (c === '\n' && prev !== '\r')) {
          line++;
          column = 1;
        } else if (c !== '\n' && !(c >= '\udc00' && c <= '\udfff')) column++;
      }
      text += s;
    };
    const expected: string[] = [];
    emit(`${H}\n`);
    for (let r = 0; r < 200; r++) {
      if (rnd() < 0.1) emit(pick(['', '   ', ',,,,', ' , , ,,']) + pick(['\n', '\r\n', '\r']));
      const id = pick([`c${r}`, `"c${r}, Inc"`, `"c${r}\nsecond line"`, `"c${r} ""quoted"" 𝔸é"`, `"c${r}\r\nx"`]);
      emit(`${pick(['', ' '])}${id}${pick(['', '  '])},${pick(['smb', ' ent ', 'SMB'])},${pick(['', ' ', '\t'])}`);
      const bad = rnd() < 0.15;
      if (bad) expected.push(`b.csv:${line}:${column} arr: must be at least 0, got -1`);
      emit(`${bad ? '-1' : '100'}${pick(['', ' '])},3,12${pick(['\n', '\r\n', '\r'])}`);
    }
    expect(expected.length).toBeGreaterThan(MAX_ISSUES);
    const more = expected.length - MAX_ISSUES;
    expect(messages(() => read(text))).toEqual([...expected.slice(0, MAX_ISSUES), `b.csv … and ${more} more problem${more === 1 ? '' : 's'}`]);
  });

  it('refuses bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(`${H}\nc`), Buffer.from([0xff, 0xfe]), Buffer.from(',smb,5,3,12\n')]);
    expect(messages(() => read(bytes))).toEqual(['b.csv:2:2 is not UTF-8 text (byte 0xff here): save it as "CSV UTF-8"']);
  });

  it('refuses binary content', () => {
    expect(messages(() => read(`${H}\nc1,smb,5\u0000,3,12\n`))).toEqual(['b.csv:2:9 is binary (it holds a NUL byte), not a CSV file']);
  });
});

describe('reading a customer book', () => {
  it('reads every column into per-tier arrays, in file order', () => {
    const csv = [
      'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator',
      'a,smb,1200,3,12,2,0.8,',
      '"Acme, Inc",ENT,250000,2027-09-30,36,0,,0.05',
      'c,smb,600,,monthly,,,',
      'd, Smb ,0,2027-02,24,1,1,',
      'e,ent,1e5,2028-01,12,,0,',
    ].join('\n');
    const books = read(csv);
    expect([...books.keys()]).toEqual(['smb', 'ent']);
    // 2027-09 with a fiscal year from 2027-02: month (9 - 2) + 1 = 8; 2027-02: 1; 2028-01: 12 + (1 - 2) + 1 = 12.
    expect(plain(books.get('smb'))).toEqual({
      size: 3,
      arr: [1200, 600, 0],
      nextRenewal: [3, 0, 1],
      termMonths: [12, 1, 24],
      renewals: [2, 0, 1],
      health: [0.8, NaN, 1],
      escalator: [0, 0, 0],
    });
    expect(plain(books.get('ent'))).toEqual({
      size: 2,
      arr: [250000, 100000],
      nextRenewal: [8, 12],
      termMonths: [36, 12],
      renewals: [0, 0],
      health: [NaN, 0],
      escalator: [0.05, 0],
    });
    const smb = books.get('smb')!;
    expect(smb.file).toBe('b.csv');
    for (const a of [smb.arr, smb.nextRenewal, smb.termMonths, smb.renewals, smb.health, smb.escalator])
      expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('places dates in the fiscal year: 2027-03 with a year from February 2027 is month 2', () => {
    const next = (date: string, calendar: FiscalCalendar) =>
      readCustomerBooks(`${H}\nc1,smb,5,${date},60\n`, 'b.csv', ['smb'], ['smb'], calendar).get('smb')!.nextRenewal[0];
    expect(next('2027-03', { year: 2027, startMonth: 2 })).toBe(2);
    expect(next('2027-02-28', { year: 2027, startMonth: 2 })).toBe(1);
    expect(next('2027-1', { year: 2026, startMonth: 11 })).toBe(3); // Nov, Dec, Jan
    expect(next('2031-10-01', { year: 2027, startMonth: 1 })).toBe(58);
    expect(next('7', { startMonth: 4 })).toBe(7);
  });

  it('accepts a byte-order mark, CRLF, quoted commas and quotes, and loose header spelling', () => {
    const csv = '\uFEFF ID ,Tier,ARR,Next-Renewal,TERM MONTHS\r\n"Acme, Inc",smb,1200,3,12\r\n"Beta ""Big"", Ltd", smb , 300 ,2,12\r\n';
    for (const input of [csv, Buffer.from(csv)]) {
      const smb = readCustomerBooks(input, 'b.csv', ['smb'], ['smb'], CAL).get('smb')!;
      expect(plain(smb)).toMatchObject({ size: 2, arr: [1200, 300], nextRenewal: [3, 2], termMonths: [12, 12] });
    }
  });

  it('reads 20,000 customers (seeded) with the right sums per tier', () => {
    const { text, expected } = generateBook(20_000, 7);
    const books = readCustomerBooks(text, 'big.csv', ['smb', 'mid', 'ent'], ['smb', 'mid', 'ent'], { year: 2027, startMonth: 1 });
    for (const [tier, e] of Object.entries(expected)) {
      const b = books.get(tier)!;
      expect(b.size).toBe(e.size);
      expect(sum(b.arr)).toBeCloseTo(e.arr, 4);
      expect(sum(b.nextRenewal)).toBe(e.next);
      expect(sum(b.termMonths)).toBe(e.term);
      expect(sum(b.renewals)).toBe(e.renewals);
      expect(sum(b.escalator)).toBeCloseTo(e.escalator, 9);
      expect(b.health.filter((h) => !Number.isNaN(h)).length).toBe(e.healthGiven);
    }
  });
});

describe('loading a customer book file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-books-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = fileURLToPath(new URL('../fixtures/books/customers.csv', import.meta.url));

  it('reads a file', async () => {
    const books = await loadCustomerBooks(fixture, 'customers.csv', ['SMB', 'Enterprise'], ['SMB', 'Enterprise'], CAL);
    expect(plain(books.get('SMB'))).toEqual({
      size: 2,
      arr: [12000, 600],
      nextRenewal: [3, 0],
      termMonths: [12, 1],
      renewals: [2, 0],
      health: [0.8, NaN],
      escalator: [0, 0],
    });
    expect(plain(books.get('Enterprise'))).toEqual({
      size: 1,
      arr: [250000],
      nextRenewal: [8],
      termMonths: [36],
      renewals: [0],
      health: [NaN],
      escalator: [0.05],
    });
  });

  it('refuses a directory', async () => {
    expect(await rejection(loadCustomerBooks(dir, 'books/', TIERS, ALL, CAL))).toEqual(['books/ is a directory, not a CSV file']);
  });

  it('refuses a missing file', async () => {
    expect(await rejection(loadCustomerBooks(join(dir, 'nope.csv'), 'nope.csv', TIERS, ALL, CAL))).toEqual(['nope.csv does not exist']);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO', async () => {
    const fifo = join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await rejection(loadCustomerBooks(fifo, 'fifo.csv', TIERS, ALL, CAL))).toEqual(['fifo.csv is a FIFO (named pipe), not a regular file']);
  });

  it('refuses a file over MAX_BOOK_BYTES before reading it (a sparse file: nothing is written)', async () => {
    const big = join(dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_BOOK_BYTES + 1);
    closeSync(fd);
    expect(await rejection(loadCustomerBooks(big, 'big.csv', TIERS, ALL, CAL))).toEqual([
      `big.csv is ${MAX_BOOK_BYTES + 1} bytes; a customer or pipeline file may be at most 16 MB (16777216 bytes)`,
    ]);
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from(`${H}\nCaf\xe9,smb,5,3,12\n`, 'latin1'));
    expect(await rejection(loadCustomerBooks(latin1, 'latin1.csv', TIERS, ALL, CAL))).toEqual(['latin1.csv:2:4 is not UTF-8 text (byte 0xe9 here): save it as "CSV UTF-8"']);
  });
});

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

/** mulberry32: a small seeded generator, so the big book is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sums {
  size: number;
  arr: number;
  next: number;
  term: number;
  renewals: number;
  escalator: number;
  healthGiven: number;
}

/**
 * A customer book of `n` rows with every column and both month forms (fiscal year = calendar 2027),
 * and the sums each tier's arrays must have.
 */
function generateBook(n: number, seed: number): { text: string; expected: Record<string, Sums> } {
  const rnd = seeded(seed);
  const tiers = ['smb', 'mid', 'ent'];
  const expected: Record<string, Sums> = {};
  for (const t of tiers) expected[t] = { size: 0, arr: 0, next: 0, term: 0, renewals: 0, escalator: 0, healthGiven: 0 };
  const lines = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
  for (let i = 0; i < n; i++) {
    const tier = tiers[Math.floor(rnd() * 3)]!;
    const term = [1, 12, 12, 24, 36][Math.floor(rnd() * 5)]!;
    const month = term === 1 ? 0 : 1 + Math.floor(rnd() * Math.min(term, 24));
    const next = term === 1 ? '' : month <= 12 && rnd() < 0.5 ? `2027-${String(month).padStart(2, '0')}-15` : String(month);
    const arr = (rnd() * 100_000).toFixed(2);
    const renewals = Math.floor(rnd() * 6);
    const health = rnd() < 0.5 ? rnd().toFixed(3) : '';
    const escalator = term >= 24 && rnd() < 0.5 ? '0.03' : '';
    const e = expected[tier]!;
    e.size++;
    e.arr += Number(arr);
    e.next += month;
    e.term += term;
    e.renewals += renewals;
    e.escalator += escalator === '' ? 0 : 0.03;
    if (health !== '') e.healthGiven++;
    lines.push(`${i % 97 === 0 ? `"cust ${i}, ltd"` : `c-${i}`},${tier},${arr},${next},${term === 1 ? 'monthly' : term},${renewals},${health},${escalator}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, expected };
}
