import { describe, expect, it } from 'vitest';
import { renderChart, warmChartLibraries } from '../../src/report/render-chart.js';
import { warmReportLibraries } from '../../src/report/warm-libraries.js';
import type { TopLevelSpec } from 'vega-lite';

const SPEC: TopLevelSpec = {
  data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 3 }] },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
};

describe('warming the report libraries', () => {
  it('changes no byte of a chart drawn after it', async () => {
    const first = await renderChart(SPEC);
    await warmChartLibraries();
    await warmReportLibraries(undefined);
    const again = await renderChart(SPEC);
    expect(again.svg).toBe(first.svg);
  });

  it('loads nothing and never rejects for outputs that need no library', async () => {
    await expect(warmReportLibraries(['summary', 'csv'])).resolves.toBeUndefined();
  });
});
