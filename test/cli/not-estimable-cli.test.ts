import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { answerOf } from '../../src/studio/answer.js';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess, type CliResult } from '../helpers/cli.js';

/**
 * `arrcast run --trials 3`: too few trials for the variance shares and for the expected shortfall's
 * intervals. The run still succeeds, and no output shows a share of 100% for every driver, an
 * "unexplained" share below 0, or an expected shortfall interval of no width: each says "-" or
 * "not estimable", with the reason.
 */
const example = join(ROOT, 'scenarios/example.yaml');
let r: CliResult;
let out: string;
let summary: Summary;
let html: string;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'arrcast-not-estimable-')), 'report');
  r = await arrcastInProcess(['run', example, '--trials', '3', '-w', '0', '--no-progress', '--out', out, '-t', 'revenue=120M']);
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  html = readFileSync(join(out, 'report.html'), 'utf8');
  await wb.xlsx.readFile(join(out, 'report.xlsx'));
});

/** Percentages in a piece of text, as shares: '100.0%' -> 1, '-1600.0%' -> -16. */
const percents = (text: string) => [...text.matchAll(/(-?\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]) / 100);

describe('arrcast run --trials 3', () => {
  it('exits 0 and writes the report', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote');
  });

  it('prints no variance share for what moves revenue, but why not, once for the company and its tiers', () => {
    const lines = r.stdout.split('\n');
    const moves = lines.filter((l) => l.startsWith('What moves'));
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatch(/^What moves recognized revenue \(and each tier's\): not estimable \(3 trials: /);
    expect(r.stdout).not.toContain('Unit-level luck and interactions');
    // The paragraph names no driver's share either.
    expect(r.stdout).toMatch(/Which\s+drivers\s+move\s+revenue\s+most\s+cannot\s+be\s+estimated/);
    expect(r.stdout).not.toContain('The biggest source of risk');
    expect(r.stdout).toMatch(/What must be true for revenue >= 120M: not estimable/);
  });

  it('summary.json holds nulls with the reason, not a share of 1 and an unexplained share of -16', () => {
    expect(summary.sensitivity.notEstimable).toEqual(expect.any(String));
    expect(summary.sensitivity.unexplained.value).toBeNull();
    expect(summary.sensitivity.drivers.every((d) => d.varianceShare === null)).toBe(true);
    for (const d of Object.values(summary.decisions.downside)) {
      expect(d.worst5Interval).toBeNull();
      expect(d.worst10Interval).toBeNull();
      expect(d.notEstimable).toMatch(/^3 trials: /);
    }
  });

  it('report.html: no tornado chart and no share table, but the reason; the expected shortfall intervals shown as -', () => {
    expect(existsSync(join(out, 'charts', 'tornado.svg'))).toBe(false);
    expect(html).not.toContain('charts/tornado');
    expect(html).toContain('No tornado chart of what moves revenue: not estimable (3 trials: ');
    expect(html).toMatch(/Sources of risk \(each driver's share of the year-to-year variance of recognized revenue\): not estimable/);
    const rows = [...html.matchAll(/<tr><th scope="row">[^<]*Mean of the worst (?:5|10)% \(expected shortfall\)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/g)];
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row[2]).toBe('-');
    // Each interval's reason: the budget's (P20), P10's and P5's reach below the lowest of 3 trials; the tails' means hold 1 trial.
    expect(html).toMatch(/Intervals shown as -: not estimable \(P20 of 3 trials: its 95% interval reaches below the lowest trial; it needs at least 17 trials\)/);
    expect(html).toMatch(/not estimable \([^)]*P10 of 3 trials: [^)]*P5 of 3 trials: [^)]*3 trials: the worst 5% and the worst 10% are 1 trial each/);
    // Nowhere a share of variance: the page's paragraph says they cannot be estimated.
    expect(html).not.toContain('The biggest source of risk');
    expect(html).toContain('Which drivers move revenue most cannot be estimated from this run (3 trials: ');
  });

  it('report.xlsx: the attribution sheet writes n/a with the reason; the expected shortfall intervals n/a', () => {
    const attribution = wb.getWorksheet('Attribution')!;
    const texts: string[] = [];
    attribution.eachRow((row) => texts.push(row.values!.toString()));
    expect(texts.join('\n')).toContain('not estimable (3 trials: ');
    let driverRows = 0;
    attribution.eachRow((row) => {
      const share = row.getCell(3).value;
      if (row.getCell(2).value === 'All' || /^(SMB|Mid-market|Enterprise)$/.test(String(row.getCell(2).value))) {
        driverRows++;
        // No number in any figure column: 'n/a' throughout.
        for (let c = 3; c <= 8; c++) expect(row.getCell(c).value, `row ${row.number} column ${c}`).toBe('n/a');
        expect(share).toBe('n/a');
      }
    });
    expect(driverRows).toBe(summary.sensitivity.drivers.length);
    // Nothing in the sheet reads as a share of 1 or an unexplained share below 0.
    expect(percents(texts.join('\n')).filter((p) => p >= 1 || p < 0)).toEqual([]);

    const targets = wb.getWorksheet('Targets and budgets')!;
    let esRows = 0;
    targets.eachRow((row) => {
      if (/^Mean of the worst/.test(String(row.getCell(1).value))) {
        esRows++;
        expect(row.getCell(5).value).toBe('n/a');
        expect(row.getCell(6).value).toBe('n/a');
      }
    });
    expect(esRows).toBe(6);
    const preamble: string[] = [];
    targets.eachRow((row) => preamble.push(String(row.getCell(1).value)));
    expect(preamble.join('\n')).toContain(
      'Intervals written n/a: not estimable (P20 of 3 trials: its 95% interval reaches below the lowest trial; it needs at least 17 trials; P10 of 3 trials: its 95% interval reaches below the lowest trial; it needs at least 36 trials; P5 of 3 trials: its 95% interval reaches below the lowest trial; it needs at least 72 trials; 3 trials: the worst 5% and the worst 10% are 1 trial each',
    );
  });

  it('the studio answer shows no share but why not, and no tornado', async () => {
    const sim = await simulate(await loadScenario(example), { trials: 3, seed: 7, workers: 0 });
    const a = answerOf(sim, 0.8, sim);
    expect(a.attribution.drivers).toEqual([]);
    expect(a.attribution.unexplained).toBeNull();
    expect(a.attribution.notEstimable).toMatch(/^3 trials: variance shares need at least/);
    expect(a.charts.tornado).toBeUndefined();
  });
});

describe('arrcast run --trials 1 and compare -n 1', () => {
  it('run: budget intervals shown as - with the reason once, nulls in summary.json, n/a for the sd in report.xlsx', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'arrcast-one-trial-')), 'report');
    const one = await arrcastInProcess(['run', example, '--trials', '1', '-w', '0', '--no-progress', '--out', dir]);
    expect(one.code).toBe(0);
    const budget = one.stdout.split('\n').filter((l) => /^(Recognized revenue|Bookings|Ending ARR) +\S+ +-$/.test(l));
    expect(budget).toHaveLength(3);
    expect(one.stdout).toContain('95% intervals shown as -: not estimable (1 trial: ');
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    expect(s.metrics.revenue).toMatchObject({ sd: null, standardError: null, percentileIntervals: null });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'report.xlsx'));
    const sheet = book.getWorksheet('Summary')!;
    let rows = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Recognized revenue') {
        rows++;
        expect(row.getCell(3).value).toBe('n/a');
      }
    });
    expect(rows).toBe(1);
  });

  it('compare: ± s.e. shown as - with the reason', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'arrcast-one-trial-compare-')), 'cmp');
    const c = await arrcastInProcess(['compare', example, join(ROOT, 'scenarios/downside.yaml'), '-n', '1', '-w', '0', '--out', dir]);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('± s.e. shown as -: not estimable (1 trial: ');
    const a = c.stdout.split('\n').find((l) => /^A +\S+ +- /.test(l));
    expect(a).toBeDefined();
  });
});
