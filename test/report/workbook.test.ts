import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { cellText, moneyFormat } from '../../src/report/xlsx/cell-text.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportSheets, writeWorkbook } from '../../src/report/xlsx/workbook.js';
import { summarize } from '../../src/analysis/summarize.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { runReportScenario } from './fixture.js';

let summary: Summary;
let sim: Simulation;
let out: string;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  const run = await runReportScenario();
  summary = run.summary;
  sim = run.sim;
  out = join(mkdtempSync(join(tmpdir(), 'arrcast-xlsx-')), 'report');
  await writeReport(out, run.sim, summary);
  await wb.xlsx.readFile(join(out, 'report.xlsx'));
});

describe('report.xlsx', () => {
  it('is written inside the report directory with its sheets', () => {
    expect(readdirSync(out)).toContain('report.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Percentiles', 'Monthly', 'Targets and budgets', 'Assumptions', 'Attribution']);
  });

  it('holds the summary\u2019s numbers as numbers, money in the currency, with frozen headers', () => {
    const ws = wb.getWorksheet('Summary')!;
    const header = ws.getRow(5);
    expect(header.getCell(1).value).toBe('Metric');
    expect(header.font?.bold).toBe(true);
    const revenue = ws.getRow(6);
    expect(revenue.getCell(1).value).toBe('Recognized revenue');
    expect(revenue.getCell(2).value).toBe(summary.metrics.revenue.mean);
    expect(revenue.getCell(2).numFmt).toBe(moneyFormat('$'));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
  });

  it("says why bookings can equal ending ARR, with report.html's new-ARR line under bookings", () => {
    // Bookings equal to ending ARR, with nothing saying why, read like a bug to teams that book new ACV only.
    const ws = wb.getWorksheet('Summary')!;
    expect(ws.getRow(4).getCell(1).value).toBe(
      "Bookings count every contract signed in the year, renewals included, so they can match ending ARR; new ARR signed is new customers' contracts alone (bookings as teams that count new business only define them), each column its own percentile, not a part of the bookings figure above it.",
    );
    expect([6, 7, 8, 9].map((r) => String(ws.getRow(r).getCell(1).value).trim())).toEqual(['Recognized revenue', 'Bookings', 'New ARR signed', 'Ending ARR']);
    const newArr = summary.byComponent.bookings.newBusiness!;
    const row = ws.getRow(8);
    expect([2, 4, 8].map((c) => row.getCell(c).value)).toEqual([newArr.mean, newArr.percentiles.p1, newArr.percentiles.p50]);
    expect(row.getCell(2).numFmt).toBe(moneyFormat('$'));
  });

  it('has percentiles by metric, tier and component, the monthly bands, the targets and the attribution', () => {
    const p = wb.getWorksheet('Percentiles')!;
    const rows = p.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.some((r) => r[2] === 'SMB' && r[1] === 'Recognized revenue')).toBe(true);
    expect(rows.some((r) => r[3] === 'New business')).toBe(true);
    const m = wb.getWorksheet('Monthly')!;
    expect(m.getRow(3).getCell(1).value).toBe(summary.monthly[0]!.label);
    expect(m.getRow(3).getCell(4).value).toBe(summary.monthly[0]!.mrr.percentiles.p50);
    const t = wb.getWorksheet('Targets and budgets')!;
    const budget = (t.getSheetValues().filter(Boolean) as unknown[][]).find((r) => String(r[1]).startsWith('Budget at 80%') && r[2] === 'Recognized revenue')!;
    expect(budget[3]).toBe(summary.decisions.budgets.metrics.revenue.value);
    const worst = (t.getSheetValues().filter(Boolean) as unknown[][]).find((r) => r[1] === 'Mean of the worst 10%' && r[2] === 'Recognized revenue')!;
    expect(worst[3]).toBe(summary.decisions.downside.revenue.worst10Mean);
    const a = wb.getWorksheet('Attribution')!;
    // The first driver's row, under the preamble's lines (as many as the run has notes) and the header.
    const first = (a.getSheetValues() as unknown[][]).findIndex((r) => r?.[1] === summary.sensitivity.drivers[0]!.label);
    expect(a.getRow(first - 1).getCell(1).value).toBe('Driver');
    expect(a.getRow(first).getCell(3).numFmt).toBe('0.0%;-0.0%');
    expect(a.getRow(first).getCell(3).value).toBe(summary.sensitivity.drivers[0]!.varianceShare);
  });

  it("leaves the mean gap of a target no trial misses empty, as the tables write '-' (not a gap of 0)", () => {
    // Revenue is never below 0: no trial misses a target of 0; no trial reaches 1e12.
    const met = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 0, label: 'Always' }, { metric: 'revenue', value: 1e12, label: 'Never' }] } });
    expect(met.decisions.targets.map((t) => t.shortfall.trialsMissing)).toEqual([0, sim.trials]);
    const rows = reportSheets(met, sim.loaded.scenario).find((s) => s.name === 'Targets and budgets')!.rows;
    const row = (label: string) => rows.find((r) => r[0] === 'Target' && r[1] === label)!;
    expect(row('Always')[6]).toBeNull();
    expect(row('Never')[6]).toBe(met.decisions.targets[1]!.shortfall.meanGap);
  });

  it('writes no interval or tornado ends for a driver with no uncertainty of its own, and says so as the terminal does', () => {
    // The fixture's leads a month are Poisson around a fixed mean with a market loading: the market
    // moves them, but they have no own draw, hence no own P10 or P90 to set revenue at.
    const flat = summary.sensitivity.drivers.filter((x) => !x.ownUncertainty);
    const own = summary.sensitivity.drivers.filter((x) => x.ownUncertainty);
    expect(flat.length).toBeGreaterThan(0);
    const rows = (wb.getWorksheet('Attribution')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    for (const x of flat) {
      const row = rows.find((r) => r[0] === `${x.label} (no year-level uncertainty of its own: moves with the market)`);
      expect(row, x.label).toBeDefined();
      expect(row![2]).toBe(0);
      expect(row!.slice(3, 8).filter((c) => c !== undefined && c !== null)).toEqual([]);
    }
    // The terminal's words for the drivers its table shows (the first 8), the same ("year-level": an ACV given as P10/P50/P90 is drawn per deal,
    // and "no uncertainty of its own" beside it read as if the input were ignored).
    const terminal = summaryTable(summary);
    const shownFlat = flat.filter((f) => summary.sensitivity.drivers.indexOf(f) < 8);
    expect(shownFlat.length).toBeGreaterThan(0);
    for (const x of shownFlat) expect(terminal).toContain(`  ${x.label} (no year-level uncertainty of its own: moves with the market)`);
    // Shares as estimated, but a negative one that reads 0.0% at the fixture's one decimal, stored as 0 (the test below).
    expect(String(wb.getWorksheet('Attribution')!.getRow(1).getCell(1).value)).toMatch(/Unexplained \(unit-level luck and interactions\): -?\d+\.\d%\.$/);
    const asShown = (v: number) => (v < 0 && v > -0.0005 ? 0 : v);
    for (const x of own) {
      const row = rows.find((r) => r[0] === x.label)!;
      expect(row.slice(2, 8)).toEqual([asShown(x.varianceShare!), asShown(x.varianceShareInterval![0]), asShown(x.varianceShareInterval![1]), x.low!.metricMedian, x.high!.metricMedian, x.swing]);
    }
  });

  it("reads a negative share or interval end that rounds to zero as the terminal writes it, 0.0%, not -0.0% (LibreOffice's displayed text)", () => {
    // Debian's libreoffice-calc-nogui; without it the exceljs read-back above is the reader.
    if (spawnSync('which', ['soffice']).status !== 0) return;
    // The example's Enterprise renewal rate: [-0.000106, 0.00174], written [0.0%, 0.2%] by the terminal
    // and report.html; '0.0%;-0.0%' showed the low end -0.0% (a format's negative section takes any negative).
    const [a, b, c] = summary.sensitivity.drivers.filter((x) => x.ownUncertainty);
    const sensitivity: Summary['sensitivity'] = {
      ...summary.sensitivity,
      unexplained: { value: 0.3, standardError: 0.01, interval: [0.28, 0.32] },
      drivers: [
        { ...a!, varianceShare: 0.62, varianceShareInterval: [0.6, 0.64] },
        { ...b!, varianceShare: 0.000834, varianceShareInterval: [-0.000106, 0.00174] },
        { ...c!, varianceShare: -0.0002, varianceShareInterval: [-0.012, 0.011] },
      ],
    };
    const fake = { ...summary, sensitivity, sensitivityByTier: undefined };
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-soffice-'));
    const file = join(dir, 'shares.xlsx');
    return writeWorkbook(file, reportSheets(fake, sim.loaded.scenario)).then(() => {
      // CSV of every sheet (12th option: -1), each cell as shown (9th option: true).
      const r = spawnSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, file], { timeout: 120_000, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const lines = readFileSync(join(dir, 'shares-Attribution.csv'), 'utf8').split('\n');
      const shares = (label: string) => lines.find((l) => l.startsWith(`${label},`))!.split(',').slice(2, 5);
      expect(shares(a!.label)).toEqual(['62.0%', '60.0%', '64.0%']);
      expect(shares(b!.label)).toEqual(['0.1%', '0.0%', '0.2%']);
      expect(shares(c!.label)).toEqual(['0.0%', '-1.2%', '1.1%']);
      // As the terminal writes them.
      const terminal = summaryTable(fake);
      expect(terminal).toMatch(new RegExp(`  ${b!.label} +0\\.1% +\\[0\\.0%, 0\\.2%\\]`));
      expect(terminal).toMatch(new RegExp(`  ${c!.label} +0\\.0% +\\[-1\\.2%, 1\\.1%\\]`));
    });
  });

  it('neutralises text cells that a spreadsheet would read as a formula, and leaves numbers alone', async () => {
    for (const s of ['=1+1', '+1', '-x', '@SUM(A1)', '\tx', '\rx']) expect(cellText(s)).toBe(`'${s}`);
    expect(cellText('Plan')).toBe('Plan');
    const file = join(mkdtempSync(join(tmpdir(), 'arrcast-xlsx-')), 'x.xlsx');
    await writeWorkbook(file, [{ name: 'S', preamble: ['=HYPERLINK("http://evil")'], header: ['a', 'b'], rows: [['-2+3', -5]], formats: ['', ''], widths: [10, 10] }]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet('S')!;
    expect(ws.getRow(1).getCell(1).value).toBe(`'=HYPERLINK("http://evil")`);
    expect(ws.getRow(3).getCell(1).value).toBe("'-2+3");
    expect(ws.getRow(3).getCell(2).value).toBe(-5);
  });

  it('money formats quote the symbol, so letter codes are text', () => {
    expect(moneyFormat('CHF')).toBe('"CHF "#,##0;-"CHF "#,##0');
    expect(moneyFormat('€')).toBe('"€"#,##0;-"€"#,##0');
  });

  it('opens in LibreOffice headless when it is installed', () => {
    const which = spawnSync('which', ['soffice']);
    // Debian's libreoffice-calc-nogui; without it the exceljs read-back above is the reader.
    if (which.status !== 0) return;
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-soffice-'));
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(out, 'report.xlsx')], { timeout: 120_000, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toContain('report.pdf');
    // And LibreOffice reads the numbers as numbers: the first sheet as CSV holds the revenue mean.
    const c = spawnSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, join(out, 'report.xlsx')], { timeout: 120_000, encoding: 'utf8' });
    expect(c.status, c.stderr).toBe(0);
    const row = readFileSync(join(dir, 'report.csv'), 'utf8').split('\n').find((l) => l.startsWith('Recognized revenue,'))!;
    expect(Number(row.split(',')[1])).toBeCloseTo(summary.metrics.revenue.mean, 3);
  });
});
