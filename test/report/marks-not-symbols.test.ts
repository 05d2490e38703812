import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { buildCharts } from '../../src/report/charts/chart-set.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { answerOf } from '../../src/studio/answer.js';
import { columnAmountFormat, type MoneyColumn } from '../../src/report/xlsx/cell-text.js';
import { runReportScenario, TWO_TIERS } from './fixture.js';

/**
 * report.html, the charts, report.xlsx and the studio's answer take each currency's minor digits from
 * its code (currencyMark), not back from its symbol: markMinorDigits built a table of every
 * currency's symbol (Intl.supportedValuesOf, some 20 ms of CPU the first time, below the noise), which a
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

  // A dinar's fils, written: a company of 0.6 KWD of ARR, so its revenue's P50 lies below 1 and reads
  // with three decimals, three significant digits (with minorDigits forced to 0 the test above passed).
  it("writes a dinar amount below 1 with its three decimals (the fils) in report.html, a chart's data and report.xlsx", async () => {
    const yaml = 'name: Fils\ncurrency: KWD\ntiers:\n  - name: Tiny\n    existing: { openingArr: 0.6, customers: 10, renewalRate: 0.8 }\n';
    const { sim, summary } = await runReportScenario(yaml, 200);
    const p50 = summary.metrics.revenue.percentiles.p50!;
    expect(p50).toBeGreaterThanOrEqual(0.1);
    expect(p50).toBeLessThan(1);
    const fils = `KWD ${Number(p50.toPrecision(3)).toFixed(3)}`;
    expect(fils).toMatch(/^KWD 0\.\d{3}$/);
    const html = reportHtml({ summary, scenario: parseScenario(yaml, 'fils.yaml').scenario, charts: [], files: [] });
    expect(html).toContain(fils);
    const data = JSON.stringify(buildCharts(summary, sim.store).map((c) => (c.spec as { datasets?: unknown }).datasets));
    expect(data).toContain(fils);
    const sheet = reportSheets(summary, parseScenario(yaml, 'fils.yaml').scenario).find((s) => s.name === 'Summary')!;
    const column = sheet.header.indexOf('P50');
    expect(column).toBeGreaterThan(0);
    const row = sheet.rows.find((r) => r[0] === 'Recognized revenue')!;
    expect(row[column]).toBe(p50);
    const format = sheet.formats[column]!;
    expect(typeof format === 'string' ? format : columnAmountFormat(p50, format as MoneyColumn)).toMatch(/^"KWD ?"#,##0\.000;/);
  });
});
