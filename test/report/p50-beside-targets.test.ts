import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { formatMoney } from '../../src/report/format.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { run } from '../helpers/fixtures.js';

const yaml = `
name: p50 beside targets
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: 40
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: { dist: lognormal, median: 10000, p90: 20000 }
`;

/** '$123.45k' or '123.45k' as a number. */
const amount = (text: string) => {
  const m = /^\$?(\d[\d,]*(?:\.\d+)?)([kMB]?)$/.exec(text)!;
  return Number(m[1]!.replace(/,/g, '')) * { '': 1, k: 1e3, M: 1e6, B: 1e9 }[m[2] as '' | 'k' | 'M' | 'B'];
};

describe("what must be true's 'P50 now', beside two targets of one metric", () => {
  it('is written alike in every line, on the side of each target it lies on, in the terminal, report.html and report.xlsx', async () => {
    // '--target revenue=118.2355M --target revenue=118.24M' printed 'P50 now 118.24M' in one line and
    // 'P50 now 118.2M' in the next: the median's digits were chosen for each line's own target.
    const sim = await run(yaml, 400, 3);
    const median = summarize(sim).metrics.revenue.percentiles.p50;
    const rounded = amount(formatMoney(median));
    expect(rounded).not.toBe(median);
    // A target between the median and its rounding: the rounding reads on the wrong side of it, so
    // its line needs more digits; another 10% above the median, which the rounding reads below.
    const near = (median + rounded) / 2;
    const far = median * 1.1;
    const s = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: near, label: 'near' }, { metric: 'revenue', value: far, label: 'far' }] } });
    for (const w of s.whatMustBeTrue) expect(w.trialsReaching * (w.trialsUsed - w.trialsReaching), w.target).toBeGreaterThan(0);
    // report.xlsx's Attribution preamble wrote each line with its own target's digits (fixdec18 left it).
    const xlsx = reportSheets(s, sim.loaded.scenario).find((x) => x.name === 'Attribution')!.preamble.join('\n');
    for (const text of [summaryTable(s), reportHtml({ summary: s, scenario: sim.loaded.scenario, charts: [] }), xlsx]) {
      const shown = [...text.matchAll(/P50 now ([^)]+)\)/g)].map((m) => m[1]!);
      expect(shown).toHaveLength(2);
      expect(shown[1]).toBe(shown[0]);
      const value = amount(shown[0]!);
      for (const target of [near, far]) expect(value >= target, `${shown[0]} beside ${target}`).toBe(median >= target);
    }
  });
});
