import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { comparisonHtml } from '../../src/report/html/comparison-html.js';
import { comparisonSheets } from '../../src/report/xlsx/comparison-sheets.js';
import { writeWorkbook } from '../../src/report/xlsx/workbook.js';

/** A company of dollar amounts below one dollar: every difference between two of its forecasts is cents or less. */
const tiny = (conversion: number) => `
name: Tiny dollars
currency: USD
seed: 3
tiers:
  - name: Shop
    existing:
      openingArr: 0.4
      customers: 2
      renewalRate: { dist: beta, mean: 0.8, sd: 0.1 }
      priceUplift: 0.03
    newBusiness:
      leadsPerMonth: 10
      conversion: { dist: beta, mean: ${conversion}, sd: 0.03 }
      salesCycleMonths: 0
      acv: { dist: lognormal, median: 0.05, p90: 0.12 }
`;

/** A number as a spreadsheet shows it in a format '"SYM"#,##0.00;-"SYM"#,##0.00' (the only shape arrcast writes for money): a plain reference. */
function shown(value: number, format: string): string {
  const m = /^"([^"]*)"#,##0(?:\.(0+))?;-"\1"#,##0(?:\.\2)?$/.exec(format);
  if (!m) throw new Error(`not a money format: ${format}`);
  const d = m[2]?.length ?? 0;
  const digits = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  return `${value < 0 && Number(digits.replace(/,/g, '')) !== 0 ? '-' : ''}${m[1]}${digits}`;
}

describe("comparison.xlsx's differences of tiny amounts read as comparison.html's", () => {
  it('each Differences cell (mean, P10, P50, P90) shows the figure the page writes', async () => {
    const sims = [
      await simulate(parseScenario(tiny(0.1), 'plan.yaml'), { trials: 400, seed: '5', workers: 0 }),
      await simulate(parseScenario(tiny(0.2), 'upside.yaml'), { trials: 400, seed: '5', workers: 0 }),
    ];
    const comparison = compareSimulations(sims);
    const decisions = compareDecisions(sims);
    const html = comparisonHtml({ comparison, decisions, charts: [], files: [] });
    // The differences table: "Revenue: B − A" -> its mean, P10, P50, P90 as written.
    const table = /<table(?:(?!<\/table>)[\s\S])*?Metric and difference[\s\S]*?<\/table>/.exec(html)![0];
    const page = new Map<string, string[]>();
    for (const [, row] of table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const cells = [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => c!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim());
      page.set(cells[0]!, cells.slice(1, 5));
    }
    const file = join(mkdtempSync(join(tmpdir(), 'arrcast-cmp-xlsx-')), 'comparison.xlsx');
    await writeWorkbook(file, comparisonSheets(comparison, decisions));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const compared: string[] = [];
    wb.getWorksheet('Differences')!.eachRow((row) => {
      if (typeof row.getCell(3).value !== 'number') return;
      const label = `${String(row.getCell(1).value)}: ${String(row.getCell(2).value).replace(' vs A', ' − A')}`;
      const cells = [3, 4, 5, 6].map((c) => shown(row.getCell(c).value as number, row.getCell(c).numFmt));
      expect([label, ...cells]).toEqual([label, ...(page.get(label) ?? ['not on the page'])]);
      compared.push(label);
    });
    // Revenue, bookings and ending ARR, each "$0.41"-like: whole dollars read $0 and $1 (a13a7dc's comparison-sheets.ts).
    expect(compared).toEqual(['Recognized revenue: B − A', 'Bookings: B − A', 'Ending ARR: B − A']);
  });
});
