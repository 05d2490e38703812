import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { GLOSSARY } from '../../src/report/html/glossary.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { formatCurrency } from '../../src/report/money.js';
import { runReportScenario, TWO_TIERS } from './fixture.js';

let summary: Summary;
let html: string;

beforeAll(async () => {
  const run = await runReportScenario(undefined, 500);
  summary = run.summary;
  html = reportHtml({ summary, scenario: run.sim.loaded.scenario, charts: [], warningsHtml: '<section id="warnings"><h2>Warnings</h2></section>' });
});

describe('what each metric means, where it is shown', () => {
  it('shows a new ARR line beside bookings, and says bookings include renewals', () => {
    const s = summary.byComponent.bookings.newBusiness!;
    expect(html).toMatch(/<th scope="row" class="indent">New ARR signed<\/th><td class="num">[^<]+<\/td><td class="num">[^<]+<\/td>/);
    expect(html).toContain(`<td class="num">${formatCurrency(s.percentiles.p50, '$')}</td>`);
    expect(html).toContain('renewals included');
    // The glossary names the line as the table labels it (it said "New ARR" of a line labelled otherwise).
    expect(html).toMatch(/that is the (&quot;|")New ARR signed(&quot;|") line/);
    expect(html).toContain('<dt>New ARR signed</dt><dd>ARR added by new customers won in the year');
  });

  it("shows bookings' own new business on the new ARR line, not the new business live in ending ARR", async () => {
    // Enterprise deals start service up to 3 months after signing: the year's last deals are booked
    // but not yet live, so bookings' new business exceeds ending ARR's.
    const lagged = TWO_TIERS.replace(
      '      acv: { dist: lognormal, median: 150000, p90: 400000 }',
      '      acv: { dist: lognormal, median: 150000, p90: 400000 }\n      serviceStartLagMonths: { dist: discrete, values: [0, 3], weights: [0.5, 0.5] }',
    );
    expect(lagged).not.toBe(TWO_TIERS);
    const run = await runReportScenario(lagged, 500);
    const booked = run.summary.byComponent.bookings.newBusiness!;
    const live = run.summary.byComponent.endingArr.newBusiness!;
    expect(booked.mean).toBeGreaterThan(live.mean);
    const page = reportHtml({ summary: run.summary, scenario: run.sim.loaded.scenario, charts: [] });
    const row = page.match(/<th scope="row" class="indent">New ARR signed<\/th>((?:<td class="num">[^<]+<\/td>)+)/);
    expect(row).not.toBeNull();
    const cells = [...row![1]!.matchAll(/<td class="num">([^<]+)<\/td>/g)].map((c) => c[1]);
    const money = (v: number) => escapeHtml(formatCurrency(v, '$'));
    expect(cells).toEqual([money(booked.mean), money(booked.percentiles.p10), money(booked.percentiles.p50), money(booked.percentiles.p90)]);
  });

  it('ends with a glossary of every term', () => {
    const at = html.indexOf('<section id="glossary">');
    expect(at).toBeGreaterThan(html.indexOf('<h2>Assumptions</h2>'));
    for (const [term, meaning] of GLOSSARY) {
      expect(html).toContain(`<dt>${escapeHtml(term)}</dt>`);
      expect(html).toContain(escapeHtml(meaning));
    }
  });

  it('places plausibility warnings, when given, right under the summary paragraph', () => {
    const w = html.indexOf('<section id="warnings">');
    expect(w).toBeGreaterThan(html.indexOf('<section id="summary">'));
    expect(w).toBeLessThan(html.indexOf('<h2>Headline</h2>'));
  });
});
