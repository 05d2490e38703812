import { describe, expect, it } from 'vitest';
import { readCsv, MAX_ISSUES } from '../../src/scenario/csv-table.js';
import { scenarioErrorLines } from '../helpers/fixtures.js';

/**
 * A header's problems (unnamed, repeated, unknown columns) are listed like a row's: at most MAX_ISSUES
 * (20), in file order, then counted, so a message quotes little of a file; and a header of very many
 * fields (a file whose lines end in something that is not a line end, a minified file named by
 * mistake) is refused in time proportional to its size. Before, every header problem was listed
 * (up to the 100 a ScenarioError shows), each located by a walk from the start of the line: a header
 * of 40,000 empty fields took 6.8 s, one of a 16 MB file would have taken days.
 */
const COLUMNS = [{ name: 'id', required: true }, { name: 'arr', required: true }, { name: 'tier' }];
const NAMES = 'id, arr, tier';
const read = (text: string) => scenarioErrorLines(() => readCsv(text, 'b.csv', COLUMNS, 'customers'));

/** The 1-based column where field `f` (0-based) of a comma-separated line starts. */
const columnOf = (line: string, f: number) => line.split(',').slice(0, f).join(',').length + (f > 0 ? 2 : 1);

describe('readCsv: header problems are listed at most 20, in file order, then counted', () => {
  const base = 'id,arr';
  it.each<[string, string, (f: number, line: string) => string, number]>([
    // Each ended by a named column: empty cells that END a header are Excel's used range, dropped (csv-table.ts).
    ['30 fields without a name', `${base}${','.repeat(30)}arr`, (f, line) => `b.csv:1:${columnOf(line, f)} field ${f + 1} of the header row has no column name; the columns are: ${NAMES}`, 30],
    ['30 repeats of a column', `${base}${',arr'.repeat(30)}`, (f, line) => `b.csv:1:${columnOf(line, f)} column "arr" appears twice (also field 2)`, 30],
    ['30 unknown columns', `${base},${Array.from({ length: 30 }, (_, i) => `zz${i}`).join(',')}`, (f, line) => `b.csv:1:${columnOf(line, f)} unknown column "zz${f - 2}"; the columns are: ${NAMES}`, 30],
    ['200,000 fields without a name', `${base}${','.repeat(200_000)}arr`, (f, line) => `b.csv:1:${columnOf(line, f)} field ${f + 1} of the header row has no column name; the columns are: ${NAMES}`, 200_000],
  ])('%s', (_, header, expected, problems) => {
    const lines = read(`${header}\nc1,5\n`);
    const shown = Array.from({ length: MAX_ISSUES }, (_, i) => expected(i + 2, header));
    expect(lines).toEqual([...shown, `b.csv … and ${problems - MAX_ISSUES} more problems`]);
  });

  it('problems of different kinds in file order, a missing column first', () => {
    const names = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'id' : i % 3 === 1 ? '' : `q${i}`));
    const header = `id,${names.join(',')}`;
    const lines = read(`${header}\nc1\n`);
    const problem = (f: number) => {
      const at = `b.csv:1:${columnOf(header, f)}`;
      const raw = names[f - 1]!;
      if (raw === 'id') return `${at} column "id" appears twice (also field 1)`;
      if (raw === '') return `${at} field ${f + 1} of the header row has no column name; the columns are: ${NAMES}`;
      return `${at} unknown column "${raw}"; the columns are: ${NAMES}`;
    };
    expect(lines).toEqual([`b.csv:1:1 arr: required column is missing (the header row has: "${header.length > 40 ? `${header.slice(0, 40)}…` : header}")`, ...Array.from({ length: 12 }, (_, i) => problem(i + 1))]);
  });
});
