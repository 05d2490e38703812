import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Summary } from '../../src/analysis/summarize.js';
import { summarize } from '../../src/analysis/summarize.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { renderChart } from '../../src/report/render-chart.js';
import { ROOT } from '../helpers/fixtures.js';

let sim: Simulation;
let summary: Summary;
const specs: Record<string, Record<string, unknown>> = {};
const svgs: Record<string, string> = {};

beforeAll(async () => {
  sim = await simulate(await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml')), { trials: 1500, workers: 0 });
  summary = summarize(sim);
  for (const c of buildCharts(summary, sim.store)) {
    specs[c.name] = c.spec as unknown as Record<string, unknown>;
    svgs[c.name] = (await renderChart(c.spec)).svg;
  }
});

/** Every text an SVG draws. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('the chart defects of issue 13', () => {
  it('no chart cuts a label (vega ends a cut label with an ellipsis)', () => {
    expect(Object.keys(svgs).length).toBeGreaterThanOrEqual(7);
    for (const [name, svg] of Object.entries(svgs)) expect(texts(svg).filter((t) => t.includes('…')), name).toEqual([]);
  });

  it('every chart fits the page: no wider than the report\u2019s 900 px column', () => {
    for (const [name, svg] of Object.entries(svgs)) {
      const w = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
      expect(w, name).toBeLessThanOrEqual(900);
    }
  });

  it('the ARR bridge axis starts at zero', () => {
    const layer = (specs['arr-bridge']!.layer as Array<{ encoding?: { y?: { scale?: { domain?: number[] } } } }>)[0]!;
    expect(layer.encoding!.y!.scale!.domain![0]).toBe(0);
  });

  it('the exceedance chart\u2019s x axis has a title', () => {
    const x = (specs.exceedance!.encoding as { x: { axis: { title: string | null } } }).x;
    expect(x.axis.title).toMatch(/Recognized revenue or ending ARR/);
    expect(texts(svgs.exceedance!).some((t) => t.startsWith('Recognized revenue or ending ARR'))).toBe(true);
  });

  it('the capacity chart counts reps, not money, and its band has a stroke that shows it even when it is flat', () => {
    if (!specs.capacity) return; // the scenario has no reps
    const title = specs.capacity.title as { subtitle: string[] };
    expect(title.subtitle.join(' ')).not.toContain('Amounts in');
    expect(title.subtitle.at(-1)).toContain('Counts in reps');
    const area = ((specs.capacity.spec as { layer: Array<{ mark: { type: string; strokeWidth?: number } }> }).layer)[0]!.mark;
    expect(area.type).toBe('area');
    expect(area.strokeWidth).toBeGreaterThan(2);
  });
});
