import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, csvNumber } from '../../src/report/csv-field.js';
import { runCli } from '../helpers/in-process-cli.js';
import { hostileScenario, writeScenario } from './hostile-names-fixture.js';
import { csvRecords } from '../helpers/csv-records.js';

const parseCsv = csvRecords;

/** OWASP's formula triggers at the start of a cell. */
const FORMULA = /^[=+\-@\t\r]/;

const PAYLOADS = ["=cmd|' /C calc'!A0", '+1+cmd|x', '-2+3+cmd|x', '@SUM(1+9)*cmd|x', '\tTAB=1+1', '\rCR=1+1', '=HYPERLINK("http://evil","click")'];

describe('csvField neutralises formula cells (OWASP CSV injection)', () => {
  it.each(PAYLOADS)('%j becomes a quoted text cell starting with a single quote', (payload) => {
    const cell = csvField(payload);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(parseCsv(`${cell}\n`)).toEqual([[`'${payload}`]]);
  });

  it.each(['SMB', 'Mid-market', 'A/inbound', 'x=1', 'a@b.com', "O'Brien"])('leaves %j as it was', (text) => {
    expect(csvField(text)).toBe(text);
  });

  it('still quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvField('Größe, EU')).toBe('"Größe, EU"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('does not touch numbers: a negative number stays a number', () => {
    expect(csvNumber(-12.5, 2)).toBe('-12.5');
    expect(csvNumber(-1e6, 2)).toBe('-1000000');
  });
});

describe('every CSV of a report: no cell a spreadsheet would run', () => {
  // Leading tab and CR are trimmed from tier names by the schema, so they are tried as lead-source grades.
  const tiers = [
    { name: "=cmd|' /C calc'!A0", grades: ['=HYPERLINK("http://evil","x")', '@SUM(1+1)'] },
    { name: '+1+cmd|x' },
    { name: '-2+3+cmd|x', grades: ['-1', 'plain'] },
    { name: '@SUM(1+9)' },
  ];

  it('writes percentiles.csv, monthly.csv and trials.csv with every formula cell quoted behind a single quote', async () => {
    const { file, dir } = writeScenario(hostileScenario(tiers));
    const out = join(dir, 'report');
    const r = await runCli('run', file, '-n', '300', '-w', '0', '-q', '--no-progress', '--outputs', 'all', '--out', out);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    for (const name of ['percentiles.csv', 'monthly.csv', 'trials.csv']) {
      const cells = parseCsv(readFileSync(join(out, name), 'utf8')).flat();
      const formulas = cells.filter((c) => FORMULA.test(c) && !Number.isFinite(Number(c)));
      expect(formulas, name).toEqual([]);
    }
    const rows = parseCsv(readFileSync(join(out, 'percentiles.csv'), 'utf8'));
    const tierCells = new Set(rows.slice(1).map((r) => r[1]));
    for (const t of tiers) expect(tierCells.has(`'${t.name}`), t.name).toBe(true);
    // Numbers stay numbers: churn takes revenue away, and its mean is written as a plain negative number.
    expect(rows.find((r) => r[0] === 'revenue' && r[1] === 'all' && r[2] === 'churn' && r[3] === 'mean')![4]).toMatch(/^-\d+(\.\d+)?$/);
  });
});
