import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { renderChart } from '../../src/report/render-chart.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { inlineSvg } from '../../src/report/html/inline-svg.js';
import { formatCurrency } from '../../src/report/money.js';
import { HOSTILE, HOSTILE_TIER, runReportScenario } from './fixture.js';

/** Every start tag, with its attribute values blanked: what is left are element and attribute names. */
const bareTags = (text: string) => (text.match(/<[a-zA-Z][^>]*>/g) ?? []).map((t) => t.replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''"));

let sim: Simulation;
let summary: Summary;
let html: string;

beforeAll(async () => {
  ({ sim, summary } = await runReportScenario(HOSTILE));
  const charts = [];
  for (const c of buildCharts(summary, sim.store)) charts.push({ name: c.name, caption: c.caption, svg: (await renderChart(c.spec)).svg });
  html = reportHtml({ summary, scenario: sim.loaded.scenario, charts });
});

describe('report.html', () => {
  it('shows a hostile tier name and scenario name as text, never as markup', () => {
    expect(html).toContain(escapeHtml(HOSTILE_TIER));
    expect(html).toContain('Q&amp;A &lt;Co&gt; &quot;plan&quot;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // No element carries an event handler or a source (text inside attribute values aside).
    for (const tag of bareTags(html)) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/\ssrc\s*=/i);
    }
  });

  it('is self-contained: no script, no stylesheet link, nothing fetched, and a policy that forbids it', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(bareTags(html).filter((t) => /\s(src|srcset|poster|data)\s*=/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/href="https?:/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`);
  });

  it('holds every chart inline, with ids unique across the page', () => {
    // Seven charts: distribution, exceedance, monthly fan, ARR bridge, breakdown, tornado, bad years.
    expect(html.match(/<figure class="chart"/g)).toHaveLength(7);
    expect(html.match(/<svg role="img"/g)).toHaveLength(7);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the run: scenario hash, seed, trials, and the percentile convention', () => {
    expect(html).toContain(summary.scenario.hash);
    expect(html).toContain(`<dt>Seed</dt><dd><code>${summary.seed}</code></dd>`);
    expect(html).toContain('2,000 simulated fiscal years');
    expect(html).toContain('Px = x% chance of coming in below.');
  });

  it('has the headline table: mean, P10, P50, P90 of revenue, bookings and ending ARR', () => {
    const money = (v: number) => formatCurrency(v, '$');
    const r = summary.metrics.revenue;
    expect(html).toContain(
      `<tr><th scope="row">Recognized revenue</th><td class="num">${money(r.mean)}</td><td class="num">${money(r.percentiles.p10)}</td><td class="num">${money(r.percentiles.p50)}</td><td class="num">${money(r.percentiles.p90)}</td></tr>`,
    );
    for (const label of ['Bookings', 'Ending ARR']) expect(html).toContain(`<th scope="row">${label}</th>`);
  });

  it('has the tables by tier and by component, retention, and the assumptions with market loadings', () => {
    for (const heading of ['By tier', 'By component', 'Retention and customers', 'Assumptions', 'Market']) expect(html).toMatch(new RegExp(`<h[23]>${heading}</h[23]>`));
    expect(html).toContain('Gross revenue retention (GRR)');
    expect(html).toContain('Net revenue retention (NRR)');
    expect(html).toContain('<th scope="row">Conversion</th><td>beta, mean 3%, sd 0.4%</td>');
    expect(html).toContain('<th scope="row">ACV</th><td>lognormal, median $150k, P90 $400k (mean $201k)</td>');
    expect(html).toContain('<th scope="row">Renewal rate</th><td>0.3 (log-odds)</td>');
    expect(html).toContain(`<h3>${escapeHtml(HOSTILE_TIER)}</h3>`);
  });

  it('prints on A4 and Letter: margins that fit both, charts and rows never split', () => {
    expect(html).toContain('@page { margin: 12mm; }');
    expect(html).toMatch(/@media print \{[\s\S]*figure\.chart \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain('max-width: 186mm');
  });
});

describe('inlineSvg', () => {
  it('prefixes ids and their references, and labels the image', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"></g><use href="#clip1"/></svg>';
    expect(inlineSvg(svg, 'fan', 'A <fan> chart')).toBe(
      '<svg role="img" aria-label="A &lt;fan> chart" xmlns="http://www.w3.org/2000/svg"><clipPath id="fan-clip1"><rect/></clipPath><g clip-path="url(#fan-clip1)"></g><use href="#fan-clip1"/></svg>',
    );
  });
});
