import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { Simulation } from '../../src/engine/simulate.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { buildCharts, type ChartDefinition } from '../../src/report/charts/chart-set.js';
import { bridgeSteps } from '../../src/report/charts/arr-bridge.js';
import { BAND_BLUES, OKABE_ITO } from '../../src/report/charts/chart-context.js';
import { renderChart } from '../../src/report/render-chart.js';
import { WITH_TARGETS, runReportScenario } from './fixture.js';

let sim: Simulation;
let summary: Summary;
let charts: ChartDefinition[];

beforeAll(async () => {
  ({ sim, summary } = await runReportScenario());
  charts = buildCharts(summary, sim.store, { marks: { target: 11e6, budget: { value: summary.metrics.revenue.percentiles.p25, confidence: 0.75 } } });
});

type Row = Record<string, unknown>;
/** A named inline dataset of a spec. */
const dataset = (spec: TopLevelSpec, name: string): Row[] => {
  const d = (spec as { datasets?: Record<string, Row[]> }).datasets?.[name];
  if (!d) throw new Error(`no dataset ${name}`);
  return d;
};
const chart = (name: string) => {
  const c = charts.find((x) => x.name === name);
  if (!c) throw new Error(`no chart ${name}`);
  return c.spec;
};

describe('every chart', () => {
  it('is the five charts of the reports issue, the tornado and the bad years, in report order', () => {
    expect(charts.map((c) => c.name)).toEqual(['revenue-distribution', 'exceedance', 'monthly-fan', 'breakdown', 'arr-bridge', 'tornado', 'bad-years']);
  });

  it('compiles with vega-lite and renders with vega to a non-empty SVG, with no warning', async () => {
    for (const c of charts) {
      const { svg, warnings } = await renderChart(c.spec);
      expect(warnings, c.name).toEqual([]);
      expect(svg.startsWith('<svg'), c.name).toBe(true);
      const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      expect(Number(w), c.name).toBeGreaterThan(400);
      expect(Number(h), c.name).toBeGreaterThan(200);
      // Marks were drawn, not just a frame: axis labels and data marks.
      expect((svg.match(/<text/g) ?? []).length, c.name).toBeGreaterThan(10);
      expect((svg.match(/<path/g) ?? []).length, c.name).toBeGreaterThan(5);
    }
  });

  it('states the percentile convention and the number of trials in its subtitle, and inlines its data', () => {
    for (const c of charts) {
      const title = c.spec.title as { subtitle: string[] };
      expect(title.subtitle.at(-1), c.name).toBe('Px = x% chance of coming in below. 2,000 simulated years. Amounts in USD.');
      expect(JSON.stringify(c.spec), c.name).not.toMatch(/"url"\s*:/);
      expect(c.spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    }
  });

  it('stays small: a few hundred points at most, whatever the trial count', () => {
    for (const c of charts) {
      const sets = Object.values((c.spec as { datasets?: Record<string, Row[]> }).datasets ?? {});
      expect(sets.reduce((n, rows) => n + rows.length, 0), c.name).toBeLessThanOrEqual(300);
    }
  });

  it('uses only colour-blind-safe colours (Okabe-Ito and a one-hue ramp)', () => {
    const allowed = new Set<string>([...Object.values(OKABE_ITO), ...BAND_BLUES].map((c) => c.toLowerCase()));
    for (const c of charts) {
      const colours = JSON.stringify(c.spec).match(/#[0-9a-fA-F]{6}\b/g) ?? [];
      const data = colours.filter((x) => !['#e6e6e6', '#888888', '#444444', '#222222', '#666666'].includes(x.toLowerCase()));
      for (const colour of data) expect(allowed.has(colour.toLowerCase()), `${c.name}: ${colour}`).toBe(true);
    }
  });

  it('formats money axes with the currency and k/M/B', () => {
    for (const name of ['revenue-distribution', 'exceedance', 'breakdown', 'arr-bridge']) expect(JSON.stringify(chart(name))).toContain(`'.3~s'`);
  });
});

describe('the revenue distribution', () => {
  it('draws P10, P50, P90 and the mean at the summary values, and the target and budget when given', () => {
    const markers = dataset(chart('revenue-distribution'), 'markers');
    const at = (key: string) => markers.find((m) => m.key === key)!;
    const r = summary.metrics.revenue;
    expect(at('p50').value).toBe(r.percentiles.p50);
    expect(at('p10').value).toBe(r.percentiles.p10);
    expect(at('p90').value).toBe(r.percentiles.p90);
    expect(at('mean').value).toBe(r.mean);
    expect(at('target')).toMatchObject({ value: 11e6, text: 'Target $11M' });
    expect(at('budget')).toMatchObject({ value: r.percentiles.p25 });
    expect(at('budget').text).toMatch(/^Budget at 75% confidence \(P25\) \$/);
    expect(at('p50').text).toMatch(/^P50 \$\d/);
  });

  it("writes the target as stated, not rounded to three digits (120.5M is not '$121M', the mean's figure)", () => {
    const spec = buildCharts(summary, sim.store, { marks: { target: 10.55e6 } })[0]!.spec;
    expect(dataset(spec, 'markers').find((m) => m.key === 'target')).toMatchObject({ value: 10.55e6, text: 'Target $10.55M' });
    const small = buildCharts(summary, sim.store, { marks: { target: 122.4 } })[0]!.spec;
    expect(dataset(small, 'markers').find((m) => m.key === 'target')!.text).toBe('Target $122.4');
    // A target reads as its label writes it, every digit (the label 'revenue >= 120.0000005M' names it in
    // the paragraph, the tables and summary.json): 7 digits wrote '$120.0000M', six '≈$120.000M'.
    const fine = buildCharts(summary, sim.store, { marks: { target: 120_000_000.5 } })[0]!.spec;
    expect(dataset(fine, 'markers').find((m) => m.key === 'target')!.text).toBe('Target $120.0000005M');
  });

  it('leaves the target and budget out when the marks say so', () => {
    const plain = buildCharts(summary, sim.store, { marks: {} })[0]!.spec;
    expect(dataset(plain, 'markers').map((m) => m.key)).toEqual(['p10', 'p50', 'p90', 'mean']);
  });

  it('draws the budget at the summary confidence by default, and no target when there is none', () => {
    const derived = buildCharts(summary, sim.store)[0]!.spec;
    const markers = dataset(derived, 'markers');
    expect(markers.map((m) => m.key)).toEqual(['p10', 'p50', 'p90', 'mean', 'budget']);
    expect(markers.at(-1)!.value).toBe(summary.decisions.budgets.metrics.revenue.value);
    expect(markers.at(-1)!.text).toMatch(/^Budget at 80% confidence \(P20\) \$/);
  });

  it('bins the middle 99% of the trials: shares add up to the share inside, about 0.99', () => {
    const bins = dataset(chart('revenue-distribution'), 'bins');
    const share = bins.reduce((s, b) => s + (b.share as number), 0);
    expect(share).toBeGreaterThanOrEqual(0.985);
    expect(share).toBeLessThanOrEqual(1);
    expect(bins.length).toBeGreaterThan(15);
  });
});

describe('the exceedance curves', () => {
  it('cross 90% at P10, 50% at P50 and 10% at P90 of each metric, exactly', () => {
    const curve = dataset(chart('exceedance'), 'curve');
    for (const [metric, label] of [
      ['revenue', 'Recognized revenue'],
      ['endingArr', 'Ending ARR'],
    ] as const) {
      const points = curve.filter((p) => p.metric === label);
      expect(points).toHaveLength(101);
      const at = (probability: number) => points.find((p) => p.probability === probability)!.value;
      expect(at(0.9)).toBe(summary.metrics[metric].percentiles.p10);
      expect(at(0.5)).toBe(summary.metrics[metric].percentiles.p50);
      expect(at(0.1)).toBe(summary.metrics[metric].percentiles.p90);
      expect(at(1)).toBe(summary.metrics[metric].min);
      expect(at(0)).toBe(summary.metrics[metric].max);
      // P(X >= x) falls as x grows.
      for (let i = 1; i < points.length; i++) expect(points[i]!.value as number).toBeGreaterThanOrEqual(points[i - 1]!.value as number);
    }
  });
});

describe('the monthly fan chart', () => {
  it('has, for every month, bands at the summary percentiles of MRR and cumulative revenue', () => {
    const spec = chart('monthly-fan');
    const mrr = dataset(spec, 'mrrBands');
    const band = (rows: Row[], month: number, name: string) => rows.find((r) => r.month === month && r.band === name)!;
    expect(band(mrr, 3, 'P10–P90').lo).toBe(summary.monthly[2]!.mrr.percentiles.p10);
    expect(band(mrr, 3, 'P10–P90').hi).toBe(summary.monthly[2]!.mrr.percentiles.p90);
    expect(band(mrr, 3, 'P5–P95').lo).toBe(summary.monthly[2]!.mrr.percentiles.p5);
    expect(band(mrr, 12, 'P25–P75').hi).toBe(summary.monthly[11]!.mrr.percentiles.p75);
    const cumulative = dataset(spec, 'cumulativeRevenueBands');
    expect(band(cumulative, 12, 'P10–P90').lo).toBe(summary.monthly[11]!.cumulativeRevenue.percentiles.p10);
    const median = dataset(spec, 'mrrMedian');
    expect(median.map((m) => m.label)).toEqual(['Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(median[6]!.value).toBe(summary.monthly[6]!.mrr.percentiles.p50);
    expect(mrr).toHaveLength(36);
  });
});

describe('the breakdown', () => {
  it('has a bar per tier and per varying component at the mean, with P10-P90 whiskers from the summary', () => {
    const spec = chart('breakdown');
    const tiers = dataset(spec, 'tiers');
    expect(tiers.map((t) => t.label)).toEqual(['SMB', 'Enterprise']);
    const smb = tiers[0]!;
    expect(smb.mean).toBe(summary.byTier.SMB!.revenue.mean);
    expect(smb.p10).toBe(summary.byTier.SMB!.revenue.percentiles.p10);
    expect(smb.p90).toBe(summary.byTier.SMB!.revenue.percentiles.p90);
    const components = dataset(spec, 'components');
    expect(components.map((c) => c.label)).toEqual(['New business', 'New-customer expansion', 'Existing expansion', 'Price uplift', 'Contraction', 'Churn']);
    const churn = components.find((c) => c.label === 'Churn')!;
    expect(churn.mean).toBe(summary.byComponent.revenue.churn!.mean);
    expect(churn.mean as number).toBeLessThan(0);
    expect(churn.direction).toBe('takes away');
  });
});

describe('the ARR bridge', () => {
  it('runs opening -> components -> ending at the means, and the means add up', () => {
    const steps = dataset(chart('arr-bridge'), 'steps');
    expect(steps.map((s) => s.label)).toEqual([
      'Opening ARR',
      'New business',
      'New-customer expansion',
      'Existing expansion',
      'Price uplift',
      'Contraction',
      'Churn',
      'Ending ARR',
    ]);
    const ending = steps.at(-1)!;
    expect(ending.end).toBe(summary.metrics.endingArr.mean);
    expect(steps[0]!.end).toBe(summary.openingArr);
    // Each step starts where the last ended, and the last step lands on the mean ending ARR.
    for (let i = 2; i < steps.length - 1; i++) expect(steps[i]!.start).toBe(steps[i - 1]!.end);
    const landed = steps.at(-2)!.end as number;
    expect(Math.abs(landed - summary.metrics.endingArr.mean)).toBeLessThanOrEqual(1e-9 * summary.metrics.endingArr.mean);
    expect(steps.find((s) => s.label === 'Churn')!.kind).toBe('decrease');
    expect((chart('arr-bridge').title as { text: string }).text).toContain('means');
  });

  it('steps are the mean components of ending ARR', () => {
    const steps = bridgeSteps(summary);
    const contraction = steps.find((s) => s.label === 'Contraction')!;
    expect(contraction.amount).toBeCloseTo(summary.byComponent.endingArr.contraction!.mean, -1);
  });
});

describe('renderChart', () => {
  it('loads nothing: a spec asking for a URL gets an error, never a request', async () => {
    const spec = { data: { url: 'https://example.invalid/data.json' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as TopLevelSpec;
    const { warnings } = await renderChart(spec);
    expect(warnings.join('\n')).toContain('arrcast charts load nothing');
  });
});

describe('the tornado', () => {
  // A share at the fixture's one decimal (the labels' pattern below), a negative that rounds to zero as 0.0%.
  const oneDecimal = (v: number) => `${(v * 100).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;
  it('has a bar per driver with its own uncertainty (the top 10 by |swing|, the market among them) from its P10 to its P90 median, centred on P50', () => {
    const spec = chart('tornado');
    const bars = dataset(spec, 'bars');
    const drivers = summary.sensitivity.drivers.filter((d) => d.ownUncertainty).sort((a, b) => Math.abs(b.swing!) - Math.abs(a.swing!));
    expect(drivers.length).toBeGreaterThan(3);
    expect(bars).toHaveLength(Math.min(10, drivers.length));
    bars.forEach((b, k) => {
      const d = drivers[k]!;
      expect(b.label).toBe(`${d.label} (${oneDecimal(d.varianceShare!)} of variance)`);
      expect(b.low).toBe(d.low!.metricMedian);
      expect(b.high).toBe(d.high!.metricMedian);
      expect(b.left).toBe(Math.min(d.low!.metricMedian, d.high!.metricMedian));
      expect(b.right).toBe(Math.max(d.low!.metricMedian, d.high!.metricMedian));
    });
    expect(bars.some((b) => String(b.label).startsWith('Market ('))).toBe(true);
    // As the sources-of-risk tables write the share: one decimal here (the chart wrote whole
    // percents, "2%" beside the table's 1.6%, and "<1%").
    for (const b of bars) expect(String(b.label)).toMatch(/ \(-?\d+\.\d% of variance\)$/);
    const ends = dataset(spec, 'ends');
    const shown = drivers.slice(0, bars.length);
    expect(ends.filter((e) => e.decile === 'Driver’s own draw at its P10').map((e) => e.value)).toEqual(shown.map((d) => d.low!.metricMedian));
    expect(ends.filter((e) => e.decile === 'Driver’s own draw at its P90').map((e) => e.value)).toEqual(shown.map((d) => d.high!.metricMedian));
    expect(dataset(spec, 'centre')[0]!.value).toBe(summary.metrics.revenue.percentiles.p50);
    const title = spec.title as { subtitle: string[] };
    expect(title.subtitle.slice(0, 2).join(' ')).toBe('Median revenue with the driver’s own draw at its P10 and at its P90, others as drawn; the market is one bar.');
    // What is left, as the sources-of-risk table writes it (one decimal here), not in whole percents ('4%' beside its 3.6%).
    expect(title.subtitle).toContain(`unit-level luck and interactions: ${oneDecimal(summary.sensitivity.unexplained.value!)}. The vertical line is revenue’s overall P50.`);
  });

  it('gives the axis labels the room the longest needs: none is cut', () => {
    const spec = chart('tornado') as { layer: Array<{ encoding: { y?: { axis?: { labelLimit: number } } } }> };
    // Labels wrap at spaces (lines split at '|'): the longest line needs the room.
    const longest = Math.max(...dataset(chart('tornado'), 'bars').flatMap((b) => String(b.axisLabel).split('|').map((l) => l.length)));
    const limit = spec.layer[0]!.encoding.y!.axis!.labelLimit;
    // vega, headless, measures 0.8 em a character and cuts longer labels with an ellipsis.
    expect(limit).toBeGreaterThanOrEqual(longest * 0.8 * 11);
  });

  it('draws every driver label whole in the SVG: no ellipsis', async () => {
    for (const name of ['tornado', 'bad-years']) {
      const { svg } = await renderChart(chart(name));
      expect(svg, name).not.toContain('…');
    }
  });
});

describe('the bad years', () => {
  it('shows each component’s share of the worst 10% of years’ shortfall (adding up to 1) and the drivers’ average percentiles', () => {
    const spec = chart('bad-years');
    const components = dataset(spec, 'components');
    const b = summary.badYears.metrics.revenue;
    // Components are stored in float32 (about 7 significant digits) and revenue in float64: equal to 1e-6.
    expect(components.reduce((a, c) => a + (c.share as number), 0)).toBeCloseTo(1, 6);
    expect(components.map((c) => c.share)).toEqual(b.components.filter((c) => c.shortfall !== 0).map((c) => c.share));
    const drivers = dataset(spec, 'drivers');
    const percentiles = drivers.map((d) => d.percentile as number);
    expect(percentiles).toEqual([...percentiles].sort((x, y) => x - y));
    // The worst revenue years are below-average years for the market.
    expect(drivers.find((d) => d.label === 'Market')!.percentile).toBeLessThan(0.5);
  });
});

describe('the bad years’ mean in the caption', () => {
  it('is the downside table’s worst 10% beside its own interval; the leading trials’ mean without an interval not its own', async () => {
    const { badYearsSpec } = await import('../../src/report/charts/bad-years.js');
    const { formatMoneyBeside } = await import('../../src/report/interval-format.js');
    const ctx = { currency: 'USD', symbol: '$', trials: summary.trials, convention: '' };
    const down = summary.decisions.downside.revenue;
    const caption = (s: Summary) => JSON.stringify(badYearsSpec(s, ctx)!.title);
    expect(caption(summary)).toContain(`mean ${formatMoneyBeside(down.worst10Mean, down.worst10Interval, '$')} against`);
    // Bad years read from the leading trials only (a run beyond the attribution's 50,000): their own
    // mean, at three significant digits, not at the digits of the whole run's interval.
    const leading = { ...summary.badYears, trialsUsed: summary.trials - 1, metrics: { ...summary.badYears.metrics, revenue: { ...summary.badYears.metrics.revenue, worstMean: 9_876_543.21 } } };
    // (A narrow interval of the whole run's, whose digits would read $9.877M.)
    const decisions = { ...summary.decisions, downside: { ...summary.decisions.downside, revenue: { ...down, worst10Interval: [9_876_000, 9_877_000] as const } } };
    expect(caption({ ...summary, decisions, badYears: leading })).toContain('mean $9.88M against');
  });
});

describe('targets and the monthly plan', () => {
  let withTargets: { sim: Simulation; summary: Summary };
  let targeted: ChartDefinition[];
  const specOf = (name: string) => targeted.find((c) => c.name === name)!.spec;

  beforeAll(async () => {
    withTargets = await runReportScenario(WITH_TARGETS);
    targeted = buildCharts(withTargets.summary, withTargets.sim.store, { monthlyPlan: withTargets.sim.loaded.scenario.targets?.monthly });
  });

  it('every chart still compiles and renders with no warning', async () => {
    for (const c of targeted) {
      const { svg, warnings } = await renderChart(c.spec);
      expect(warnings, c.name).toEqual([]);
      expect(svg.startsWith('<svg'), c.name).toBe(true);
    }
  });

  it('draws the first company-wide revenue target and the budget on the revenue distribution', () => {
    const markers = dataset(specOf('revenue-distribution'), 'markers');
    const d = withTargets.summary.decisions;
    expect(markers.find((m) => m.key === 'target')).toMatchObject({ value: 12e6, text: 'Target $12M' });
    expect(markers.find((m) => m.key === 'budget')!.value).toBe(d.budgets.metrics.revenue.value);
  });

  it('labels a target no trial reaches (every trial reaches) on the exceedance curves as an estimate, not a certain 0.0% (100.0%)', async () => {
    const { exceedanceTargets } = await import('../../src/report/charts/exceedance.js');
    const edge = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 1e12, label: 'Never' }, { metric: 'endingArr', value: 0, label: 'Always' }] } });
    expect(edge.decisions.targets.map((t) => t.probability.value)).toEqual([0, 1]);
    // Wilson's 95% interval at 0 of n ends at z^2 / (n + z^2): 0.19% of the 2,000 trials, written as the targets table writes it.
    const z2 = 1.959963984540054 ** 2;
    expect(z2 / (sim.trials + z2)).toBeCloseTo(0.001917, 6);
    expect(exceedanceTargets(edge).map((t) => t.text)).toEqual(['Never: under 0.2%', 'Always: over 99.8%']);
  });

  it('puts each company-wide revenue or ending ARR target on the exceedance curves at its probability', () => {
    const spec = specOf('exceedance');
    const targets = dataset(spec, 'targets');
    const d = withTargets.summary.decisions.targets;
    // The Enterprise target is a tier's: not on the company-wide curves.
    expect(targets).toHaveLength(2);
    expect(targets[0]).toMatchObject({ metric: 'Recognized revenue', value: 12e6, probability: d[0]!.probability.value, label: 'Board <plan> & "stretch"' });
    expect(targets[1]).toMatchObject({ metric: 'Ending ARR', value: 14.5e6, probability: d[1]!.probability.value });
    expect(targets[1]!.text).toMatch(/^ending ARR >= 14\.5M: \d+\.\d%$/);
    // The rule is drawn at the target's value and the diamond at (value, probability).
    const layers = (spec as { layer: Array<{ data?: { name: string }; mark: { type: string }; encoding?: Record<string, unknown> }> }).layer;
    const onTargets = layers.filter((l) => l.data?.name === 'targets').map((l) => l.mark.type);
    expect(onTargets).toEqual(['rule', 'point', 'text']);
    // The axis reaches the targets.
    const domain = ((spec as { encoding: { x: { scale: { domain: number[] } } } }).encoding.x.scale.domain);
    expect(domain[0]!).toBeLessThanOrEqual(12e6);
    expect(domain[1]!).toBeGreaterThanOrEqual(14.5e6);
  });

  it("says the exceedance axis spans P1 to P99 only when it does: a target beyond P99 widens it, and the subtitle says so", () => {
    const subtitle = (s: Summary) =>
      ((buildCharts(s, withTargets.sim.store).find((c) => c.name === 'exceedance')!.spec as { title: { subtitle: string[] } }).title.subtitle);
    const far = 10 * withTargets.summary.metrics.endingArr.percentiles.p99;
    const farTarget = { ...withTargets.summary.decisions.targets[0]!, value: far, label: 'revenue >= far' };
    const farSummary: Summary = { ...withTargets.summary, decisions: { ...withTargets.summary.decisions, targets: [farTarget] } };
    const spec = buildCharts(farSummary, withTargets.sim.store).find((c) => c.name === 'exceedance')!.spec;
    expect((spec as { encoding: { x: { scale: { domain: number[] } } } }).encoding.x.scale.domain[1]).toBe(far);
    expect(subtitle(farSummary)).not.toContain('The axis spans P1 to P99.');
    expect(subtitle(farSummary).join(' ')).toMatch(/widened to reach the targets/);
    // A target inside P1..P99 leaves the axis and its words as they were.
    const inside = { ...farTarget, value: withTargets.summary.metrics.revenue.percentiles.p50 };
    expect(subtitle({ ...farSummary, decisions: { ...farSummary.decisions, targets: [inside] } })).toContain('The axis spans P1 to P99.');
  });

  it('draws the scenario monthly plan on the fan chart, labelled Plan', () => {
    const spec = specOf('monthly-fan');
    const plan = withTargets.sim.loaded.scenario.targets!.monthly!;
    const mrr = dataset(spec, 'mrrPlan');
    expect(mrr.map((r) => r.value)).toEqual(plan.mrr);
    expect(dataset(spec, 'cumulativeRevenuePlan').map((r) => r.value)).toEqual(plan.cumulativeRevenue);
    expect(new Set(mrr.map((r) => r.band))).toEqual(new Set(['Plan']));
    expect(mrr[0]!.label).toBe('Feb');
    // Also from the summary alone (decisions.monthlyPlan), when no plan is passed.
    const fromSummary = buildCharts(withTargets.summary, withTargets.sim.store).find((c) => c.name === 'monthly-fan')!.spec;
    expect(dataset(fromSummary, 'mrrPlan').map((r) => r.value)).toEqual(plan.mrr);
    // Without a plan there is no plan line.
    expect(() => dataset(chart('monthly-fan'), 'mrrPlan')).toThrow('no dataset');
  });
});
