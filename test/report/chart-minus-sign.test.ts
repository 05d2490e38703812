import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { badYearsSpec } from '../../src/report/charts/bad-years.js';
import { chartContext } from '../../src/report/charts/chart-context.js';
import { renderChart } from '../../src/report/render-chart.js';
import { ROOT } from '../helpers/fixtures.js';

/** Every text an SVG draws. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

const svgs: Record<string, string[]> = {};

beforeAll(async () => {
  // The downside case at its own seed, and its bad-years chart once more from the same summary with
  // one component gaining in the bad years (a share of -8% of the shortfall, -$4,260): set in the
  // summary, not drawn, so the chart has a negative axis tick and a negative label side by side
  // whatever the simulation's noise (the simulated shares of gaining components sit near 0, and
  // whether one is negative depended on the seed).
  const sim = await simulate(await loadScenario(join(ROOT, 'scenarios/downside.yaml')), { trials: 2000, workers: 0 });
  const summary = summarize(sim);
  for (const c of buildCharts(summary, sim.store)) svgs[c.name] = texts((await renderChart(c.spec)).svg);
  const gaining = structuredClone(summary);
  const component = gaining.badYears.metrics.revenue.components.find((c) => c.shortfall !== 0)!;
  Object.assign(component, { share: -0.08, shortfall: -4260 });
  const spec = badYearsSpec(gaining, chartContext(gaining))!;
  // The axis ticks at 5 points take a panel of 440 px; the chart gives its long driver labels (and
  // the value past the longest bar) that room, so the ticks are drawn from a copy at that width.
  const wide = structuredClone(spec) as unknown as { vconcat: Array<{ width: number }> };
  for (const panel of wide.vconcat) panel.width = 440;
  svgs['bad-years gaining, wide'] = texts((await renderChart(wide as unknown as typeof spec)).svg);
}, 120_000);

describe('charts write negative numbers with one minus sign, the hyphen-minus of every other label', () => {
  it('the bad-years chart: its axis ticks (d3-format wrote "−5%", U+2212) and its labels ("-$4.26k") alike', () => {
    const badYears = svgs['bad-years gaining, wide']!;
    expect(badYears, 'the fixture draws a negative axis tick').toContain('-5%');
    expect(badYears.some((t) => t.includes('-$4.26k')), 'and a negative amount label').toBe(true);
    expect(badYears.filter((t) => t.includes('\u2212'))).toEqual([]);
  });

  it('no chart draws U+2212', () => {
    expect(Object.keys(svgs).length).toBeGreaterThan(3);
    for (const [name, t] of Object.entries(svgs)) expect(t.filter((s) => s.includes('\u2212')), name).toEqual([]);
  });
});
