import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { answerOf } from '../../src/studio/answer.js';
import { runReportScenario, TWO_TIERS } from './fixture.js';

/**
 * report.html, the charts, report.xlsx and the studio's answer take each currency's minor digits from
 * its code (currencyMark), not back from its symbol: markMinorDigits built a table of every
 * currency's symbol (Intl.supportedValuesOf, about 130 ms the first time, under load), which a
 * browser without Intl.supportedValuesOf (the studio's page; Safari before 15.4) cannot build at all.
 * Here the runtime has none: every output must still write a dinar's amounts.
 */
const KWD = TWO_TIERS.replace('currency: USD', 'currency: KWD');
const supported = Intl.supportedValuesOf;

beforeAll(() => {
  (Intl as { supportedValuesOf?: unknown }).supportedValuesOf = () => {
    throw new TypeError('Intl.supportedValuesOf is not a function');
  };
});
afterAll(() => {
  Intl.supportedValuesOf = supported;
});

describe('amounts written from the currency, not its symbol', () => {
  it('report.html, the charts, report.xlsx and the studio write KWD amounts without a table of symbols', async () => {
    const { sim, summary } = await runReportScenario(KWD, 200);
    expect(summary.scenario.currency).toBe('KWD');
    const scenario = parseScenario(KWD, 'kwd.yaml').scenario;
    const html = reportHtml({ summary, scenario, charts: [], files: [] });
    expect(html).toMatch(/KWD \d/);
    const charts = buildCharts(summary, sim.store);
    expect(charts.length).toBeGreaterThan(3);
    expect(JSON.stringify(charts.map((c) => c.spec))).toContain('KWD ');
    expect(reportSheets(summary, scenario).length).toBeGreaterThan(4);
    const answer = answerOf(sim, 0.8, sim);
    expect(JSON.stringify(answer)).toContain('KWD ');
  });
});
