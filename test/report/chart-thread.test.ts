import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { renderChart, type ChartRenderer } from '../../src/report/render-chart.js';
import { startChartThread, type ChartThread } from '../../src/report/chart-thread.js';
import { runReportScenario } from './fixture.js';

let sim: Simulation;
let summary: Summary;
let thread: ChartThread;

beforeAll(async () => {
  thread = startChartThread();
  ({ sim, summary } = await runReportScenario());
});
afterAll(() => thread.close());

const tmp = () => join(mkdtempSync(join(tmpdir(), 'arrcast-chart-thread-')), 'report');
/** Every file under dir, by relative path, with its bytes. */
const snapshot = (dir: string): Record<string, Buffer> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name))]),
  );

describe('charts drawn on a chart thread (renderChartAside)', () => {
  it('writes report.html and every chart file byte for byte as when all are drawn on the main thread', async () => {
    const here = tmp();
    const aside = tmp();
    await writeReport(here, sim, summary);
    let sent = 0;
    const counted: ChartRenderer = (spec) => {
      sent++;
      return thread.render(spec);
    };
    await writeReport(aside, sim, summary, { renderChartAside: counted });
    // Every other chart of the seven went to the thread.
    expect(sent).toBe(3);
    const a = snapshot(here);
    const b = snapshot(aside);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    expect(Object.keys(a)).toContain('report.html');
    for (const name of Object.keys(a)) expect(b[name]!.equals(a[name]!), name).toBe(true);
  });

  it("rejects with vega's own message for a spec it cannot draw, as on the main thread", async () => {
    const bad = { data: { values: [{ x: 1 }] }, mark: 'bar', encoding: { x: { field: 'x', type: 'nonsense' } } } as unknown as TopLevelSpec;
    const here = await renderChart(bad).then(() => 'drawn', (err: Error) => err.message);
    const there = await thread.render(bad).then(() => 'drawn', (err: Error) => err.message);
    expect(here).toBe('Invalid field type "undefined".');
    expect(there).toBe(here);
  });

  it('fails at the first chart in order that fails, naming it, whichever thread drew it', async () => {
    // Charts 0, 2, 4, 6 are drawn here and 1, 3, 5 aside; the aside one (1, exceedance) fails before the main one (2) in order.
    const failingHere: ChartRenderer = async (spec) => ({ svg: '', warnings: JSON.stringify(spec).includes('"monthly') ? ['error: here'] : [] });
    const failingAside: ChartRenderer = async () => ({ svg: '', warnings: ['error: aside'] });
    await expect(writeReport(tmp(), sim, summary, { renderChart: failingHere, renderChartAside: failingAside })).rejects.toThrow(/^chart exceedance did not render: error: aside$/);
    const rejecting: ChartRenderer = () => Promise.reject(new Error('the chart thread stopped (exit code 1)'));
    await expect(writeReport(tmp(), sim, summary, { renderChartAside: rejecting })).rejects.toThrow('the chart thread stopped (exit code 1)');
  });
});
