import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { MAX_BOOK_BYTES } from '../../src/scenario/csv-table.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * Data files (customer books, pipeline files) are opened as scenario files are (read-file.ts):
 * non-blocking, checked through the handle, regular files only, bounded. Issue 10, class 6:
 * `customersFile: /proc/kmsg` or a FIFO blocked forever. Devices outside the scenario's folder are
 * refused by the path policy before they are opened (path-policy.test.ts); these cases allow them
 * to reach the file-type check.
 */
const withBook = (path: string) => `name: Book\ntiers:\n  - name: SMB\n    existing: { customersFile: ${path}, renewalRate: 0.9 }\n`;
const withPipeline = (path: string) =>
  `name: Pipe\ntiers:\n  - name: SMB\n    newBusiness: { leadsPerMonth: 10, conversion: 0.1, acv: 1000, openingPipeline: { file: ${path} } }\n`;

const mkfifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
};

const cases: Array<{ name: string; scenario: string; prepare?: (dir: string) => void; allowedRoots?: string[]; expected: string }> = [
  { name: 'a book that is a FIFO (no writer: it would wait forever)', scenario: withBook('b.csv'), prepare: (d) => mkfifo(join(d, 'b.csv')), expected: '<dir>/b.csv is a FIFO (named pipe), not a regular file' },
  { name: 'a pipeline file that is a FIFO', scenario: withPipeline('p.csv'), prepare: (d) => mkfifo(join(d, 'p.csv')), expected: '<dir>/p.csv is a FIFO (named pipe), not a regular file' },
  { name: 'a book that is a device', scenario: withBook('/dev/zero'), allowedRoots: ['/dev'], expected: '/dev/zero is a device, not a regular file' },
  { name: 'a book that is a link to a device', scenario: withBook('z.csv'), prepare: (d) => symlinkSync('/dev/zero', join(d, 'z.csv')), allowedRoots: ['/dev'], expected: '<dir>/z.csv is a device, not a regular file' },
  { name: 'a book that is a directory', scenario: withBook('books'), prepare: (d) => mkdirSync(join(d, 'books')), expected: '<dir>/books is a directory, not a CSV file' },
  { name: 'a missing book', scenario: withBook('none.csv'), expected: '<dir>/none.csv file not found' },
  {
    name: 'a book over the size limit (sparse: refused before reading)',
    scenario: withBook('big.csv'),
    prepare: (d) => {
      const fd = openSync(join(d, 'big.csv'), 'w');
      ftruncateSync(fd, MAX_BOOK_BYTES + 1);
      closeSync(fd);
    },
    expected: `<dir>/big.csv is ${MAX_BOOK_BYTES + 1} bytes; a customer or pipeline file may be at most ${MAX_BOOK_BYTES / 1024 / 1024} MB (${MAX_BOOK_BYTES} bytes)`,
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
