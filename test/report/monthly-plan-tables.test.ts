import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/analysis/summarize.js';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { formatInterval, formatPercent } from '../../src/report/format.js';
import { formatShare } from '../../src/report/money.js';
import { formatShareBeside, formatShareInterval } from '../../src/report/interval-format.js';
import { moneyFormat, PERCENT_FORMAT } from '../../src/report/xlsx/cell-text.js';
import { runCli } from '../helpers/in-process-cli.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';
import { reforecastSummary } from '../../src/analysis/reforecast-summary.js';

// A fiscal year from February, so the months' labels are not the calendar's first twelve by index.
const BASE = `
name: Plan test Co
currency: EUR
seed: 3
fiscalYearStartMonth: 2
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 120
      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 100 }
      conversion: 0.05
      acv: { dist: lognormal, mean: 12000, sd: 4000 }
`;
// A plan near each month's median (MRR starts near 104k and grows to about 150k): odds well inside (0, 1).
// April's 116,996 is stated to the unit: it reads '116.996k', not the '117.0k' of an estimate's one decimal.
const MRR = [104000, 108000, 112000, 116996, 120000, 125000, 129000, 133000, 137000, 142000, 146000, 150000];
const CUMULATIVE = [104000, 212000, 324000, 440000, 560000, 685000, 815000, 950000, 1087000, 1229000, 1373000, 1525000];
const TARGETS = `
targets:
  metrics:
    - { metric: revenue, value: 1300000 }
  monthly:
    mrr: [${MRR.join(', ')}]
    cumulativeRevenue: [${CUMULATIVE.join(', ')}]
`;
const NO_PLAN = `
targets:
  metrics:
    - { metric: revenue, value: 1300000 }
`;

/** A planned amount as the planner typed it (these are whole thousands, or 116,996): 116.996k, 1.087M. */
const typed = (v: number) => (v < 1e6 ? `${v / 1e3}k` : `${v / 1e6}M`);

/** The cells of a printed table row (columns are two spaces apart or more). */
const cellsOf = (line: string) => line.trim().split(/\s{2,}/);

/** The rows of report.html's table of `className`, as arrays of cell text (unescaped & only). */
function htmlRows(html: string, className: string): string[][] {
  const table = new RegExp(`<table class="${className}">([\\s\\S]*?)</table>`).exec(html);
  if (!table) return [];
  return [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replaceAll('&amp;', '&')));
}

async function runTo(yaml: string): Promise<{ out: string; dir: string; summary: Summary }> {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-mplan-'));
  writeFileSync(join(dir, 's.yaml'), yaml);
  const r = await runCli('run', join(dir, 's.yaml'), '--trials', '300', '--workers', '0', '--no-progress', '--out', join(dir, 'out'));
  expect(r.err).not.toMatch(/error|warning/i);
  expect(r.code).toBe(0);
  return { out: r.out, dir: join(dir, 'out'), summary: JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary };
}

describe('the monthly plan in the terminal, report.html and report.xlsx', () => {
  let run: Awaited<ReturnType<typeof runTo>>;
  let bare: Awaited<ReturnType<typeof runTo>>;
  beforeAll(async () => {
    run = await runTo(BASE + TARGETS);
    bare = await runTo(BASE + NO_PLAN);
  }, 120_000);

  it('the plan of the fixture is met in some years and missed in others, every month', () => {
    const p = run.summary.decisions.monthlyPlan!;
    expect(p).toHaveLength(12);
    const mrr = p.map((m) => m.mrr!.probability.value);
    expect(Math.min(...mrr)).toBeGreaterThan(0.1);
    expect(Math.max(...mrr)).toBeLessThan(0.9);
  });

  it('arrcast run prints a Monthly plan table: a row per fiscal month with the summary.json figures', () => {
    const lines = run.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('Monthly plan (EUR)'));
    expect(head).toBeGreaterThan(-1);
    expect(cellsOf(lines[head]!)).toEqual(['Monthly plan (EUR)', 'planned MRR', 'P(MRR >= plan)', '95% interval', 'planned cumulative revenue', 'P(cumulative >= plan)', '95% interval']);
    run.summary.decisions.monthlyPlan!.forEach((m, i) => {
      const { mrr, cumulativeRevenue } = m;
      expect(cellsOf(lines[head + 1 + i]!)).toEqual([
        run.summary.monthly[i]!.label,
        typed(mrr!.plan),
        formatPercent(mrr!.probability.value),
        formatInterval(mrr!.probability.interval, formatPercent),
        typed(cumulativeRevenue!.plan),
        formatPercent(cumulativeRevenue!.probability.value),
        formatInterval(cumulativeRevenue!.probability.interval, formatPercent),
      ]);
    });
    expect(cellsOf(lines[head + 1]!)[0]).toBe('Feb');
    expect(cellsOf(lines[head + 12]!)[0]).toBe('Jan');
    expect(run.summary.decisions.monthlyPlan![0]!.mrr!.plan).toBe(MRR[0]);
    expect(cellsOf(lines[head + 4]!)[1]).toBe('116.996k');
  });

  it('report.html has the same table beside the targets, its figures formatted as the targets table writes them', () => {
    const html = readFileSync(join(run.dir, 'report.html'), 'utf8');
    const rows = htmlRows(html, 'monthly-plan');
    expect(rows[0]).toEqual(['Fiscal month', 'Planned MRR', 'P(MRR ≥ plan)', '95% interval', 'Planned cumulative revenue', 'P(cumulative ≥ plan)', '95% interval']);
    expect(rows.slice(1)).toEqual(
      run.summary.decisions.monthlyPlan!.map((m, i) => [
        run.summary.monthly[i]!.label,
        `€${typed(m.mrr!.plan)}`,
        formatShareBeside(m.mrr!.probability.value, m.mrr!.probability.interval),
        formatShareInterval(m.mrr!.probability.interval),
        `€${typed(m.cumulativeRevenue!.plan)}`,
        formatShareBeside(m.cumulativeRevenue!.probability.value, m.cumulativeRevenue!.probability.interval),
        formatShareInterval(m.cumulativeRevenue!.probability.interval),
      ]),
    );
    // In the decisions part, after the targets and before the budgets; the page stays script-free.
    const at = html.indexOf('<h3>Monthly plan</h3>');
    expect(at).toBeGreaterThan(html.indexOf('<h3>Targets</h3>'));
    expect(at).toBeLessThan(html.indexOf('<h3>Budget at'));
    expect(html).not.toMatch(/<script/i);
  });

  it('report.xlsx has a Monthly plan sheet of numbers equal to summary.json, with number formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(run.dir, 'report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Percentiles', 'Monthly', 'Targets and budgets', 'Monthly plan', 'Assumptions', 'Attribution']);
    const ws = wb.getWorksheet('Monthly plan')!;
    const rows = (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    const header = rows.findIndex((r) => r[0] === 'Month');
    expect(rows[header]).toEqual(['Month', 'Fiscal month', 'Planned MRR', 'P(MRR >= plan)', '95% interval, low', '95% interval, high', 'Planned cumulative revenue', 'P(cumulative >= plan)', '95% interval, low', '95% interval, high']);
    run.summary.decisions.monthlyPlan!.forEach((m, i) => {
      expect(rows[header + 1 + i]).toEqual([
        run.summary.monthly[i]!.label,
        m.month,
        m.mrr!.plan,
        m.mrr!.probability.value,
        ...m.mrr!.probability.interval,
        m.cumulativeRevenue!.plan,
        m.cumulativeRevenue!.probability.value,
        ...m.cumulativeRevenue!.probability.interval,
      ]);
    });
    const first = ws.getRow(header + 2);
    expect(first.getCell(3).numFmt).toBe(moneyFormat('€'));
    expect(first.getCell(4).numFmt).toBe(PERCENT_FORMAT);
    expect(first.getCell(6).numFmt).toBe(PERCENT_FORMAT);
    expect(first.getCell(7).numFmt).toBe(moneyFormat('€'));
  });

  it('report.xlsx\u2019s Targets and budgets sheet has P10 - target, in money, as the terminal and report.html do', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(run.dir, 'report.xlsx'));
    const t = wb.getWorksheet('Targets and budgets')!;
    // Indexed by row number (row 0 is empty).
    const tRows = Array.from(t.getSheetValues(), (r) => r ?? []) as unknown[][];
    const th = tRows.findIndex((r) => r[1] === 'Figure');
    expect(tRows[th]![8]).toBe('P10 - target');
    const target = run.summary.decisions.targets[0]!;
    const at = tRows.findIndex((r) => r[1] === 'Target' && r[2] === target.label);
    expect(tRows[at]![8]).toBe(target.p10MinusTarget);
    expect(t.getRow(at).getCell(8).numFmt).toBe(moneyFormat('€'));
  });

  it('no table, section or sheet when the scenario has no monthly plan', async () => {
    expect(bare.summary.decisions.monthlyPlan).toBeUndefined();
    expect(bare.out).toContain('Targets');
    expect(bare.out).not.toContain('Monthly plan');
    const html = readFileSync(join(bare.dir, 'report.html'), 'utf8');
    expect(html).not.toContain('Monthly plan');
    expect(html).not.toContain('monthly-plan"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(bare.dir, 'report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Monthly plan');
  });

  it('a plan of MRR only gets the MRR columns only', () => {
    const mrrOnly: Summary = {
      ...run.summary,
      decisions: { ...run.summary.decisions, monthlyPlan: run.summary.decisions.monthlyPlan!.map(({ month, mrr }) => ({ month, mrr })) },
    };
    const lines = summaryTable(mrrOnly).split('\n');
    const head = lines.find((l) => l.startsWith('Monthly plan'))!;
    expect(cellsOf(head)).toEqual(['Monthly plan (EUR)', 'planned MRR', 'P(MRR >= plan)', '95% interval']);
    const sheet = reportSheets(mrrOnly, scenarioFrom(BASE + TARGETS).scenario).find((s) => s.name === 'Monthly plan')!;
    expect(sheet.header).toEqual(['Month', 'Fiscal month', 'Planned MRR', 'P(MRR >= plan)', '95% interval, low', '95% interval, high']);
    expect(sheet.rows[0]).toHaveLength(6);
  });
});

describe('a re-forecast: the closed months are the actuals', async () => {
  const loaded = scenarioFrom(BASE.replace('fiscalYearStartMonth: 2\n', '') + TARGETS);
  // Two closed months: month 1's MRR 105,000 (above its plan of 104,000), month 2's 100,000 (below 108,000).
  const file = monthlyFile({ SMB: [{ ending_arr: 1_260_000 }, { ending_arr: 1_200_000 }] });
  const sim = await simulate(loaded, { trials: 300, workers: 0, actuals: { file, months: 2 } });
  const summarized = summarize(sim);
  const summary: Summary = { ...summarized, reforecast: reforecastSummary(sim, summarized, sim.reforecast!) };
  const plan = summary.decisions.monthlyPlan!;

  it('decisions.ts gives the closed months probability 1 or 0', () => {
    expect(summary.reforecast!.asOfMonth).toBe(2);
    expect(plan[0]!.mrr!.probability.value).toBe(1);
    expect(plan[1]!.mrr!.probability.value).toBe(0);
  });

  it('the terminal and report.xlsx mark them (actual), with no interval', () => {
    const lines = summaryTable(summary).split('\n');
    const head = lines.findIndex((l) => l.startsWith('Monthly plan'));
    expect(cellsOf(lines[head + 1]!).slice(0, 4)).toEqual(['Jan (actual)', typed(MRR[0]!), '100.0%', '-']);
    expect(cellsOf(lines[head + 2]!).slice(0, 4)).toEqual(['Feb (actual)', typed(MRR[1]!), '0.0%', '-']);
    expect(cellsOf(lines[head + 3]!)[0]).toBe('Mar');
    expect(cellsOf(lines[head + 3]!)[3]).toBe(formatInterval(plan[2]!.mrr!.probability.interval, formatPercent));
    expect(lines.some((l) => l.startsWith('Months marked (actual) are closed'))).toBe(true);

    const sheet = reportSheets(summary, loaded.scenario).find((s) => s.name === 'Monthly plan')!;
    expect(sheet.rows[0]!.slice(0, 6)).toEqual(['Jan (actual)', 1, MRR[0], 1, null, null]);
    expect(sheet.rows[1]!.slice(0, 6)).toEqual(['Feb (actual)', 2, MRR[1], 0, null, null]);
    expect(sheet.rows[2]!.slice(0, 6)).toEqual(['Mar', 3, MRR[2], plan[2]!.mrr!.probability.value, ...plan[2]!.mrr!.probability.interval]);
  });

  it('report.html marks them too', () => {
    const rows = htmlRows(reportHtml({ summary, scenario: loaded.scenario, charts: [] }), 'monthly-plan');
    expect(rows[1]!.slice(0, 4)).toEqual(['Jan (actual)', `€${typed(MRR[0]!)}`, formatShare(1), '-']);
    expect(rows[2]!.slice(0, 4)).toEqual(['Feb (actual)', `€${typed(MRR[1]!)}`, formatShare(0), '-']);
    expect(rows[3]![0]).toBe('Mar');
  });
});
