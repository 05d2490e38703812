import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { amountFormat, statedAmountFormat, targetAmountFormat } from '../../src/report/xlsx/cell-text.js';
import { reportSheets, writeWorkbook } from '../../src/report/xlsx/workbook.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { runReportScenario } from './fixture.js';

// Each case: the amount, its currency, the text report.html writes for it (formatCurrency's rule,
// written out by hand), and so the decimals its cell's format must show.
describe("a money cell's format shows the digits report.html writes", () => {
  it.each([
    [40.72, 'USD', '$40.7', '"$"#,##0.0;-"$"#,##0.0'], // was whole dollars: "$41"
    [-5.123, 'USD', '-$5.12', '"$"#,##0.00;-"$"#,##0.00'],
    [0, 'USD', '$0', '"$"#,##0;-"$"#,##0'],
    [-0.004, 'USD', '-$0.00400', '"$"#,##0.00000;-"$"#,##0.00000'], // below the cent: not "$0"
    [999.996, 'USD', '$1.00k', '"$"#,##0;-"$"#,##0'], // carried to the next unit: whole
    [132_215_431, 'USD', '$132M', '"$"#,##0;-"$"#,##0'], // from 1,000 up, as before
    [43.27, 'JPY', '¥43', '"¥"#,##0;-"¥"#,##0'],
    [0.4, 'JPY', '¥0.400', '"¥"#,##0.000;-"¥"#,##0.000'],
    [0.0012345, 'KWD', 'KWD 0.001', '"KWD "#,##0.000;-"KWD "#,##0.000'], // was "KWD 0"
    [7.1234, 'EUR', '€7.12', '"€"#,##0.00;-"€"#,##0.00'],
  ])('%d %s (%s)', (value, currency, _html, format) => {
    expect(amountFormat(value, currency)).toBe(format);
  });

  it.each([
    [40.55, 'USD', '"$"#,##0.00;-"$"#,##0.00'], // a target of 40.55 was shown $41 (then $40.6 at an estimate's digits)
    [120e6, 'USD', '"$"#,##0;-"$"#,##0'],
    [0.0405, 'KWD', '"KWD "#,##0.0000;-"KWD "#,##0.0000'],
    [12, 'JPY', '"¥"#,##0;-"¥"#,##0'],
  ])('a stated amount %d %s keeps its typed decimals', (value, currency, format) => {
    expect(statedAmountFormat(value, currency)).toBe(format);
  });

  it.each([
    [40.555555, 'USD', '"$"#,##0.000000;-"$"#,##0.000000'], // label "revenue >= 40.555555": a plan's six digits wrote $40.5556
    [1_234_567.891, 'USD', '"$"#,##0.000;-"$"#,##0.000'], // label "ending ARR >= 1.234567891M": was $1,234,568
    [120e6, 'USD', '"$"#,##0;-"$"#,##0'],
    [0.0405, 'KWD', '"KWD "#,##0.0000;-"KWD "#,##0.0000'],
    [0.1 + 0.2, 'EUR', '"€"#,##0.0;-"€"#,##0.0'], // 0.30000000000000004 is 0.3 at the 15 significant digits a spreadsheet keeps
  ])("a target's amount %d %s keeps every digit its label writes", (value, currency, format) => {
    expect(targetAmountFormat(value, currency)).toBe(format);
  });
});

// Amounts of a scale written as decimals (0.001 * 40.55 is 0.040549999999999996 in a double).
const tiny = (currency: string, scale: number) => {
  const x = (v: number) => Number((v * scale).toPrecision(12));
  return `
name: Tiny ${currency}
currency: ${currency}
seed: 3
tiers:
  - name: Shop
    existing:
      openingArr: ${x(40)}
      customers: 2
      renewalRate: { dist: beta, mean: 0.8, sd: 0.1 }
      priceUplift: 0.03
    newBusiness:
      leadsPerMonth: 10
      conversion: { dist: beta, mean: 0.1, sd: 0.03 }
      salesCycleMonths: 0
      acv: { dist: lognormal, median: ${x(5)}, p90: ${x(12)} }
targets:
  metrics:
    - { metric: revenue, value: ${x(40.55)} }
`;
};

/** A number as a spreadsheet shows it in a format '"SYM"#,##0.00;-"SYM"#,##0.00' (the only shape arrcast writes for money): a plain reference. */
function shown(value: number, format: string): string {
  const m = /^"([^"]*)"#,##0(?:\.(0+))?;-"\1"#,##0(?:\.\2)?$/.exec(format);
  if (!m) throw new Error(`not a money format: ${format}`);
  const d = m[2]?.length ?? 0;
  const digits = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  return `${value < 0 && Number(digits.replace(/,/g, '')) !== 0 ? '-' : ''}${m[1]}${digits}`;
}

/** The headline table of report.html: metric label -> [mean, P10, P50, P90] as written. */
function headline(html: string): Map<string, string[]> {
  const table = /<table[^>]*>([\s\S]*?)<\/table>/.exec(html)![1]!;
  const rows = new Map<string, string[]>();
  for (const [, row] of table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const cells = [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => c!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim());
    rows.set(cells[0]!, cells.slice(1));
  }
  return rows;
}

describe('report.xlsx of a company of tiny amounts reads as report.html', () => {
  it.each([
    ['USD', 1],
    ['JPY', 1],
    ['KWD', 0.001],
    ['EUR', 1],
  ])('%s', async (currency, scale) => {
    const yaml = tiny(currency, scale);
    const { summary } = await runReportScenario(yaml, 300);
    const scenario = parseScenario(yaml, 'tiny.yaml').scenario;
    const html = headline(reportHtml({ summary, scenario, charts: [], files: [] }));
    const file = join(mkdtempSync(join(tmpdir(), 'arrcast-xlsx-amounts-')), 'report.xlsx');
    await writeWorkbook(file, reportSheets(summary, scenario));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Summary')!;
    let compared = 0;
    ws.eachRow((row) => {
      const label = String(row.getCell(1).value ?? '').trim();
      const written = html.get(label);
      if (written === undefined || typeof row.getCell(2).value !== 'number') return;
      // Summary's columns: Mean, SD, P1, P5, P10, P25, P50, P75, P90, ...; the headline's: Mean, P10, P50, P90.
      const cells = [2, 6, 8, 10].map((c) => shown(row.getCell(c).value as number, row.getCell(c).numFmt));
      expect([label, ...cells]).toEqual([label, ...written]);
      compared++;
    });
    expect(compared).toBe(4); // revenue, bookings, new ARR signed, ending ARR
    // The target's amount as its label states it.
    const t = wb.getWorksheet('Targets and budgets')!;
    let target: ExcelJS.Row | undefined;
    t.eachRow((row) => {
      if (row.getCell(1).value === 'Target') target = row;
    });
    const label = String(target!.getCell(2).value);
    expect(shown(target!.getCell(3).value as number, target!.getCell(3).numFmt).replace(/^\D+/, '')).toBe(label.replace('revenue >= ', ''));
  });
});

describe("report.xlsx's target cells read as their labels", () => {
  it('every digit of a target of 40.555555 and of 1,234,567.891', async () => {
    const yaml = tiny('USD', 1).replace('    - { metric: revenue, value: 40.55 }', '    - { metric: revenue, value: 40.555555 }\n    - { metric: endingArr, value: 1234567.891 }');
    expect(yaml).toContain('40.555555');
    const { summary } = await runReportScenario(yaml, 100);
    const scenario = parseScenario(yaml, 'tiny.yaml').scenario;
    const file = join(mkdtempSync(join(tmpdir(), 'arrcast-xlsx-targets-')), 'report.xlsx');
    await writeWorkbook(file, reportSheets(summary, scenario));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const seen: string[] = [];
    wb.getWorksheet('Targets and budgets')!.eachRow((row) => {
      // 'All targets in the same year' has no amount.
      if (row.getCell(1).value === 'Target' && typeof row.getCell(3).value === 'number') seen.push(`${String(row.getCell(2).value)}: ${shown(row.getCell(3).value as number, row.getCell(3).numFmt)}`);
    });
    expect(seen).toEqual(['revenue >= 40.555555: $40.555555', 'ending ARR >= 1.234567891M: $1,234,567.891']);
  });
});
