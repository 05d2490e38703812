import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_MONTHLY_FILE_BYTES } from '../../src/actuals/read-monthly-file.js';
import { MAX_BOOK_BYTES, MAX_BOOK_ROWS } from '../../src/scenario/limits.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A file over a size or row limit is refused in words that name what it is. Every CSV reader shares
 * the limits' messages, which said "a customer or pipeline file may be at most 1 MB" of an actuals
 * file, a history file, a deals file, a renewal outcomes file and an outcomes file alike.
 */
const dir = mkdtempSync(join(tmpdir(), 'arrcast-file-kind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `bytes` zero bytes, sparse: the readers refuse it by its size, before reading it. */
function sparse(name: string, bytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

/** A header, then MAX_BOOK_ROWS + 1 blank lines (blank lines count toward the row limit). */
function manyRows(name: string, header: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${header}\n${'\n'.repeat(MAX_BOOK_ROWS + 1)}`);
  return path;
}

const example = join(ROOT, 'scenarios/example.yaml');
const history = join(ROOT, 'scenarios/example-history.csv');
const report = join(dir, 'report');
const rows = `has more than ${MAX_BOOK_ROWS.toLocaleString('en-US')} rows after the header (blank lines count)`;
const monthly = `is ${MAX_MONTHLY_FILE_BYTES + 1} bytes`;
const book = `is ${MAX_BOOK_BYTES + 1} bytes`;

describe('a CSV over a limit is refused naming its kind of file', () => {
  it.each<[string, () => string[], string]>([
    ['run --actuals, too large', () => ['run', example, '--actuals', sparse('a.csv', MAX_MONTHLY_FILE_BYTES + 1), '--out', report], `${monthly}; an actuals file may be at most 1 MB`],
    ['run --actuals, too many rows', () => ['run', example, '--actuals', manyRows('a-rows.csv', 'month,tier,leads'), '--out', report], `${rows}; an actuals file may hold at most 250,000`],
    ['fit, a history too large', () => ['fit', sparse('h.csv', MAX_MONTHLY_FILE_BYTES + 1), '--out', join(dir, 'f.yaml')], `${monthly}; a history file may be at most 1 MB`],
    ['fit, a history of too many rows', () => ['fit', manyRows('h-rows.csv', 'month,tier,leads'), '--out', join(dir, 'f.yaml')], `${rows}; a history file may hold at most 250,000`],
    ['fit --deals, too large', () => ['fit', history, '--deals', sparse('d.csv', MAX_BOOK_BYTES + 1), '--out', join(dir, 'f.yaml')], `${book}; a deals file may be at most 16 MB`],
    ['fit --deals, too many rows', () => ['fit', history, '--deals', manyRows('d-rows.csv', 'close_month,tier,amount'), '--out', join(dir, 'f.yaml')], `${rows}; a deals file may hold at most 250,000`],
    ['fit --customers, too large', () => ['fit', history, '--customers', sparse('c.csv', MAX_BOOK_BYTES + 1), '--out', join(dir, 'f.yaml')], `${book}; a renewal outcomes file may be at most 16 MB`],
    ['fit --customers, too many rows', () => ['fit', history, '--customers', manyRows('c-rows.csv', 'id,tier,arr,renewed'), '--out', join(dir, 'f.yaml')], `${rows}; a renewal outcomes file may hold at most 250,000`],
  ])('%s', async (_, args, message) => {
    const r = await arrcastInProcess(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('customer or pipeline');
  });

  it('score --actuals: an outcomes file too large, or of too many rows', async () => {
    const run = await arrcastInProcess(['run', join(ROOT, 'test/fixtures/minimal.yaml'), '-n', '200', '-w', '0', '--outputs', 'summary,trials', '--quiet', '--no-progress', '--out', report]);
    expect(run.code, run.stderr).toBe(0);
    const big = await arrcastInProcess(['score', report, '--actuals', sparse('o.csv', MAX_MONTHLY_FILE_BYTES + 1)]);
    expect([big.code, big.stderr]).toEqual([2, expect.stringContaining(`${monthly}; an outcomes or actuals file may be at most 1 MB`)]);
    const long = await arrcastInProcess(['score', report, '--actuals', manyRows('o-rows.csv', 'tier,metric,value')]);
    expect([long.code, long.stderr]).toEqual([2, expect.stringContaining(`${rows}; an outcomes file may hold at most 250,000`)]);
  });
});
