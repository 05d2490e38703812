import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stat } from '../../src/analysis/describe.js';
import { summarize, type Summary, type TierSummary } from '../../src/analysis/summarize.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { buildCharts, type ChartDefinition } from '../../src/report/charts/chart-set.js';
import { renderChart } from '../../src/report/render-chart.js';
import { reportHtml, type HtmlChart } from '../../src/report/html/report-html.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { formatCurrency, formatShare } from '../../src/report/money.js';
import { writeReport } from '../../src/report/write-report.js';
import { runReportScenario } from './fixture.js';

/** The hybrid example (customer and pipeline files, so loaded from its path): SMB with lead grades, Mid-market and Enterprise with reps. */
const HYBRID = join(import.meta.dirname, '..', '..', 'scenarios', 'hybrid-company.yaml');
const TRIALS = 400;
const MONTHS = ['Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan'];

const money = (v: number) => formatCurrency(v, '$');
const count = (v: number) => Math.round(v).toLocaleString('en-US');
const tenths = (v: number) => v.toFixed(1);
/** A row of a Mean/P10/P50/P90 table as the page writes it. */
const statRow = (label: string, s: Stat, fmt: (v: number) => string, indent = true) =>
  `<tr><th scope="row"${indent ? ' class="indent"' : ''}>${escapeHtml(label)}</th>${[s.mean, s.percentiles.p10, s.percentiles.p50, s.percentiles.p90].map((v) => `<td class="num">${fmt(v)}</td>`).join('')}</tr>`;
const extra = (t: TierSummary, key: string): Stat => {
  const x = t.extras[key];
  if (!x) throw new Error(`no extra ${key}`);
  return x.stat;
};
/** The HTML between a heading and the next heading of the same or a higher level. */
const sectionOf = (html: string, heading: string): string => {
  const start = html.indexOf(heading);
  if (start < 0) throw new Error(`no ${heading}`);
  const level = Number(heading[2]);
  const rest = html.slice(start + heading.length);
  const next = rest.search(new RegExp(`<h[1-${level}]>`));
  return next < 0 ? rest : rest.slice(0, next);
};

async function renderAll(defs: readonly ChartDefinition[]): Promise<HtmlChart[]> {
  const out: HtmlChart[] = [];
  for (const c of defs) out.push({ name: c.name, caption: c.caption, svg: (await renderChart(c.spec)).svg });
  return out;
}

let sim: Simulation;
let summary: Summary;
let charts: ChartDefinition[];
let html: string;

beforeAll(async () => {
  sim = await simulate(await loadScenario(HYBRID), { trials: TRIALS, workers: 0 });
  summary = summarize(sim);
  charts = buildCharts(summary, sim.store);
  // As a run with the default outputs writes it: charts/ beside the page, which the captions name.
  html = reportHtml({ summary, scenario: sim.loaded.scenario, charts: await renderAll(charts), files: ['summary.json', 'scenario.json', 'charts/'] });
});

describe('report.html of the hybrid example', () => {
  it('has logo and dollar renewal beside GRR and NRR, in total and by tier, under the percentile convention', () => {
    const retention = sectionOf(html, '<h2>Retention and customers</h2>');
    expect(retention).toContain('Px = x% chance of coming in below.');
    const r = summary.retention!;
    for (const [group, total, key] of [
      ['Logo renewal (customers renewed / customers due)', r.logoRenewal, 'logoRenewal'],
      ['Dollar renewal (ARR renewed / ARR due)', r.dollarRenewal, 'dollarRenewal'],
    ] as const) {
      const at = retention.indexOf(`<th colspan="5" scope="rowgroup">${group}</th>`);
      expect(at, group).toBeGreaterThan(retention.indexOf('Net revenue retention (NRR)'));
      const rows = retention.slice(at, retention.indexOf('<tr class="group">', at + 1));
      expect(rows).toContain(statRow('All tiers', total!, formatShare));
      const tiers = Object.entries(summary.byTier).filter(([, t]) => t[key]);
      expect(tiers.length, group).toBeGreaterThanOrEqual(2);
      for (const [name, t] of tiers) expect(rows).toContain(statRow(name, t[key]!, formatShare));
    }
  });

  it('has a table of leads by grade/channel for the tier with lead grades: leads and deals mean, P10, P90 and conversion', () => {
    const smb = summary.byTier.SMB!;
    const section = sectionOf(html, '<h3>SMB</h3>');
    expect(section).toContain('<h4>Leads by grade/channel</h4>');
    expect(section).toContain('conversion = mean deals / mean leads');
    for (const grade of ['A', 'B']) {
      const leads = extra(smb, `leads.${grade}`);
      const deals = extra(smb, `deals.${grade}`);
      expect(leads.mean).toBeGreaterThan(0);
      const cells = [leads.mean, leads.percentiles.p10, leads.percentiles.p90, deals.mean, deals.percentiles.p10, deals.percentiles.p90].map(count);
      expect(section).toContain(`<tr><th scope="row">${grade}</th>${[...cells, formatShare(deals.mean / leads.mean)].map((c) => `<td class="num">${c}</td>`).join('')}</tr>`);
    }
    // SMB has no reps; Mid-market has one lead stream (no grades).
    expect(section).not.toContain('Sales capacity');
    expect(sectionOf(html, '<h3>Mid-market</h3>')).not.toContain('Leads by grade/channel');
  });

  it('has a sales capacity table for each tier with reps: ramped reps by calendar month, and the year’s capacity and deals', () => {
    for (const name of ['Mid-market', 'Enterprise']) {
      const t = summary.byTier[name]!;
      const section = sectionOf(html, `<h3>${name}</h3>`);
      expect(section, name).toContain('<h4>Sales capacity</h4>');
      const capacity = section.slice(section.indexOf('<h4>Sales capacity</h4>'));
      MONTHS.forEach((month, i) => expect(capacity, `${name} ${month}`).toContain(statRow(month, extra(t, `reps.ramped.${i + 1}`), tenths)));
      // Months in fiscal order.
      const positions = MONTHS.map((m) => capacity.indexOf(`<th scope="row" class="indent">${m}</th>`));
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(capacity).toContain(statRow('Deal capacity of the year (deals the ramped reps can close)', extra(t, 'reps.capacity.deals'), count));
      expect(capacity).toContain(statRow('Deals lost to capacity', extra(t, 'deals.overCapacity'), count));
      expect(capacity).toContain(statRow('Rep-sourced deals', extra(t, 'deals.repSourced'), count));
      expect(capacity).toContain(statRow('Reps at year end (headcount)', extra(t, 'reps.headcount'), count));
      expect(capacity).toContain('Px = x% chance of coming in below.');
    }
  });

  it('shows opening-pipeline deals won and bookings, and the total contract value of new deals, where the tier has them', () => {
    const enterprise = summary.byTier.Enterprise!;
    const section = sectionOf(html, '<h3>Enterprise</h3>');
    expect(section).toContain(statRow('Opening-pipeline deals won', extra(enterprise, 'pipeline.won'), count, false));
    expect(section).toContain(statRow('Opening-pipeline bookings', extra(enterprise, 'pipeline.bookings'), money, false));
    expect(section).toContain(statRow('Total contract value of new deals', extra(enterprise, 'newTcv'), money, false));
    expect(sectionOf(html, '<h3>Mid-market</h3>')).toContain(statRow('Total contract value of new deals', extra(summary.byTier['Mid-market']!, 'newTcv'), money, false));
    expect(sectionOf(html, '<h3>Mid-market</h3>')).not.toContain('Opening-pipeline');
  });

  it('embeds the capacity chart', () => {
    expect(html).toContain('<figure class="chart" id="chart-capacity">');
    expect(html).toContain('<code>charts/capacity.vl.json</code>');
  });
});

describe('the capacity chart', () => {
  const spec = () => charts.find((c) => c.name === 'capacity')!;

  it('comes last, after the tornado', () => {
    expect(charts.map((c) => c.name)).toEqual(['revenue-distribution', 'exceedance', 'monthly-fan', 'breakdown', 'arr-bridge', 'tornado', 'bad-years', 'capacity']);
  });

  it('has, for every tier with reps and every month, the summary’s P10, P50 and P90 of ramped reps', () => {
    const rows = (spec().spec as unknown as { datasets: { ramped: Array<Record<string, unknown>> } }).datasets.ramped;
    const expected = ['Mid-market', 'Enterprise'].flatMap((tier) =>
      MONTHS.map((label, i) => {
        const s = extra(summary.byTier[tier]!, `reps.ramped.${i + 1}`);
        return { order: Object.keys(summary.byTier).indexOf(tier), tier, month: i + 1, label, p10: s.percentiles.p10, p50: s.percentiles.p50, p90: s.percentiles.p90, mean: s.mean };
      }),
    );
    expect(rows).toEqual(expected);
  });

  it('compiles and renders with no warning; its title, axis and caption say what it shows and the percentile convention', async () => {
    const c = spec();
    const { svg, warnings } = await renderChart(c.spec);
    expect(warnings).toEqual([]);
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    expect(Number(w)).toBeGreaterThan(500);
    expect(Number(w)).toBeLessThanOrEqual(900);
    expect(Number(h)).toBeGreaterThan(250);
    const title = c.spec.title as { text: string; subtitle: string[] };
    expect(title.text).toBe('Sales capacity: ramped reps by month');
    expect(title.subtitle).toContain('Band: P10 to P90 (a flat band when the count does not vary); line: P50.');
    // Reps, not money.
    expect(title.subtitle.at(-1)).toBe(`Px = x% chance of coming in below. ${TRIALS} simulated years. Counts in reps (ramped-rep equivalents).`);
    expect(JSON.stringify(c.spec)).toContain('"title":"Ramped-rep equivalents"');
    expect(JSON.stringify(c.spec)).toContain('"title":"Fiscal month"');
    expect(c.caption).toContain('Ramped-rep equivalents by fiscal month');
    expect(c.caption).toContain('P10–P90 band and P50 line (Px = x% chance of coming in below)');
    for (const month of MONTHS) expect(svg).toContain(`>${month}</text>`);
  });
});

describe('escaping', () => {
  const TIER = '<script>x</script>';
  const GRADE = '<img src=x onerror=alert(1)>';
  const YAML = `
name: Escape Co
currency: USD
fiscalYearStartMonth: 4
tiers:
  - name: '${TIER}'
    existing: { openingArr: 1000000, customers: 100, renewalRate: 0.9 }
    newBusiness:
      leadSources:
        - { grade: '${GRADE}', leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05 }
        - { grade: B, channel: paid, leadsPerMonth: { dist: poisson, mean: 300 }, conversion: 0.01 }
      reps: { start: 3, hires: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], ramp: [0.5], capacity: 4 }
      acv: { dist: lognormal, median: 10000, p90: 20000 }
`;

  it('shows a tier and a lead grade that are HTML as text in the sales tables and the capacity chart', async () => {
    const run = await simulate(parseScenario(YAML, 'escape.yaml'), { trials: 200, workers: 0 });
    const s = summarize(run);
    const defs = buildCharts(s, run.store);
    expect(defs.map((c) => c.name)).toContain('capacity');
    const page = reportHtml({ summary: s, scenario: run.loaded.scenario, charts: await renderAll(defs) });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    const sales = sectionOf(page, '<h2>Lead sources, sales capacity and contracts</h2>');
    expect(sales).toContain(`<h3>${escapeHtml(TIER)}</h3>`);
    expect(sales).toContain(`Leads by grade/channel, ${escapeHtml(TIER)}:`);
    expect(sales).toContain(`Sales capacity, ${escapeHtml(TIER)}:`);
    expect(sales).toContain(`<tr><th scope="row">${escapeHtml(GRADE)}</th>`);
    expect(sales).toContain('<tr><th scope="row">B/paid</th>');
    // Months named from an April start.
    expect(sales).toContain('<th scope="row" class="indent">Apr</th>');
    const ramped = (defs.find((c) => c.name === 'capacity')!.spec as unknown as { datasets: { ramped: Array<{ tier: string; label: string }> } }).datasets.ramped;
    expect(ramped[0]).toMatchObject({ tier: TIER, label: 'Apr' });
  });
});

describe('a scenario without reps', () => {
  it('writes no capacity chart and no sales capacity table', async () => {
    const run = await runReportScenario(undefined, 300);
    expect(buildCharts(run.summary, run.sim.store).map((c) => c.name)).not.toContain('capacity');
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-sales-')), 'report');
    await writeReport(out, run.sim, run.summary);
    expect(readdirSync(join(out, 'charts')).filter((f) => f.startsWith('capacity'))).toEqual([]);
    expect(existsSync(join(out, 'charts', 'capacity.vl.json'))).toBe(false);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(page).not.toContain('chart-capacity');
    expect(page).not.toContain('Sales capacity');
  });

  it('writes the capacity chart of a scenario with reps, its data those of the summary', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-sales-')), 'report');
    await writeReport(out, sim, summary);
    const saved = JSON.parse(readFileSync(join(out, 'charts', 'capacity.vl.json'), 'utf8')) as { datasets: { ramped: Array<{ tier: string; month: number; p50: number }> } };
    for (const row of saved.datasets.ramped) expect(row.p50).toBe(extra(summary.byTier[row.tier]!, `reps.ramped.${row.month}`).percentiles.p50);
    expect(existsSync(join(out, 'charts', 'capacity.svg'))).toBe(true);
  });
});
