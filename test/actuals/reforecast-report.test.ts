import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { reforecastSummary } from '../../src/analysis/reforecast-summary.js';
import { monthlyFanSpec, ACTUAL, PLAN_BAND } from '../../src/report/charts/monthly-fan.js';
import { chartContext } from '../../src/report/charts/chart-context.js';
import { renderChart } from '../../src/report/render-chart.js';
import { reforecastSection } from '../../src/report/html/reforecast-section.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from './monthly-file.js';

const YAML = `
name: report
trials: 2000
seed: 2
market:
  loadings: { leads: 0.2, conversion: 0.2, acv: 0.1, renewal: 0.3 }
targets:
  metrics:
    - { metric: revenue, value: 9000000 }
tiers:
  - name: T
    existing:
      openingArr: 1200000
      customers: 100
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
      priceUplift: 0
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 1000 }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 0
      acv: { dist: lognormal, median: 10000, p90: 20000 }
`;

describe('a re-forecast in the report', async () => {
  const loaded = scenarioFrom(YAML);
  const planSim = await simulate(loaded, { trials: 2000, seed: 2, workers: 0 });
  const planSummary = summarize(planSim);
  // Three strong months: 70 deals from 1,000 leads (7%, the prior says 5% +- 1%).
  let ending = 1_200_000;
  const rows = [8, 9, 8].map((due) => {
    ending += 700_000 - 12_000;
    return { leads: 1000, deals: 70, new_arr: 700_000, churned_arr: 12_000, renewed_arr: due * 12_000 - 12_000, ending_arr: ending };
  });
  const sim = await simulate(loaded, { trials: 2000, seed: 2, workers: 0, actuals: { file: monthlyFile({ T: rows }), months: 3 } });
  const summarized = summarize(sim);
  const summary = { ...summarized, reforecast: reforecastSummary(sim, summarized, sim.reforecast!, { path: 'plan/summary.json', summary: planSummary }) };

  it('summary.reforecast: the closed months, conversion moved up by the evidence, P(target) now and at plan', () => {
    const r = summary.reforecast;
    expect(r.asOfMonth).toBe(3);
    // The actual MRR line: ending ARR / 12 of each closed month.
    expect(r.actuals.mrr).toEqual([1_888_000 / 12, 2_576_000 / 12, 3_264_000 / 12]);
    const conversion = r.drivers.find((d) => d.key === 'conversion')!;
    expect(conversion.prior.mean).toBeGreaterThan(0.045);
    expect(conversion.prior.mean).toBeLessThan(0.055);
    // By hand, without the market: Beta(23.7, 450.3) (mean 5%, sd 1%) and 210 deals of 3,000 leads give (23.7 + 210) / (474 + 3,000) = 6.7%.
    expect(conversion.posterior.mean).toBeGreaterThan(conversion.prior.mean + 0.01);
    expect(conversion.posterior.p90 - conversion.posterior.p10).toBeLessThan((conversion.prior.p90 - conversion.prior.p10) / 2);
    expect(r.decisions.now.targets[0]!.probability).toBe(summary.decisions.targets[0]!.probability.value);
    expect(r.decisions.atPlan!.targets[0]!.probability).toBe(planSummary.decisions.targets[0]!.probability.value);
    expect(r.evidence).toEqual([{ tier: 'T', terms: ['leads', 'deals', 'new_arr', 'renewals'], unused: [] }]);
  });

  it('the fan chart draws the actual months as a line and the plan band, and renders with no warning', async () => {
    const spec = monthlyFanSpec(summary, chartContext(summary)) as TopLevelSpec & { datasets: Record<string, Array<{ band: string; value?: number }>> };
    expect(spec.datasets.mrrActual!.map((d) => d.value)).toEqual(summary.reforecast.actuals.mrr);
    expect(spec.datasets.mrrActual!.every((d) => d.band === ACTUAL)).toBe(true);
    expect(spec.datasets.mrrPlanBand).toHaveLength(12);
    expect(spec.datasets.mrrPlanBand!.every((d) => d.band === PLAN_BAND)).toBe(true);
    const { svg, warnings } = await renderChart(spec);
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
  });

  it('report.html says what the evidence changed and compares with the plan', () => {
    const html = reforecastSection(summary, (v) => `$${Math.round(v)}`);
    expect(html).toContain('Re-forecast after 3 closed months');
    expect(html).toContain('T conversion');
    expect(html).toContain('Now against at plan');
    expect(html).toContain('P(');
    expect(reforecastSection(planSummary, String)).toBe('');
  });

  it('writes the budgets now as the budget table of the same page does, and the plan beside them to the same digits', () => {
    // A narrow interval (a re-forecast late in the year) is written with more than three digits.
    const b = summary.decisions.budgets.metrics;
    const narrow = { ...b.revenue, interval: [b.revenue.value - 5, b.revenue.value + 5] as [number, number] };
    const narrowed = { ...summary, decisions: { ...summary.decisions, budgets: { ...summary.decisions.budgets, metrics: { ...b, revenue: narrow } } } };
    const html = reportHtml({ summary: narrowed, scenario: loaded.scenario, charts: [] });
    const cells = (label: string) => [...html.matchAll(new RegExp(`<t[hd][^>]*>${label}</t[hd]>((?:<td[^>]*>[^<]*</td>)+)`, 'g'))].map((m) => [...m[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!));
    // The budget table's row: the budget, then its 95% interval.
    const [budget, interval] = cells('Recognized revenue').filter((row) => row.length === 2 && row[1]!.startsWith('['))[0]!;
    expect(interval).toMatch(/^\[\$\d\.\d{4,}M, \$\d\.\d{4,}M\]$/);
    const [now, atPlan] = cells('Recognized revenue budget at 80% confidence')[0]!;
    expect(now).toBe(budget);
    // The same number of digits after the point, now and at plan.
    const decimals = (t: string) => /\.(\d+)/.exec(t)?.[1]?.length ?? 0;
    expect(decimals(atPlan!)).toBe(decimals(now!));
  });

  it('writes P(target) now as the targets table of the same page does, and the plan beside it to the same decimals', () => {
    // It wrote formatShare's 99.9% beside the targets table's 99.88% [99.86%, 99.90%] (a target all but
    // certain late in the year: a narrow interval).
    const t = summary.decisions.targets[0]!;
    const narrowed = structuredClone(summary);
    Object.assign(narrowed.decisions.targets[0]!.probability, { value: 0.9988, interval: [0.99861, 0.99896] });
    const r = narrowed.reforecast!;
    Object.assign(r.decisions.now.targets[0]!, { probability: 0.9988 });
    Object.assign(r.decisions.atPlan!.targets[0]!, { probability: 0.9912 });
    const html = reportHtml({ summary: narrowed, scenario: loaded.scenario, charts: [] });
    const label = t.label.replace(/>/g, '&gt;');
    expect(html).toContain(`<th scope="row">${label}</th><td class="num">99.88%</td><td class="num">[99.86%, 99.90%]</td>`);
    expect(html).toContain(`<th scope="row">P(${label})</th><td class="num">99.88%</td><td class="num">99.12%</td>`);
  });

  it('writes a P(target) now that every trial reaches as an estimate, over the interval\'s lower end, not a certain 100.0%', () => {
    const all = structuredClone(summary);
    // Every one of the 2,000 trials reaches it: Wilson's interval then starts at 1 - z^2 / (n + z^2) = 99.81%.
    const z2 = 1.959963984540054 ** 2;
    const lower = 1 - z2 / (2000 + z2);
    expect(lower).toBeCloseTo(0.998083, 6);
    Object.assign(all.decisions.targets[0]!.probability, { value: 1, interval: [lower, 1] });
    Object.assign(all.reforecast!.decisions.now.targets[0]!, { probability: 1 });
    const html = reportHtml({ summary: all, scenario: loaded.scenario, charts: [] });
    const label = summary.decisions.targets[0]!.label.replace(/>/g, '&gt;');
    expect(html).toMatch(new RegExp(`<th scope="row">P\\(${label}\\)</th><td class="num">over 99\\.8%</td>`));
  });

  it("writes the plan's P(target) of 0 (1) beside now's as an estimate from the plan's own trials, unless the plan says it is certain", async () => {
    // It wrote a bare 0.0% at plan beside now's hedged 'under 0.2%'.
    const { parsePlanSummary } = await import('../../src/analysis/plan-summary.js');
    const read = parsePlanSummary(JSON.stringify(planSummary), 'plan/summary.json', { ...planSummary.scenario, confidence: planSummary.decisions.confidence });
    expect(read.summary.trials).toBe(2000);
    expect(reforecastSummary(sim, summarized, sim.reforecast!, read).planTrials).toBe(2000);
    // Wilson's interval of 0 (2,000) of the plan's 2,000 trials ends at z^2 / (n + z^2) (starts at 1 minus that), written outward.
    const z2 = 1.959963984540054 ** 2;
    const end = z2 / (2000 + z2);
    const label = summary.decisions.targets[0]!.label.replace(/>/g, '&gt;');
    const atPlan = (probability: number, extra: object = {}, withTrials = true) => {
      const s = structuredClone(summary);
      Object.assign(s.reforecast!.decisions.atPlan!.targets[0]!, { probability, ...extra });
      if (!withTrials) delete (s.reforecast as { planTrials?: number }).planTrials;
      const html = reportHtml({ summary: s, scenario: loaded.scenario, charts: [] });
      return new RegExp(`<th scope="row">P\\(${label}\\)</th><td class="num">[^<]*</td><td class="num">([^<]*)</td>`).exec(html)![1];
    };
    expect(atPlan(0)).toBe(`under ${(Math.ceil(end * 1000) / 10).toFixed(1)}%`);
    expect(atPlan(1)).toBe(`over ${(Math.floor((1 - end) * 1000) / 10).toFixed(1)}%`);
    // A plan is simulated, never a closed year: its chance is its trials' count even when its metric never varied.
    expect(atPlan(0, { certain: true })).toBe(`under ${(Math.ceil(end * 1000) / 10).toFixed(1)}%`);
    // A hand-made plan summary without its trial count: the figure as it is, nothing invented.
    expect(atPlan(0, {}, false)).toBe('0.0%');
  });

  it("shows a market factor whose mean rounds to zero as 0, not -0", () => {
    const market = { prior: { mean: -0.004, p10: -1.28, p90: 1.28 }, posterior: { mean: -0.04, p10: -0.7, p90: 0.6 }, effectiveSampleSize: 1000 };
    const html = reforecastSection({ ...summary, reforecast: { ...summary.reforecast!, market: { ...summary.reforecast!.market, ...market } as never } }, String);
    expect(html).toContain('<td class="num">0 (-1.3 to 1.3)</td>');
    expect(html).not.toMatch(/>-0 \(/);
  });
});
