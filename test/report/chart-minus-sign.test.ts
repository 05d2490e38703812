import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { renderChart } from '../../src/report/render-chart.js';
import { ROOT } from '../helpers/fixtures.js';

/** Every text an SVG draws. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

const svgs: Record<string, string[]> = {};

beforeAll(async () => {
  // The downside case: in its bad years one component gains (a negative share of the shortfall), so
  // the bad-years chart has a negative axis tick and a negative label side by side. That share is
  // near 0, so whether it is negative depends on the seed: seed 10 draws one (the scenario's own seed
  // did until its warm-start leads stopped taking the leads stress, December 2026).
  const sim = await simulate(await loadScenario(join(ROOT, 'scenarios/downside.yaml')), { trials: 5000, workers: 0, seed: 10 });
  for (const c of buildCharts(summarize(sim), sim.store)) {
    svgs[c.name] = texts((await renderChart(c.spec)).svg);
    // The axis ticks at 5 points take a panel of 440 px; the chart gives its long driver labels (and
    // the value past the longest bar) that room, so the ticks are drawn from a copy at that width.
    if (c.name === 'bad-years') {
      const wide = structuredClone(c.spec) as unknown as { vconcat: Array<{ width: number }> };
      for (const panel of wide.vconcat) panel.width = 440;
      svgs['bad-years wide'] = texts((await renderChart(wide as unknown as typeof c.spec)).svg);
    }
  }
}, 120_000);

describe('charts write negative numbers with one minus sign, the hyphen-minus of every other label', () => {
  it('the bad-years chart: its axis ticks (d3-format wrote "−5%", U+2212) and its labels ("-$4.26k") alike', () => {
    const badYears = svgs['bad-years wide']!;
    expect(badYears, 'the fixture draws a negative axis tick').toContain('-5%');
    expect(badYears.some((t) => /-\$/.test(t)), 'and a negative amount label').toBe(true);
    expect(badYears.filter((t) => t.includes('\u2212'))).toEqual([]);
  });

  it('no chart draws U+2212', () => {
    expect(Object.keys(svgs).length).toBeGreaterThan(3);
    for (const [name, t] of Object.entries(svgs)) expect(t.filter((s) => s.includes('\u2212')), name).toEqual([]);
  });
});
