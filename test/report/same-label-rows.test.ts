import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';
import { badYearsSpec } from '../../src/report/charts/bad-years.js';
import { breakdownSpec } from '../../src/report/charts/breakdown.js';
import { capacitySpec } from '../../src/report/charts/capacity.js';
import { chartContext } from '../../src/report/charts/chart-context.js';
import { distinctLabels } from '../../src/report/charts/row-order.js';
import { lineSeparator, tornadoSpec, wrapLabel } from '../../src/report/charts/tornado.js';
import { renderChart } from '../../src/report/render-chart.js';
import { TWO_TIERS, runReportScenario } from './fixture.js';

/**
 * A nominal axis has one band per distinct value: two rows whose labels read alike were drawn on one
 * band (one row's marks over the other's, a row missing). Here every driver of a real run is given
 * the same label, so nothing but the charts' own keys can keep the rows apart.
 */
let summary: Summary;
beforeAll(async () => {
  ({ summary } = await runReportScenario());
});

/** The summary with every driver (of the attribution and of the bad years) called `label`. */
function sameLabels(s: Summary, label: string): Summary {
  const revenue = s.badYears.metrics.revenue;
  return {
    ...s,
    sensitivity: { ...s.sensitivity, drivers: s.sensitivity.drivers.map((d) => ({ ...d, label })) },
    badYears: { ...s.badYears, metrics: { ...s.badYears.metrics, revenue: { ...revenue, drivers: revenue.drivers.map((d) => ({ ...d, label })) } } },
  };
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
/** Each multi-line axis label's lines as vega drew them (the tspans of each text), as text, without the zero-width spaces that keep rows apart. */
const axisLinesOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*><tspan>(.*?)<\/text>/g)].map((m) =>
    [...m[0].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]!.replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!).replaceAll('\u200B', '')),
  );

/** The number of rows vega drew on the chart's Y axes (from the axes' descriptions), panel by panel. */
const rowsDrawn = (svg: string) => [...svg.matchAll(/Y-axis for a discrete scale with (\d+) values?/g)].map((m) => Number(m[1]));

describe('charts keep a row for each driver when labels read alike', () => {
  it('the tornado draws one row per bar', async () => {
    const s = sameLabels(summary, 'EMEA Inbound conversion');
    const spec = tornadoSpec(s, chartContext(s))!;
    const bars = (spec.datasets as Record<string, unknown[]>).bars!.length;
    expect(bars).toBeGreaterThan(2);
    // The tornado's labels carry each bar's share of the variance: drivers of equal share read alike too.
    expect(rowsDrawn((await renderChart(spec)).svg)).toEqual([bars]);
  });

  it('the bad-years chart draws one row per driver', async () => {
    const s = sameLabels(summary, 'EMEA Inbound conversion');
    const spec = badYearsSpec(s, chartContext(s))!;
    const drivers = (spec.datasets as Record<string, unknown[]>).drivers!.length;
    expect(drivers).toBeGreaterThan(2);
    const [components, driverRows] = rowsDrawn((await renderChart(spec)).svg);
    expect(components).toBe((spec.datasets as Record<string, unknown[]>).components!.length);
    expect(driverRows).toBe(drivers);
  });
});

describe('distinctLabels', () => {
  it('returns distinct labels unchanged', () => {
    expect(distinctLabels(['SMB conversion', 'Enterprise conversion'])).toEqual(['SMB conversion', 'Enterprise conversion']);
  });

  it('makes repeats distinct, also from a label that already ends in the mark it adds', () => {
    const labels = ['A', 'A', 'A\u200B', 'A'];
    const out = distinctLabels(labels);
    expect(new Set(out).size).toBe(labels.length);
    expect(out[0]).toBe('A');
    // What a reader sees is the label given.
    expect(out.map((l) => l.replaceAll('\u200B', ''))).toEqual(['A', 'A', 'A', 'A']);
  });
});

describe("the tornado's label lines", () => {

  it("a '|' in a name is part of the name, not a line break", async () => {
    const names = ['SMB | EMEA conversion', 'Mid|Market|Europe|North conversion'];
    const s = { ...summary, sensitivity: { ...summary.sensitivity, drivers: summary.sensitivity.drivers.map((d, i) => ({ ...d, label: names[i % 2]! })) } };
    const spec = tornadoSpec(s, chartContext(s))!;
    const bars = (spec.datasets as Record<string, Array<{ label: string }>>).bars!;
    const drawn = axisLinesOf((await renderChart(spec)).svg).filter((lines) => lines.join(' ').includes('conversion'));
    expect(drawn).toHaveLength(bars.length);
    // Each label drawn on its lines reads as the label, the '|' of the names kept, and wraps on no more lines than the rows were sized for.
    for (const [i, lines] of drawn.entries()) {
      expect(lines.join(' ')).toBe(bars[i]!.label);
      expect(lines.length).toBeLessThanOrEqual(wrapLabel(bars[i]!.label).length);
    }
  });

  it('the separator is | unless a label holds one', () => {
    expect(lineSeparator(['SMB conversion (31% of variance)'])).toBe('|');
    const sep = lineSeparator(['A|B', 'C\uE000D']);
    expect(sep).toBe('\uE001');
    expect(sep).not.toMatch(/['"\\]/);
  });
});

describe('the breakdown draws tier names whole', () => {
  it('a long tier name wraps instead of being cut at 200 px (about 22 characters)', async () => {
    const name = 'Mid-market North America (inbound)';
    const { summary: s } = await runReportScenario(TWO_TIERS.replace('  - name: SMB', `  - name: ${name}`), 500);
    const { svg } = await renderChart(breakdownSpec(s, chartContext(s)));
    expect(svg).not.toContain('…');
    const tierLabel = axisLinesOf(svg).find((lines) => lines.join(' ').startsWith('Mid-market'));
    expect(tierLabel?.join(' ')).toBe(name);
  });

  it('short names are drawn as before: one line, the room they always had', () => {
    const spec = breakdownSpec(summary, chartContext(summary)) as unknown as { vconcat: Array<{ width: number; layer: Array<{ encoding: { y: { axis: unknown } } }> }> };
    for (const panel of spec.vconcat) {
      expect(panel.width).toBe(440);
      expect(panel.layer[0]!.encoding.y.axis).toEqual({ title: null, labelLimit: 200 });
    }
  });
});

describe("the capacity chart draws tier names whole in its panels' headers", () => {
  let hybrid: Summary;
  beforeAll(async () => {
    const sim = await simulate(await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml')), { trials: 300, workers: 0 });
    hybrid = summarize(sim);
  });
  const renamed = (s: Summary, from: string, to: string): Summary => ({ ...s, byTier: Object.fromEntries(Object.entries(s.byTier).map(([k, v]) => [k === from ? to : k, v])) });

  it('a long tier name wraps instead of being cut at 280 px', async () => {
    const name = 'Enterprise North America and EMEA (strategic)';
    const s = renamed(hybrid, 'Enterprise', name);
    const { svg } = await renderChart(capacitySpec(s, chartContext(s))!);
    expect(svg).not.toContain('…');
    expect(axisLinesOf(svg).find((lines) => lines[0]!.startsWith('Enterprise'))?.join(' ')).toBe(name);
  });

  it('names that fit keep the header as it was', () => {
    const spec = capacitySpec(hybrid, chartContext(hybrid)) as unknown as { facet: { header: Record<string, unknown> } };
    expect(spec.facet.header).toEqual({ title: null, labelFontSize: 12, labelFontWeight: 'bold', labelAnchor: 'start', labelLimit: 280 });
  });
});
