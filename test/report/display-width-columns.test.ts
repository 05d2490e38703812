import { describe, expect, it } from 'vitest';
import { textTable } from '../../src/report/format.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summarize } from '../../src/analysis/summarize.js';
import { run } from '../helpers/fixtures.js';

/**
 * The columns a monospace terminal gives the test's strings, counted here on its own: CJK
 * ideographs, kana and fullwidth forms and pictographic emoji 2, combining marks 0, the rest 1.
 */
const columns = (s: string) => [...s].reduce((w, c) => w + (/[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff60]|\p{Extended_Pictographic}/u.test(c) ? 2 : /\p{M}/u.test(c) ? 0 : 1), 0);

/** Display column at which each run of two or more spaces ends in a line: where its cells start. */
const cellStarts = (line: string) => [...line.matchAll(/ {2,}/g)].map((m) => columns(line.slice(0, m.index! + m[0].length)));

describe('terminal tables pad by display width', () => {
  it('a cell of CJK, emoji or combining marks keeps every column boundary where the others have it', () => {
    const rows = [
      ['Tier', 'mean', 'P90'],
      ['中小企業', '1.5M', '2.0M'],
      ['Growth 📈', '12.0k', '3.0M'],
      ['Cafe\u0301', '7', '８'],
      ['Enterprise', '2.8M', '100.0M'],
    ];
    const lines = textTable(rows).split('\n');
    // Every line ends at the same column (the last column is right-aligned), and the second
    // column's right edge is at the same column in every line.
    const ends = lines.map(columns);
    expect(new Set(ends).size).toBe(1);
    const secondEnd = lines.map((l, i) => columns(l.slice(0, l.indexOf(rows[i]![1]!) + rows[i]![1]!.length)));
    expect(new Set(secondEnd).size).toBe(1);
    // 'Enterprise' (10 columns) is the widest first cell: 中小企業 (8 columns) is followed by its padding.
    expect(lines[1]!.startsWith('中小企業  ')).toBe(true);
    expect(lines[1]!.startsWith('中小企業      ')).toBe(false);
  });

  it("run's terminal tables: a tier named 中小企業 lines up with the tier under it", async () => {
    const yaml = `
name: cjk
tiers:
  - name: 中小企業
    existing: { openingArr: 1200000, customers: 120, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: { dist: lognormal, mean: 12000, sd: 4000 } }
  - name: Enterprise
    existing: { openingArr: 3000000, customers: 30, renewalRate: { dist: beta, mean: 0.9, sd: 0.02 } }
`;
    const lines = summaryTable(summarize(await run(yaml, 200))).split('\n');
    let checked = 0;
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (!line.startsWith('  中小企業') || !next?.startsWith('  Enterprise')) return;
      expect(cellStarts(line).slice(-3)).toEqual(cellStarts(next).slice(-3));
      expect(columns(line)).toBe(columns(next));
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
