import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { GLOSSARY } from '../../src/report/html/glossary.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { formatCurrency } from '../../src/report/money.js';
import { runReportScenario } from './fixture.js';

let summary: Summary;
let html: string;

beforeAll(async () => {
  const run = await runReportScenario(undefined, 500);
  summary = run.summary;
  html = reportHtml({ summary, scenario: run.sim.loaded.scenario, charts: [], warningsHtml: '<section id="warnings"><h2>Warnings</h2></section>' });
});

describe('what each metric means, where it is shown', () => {
  it('shows a new ARR line beside bookings, and says bookings include renewals', () => {
    const s = summary.byComponent.endingArr.newBusiness!;
    expect(html).toMatch(/<th scope="row" class="indent">of which new ARR \(new customers\)<\/th><td class="num">[^<]+<\/td><td class="num">[^<]+<\/td>/);
    expect(html).toContain(`<td class="num">${formatCurrency(s.percentiles.p50, '$')}</td>`);
    expect(html).toContain('renewals included');
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
