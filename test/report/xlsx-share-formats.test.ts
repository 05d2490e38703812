import { beforeAll, describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { reportSheets, workbookSheets } from '../../src/report/xlsx/workbook.js';
import { percentFormat, shareFormats } from '../../src/report/xlsx/share-format.js';
import { formatShare } from '../../src/report/money.js';
import { formatShareBeside, formatShareInterval } from '../../src/report/interval-format.js';
import { runReportScenario } from './fixture.js';

/**
 * report.xlsx shows a percentage as report.html writes it. Every share had the fixed format '0.0%':
 * a target reached in 2,999 of 3,000 years showed as the certainty 100.0%, one reached once in
 * 3,000 as 0.0%, and a near-certain target at 100,000 trials as 99.9% [99.9%, 99.9%].
 */

/** What Excel shows for a number in a percentage format '0.00%'. */
const shown = (v: number, format: string) => `${(v * 100).toFixed(/\.(0+)%/.exec(format)?.[1]!.length ?? 0)}%`;

let sim: Simulation;
let summary: Summary;

beforeAll(async () => {
  ({ sim } = await runReportScenario());
  summary = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 9e6 }, { metric: 'revenue', value: 5e6 }, { metric: 'endingArr', value: 1e9 }] } });
  const [near, narrow, rare] = summary.decisions.targets;
  Object.assign(near!.probability, { value: 2999 / 3000, interval: [0.9981, 0.99994] });
  Object.assign(narrow!.probability, { value: 0.9988, interval: [0.99861, 0.99896] });
  Object.assign(rare!.probability, { value: 1 / 3000, interval: [0.000059, 0.0019] });
});

describe("report.xlsx's percentages", () => {
  it('read in the workbook as report.html writes them', () => {
    const sheet = workbookSheets(reportSheets(summary, sim.loaded.scenario)).find((s) => s.name === 'Targets and budgets')!;
    const rows = sheet.rows.filter((r) => r.cells[0]?.value === 'Target' && r.cells[1]?.value !== 'All targets in the same year');
    expect(rows).toHaveLength(3);
    for (const [row, t] of rows.map((r, i) => [r, summary.decisions.targets[i]!] as const)) {
      const [p, lo, hi] = [3, 4, 5].map((i) => row.cells[i]!);
      const html = [formatShareBeside(t.probability.value, t.probability.interval), ...formatShareInterval(t.probability.interval, t.probability.value).slice(1, -1).split(', ')];
      expect([shown(p!.value as number, p!.format!), shown(lo!.value as number, lo!.format!), shown(hi!.value as number, hi!.format!)], t.label).toEqual(html);
    }
  });

  it('a share alone with formatShare\u2019s decimals, one at least', () => {
    expect(shareFormats([2999 / 3000])).toEqual([percentFormat(2)]);
    expect(shareFormats([1 / 3000])).toEqual([percentFormat(3)]);
    expect(shareFormats([0.5, 1])).toEqual([percentFormat(1), percentFormat(1)]);
    for (const v of [2999 / 3000, 1 / 3000, 0.5, -0.00035]) expect(shown(v, shareFormats([v])[0]!)).toBe(formatShare(v));
  });
});
