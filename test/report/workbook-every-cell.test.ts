import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { writeReport } from '../../src/report/write-report.js';
import { COMPONENT_LABELS, type Component } from '../../src/model/components.js';
import { runReportScenario, WITH_TARGETS } from './fixture.js';

/**
 * Every number of every sheet of report.xlsx and comparison.xlsx, cell by cell, against summary.json
 * and comparison.json as written beside them. Each cell is looked up by its row's labels and its
 * column's header (read from the sheet), never by position in the code that writes it: a column
 * shifted, a header over the wrong figure, or a row holding another tier's or another scenario's
 * figure fails here. Every numeric cell of a sheet must be accounted for.
 */

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Cell = string | number | null;

/** A sheet's rows as plain values: row 1 first, every row as long as the widest (missing cells null). */
function sheetRows(ws: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === undefined || v === null ? null : typeof v === 'number' ? v : String(v));
    }
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The table under a sheet's preamble: its header (the row whose first cell is `first`) and the rows under it. */
function table(ws: ExcelJS.Worksheet, first: string): { header: string[]; rows: Cell[][] } {
  const all = sheetRows(ws);
  const at = all.findIndex((r) => r[0] === first);
  expect(at, `${ws.name}: header row starting ${first}`).toBeGreaterThanOrEqual(0);
  // Nothing numeric above the header: the preamble is text.
  for (const r of all.slice(0, at)) expect(r.filter((v) => typeof v === 'number'), ws.name).toEqual([]);
  return { header: all[at]!.map((h) => String(h ?? '')), rows: all.slice(at + 1).filter((r) => r.some((v) => v !== null)) };
}

/** Compare each numeric column of each row (by header) with `expected(row, header)`; every numeric cell must have an expectation. */
function checkCells(sheet: string, t: { header: string[]; rows: Cell[][] }, labels: number, expected: (row: Cell[], header: string) => Cell | undefined): number {
  let checked = 0;
  for (const row of t.rows)
    for (let c = labels; c < t.header.length; c++) {
      const want = expected(row, t.header[c]!);
      const where = `${sheet}: ${row.slice(0, labels).join(' / ')} / ${t.header[c]}`;
      expect(want, `${where}: no figure in the json for this cell`).not.toBeUndefined();
      // A JSON null, or a figure the sheet leaves empty (an interval not estimable), is an empty cell.
      expect(row[c] ?? null, where).toBe(want === undefined ? null : want);
      if (want !== null) checked++;
    }
  return checked;
}

const statByHeader = (stat: Json, header: string): Cell | undefined => {
  if (header === 'Mean') return stat.mean;
  if (header === 'SD') return stat.sd ?? 'n/a';
  const p = /^P(\d+)$/.exec(header);
  return p ? stat.percentiles[`p${p[1]}`] : undefined;
};

const METRIC_OF: Record<string, string> = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };

let dir: string;
let summary: Json;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  const run = await runReportScenario(WITH_TARGETS);
  dir = join(mkdtempSync(join(tmpdir(), 'arrcast-every-cell-')), 'report');
  await writeReport(dir, run.sim, run.summary);
  summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  await wb.xlsx.readFile(join(dir, 'report.xlsx'));
});

describe('report.xlsx, every numeric cell against summary.json', () => {
  it('Summary: each metric (and new ARR signed under bookings) by its header', () => {
    const t = table(wb.getWorksheet('Summary')!, 'Metric');
    expect(t.rows.map((r) => String(r[0]).trim())).toEqual(['Recognized revenue', 'Bookings', 'New ARR signed', 'Ending ARR']);
    const n = checkCells('Summary', t, 1, (row, h) => {
      const label = String(row[0]).trim();
      return statByHeader(label === 'New ARR signed' ? summary.byComponent.bookings.newBusiness : summary.metrics[METRIC_OF[label]!], h);
    });
    expect(n).toBe(4 * (2 + Object.keys(summary.metrics.revenue.percentiles).length));
  });

  it('Percentiles: every metric x tier x component, each by its header, and none missing', () => {
    const t = table(wb.getWorksheet('Percentiles')!, 'Metric');
    const seen = new Set<string>();
    checkCells('Percentiles', t, 3, (row, h) => {
      const m = METRIC_OF[String(row[0])]!;
      const [tier, component] = [String(row[1]), String(row[2])];
      seen.add(`${m}|${tier}|${component}`);
      if (component === 'Total') return statByHeader(tier === 'All tiers' ? summary.metrics[m] : summary.byTier[tier][m], h);
      expect(tier, 'components are the company-wide').toBe('All tiers');
      const key = (Object.keys(COMPONENT_LABELS) as Component[]).find((k) => COMPONENT_LABELS[k] === component);
      expect(key, `${m}: component ${component}`).toBeDefined();
      return statByHeader(summary.byComponent[m][key!], h);
    });
    const expectedRows = Object.keys(METRIC_OF).flatMap((label) => {
      const m = METRIC_OF[label]!;
      return [`${m}|All tiers|Total`, ...Object.keys(summary.byTier).map((tier) => `${m}|${tier}|Total`), ...Object.keys(summary.byComponent[m]).map((c) => `${m}|All tiers|${c}`)];
    });
    expect(seen.size).toBe(expectedRows.length);
  });

  it('Monthly: each fiscal month by its label and its MRR and cumulative columns', () => {
    const t = table(wb.getWorksheet('Monthly')!, 'Month');
    expect(t.rows.length).toBe(summary.monthly.length);
    checkCells('Monthly', t, 1, (row, h) => {
      const m = summary.monthly.find((x: Json) => x.label === row[0]);
      expect(m, String(row[0])).toBeDefined();
      if (h === 'Fiscal month') return m.month;
      const band = /^(MRR|Cumulative revenue) (mean|P\d+)$/.exec(h);
      if (!band) return undefined;
      const stat = band[1] === 'MRR' ? m.mrr : m.cumulativeRevenue;
      return band[2] === 'mean' ? stat.mean : stat.percentiles[band[2]!.toLowerCase()];
    });
  });

  it('Targets and budgets: each target, budget and downside figure of the right metric, with its interval', () => {
    const t = table(wb.getWorksheet('Targets and budgets')!, 'Figure');
    const d = summary.decisions;
    const seen = new Set<string>();
    checkCells('Targets and budgets', t, 2, (row, h) => {
      const [figure, of] = [String(row[0]), String(row[1])];
      seen.add(`${figure}|${of}`);
      if (figure === 'Target') {
        const x = of === 'All targets in the same year' ? { probability: d.jointProbability, value: null, shortfall: { trialsMissing: 0 }, p10MinusTarget: null } : d.targets.find((y: Json) => y.label === of);
        expect(x, of).toBeDefined();
        const cells: Record<string, Cell> = {
          Value: x.value,
          'P(reach)': x.probability.value,
          '95% interval, low': x.probability.interval[0],
          '95% interval, high': x.probability.interval[1],
          'Mean gap if missed': x.shortfall.trialsMissing === 0 ? null : x.shortfall.meanGap,
          'P10 - target': x.p10MinusTarget,
        };
        return cells[h];
      }
      const m = METRIC_OF[of]!;
      const figureOf: Record<string, [number, [number, number] | null]> = {
        [`Budget at ${Math.round(d.confidence * 100)}% confidence`]: [d.budgets.metrics[m].value, d.budgets.metrics[m].interval],
        '1-in-10 year (P10)': [d.downside[m].p10.value, d.downside[m].p10.interval],
        '1-in-20 year (P5)': [summary.metrics[m].percentiles.p5, summary.metrics[m].percentileIntervals.p5],
        'Mean of the worst 10%': [d.downside[m].worst10Mean, d.downside[m].worst10Interval],
        'Mean of the worst 5%': [d.downside[m].worst5Mean, d.downside[m].worst5Interval],
      };
      const f = figureOf[figure];
      expect(f, figure).toBeDefined();
      const cells: Record<string, Cell> = { Value: f![0], 'P(reach)': null, '95% interval, low': f![1]?.[0] ?? 'n/a', '95% interval, high': f![1]?.[1] ?? 'n/a', 'Mean gap if missed': null, 'P10 - target': null };
      return cells[h];
    });
    expect(seen.size).toBe(d.targets.length + (d.jointProbability ? 1 : 0) + 3 * 5);
  });

  it('Monthly plan: each month\u2019s plan and chance, with the interval, of MRR and cumulative revenue', () => {
    const t = table(wb.getWorksheet('Monthly plan')!, 'Month');
    const plan = summary.decisions.monthlyPlan;
    expect(t.rows.length).toBe(plan.length);
    // The two series' headers repeat ("95% interval, low"): read as the last series header before them.
    let series = '';
    const seriesOf = t.header.map((h) => (h.startsWith('Planned MRR') ? (series = 'mrr') : h.startsWith('Planned cumulative') ? (series = 'cumulativeRevenue') : series));
    for (const row of t.rows) {
      const p = plan.find((x: Json) => x.month === row[1]);
      expect(summary.monthly.find((m: Json) => m.month === p.month).label).toBe(row[0]);
      for (let c = 2; c < t.header.length; c++) {
        const f = p[seriesOf[c]!];
        const h = t.header[c]!;
        const want = h.startsWith('Planned') ? f.plan : h.startsWith('P(') ? f.probability.value : h.endsWith('low') ? f.probability.interval[0] : f.probability.interval[1];
        expect(row[c], `Monthly plan: ${row[0]} / ${h} (${seriesOf[c]})`).toBe(want);
      }
    }
  });

  it('Attribution: each driver of its tier, its share, interval and tornado ends', () => {
    const t = table(wb.getWorksheet('Attribution')!, 'Driver');
    const s = summary.sensitivity;
    expect(t.rows.length).toBe(s.drivers.length);
    // A negative share that rounds to 0.0% is stored as 0 (workbook.test.ts): compared as shown.
    const asShown = (v: number) => (v < 0 && v > -0.0005 ? 0 : v);
    checkCells('Attribution', t, 2, (row, h) => {
      const x = s.drivers.find((y: Json) => String(row[0]).startsWith(y.label) && (y.tier ?? 'All') === row[1]);
      expect(x, `${row[0]} / ${row[1]}`).toBeDefined();
      if (!x.ownUncertainty) return h === 'Share of variance' ? 0 : null;
      const cells: Record<string, Cell> = {
        'Share of variance': asShown(x.varianceShare),
        'Share, low': asShown(x.varianceShareInterval[0]),
        'Share, high': asShown(x.varianceShareInterval[1]),
        'Revenue at driver P10': x.low.metricMedian,
        'Revenue at driver P90': x.high.metricMedian,
        Swing: x.swing,
      };
      return cells[h];
    });
  });

  it('Assumptions holds words only, a row for each tier\u2019s drivers', () => {
    const t = table(wb.getWorksheet('Assumptions')!, 'Tier');
    expect(t.rows.every((r) => r.every((v) => typeof v !== 'number'))).toBe(true);
    expect(new Set(t.rows.map((r) => r[0]))).toEqual(new Set([...Object.keys(summary.byTier), 'Market']));
  });
});

describe('comparison.xlsx, every numeric cell against comparison.json', () => {
  let c: Json;
  const cwb = new ExcelJS.Workbook();
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'arrcast-every-cell-compare-'));
    writeFileSync(join(work, 'a.yaml'), WITH_TARGETS);
    // B: Enterprise converts less (its own tier moves, SMB does not).
    writeFileSync(join(work, 'b.yaml'), WITH_TARGETS.replace('conversion: { dist: beta, mean: 0.1, sd: 0.025 }', 'conversion: { dist: beta, mean: 0.07, sd: 0.02 }').replace('name: Report test Co', 'name: Report test Co, downside'));
    const out = join(work, 'cmp');
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'compare', join(work, 'a.yaml'), join(work, 'b.yaml'), '--trials', '2000', '--workers', '0', '--out', out, '--target', 'SMB:endingArr=3M', '--no-progress'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    await cwb.xlsx.readFile(join(out, 'comparison.xlsx'));
  });

  const labelIndex = (label: Cell | undefined) => c.scenarios.findIndex((s: Json) => s.label === label);

  it('Side by side: each metric of each scenario, by its header', () => {
    const t = table(cwb.getWorksheet('Side by side')!, 'Metric');
    expect(t.rows.length).toBe(3 * c.scenarios.length);
    checkCells('Side by side', t, 2, (row, h) => statByHeader(c.metrics[METRIC_OF[String(row[0])]!].scenarios[labelIndex(row[1])], h));
  });

  const differenceByHeader = (x: Json, h: string): Cell | undefined =>
    h === 'P(X < A)' ? x.probabilityBelow.value : h === 'P low' ? x.probabilityBelow.interval[0] : h === 'P high' ? x.probabilityBelow.interval[1] : statByHeader(x, h);
  const differenceOf = (list: Json[], label: Cell | undefined) => {
    const x = list.find((y: Json) => `${c.scenarios[y.scenario].label} vs A` === label);
    expect(x, String(label)).toBeDefined();
    return x;
  };

  it('Differences, in total and by tier: each scenario against A, by its header', () => {
    const t = table(cwb.getWorksheet('Differences')!, 'Metric');
    expect(t.rows.length).toBe(3 * (c.scenarios.length - 1));
    checkCells('Differences', t, 2, (row, h) => differenceByHeader(differenceOf(c.metrics[METRIC_OF[String(row[0])]!].differences, row[1]), h));
    const bt = table(cwb.getWorksheet('Differences by tier')!, 'Metric');
    expect(bt.rows.length).toBe(3 * c.sharedTiers.length * (c.scenarios.length - 1));
    checkCells('Differences by tier', bt, 3, (row, h) => differenceByHeader(differenceOf(c.byTier[String(row[1])][METRIC_OF[String(row[0])]!].differences, row[2]), h));
  });

  it('Chances of targets and Budgets and downside: each scenario\u2019s own figure', () => {
    const d = c.decisions;
    const t = table(cwb.getWorksheet('Chances of targets')!, 'Target');
    expect(t.rows.length).toBe((d.scenarios[0].targets.length + 1) * c.scenarios.length);
    checkCells('Chances of targets', t, 2, (row, h) => {
      const s = d.scenarios[labelIndex(row[1])];
      const x = row[0] === 'P(all targets in the same year)' ? { probability: s.jointProbability } : s.targets.find((y: Json) => `P(${y.label})` === row[0]);
      expect(x, String(row[0])).toBeDefined();
      return ({ Chance: x.probability.value, 'Chance low': x.probability.interval[0], 'Chance high': x.probability.interval[1] } as Record<string, Cell>)[h];
    });
    const b = table(cwb.getWorksheet('Budgets and downside')!, 'Figure');
    expect(b.rows.length).toBe(3 * 3 * c.scenarios.length);
    checkCells('Budgets and downside', b, 2, (row, h) => {
      expect(h).toBe('Value');
      const s = d.scenarios[labelIndex(row[1])];
      const figure = String(row[0]);
      const m = Object.entries(METRIC_OF).find(([label]) => figure.toLowerCase().includes(label.toLowerCase()))?.[1];
      expect(m, figure).toBeDefined();
      if (/budget/i.test(figure)) return s.budgets[m!].value;
      if (/worst 10%/i.test(figure)) return s.downside[m!].worst10Mean;
      if (/1-in-10|P10/.test(figure)) return s.downside[m!].p10.value;
      return undefined;
    });
  });
});
