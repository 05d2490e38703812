import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { checkOutputDir, OutputDirError } from '../../src/report/output-dir.js';
import { renderChart, type ChartRenderer } from '../../src/report/render-chart.js';
import { runReportScenario } from './fixture.js';

let sim: Simulation;
let summary: Summary;

beforeAll(async () => {
  ({ sim, summary } = await runReportScenario());
});

const CHARTS = ['arr-bridge', 'breakdown', 'exceedance', 'monthly-fan', 'revenue-distribution'];
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-report-'));
/** Every file under dir, by relative path, with its contents. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );

describe('writeReport', () => {
  it('writes every output, the charts as spec and SVG', async () => {
    const out = join(tmp(), 'report');
    await writeReport(out, sim, summary);
    expect(readdirSync(out).sort()).toEqual(['charts', 'monthly.csv', 'percentiles.csv', 'report.html', 'scenario.json', 'sipmath.json', 'summary.json', 'trials.csv']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(CHARTS.flatMap((c) => [`${c}.svg`, `${c}.vl.json`]));
    for (const c of CHARTS) {
      const spec = JSON.parse(readFileSync(join(out, 'charts', `${c}.vl.json`), 'utf8'));
      expect(spec.$schema).toContain('vega-lite');
      // The saved spec renders to the saved image, byte for byte.
      expect((await renderChart(spec)).svg).toBe(readFileSync(join(out, 'charts', `${c}.svg`), 'utf8'));
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<figure class="chart" id="chart-arr-bridge">');
    expect(JSON.parse(readFileSync(join(out, 'sipmath.json'), 'utf8')).libraryType).toBe('SIPmath_3_0');
  });

  it('replaces a previous report on a rerun', async () => {
    const out = join(tmp(), 'report');
    await writeReport(out, sim, summary);
    writeFileSync(join(out, 'charts', 'old-chart.svg'), 'from an older version');
    await writeReport(out, sim, summary);
    expect(existsSync(join(out, 'charts', 'old-chart.svg'))).toBe(false);
    expect(readdirSync(join(out, 'charts'))).toHaveLength(10);
  });

  it('leaves no partial directory, and the previous report untouched, when a chart fails to render', async () => {
    const parent = tmp();
    const out = join(parent, 'report');
    await writeReport(out, sim, summary);
    const before = snapshot(out);
    let calls = 0;
    const failing: ChartRenderer = async (spec) => {
      if (++calls === 3) throw new Error('injected: the third chart does not render');
      return renderChart(spec);
    };
    await expect(writeReport(out, sim, summary, { renderChart: failing })).rejects.toThrow('injected: the third chart does not render');
    expect(calls).toBe(3);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('fails, writing nothing, when vega reports an error drawing a chart', async () => {
    const parent = tmp();
    const erring: ChartRenderer = async (spec) => ({ ...(await renderChart(spec)), warnings: ['error: Loading failed'] });
    await expect(writeReport(join(parent, 'report'), sim, summary, { renderChart: erring })).rejects.toThrow(
      'chart revenue-distribution did not render: error: Loading failed',
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('creates nothing when the first run fails', async () => {
    const parent = tmp();
    const failing: ChartRenderer = async () => {
      throw new Error('injected');
    };
    await expect(writeReport(join(parent, 'report'), sim, summary, { renderChart: failing })).rejects.toThrow('injected');
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('checkOutputDir knows an arrcast report', () => {
  it('accepts a report with its charts directory', async () => {
    const out = join(tmp(), 'report');
    await writeReport(out, sim, summary);
    await expect(checkOutputDir(out)).resolves.toBeUndefined();
  });

  it('refuses a charts directory holding anything but chart specs and images', async () => {
    const out = join(tmp(), 'report');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'summary.json'), '{}');
    writeFileSync(join(out, 'charts', 'notes.txt'), 'keep me');
    await expect(checkOutputDir(out)).rejects.toThrow(OutputDirError);
    await expect(checkOutputDir(out)).rejects.toThrow('it holds charts/notes.txt');
  });

  it('refuses a charts that is a file, and any other name', async () => {
    const out = join(tmp(), 'report');
    mkdirSync(out);
    writeFileSync(join(out, 'charts'), 'a file');
    await expect(checkOutputDir(out)).rejects.toThrow('it holds charts');
    const other = join(tmp(), 'report');
    mkdirSync(other);
    writeFileSync(join(other, 'report.html'), '');
    writeFileSync(join(other, 'budget.xlsx'), '');
    await expect(checkOutputDir(other)).rejects.toThrow('it holds budget.xlsx');
  });
});
