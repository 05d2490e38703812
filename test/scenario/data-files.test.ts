import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPartFile, readPartHeader } from '../../src/engine/part-file.js';
import { PartFileError } from '../../src/engine/part-format.js';
import { loadScenario } from '../../src/scenario/load.js';
import { MAX_BOOK_BYTES, MAX_BOOK_ROWS } from '../../src/scenario/csv-table.js';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';
import { readPipelines } from '../../src/scenario/pipeline-file.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { scenarioErrorLines, writeFiles } from '../helpers/fixtures.js';

/**
 * Data files (customer books, pipeline files) are opened as scenario files are (read-file.ts):
 * non-blocking, checked through the handle, regular files only, bounded. Issue 10, class 6:
 * `customersFile: /proc/kmsg` or a FIFO blocked forever. Devices outside the scenario's folder are
 * refused by the path policy before they are opened (path-policy.test.ts); these cases allow them
 * to reach the file-type check. A file that cannot be read is reported at the scenario's field that
 * names it (its line and column), as an `extends` base is.
 */
const withBook = (path: string) => `name: Book\ntiers:\n  - name: SMB\n    existing: { customersFile: ${path}, renewalRate: 0.9 }\n`;
const withPipeline = (path: string) =>
  `name: Pipe\ntiers:\n  - name: SMB\n    newBusiness: { leadsPerMonth: 10, conversion: 0.1, acv: 1000, openingPipeline: { file: ${path} } }\n`;

const mkfifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
};

const cases: Array<{ name: string; scenario: string; prepare?: (dir: string) => void; allowedRoots?: string[]; expected: string }> = [
  { name: 'a book that is a FIFO (no writer: it would wait forever)', scenario: withBook('b.csv'), prepare: (d) => mkfifo(join(d, 'b.csv')), expected: '<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book <dir>/b.csv: is a FIFO (named pipe), not a regular file' },
  { name: 'a pipeline file that is a FIFO', scenario: withPipeline('p.csv'), prepare: (d) => mkfifo(join(d, 'p.csv')), expected: '<dir>/plan.yaml:4:92 tiers[0].newBusiness.openingPipeline.file: the pipeline file <dir>/p.csv: is a FIFO (named pipe), not a regular file' },
  { name: 'a book that is a device', scenario: withBook('/dev/zero'), allowedRoots: ['/dev'], expected: '<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book /dev/zero: is a device, not a regular file' },
  { name: 'a book that is a link to a device', scenario: withBook('z.csv'), prepare: (d) => symlinkSync('/dev/zero', join(d, 'z.csv')), allowedRoots: ['/dev'], expected: '<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book <dir>/z.csv: is a device, not a regular file' },
  { name: 'a book that is a directory', scenario: withBook('books'), prepare: (d) => mkdirSync(join(d, 'books')), expected: '<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book <dir>/books: is a directory, not a CSV file' },
  { name: 'a missing book', scenario: withBook('none.csv'), expected: '<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book <dir>/none.csv: does not exist' },
  { name: 'a misspelt book beside the one meant', scenario: withBook('custmers.csv'), prepare: (d) => writeFileSync(join(d, 'customers.csv'), 'x'), expected: '<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book <dir>/custmers.csv: does not exist; did you mean customers.csv, in the same folder?' },
  {
    name: 'a book over the size limit (sparse: refused before reading)',
    scenario: withBook('big.csv'),
    prepare: (d) => {
      const fd = openSync(join(d, 'big.csv'), 'w');
      ftruncateSync(fd, MAX_BOOK_BYTES + 1);
      closeSync(fd);
    },
    expected: `<dir>/plan.yaml:4:32 tiers[0].existing.customersFile: the customer book <dir>/big.csv: is ${MAX_BOOK_BYTES + 1} bytes; a customer or pipeline file may be at most ${MAX_BOOK_BYTES / 1024 / 1024} MB (${MAX_BOOK_BYTES} bytes)`,
  },
];

describe('data files are opened without blocking, regular files only', () => {
  it.each(cases)('$name', async ({ scenario, prepare, allowedRoots, expected }) => {
    const dir = writeFiles({ 'plan.yaml': scenario });
    prepare?.(dir);
    const err = await loadScenario(join(dir, 'plan.yaml'), { allowedRoots }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message.split(dir).join('<dir>')).toBe(expected);
  });

});

describe('a data file holds at most MAX_BOOK_ROWS rows, counted while parsing', () => {
  const H = 'id,tier,arr,next_renewal,term_months';
  const refusedAt = (line: number) => `b.csv:${line}:1 has more than 250,000 rows after the header (blank lines count); a customer or pipeline file may hold at most 250,000`;

  it.each<[string, () => string, string[] | 'ok']>([
    ['exactly MAX_BOOK_ROWS rows: read', () => `${H}\n${'c,smb,1,3,12\n'.repeat(MAX_BOOK_ROWS).replace(/^c,/gm, (_, i: number) => `c${i},`)}`, 'ok'],
    ['one row more: refused at that row', () => `${H}\n${'x,smb,1,3,12\n'.repeat(MAX_BOOK_ROWS + 1)}`, [refusedAt(MAX_BOOK_ROWS + 2)]],
    ['a million rows: refused at the first row past the limit', () => `${H}\n${'x,smb,1,3,12\n'.repeat(1_000_000)}`, [refusedAt(MAX_BOOK_ROWS + 2)]],
    ['blank lines count', () => `${H}\n${'\n'.repeat(MAX_BOOK_ROWS)}c1,smb,1,3,12\n`, [refusedAt(MAX_BOOK_ROWS + 2)]],
    // Blank lines before the header are not rows after it (a file exported with a blank first line).
    ['exactly MAX_BOOK_ROWS rows below 3 blank lines (LF, CRLF, spaces): read', () => `\n\r\n  \n${H}\n${'c,smb,1,3,12\n'.repeat(MAX_BOOK_ROWS).replace(/^c,/gm, (_, i: number) => `c${i},`)}`, 'ok'],
    ['one row more below 3 blank lines: refused at that row', () => `\n\n\n${H}\n${'x,smb,1,3,12\n'.repeat(MAX_BOOK_ROWS + 1)}`, [refusedAt(MAX_BOOK_ROWS + 5)]],
    ['more blank lines before the header than rows a file may hold: refused', () => `${'\n'.repeat(2 * MAX_BOOK_ROWS + 2)}${H}\nc1,smb,1,3,12\n`, [refusedAt(2 * MAX_BOOK_ROWS + 2)]],
  ])('%s', (_, text, expected) => {
    if (expected === 'ok') expect(readCustomerBooks(text(), 'b.csv', ['smb'], ['smb'], { startMonth: 1 }).get('smb')?.size).toBe(MAX_BOOK_ROWS);
    else expect(scenarioErrorLines(() => readCustomerBooks(text(), 'b.csv', ['smb'], ['smb'], { startMonth: 1 }))).toEqual(expected);
  });

  it('a pipeline file too', () => {
    const text = `id,tier,amount,probability,close_month\n${'o,ent,1,0.5,2\n'.repeat(MAX_BOOK_ROWS + 1)}`;
    expect(scenarioErrorLines(() => readPipelines(text, 'p.csv', ['ent'], ['ent'], { startMonth: 1 }, undefined))).toEqual([
      `p.csv:${MAX_BOOK_ROWS + 2}:1 has more than 250,000 rows after the header (blank lines count); a customer or pipeline file may hold at most 250,000`,
    ]);
  });
});

describe('part files are opened without blocking too (arrcast merge)', () => {
  it.each([
    ['readPartHeader', readPartHeader],
    ['readPartFile', readPartFile],
  ] as const)('%s refuses a FIFO instead of waiting for a writer', async (_, read) => {
    const dir = writeFiles({});
    mkfifo(join(dir, 'p.arrcast-part'));
    const err = await read(join(dir, 'p.arrcast-part')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartFileError);
    expect((err as Error).message).toBe(`${dir}/p.arrcast-part is not a file`);
  });

  it('readPartHeader refuses a device', async () => {
    const err = await readPartHeader('/dev/zero').catch((e: unknown) => e);
    expect((err as Error).message).toBe('/dev/zero is not a file');
  });
});

describe('one data file named two ways is one file', () => {
  // Tiers sharing a book or pipeline file by different names (data/b.csv, ./data/../data/b.csv, a
  // link to it) were read as two files, each refusing the other tier's rows: "tier "B" does not take
  // its book from this file" at every row. They are one file, read once for both tiers, as the same
  // name written twice is.
  const book = 'id,tier,arr,next_renewal,term_months\na1,A,10000,3,12\na2,A,20000,5,12\nb1,B,50000,4,12\n';
  const pipeline = 'id,tier,amount,probability,close_month\no1,A,1000,0.5,2\no2,B,9000,0.25,3\n';
  const scenario = (a: string, b: string, pa: string, pb: string) =>
    `name: Two names\ntiers:\n` +
    `  - name: A\n    existing: { customersFile: ${a}, renewalRate: 0.9 }\n    newBusiness: { leadsPerMonth: 10, conversion: 0.1, acv: 1000, openingPipeline: { file: ${pa} } }\n` +
    `  - name: B\n    existing: { customersFile: ${b}, renewalRate: 0.9 }\n    newBusiness: { leadsPerMonth: 10, conversion: 0.1, acv: 1000, openingPipeline: { file: ${pb} } }\n`;
  it.each([
    ['the same name', 'data/b.csv', 'data/p.csv'],
    ['./ and ..', './data/../data/b.csv', './data/p.csv'],
    ['a link', 'data/link.csv', 'data/plink.csv'],
  ])('%s', async (_, other, otherPipeline) => {
    const dir = writeFiles({ 'data/b.csv': book, 'data/p.csv': pipeline });
    symlinkSync('b.csv', join(dir, 'data', 'link.csv'));
    symlinkSync('p.csv', join(dir, 'data', 'plink.csv'));
    writeFileSync(join(dir, 'plan.yaml'), scenario('data/b.csv', 'data/b.csv', 'data/p.csv', 'data/p.csv'));
    writeFileSync(join(dir, 'two.yaml'), scenario('data/b.csv', other, 'data/p.csv', otherPipeline));
    const same = await loadScenario(join(dir, 'plan.yaml'));
    const named = await loadScenario(join(dir, 'two.yaml'));
    expect(named.files?.books?.A?.size).toBe(2);
    expect(named.files?.books?.B?.size).toBe(1);
    expect(named.files?.books).toEqual(same.files?.books);
    expect(named.files?.pipelines).toEqual(same.files?.pipelines);
  });
});

describe("a book's tier written in another Unicode form", () => {
  it("is the scenario's tier (NFD Café in the file, NFC Café in the scenario)", async () => {
    const dir = writeFiles({
      'plan.yaml': 'name: Form\ntiers:\n  - name: "Caf\u00e9"\n    existing: { customersFile: b.csv, renewalRate: 0.9 }\n',
      'b.csv': 'id,tier,arr,next_renewal,term_months\nc1,Cafe\u0301,10000,3,12\n',
    });
    const loaded = await loadScenario(join(dir, 'plan.yaml'));
    expect(loaded.files?.books?.['Caf\u00e9']?.size).toBe(1);
  });
});
