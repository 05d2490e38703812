import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { reforecastSummary } from '../../src/analysis/reforecast-summary.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { forecastKindWords } from '../../src/report/forecast-kind-words.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { sipSpecs } from '../../src/report/sipmath.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { monthlyFile } from '../actuals/monthly-file.js';

// A fiscal year starting in July: the closed months are named from July.
const YAML = `
name: kind of forecast
trials: 300
seed: 5
fiscalYearStartMonth: 7
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      salesCycleMonths: 0
      acv: 10000
`;

const closed = (k: number) => Array.from({ length: k }, (_, m) => ({ leads: 1000, deals: 50, new_arr: 500_000, churned_arr: 0, renewed_arr: 0, ending_arr: 500_000 * (m + 1) }));

async function summaryOf(k: number | undefined) {
  return (await runOf(k)).summary;
}

async function runOf(k: number | undefined) {
  const sim = await simulate(scenarioFrom(YAML), { trials: 300, seed: 5, workers: 0, ...(k ? { actuals: { file: monthlyFile({ T: closed(k) }, 'books/june-actuals.csv'), months: k } } : {}) });
  const summary = summarize(sim);
  // As `arrcast run` makes it (cli/report-run.ts): the re-forecast's section beside the summary.
  return { sim, summary: sim.reforecast ? { ...summary, reforecast: reforecastSummary(sim, summary, sim.reforecast) } : summary };
}

describe('a re-forecast says it is one, wherever a plan run says what it forecasts', () => {
  it('names the closed months and the actuals file in the terminal header, the paragraph and report.html', async () => {
    const s = await summaryOf(6);
    expect(forecastKindWords(s)).toEqual({ year: 'this fiscal year', closed: '6 closed months (Jul to Dec)' });
    expect(summaryTable(s).split('\n')[0]).toBe('kind of forecast: re-forecast from 6 closed months (Jul to Dec) in books/june-actuals.csv, 300 trials, seed 5, USD. Px = x% chance of coming in below.');
    expect(summaryParagraph(s)).toMatch(/^Recognized revenue this fiscal year, re-forecast from 6 closed months \(Jul to Dec\), is most likely about /);
    const html = reportHtml({ summary: s, scenario: scenarioFrom(YAML).scenario, charts: [] });
    expect(html).toContain('<title>kind of forecast: re-forecast of this fiscal year');
    expect(html).toContain('Monte Carlo re-forecast of this fiscal year (Jul to Jun), from 6 closed months (Jul to Dec) in books/june-actuals.csv');
    expect(html).not.toMatch(/next fiscal year/i);
    expect(html).toContain('This fiscal year, re-forecast, USD.');
  });

  it("says so in report.xlsx's title and sipmath.json's descriptions too (they read 'next fiscal year')", async () => {
    const s = await summaryOf(6);
    const sheets = reportSheets(s, scenarioFrom(YAML).scenario);
    expect(sheets[0]!.preamble[0]).toBe('kind of forecast: this fiscal year, re-forecast from 6 closed months (Jul to Dec) in books/june-actuals.csv, USD');
    expect(JSON.stringify(sheets)).not.toMatch(/next fiscal year/i);
    const sips = sipSpecs(s, { column: () => new Float64Array(300) });
    expect(sips[0]!.description).toBe('Recognized revenue of this fiscal year, re-forecast from 6 closed months (Jul to Dec), USD');
  });

  it("the charts' titles and captions are of this year, not the next (they read 'Next year’s recognized revenue')", async () => {
    const reforecast = await runOf(6);
    const charts = JSON.stringify(buildCharts(reforecast.summary, reforecast.sim.store));
    expect(charts).not.toMatch(/next year/i);
    expect(charts).toContain('This year’s recognized revenue');
    expect(charts).toContain('Distribution of this year’s recognized revenue');
    const plan = await runOf(undefined);
    const planCharts = JSON.stringify(buildCharts(plan.summary, plan.sim.store));
    expect(planCharts).toContain('Next year’s recognized revenue');
    expect(planCharts).not.toMatch(/this year/i);
  });

  it('one closed month is named alone', async () => {
    expect(forecastKindWords(await summaryOf(1)).closed).toBe('1 closed month (Jul)');
  });

  it('a plan run forecasts the next fiscal year and says nothing of a re-forecast', async () => {
    const s = await summaryOf(undefined);
    expect(forecastKindWords(s)).toEqual({ year: 'next fiscal year', closed: undefined });
    expect(summaryTable(s).split('\n')[0]).toBe('kind of forecast: 300 trials, seed 5, USD. Px = x% chance of coming in below.');
    expect(summaryParagraph(s)).toMatch(/^Recognized revenue next fiscal year is most likely about /);
    expect(summaryTable(s) + summaryParagraph(s)).not.toContain('re-forecast');
    expect(reportSheets(s, scenarioFrom(YAML).scenario)[0]!.preamble[0]).toBe('kind of forecast: next fiscal year, USD');
    expect(sipSpecs(s, { column: () => new Float64Array(300) })[0]!.description).toBe('Recognized revenue of the next fiscal year, USD');
  });
});
