import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { renderChart, type RenderedChart } from '../../src/report/render-chart.js';
import { startChartThread, type ChartThread, type ConcurrentChartRenderer } from '../../src/report/chart-thread.js';
import { runReportScenario } from './fixture.js';

// The CLI's chart thread (report/chart-thread.ts): a report's charts drawn on it and on the main thread
// at once must be the bytes the main thread alone draws, and a chart it cannot draw must fail as it
// always did. One thread for the file (its start, vega loaded through tsx, is most of the cost).

let thread: ChartThread;
let sim: Simulation;
let summary: Summary;

beforeAll(async () => {
  thread = startChartThread();
  ({ sim, summary } = await runReportScenario(undefined, 300));
  expect(await thread.ready).toBe(true);
});
afterAll(() => thread.close());

const bars = (n: number): TopLevelSpec => ({
  data: { values: Array.from({ length: n }, (_, i) => ({ a: `k${i}`, b: (i * 7919) % 13 })) },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
});
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-chart-thread-'));
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );

describe('the chart thread', () => {
  it('draws charts asked for at once on both threads, each the SVG renderChart draws', async () => {
    const specs = [2, 3, 5, 8, 13, 21].map(bars);
    const before = thread.drawnByThread();
    const shared = await Promise.all(specs.map((s) => thread.render(s)));
    const drawnThere = thread.drawnByThread() - before;
    // The thread takes from the back, the main thread from the front: each drew some.
    expect(drawnThere).toBeGreaterThan(0);
    expect(drawnThere).toBeLessThan(specs.length);
    for (const [i, spec] of specs.entries()) expect(shared[i]).toEqual(await renderChart(spec));
  });

  it('leaves a chart the thread cannot draw to the main thread, which fails with renderChart\'s own error', async () => {
    const bad = { data: { values: [{ a: 1 }] }, mark: 'no-such-mark', encoding: {} } as unknown as TopLevelSpec;
    const own = await renderChart(bad).then(
      () => 'drew',
      (err: unknown) => String(err),
    );
    expect(own).not.toBe('drew');
    const before = thread.drawnByThread();
    // Two charts: the bad one last, so that the thread is handed it.
    const answers = await Promise.allSettled([thread.render(bars(4)), thread.render(bad)]);
    expect(thread.drawnByThread()).toBe(before);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: await renderChart(bars(4)) });
    expect(answers[1]!.status).toBe('rejected');
    expect(String((answers[1] as PromiseRejectedResult).reason)).toBe(own);
  });

  it('writes a report whose every file is the one the main thread alone writes', async () => {
    const alone = join(tmp(), 'report');
    const shared = join(tmp(), 'report');
    await writeReport(alone, sim, summary, { outputs: ['html', 'charts', 'csv'] });
    const before = thread.drawnByThread();
    await writeReport(shared, sim, summary, { outputs: ['html', 'charts', 'csv'], renderChart: thread.render });
    expect(thread.drawnByThread()).toBeGreaterThan(before);
    expect(snapshot(shared)).toEqual(snapshot(alone));
  });
});

describe('writeReport with a renderer that draws charts at once', () => {
  it('asks for every chart before it waits for the first, and writes nothing when one fails', async () => {
    let asked = 0;
    let most = 0;
    let inFlight = 0;
    const render: ConcurrentChartRenderer = Object.assign(
      async (spec: TopLevelSpec): Promise<RenderedChart> => {
        const n = ++asked;
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        if (n === 3) throw new Error('injected: the third chart does not render');
        return renderChart(spec);
      },
      { concurrent: true as const },
    );
    const parent = tmp();
    // A later chart's failure, never waited for, must not be an unhandled rejection (vitest fails the file on one).
    await expect(writeReport(join(parent, 'report'), sim, summary, { renderChart: render })).rejects.toThrow('injected: the third chart does not render');
    expect(most).toBe(7);
    expect(readdirSync(parent)).toEqual([]);
  });
});
