import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrcastInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Tier and scenario names of emoji sequences and combining marks, and the columns a terminal gives
 * each, counted by hand from Unicode's rules (a ZWJ sequence, a flag, an emoji with a skin tone are
 * one picture of 2 columns; a combining accent none): not from the code under test.
 */
const NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Team 👨\u200d👩\u200d👧\u200d👦 plan', 5 + 2 + 5],
  ['Dev 👩\u200d💻', 4 + 2],
  ['🇯🇵 Japan', 2 + 6],
  ['Famille 👨\u200d👩\u200d👧\u200d👦', 8 + 2],
  ['Cafe\u0301', 4],
  ['Caf\u00e9', 4],
  ['👍🏽 SMB', 2 + 4],
];

/** A printed line's columns, each name above counted as its hand-counted width, the rest one a character (ASCII). */
function columns(line: string): number {
  let plain = line;
  for (const [name, width] of [...NAMES].sort((a, b) => b[0].length - a[0].length)) plain = plain.split(name).join('x'.repeat(width));
  expect(plain).toMatch(/^[\x20-\x7e]*$/);
  return plain.length;
}

/** Where each cell but the last ends, in columns: the start of each run of two or more spaces after the line's indent. */
const cellEnds = (line: string) => [...line.matchAll(/ {2,}/g)].filter((m) => m.index! > 0).map((m) => columns(line.slice(0, m.index!)));

const tier = (name: string, arr: number, extra = '') =>
  `  - name: ${name}\n    existing: { openingArr: ${arr}, customers: 40, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }\n${extra}`;

const scenario = [
  'name: Team 👨\u200d👩\u200d👧\u200d👦 plan',
  'currency: EUR',
  'tiers:',
  tier('Dev 👩\u200d💻', 1200000, '    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: { dist: lognormal, mean: 12000, sd: 4000 } }\n'),
  tier('🇯🇵 Japan', 800000),
  tier('Famille 👨\u200d👩\u200d👧\u200d👦', 500000),
  tier('Cafe\u0301', 300000),
  tier('👍🏽 SMB', 300000),
  tier('Enterprise', 3000000),
].join('\n');

describe('the CLI lines up tables whose names are emoji sequences or carry combining marks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-wide-names-'));
  const file = join(dir, 'team.yaml');
  writeFileSync(file, scenario);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('arrcast run: in every table, each full row ends at the same column and its figures end where the others do', async () => {
    const r = await arrcastInProcess(['run', file, '--trials', '200', '--workers', '0', '--no-progress', '--out', join(dir, 'out'), '-t', 'Dev 👩\u200d💻:revenue=1.5M', '-t', '🇯🇵 Japan:endingArr=600k']);
    expect(r.code).toBe(0);
    const tables = r.stdout.split('\n\n').map((block) => block.split('\n'));
    let rowsWithNames = 0;
    for (const lines of tables) {
      // A table's full rows end in a figure; 'by tier' and 'by component' are headings of one cell.
      const rows = lines.filter((l) => / {2}\S+$/.test(l) && / {2,}\S+ {2,}\S+$/.test(l));
      if (rows.length < 2 || !rows.some((l) => NAMES.some(([n]) => l.includes(n)))) continue;
      expect(new Set(rows.map(columns)).size, lines.join('\n')).toBe(1);
      // The figures are right-aligned: each ends at the same column in every row (the first cell, a
      // name, ends where it ends; the rows' last figures end together, checked above).
      const ends = rows.map(cellEnds);
      const figures = Math.min(...ends.map((e) => e.length)) - 1;
      expect(figures, lines.join('\n')).toBeGreaterThanOrEqual(1);
      expect(new Set(ends.map((e) => e.slice(-figures).join())).size, lines.join('\n')).toBe(1);
      rowsWithNames += rows.filter((l) => NAMES.some(([n]) => l.includes(n))).length;
    }
    // Three money tables with six tiers, retention by tier, the targets table: many rows were checked.
    expect(rowsWithNames).toBeGreaterThanOrEqual(3 * 5 + 10 + 2);
  });

  it("arrcast compare: the legend's file column starts at the same column after names of different widths", async () => {
    const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
    const r = await arrcastInProcess(['compare', minimal, file, '--trials', '200', '--workers', '0', '--no-progress', '--out', join(dir, 'cmp'), '--allow-path', join(ROOT, 'test/fixtures')]);
    expect(r.code).toBe(0);
    const legend = r.stdout.split('\n').filter((l) => /^ {2}[AB] {2}/.test(l));
    expect(legend).toEqual([`  A  Minimal       ${minimal}`, `  B  Team 👨\u200d👩\u200d👧\u200d👦 plan  ${file}`]);
    expect(columns(legend[0]!.slice(0, legend[0]!.indexOf(minimal)))).toBe(columns(legend[1]!.slice(0, legend[1]!.indexOf(file))));
  });
});
