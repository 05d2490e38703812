import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Summary } from '../../src/analysis/summarize.js';
import { METRIC_LABELS, METRICS } from '../../src/model/components.js';
import { writeReport } from '../../src/report/write-report.js';
import { formatCurrency } from '../../src/report/money.js';
import { formatMoneyBeside, formatMoneyInterval } from '../../src/report/interval-format.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { runReportScenario } from './fixture.js';

let html: string;
let fromJson: Summary;
const dir = join(tmpdir(), `arrcast-downside-${process.pid}`);

/** The rows of the downside table: [label, value, interval]. */
const downsideRows = (page: string) => {
  const table = page.match(/<table class="downside">([\s\S]*?)<\/table>/)![1]!;
  return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
};

beforeAll(async () => {
  const { sim, summary } = await runReportScenario();
  await writeReport(dir, sim, summary);
  html = await readFile(join(dir, 'report.html'), 'utf8');
  fromJson = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as Summary;
  await rm(dir, { recursive: true, force: true });
});

describe('the downside section of report.html', () => {
  it('shows the 1-in-10 and 1-in-20 years and the means of the worst 10% and 5%, equal to summary.json', () => {
    const money = (v: number, i: readonly [number, number]) => formatMoneyBeside(v, i, '$');
    const iv = (i: readonly [number, number], v: number) => formatMoneyInterval(i, '$', v);
    const rows = downsideRows(html);
    expect(rows).toHaveLength(12);
    for (const m of METRICS) {
      const d = fromJson.decisions.downside[m];
      const s = fromJson.metrics[m];
      const want = [
        [`${METRIC_LABELS[m]}: 1-in-10 year (P10)`, money(d.p10.value, d.p10.interval!), iv(d.p10.interval!, d.p10.value)],
        [`${METRIC_LABELS[m]}: 1-in-20 year (P5)`, money(s.percentiles.p5, s.percentileIntervals!.p5!), iv(s.percentileIntervals!.p5!, s.percentiles.p5)],
        [`${METRIC_LABELS[m]}: Mean of the worst 10% (expected shortfall)`, money(d.worst10Mean, d.worst10Interval!), iv(d.worst10Interval!, d.worst10Mean)],
        [`${METRIC_LABELS[m]}: Mean of the worst 5% (expected shortfall)`, money(d.worst5Mean, d.worst5Interval!), iv(d.worst5Interval!, d.worst5Mean)],
      ];
      for (const w of want) expect(rows).toContainEqual(w);
    }
  });

  it('the expected shortfall intervals hold their values, and the worst 5% lie below the worst 10%', () => {
    for (const m of METRICS) {
      const d = fromJson.decisions.downside[m];
      expect(d.worst10Interval![0]).toBeLessThanOrEqual(d.worst10Mean);
      expect(d.worst10Interval![1]).toBeGreaterThanOrEqual(d.worst10Mean);
      expect(d.worst5Mean).toBeLessThanOrEqual(d.worst10Mean);
    }
  });

  it('names the components that fall short in the bad years, with their share of the shortfall', () => {
    const table = html.match(/<table class="bad-years">([\s\S]*?)<\/table>/)![1]!;
    for (const c of fromJson.badYears.metrics.revenue.components) expect(table).toContain(formatCurrency(c.shortfall, '$'));
    expect(table).toContain('Recognized revenue: New business');
  });

  it('says a driver sits low in the bad years only when it is below P50 by more than 2 standard errors, as the terminal\'s +/- 2 se shows', () => {
    const s = structuredClone(fromJson);
    const drivers = s.badYears.metrics.revenue.drivers as unknown as Array<{ label: string; meanPercentile: number; standardError: number | null }>;
    expect(drivers.length).toBeGreaterThanOrEqual(3);
    // P7 +/- 1.2, P42 +/- 5.4 (up to P47.4: low), P44.8 +/- 6.0 (up to P50.8: may be no different from any year).
    Object.assign(drivers[0]!, { meanPercentile: 0.066, standardError: 0.006 });
    Object.assign(drivers[1]!, { meanPercentile: 0.42, standardError: 0.027 });
    Object.assign(drivers[2]!, { meanPercentile: 0.448, standardError: 0.03 });
    for (const d of drivers.slice(3)) Object.assign(d, { meanPercentile: 0.5, standardError: 0.03 });
    const said = /the drivers sit low: ([^<]*) \(P50 would mean/.exec(downsideSection(s))?.[1];
    expect(said).toBe(`${drivers[0]!.label} at its P7 on average; ${drivers[1]!.label} at its P42 on average`);
  });

  it('of one bad year (no standard error) names no driver, and does not put the bad years down to luck either', () => {
    const s = structuredClone(fromJson);
    const reason = 'the worst 10% is 1 trial';
    // P3 of one trial: a driver of no effect lands there 3 times in 100.
    for (const [i, d] of (s.badYears.metrics.revenue.drivers as unknown as Array<Record<string, unknown>>).entries())
      Object.assign(d, { meanPercentile: i === 0 ? 0.03 : 0.5, standardError: null, notEstimable: reason });
    const html = downsideSection(s);
    expect(html).not.toMatch(/sit low|sit high|come from deal-by-deal/);
    expect(html).toContain(`<p>In the worst 10% of years for revenue, whether a driver sits low or high cannot be told (${reason}).</p>`);
  });

  it('shows stress cases beside the plan', async () => {
    const { summary: plan } = await runReportScenario(undefined, 500);
    const { summary: stress } = await runReportScenario(
      (await import('./fixture.js')).TWO_TIERS.replace('name: Report test Co', 'name: Slow year').replace('mean: 0.1, sd: 0.025', 'mean: 0.05, sd: 0.02'),
      500,
    );
    const section = downsideSection(plan, [{ source: 'slow.yaml', summary: stress }]);
    expect(section).toContain('Stress: Slow year');
    expect(section).toContain('Plan: Report test Co');
    expect(section).toContain(formatCurrency(stress.metrics.revenue.percentiles.p50, '$'));
  });
});

describe('stress cases beside the plan, written as the rest of the page writes them', () => {
  it("the plan's P50, 1-in-10 year, worst 10%, budget and P(target) read as the headline, downside, budget and targets tables write them", async () => {
    const { reportHtml } = await import('../../src/report/html/report-html.js');
    const { summarize } = await import('../../src/analysis/summarize.js');
    const { sim } = await runReportScenario(undefined, 2000);
    const base = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 9e6 }] } });
    // Narrow intervals (a late re-forecast's) take more than three digits: the stress table wrote
    // the plan's budget $9.06M beside a budget table's $9.0613M, and so on.
    const narrow = (x: { value: number; interval: readonly [number, number] | null }) => ({ ...x, interval: [x.value - 50, x.value + 50] as [number, number] });
    const d = base.decisions;
    // The downside's P10 is its headline row's (one figure, metricRowMoney's digits): narrowed in both.
    const metrics = Object.fromEntries(METRICS.map((m) => [m, { ...base.metrics[m], percentileIntervals: { ...base.metrics[m].percentileIntervals!, p10: narrow(d.downside[m].p10).interval } }])) as unknown as typeof base.metrics;
    const plan: Summary = {
      ...base,
      metrics,
      decisions: {
        ...d,
        budgets: { ...d.budgets, metrics: Object.fromEntries(METRICS.map((m) => [m, narrow(d.budgets.metrics[m])])) as unknown as typeof d.budgets.metrics },
        downside: Object.fromEntries(
          METRICS.map((m) => [m, { ...d.downside[m], p10: narrow(d.downside[m].p10), worst10Interval: [d.downside[m].worst10Mean - 50, d.downside[m].worst10Mean + 50] as [number, number] }]),
        ) as unknown as typeof d.downside,
        targets: d.targets.map((t) => ({ ...t, probability: { ...t.probability, interval: [t.probability.value - 1e-5, t.probability.value + 1e-5] as [number, number] } })),
      },
    };
    const page = reportHtml({ summary: plan, scenario: sim.loaded.scenario, charts: [], stress: [{ source: 'same.yaml', summary: plan }] });
    const stress = Object.fromEntries(
      [...page.match(/<table class="stress">([\s\S]*?)<\/table>/)![1]!.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1]!, [m[2]!, m[3]!]]),
    );
    // A row's first cell in the first table after `from` (a class or a caption's opening words).
    const cell = (from: string, row: string) => new RegExp(`<th scope="row">${row.replace(/[()]/g, '\\$&')}</th><td class="num">([^<]*)</td>`).exec(page.slice(page.indexOf(from)))![1]!;
    for (const m of METRICS) {
      const label = METRIC_LABELS[m];
      const expected = {
        [`${label}: 1-in-10 year (P10)`]: cell('<table class="downside">', `${label}: 1-in-10 year (P10)`),
        [`${label}: mean of the worst 10%`]: cell('<table class="downside">', `${label}: Mean of the worst 10% (expected shortfall)`),
        [`${label}: budget at 80% confidence`]: cell('<caption>Budget at 80% confidence', label),
      };
      for (const [row, text] of Object.entries(expected)) {
        expect(text, row).toMatch(/\.\d\d/);
        expect(stress[row], row).toEqual([text, text]);
      }
    }
    expect(stress['P(revenue &gt;= 9M)']![0]).toBe(cell('<caption>Chance of reaching', 'revenue &gt;= 9M'));
    expect(stress['Recognized revenue: P50 (median)']![0]).toBe(/<th scope="row">Recognized revenue<\/th>(?:<td class="num">[^<]*<\/td>){2}<td class="num">([^<]*)<\/td>/.exec(page)![1]);
  });

  it('says a chance no trial (every trial) reached as an estimate, as the paragraph does, unless its metric never varies', async () => {
    // The stress table, with no interval column, wrote a bare 0.0% (100.0%), which reads as certain.
    const { summarize } = await import('../../src/analysis/summarize.js');
    const { sim } = await runReportScenario(undefined, 500);
    const plan = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 1e15, label: 'Never' }, { metric: 'revenue', value: 0, label: 'Always' }] } });
    expect(plan.decisions.targets.map((t) => t.probability.value)).toEqual([0, 1]);
    const row = (summary: Summary, label: string) =>
      [...new RegExp(`<tr><th scope="row">P\\(${label}\\)</th>((?:<td class="num">[^<]*</td>)+)</tr>`).exec(downsideSection(summary, [{ source: 'same.yaml', summary }]))![1]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    // Wilson's 95% interval of 0 (500) of 500 trials ends at z^2 / (500 + z^2) (starts at 1 minus that), written outward at one decimal.
    const z2 = 1.959963984540054 ** 2;
    const end = z2 / (500 + z2);
    const under = `under ${(Math.ceil(end * 1000) / 10).toFixed(1)}%`;
    const over = `over ${(Math.floor((1 - end) * 1000) / 10).toFixed(1)}%`;
    expect(row(plan, 'Never')).toEqual([under, under]);
    expect(row(plan, 'Always')).toEqual([over, over]);
    const certain = structuredClone(plan);
    // The metric the same in every trial: still 500 trials' count while its interval says so.
    for (const t of certain.decisions.targets) Object.assign(t, { certain: true });
    expect(row(certain, 'Never')).toEqual([under, under]);
    expect(row(certain, 'Always')).toEqual([over, over]);
    // Known (an interval of no width: a year the actuals close): as it is.
    for (const t of certain.decisions.targets) Object.assign(t, { probability: { ...t.probability, interval: [t.probability.value, t.probability.value] } });
    expect(row(certain, 'Never')).toEqual(['0.0%', '0.0%']);
    expect(row(certain, 'Always')).toEqual(['100.0%', '100.0%']);
  });

  it('what must be true writes the P50 as the headline does, with the currency', async () => {
    // It wrote the terminal's "P50 now 118.8M" under a headline of "$119M".
    const { reportHtml } = await import('../../src/report/html/report-html.js');
    const { summarize } = await import('../../src/analysis/summarize.js');
    const { sim } = await runReportScenario(undefined, 2000);
    const summary = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 20e6 }] } });
    expect(summary.whatMustBeTrue[0]!.trialsReaching).toBeGreaterThan(0);
    expect(summary.whatMustBeTrue[0]!.trialsReaching).toBeLessThan(summary.whatMustBeTrue[0]!.trialsUsed);
    const page = reportHtml({ summary, scenario: sim.loaded.scenario, charts: [] });
    const headlineP50 = /<th scope="row">Recognized revenue<\/th>(?:<td class="num">[^<]*<\/td>){2}<td class="num">([^<]*)<\/td>/.exec(page)![1]!;
    expect(headlineP50).toMatch(/^\$/);
    expect(page).toContain(`(P50 now ${headlineP50})`);
  });
});

describe('stress cases of one name', () => {
  it('their column heads name their files too: two stress files extending the plan without a name of their own read alike otherwise', async () => {
    const { stressHeads } = await import('../../src/report/html/downside-section.js');
    const named = (name: string) => ({ scenario: { name } }) as unknown as Summary;
    const plan = named('FY plan');
    expect(stressHeads(plan, [{ source: 'downside.yaml', summary: named('FY downside') }])).toEqual(['Stress: FY downside']);
    expect(
      stressHeads(plan, [
        { source: 'leads.yaml', summary: named('FY plan') },
        { source: 'renewal.yaml', summary: named('FY plan') },
        { source: 'downside.yaml', summary: named('FY downside') },
      ]),
    ).toEqual(['Stress: FY plan (leads.yaml)', 'Stress: FY plan (renewal.yaml)', 'Stress: FY downside']);
    expect(
      stressHeads(plan, [
        { source: 'a/down.yaml', summary: named('Down') },
        { source: 'b/down.yaml', summary: named('Down') },
      ]),
    ).toEqual(['Stress: Down (a/down.yaml)', 'Stress: Down (b/down.yaml)']);
  });
});
